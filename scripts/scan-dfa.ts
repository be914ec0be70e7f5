/**
 * `npm run scan:dfa`: Salesforce Graph Engine (`sfge`, the data-flow engine of Code Analyzer) over the package, as an
 * AppExchange security reviewer may run it: `@salesforce/code-analyzer-core` with the one engine
 * `@salesforce/code-analyzer-sfge-engine` and the selectors Recommended, Security, AppExchange (those of `npm run scan`).
 * On demand only, not in `npm test`: a full run takes many minutes and gigabytes of heap (docs/security-review.md,
 * "Graph Engine", has the figures for this machine).
 *
 * The package is staged in a temporary folder as `npm run scan` stages it (force-app less what `.forceignore` keeps out
 * of a deployment). Graph Engine reads only Apex and metadata, so no LWC build is needed.
 * Writes `test-results/scan-dfa/report.html`, `report.csv`, `summary.md` and Graph Engine's own log (`sfge-*.log`).
 *
 * Options (flag or environment variable):
 *   --heap <size>        ALOWARE_DFA_HEAP        Java heap, e.g. 8g (default 8g)
 *   --threads <n>        ALOWARE_DFA_THREADS     Graph Engine threads (default 2: the machine has 2 cores)
 *   --timeout <seconds>  ALOWARE_DFA_TIMEOUT     per-entry-point path evaluation limit (default 900)
 *   (ALOWARE_DFA_OUT: another report folder, e.g. for a second run beside a full one)
 *   --target <name>      (repeatable)            evaluate only entry points in files whose name contains <name>
 *                                                (the whole package stays in the workspace); for a quick check
 *   --skip-tests                                 leave classes/tests out of the workspace (quicker graph build;
 *                                                production code never calls a test class, so the paths of
 *                                                production entry points are the same)
 *
 * Fails on: any engine error; any Critical or High finding, and any finding that says the engine could not finish a
 * path (timeout, limit reached, path to check by hand), without a row in the table "Graph Engine findings" of
 * docs/security-review.md (`| rule | file | line | justification |`; line `*` for every line of the file; rule `*`
 * only for a path the engine did not finish, whatever rule it was evaluating).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { SELECTORS } from './gates/scan';

const SEVERITY = ['', 'Critical', 'High', 'Moderate', 'Low', 'Info'];
const ENGINE_PKG = '@salesforce/code-analyzer-sfge-engine';

export interface DfaOptions {
  heap: string;
  threads: number;
  timeoutSeconds: number;
  targets: string[];
  /** Leave the test classes out of the workspace (faster graph build; for --target runs only). */
  skipTests: boolean;
}

export interface DfaFinding {
  rule: string;
  severity: number;
  file: string;
  line: number;
  /** The entry point (source) of the path, when the engine names one. */
  source: string;
  message: string;
}

export interface DfaJustification {
  rule: string;
  file: string;
  line: string;
  justification: string;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): DfaOptions {
  const options: DfaOptions = {
    heap: env.ALOWARE_DFA_HEAP ?? '8g',
    threads: Number(env.ALOWARE_DFA_THREADS ?? 2),
    timeoutSeconds: Number(env.ALOWARE_DFA_TIMEOUT ?? 900),
    targets: [],
    skipTests: false
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--heap' && value) options.heap = argv[++i];
    else if (argv[i] === '--threads' && value) options.threads = Number(argv[++i]);
    else if (argv[i] === '--timeout' && value) options.timeoutSeconds = Number(argv[++i]);
    else if (argv[i] === '--target' && value) options.targets.push(argv[++i]);
    else if (argv[i] === '--skip-tests') options.skipTests = true;
    else throw new Error(`scan:dfa: unknown or incomplete option ${argv[i]}`);
  }
  return options;
}

/** Rows of the table under the heading "Graph Engine findings" in docs/security-review.md. */
export function readDfaJustifications(markdown: string): DfaJustification[] {
  const start = markdown.search(/^##+ Graph Engine findings/m);
  if (start < 0) return [];
  const rows: DfaJustification[] = [];
  for (const line of markdown.slice(start).split('\n').slice(1)) {
    if (/^##/.test(line)) break;
    if (!line.trim().startsWith('|')) continue;
    const cells = line.split('|').map((c) => c.trim().replace(/^`|`$/g, ''));
    if (cells.length < 6) continue;
    const [, rule = '', file = '', lineNo = '', justification = ''] = cells;
    if (/^-+$/.test(rule) || rule === 'rule') continue;
    rows.push({ rule, file, line: lineNo, justification });
  }
  return rows;
}

export function isJustified(f: DfaFinding, rows: DfaJustification[]): boolean {
  return rows.some(
    (r) =>
      (r.rule === f.rule || (r.rule === '*' && isIncomplete(f))) &&
      r.file === f.file &&
      (r.line === '*' || r.line.split(/[ ,]+/).includes(String(f.line))) &&
      r.justification.length > 10
  );
}

/** Findings that say the engine did not finish a path: they need a justification whatever their severity. */
export function isIncomplete(f: DfaFinding): boolean {
  // Graph Engine reports these under the rule it was evaluating, with one of its fixed messages (timeout, the path
  // expansion limit, an operation whose object or fields it could not resolve: "Confirm that ... checks").
  return (
    /Timeout|LimitReached|InternalExecutionError/i.test(f.rule) ||
    /timed out|timeout|limit reached|expansion upper limit|preemptively stopped|couldn't resolve|can't verify|confirm that|manual/i.test(
      f.message
    )
  );
}

/** Copies force-app less what .forceignore keeps out of a deployment (as the scan gate stages it). */
function stagePackage(root: string, out: string, skipTests: boolean): void {
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'force-app'), out, {
    recursive: true,
    filter: (source) => {
      const path = relative(join(root, 'force-app'), source);
      if (path.split('/').includes('__tests__')) return false;
      if (skipTests && path === join('main', 'default', 'classes', 'tests')) return false;
      return !(
        path.endsWith('.ts') ||
        /(^|\/)(tsconfig[^/]*|jsconfig)\.json$/.test(path) ||
        path.endsWith('.eslintrc.json')
      );
    }
  });
}

interface Violation {
  getRule(): { getName(): string; getSeverityLevel(): number };
  getMessage(): string;
  getPrimaryLocation(): { getFile(): string | undefined; getStartLine(): number | undefined };
  getCodeLocations(): { getFile(): string | undefined; getStartLine(): number | undefined }[];
}
interface Core {
  CodeAnalyzer: new (config: unknown) => {
    addEnginePlugin(plugin: unknown): Promise<void>;
    createWorkspace(paths: string[], targets?: string[]): Promise<unknown>;
    selectRules(selectors: string[], options: { workspace: unknown }): Promise<{ getCount(): number }>;
    run(
      selection: unknown,
      options: { workspace: unknown }
    ): Promise<{
      getViolations(): Violation[];
      getEngineRunResults(name: string): { getEngineVersion(): string };
    }>;
    onEvent(type: string, callback: (event: Record<string, unknown>) => void): void;
  };
  CodeAnalyzerConfig: { fromObject(o: object): unknown };
  OutputFormat: Record<string, string>;
  RunResultsFormatter: { forFormat(format: string): { format(results: unknown): string } };
}

export async function scanDfa(
  root: string,
  options: DfaOptions
): Promise<{ ok: boolean; failures: string[]; summary: string }> {
  const started = Date.now();
  const modules = join(root, 'node_modules');
  const outDir = process.env.ALOWARE_DFA_OUT ?? join(root, 'test-results', 'scan-dfa');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const staged = join(mkdtempSync(join(tmpdir(), 'aloware-dfa-')), 'package');
  stagePackage(root, staged, options.skipTests);
  const load = createRequire(join(modules, 'scan-dfa.js'));
  const core = load('@salesforce/code-analyzer-core') as Core;
  if (!existsSync(join(modules, ENGINE_PKG, 'package.json'))) {
    return { ok: false, failures: [`${ENGINE_PKG} is not installed (npm ci)`], summary: 'engine missing' };
  }
  const analyzer = new core.CodeAnalyzer(
    core.CodeAnalyzerConfig.fromObject({
      log_folder: outDir,
      root_working_folder: staged,
      engines: {
        sfge: {
          java_max_heap_size: options.heap,
          java_thread_count: options.threads,
          java_thread_timeout: options.timeoutSeconds * 1000
        }
      }
    })
  );
  const errors: string[] = [];
  let lastProgress = -10;
  for (const type of ['LogEvent', 'EngineLogEvent']) {
    analyzer.onEvent(type, (event) => {
      if (Number(event.logLevel) <= 1) errors.push(`${String(event.engineName ?? type)}: ${String(event.message)}`);
    });
  }
  analyzer.onEvent('EngineRunProgressEvent', (event) => {
    const percent = Number(event.percentComplete ?? 0);
    if (percent >= lastProgress + 5 || percent === 100) {
      lastProgress = percent;
      const minutes = ((Date.now() - started) / 60000).toFixed(1);
      console.log(`scan:dfa ${minutes} min: ${percent.toFixed(0)}%${event.message ? ` ${String(event.message)}` : ''}`);
    }
  });
  await analyzer.addEnginePlugin((load(ENGINE_PKG) as { createEnginePlugin(): unknown }).createEnginePlugin());

  const apex = (dir: string): string[] => readdirRecursive(dir).filter((f) => /\.(cls|trigger)$/.test(f));
  const targets = options.targets.length
    ? apex(staged).filter((f) => options.targets.some((t) => basename(f).includes(t)))
    : undefined;
  if (targets && targets.length === 0) {
    return { ok: false, failures: [`no Apex file matches ${options.targets.join(', ')}`], summary: 'no target' };
  }
  const workspace = await analyzer.createWorkspace([staged], targets);
  const selection = await analyzer.selectRules(SELECTORS, { workspace });
  const results = await analyzer.run(selection, { workspace });
  writeFileSync(
    join(outDir, 'report.html'),
    core.RunResultsFormatter.forFormat(core.OutputFormat.HTML).format(results)
  );
  writeFileSync(join(outDir, 'report.csv'), core.RunResultsFormatter.forFormat(core.OutputFormat.CSV).format(results));

  const findings: DfaFinding[] = results.getViolations().map((v) => {
    const locations = v.getCodeLocations();
    const source = locations.length > 1 ? locations[0] : undefined;
    return {
      rule: v.getRule().getName(),
      severity: v.getRule().getSeverityLevel(),
      file: relative(staged, v.getPrimaryLocation().getFile() ?? ''),
      line: v.getPrimaryLocation().getStartLine() ?? 0,
      source: source ? `${basename(source.getFile() ?? '')}:${source.getStartLine() ?? 0}` : '',
      message: v.getMessage().trim().replace(/\s+/g, ' ')
    };
  });
  const docPath = join(root, 'docs', 'security-review.md');
  const rows = existsSync(docPath) ? readDfaJustifications(readFileSync(docPath, 'utf8')) : [];
  const describe = (f: DfaFinding): string =>
    `${f.file}:${f.line} sfge:${f.rule} (${SEVERITY[f.severity]})${f.source ? ` from ${f.source}` : ''}: ${f.message}`;
  const mustJustify = findings.filter((f) => (f.severity <= 2 || isIncomplete(f)) && !isJustified(f, rows));
  const failures = [
    ...errors.map((e) => `engine error: ${e}`),
    ...mustJustify.map((f) => `not justified in docs/security-review.md: ${describe(f)}`)
  ];
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const bySeverity = [1, 2, 3, 4, 5].map((s) => `${SEVERITY[s]} ${findings.filter((f) => f.severity === s).length}`);
  const summary =
    `sfge ${results.getEngineRunResults('sfge').getEngineVersion()}; selectors ${SELECTORS.join(', ')}; ` +
    `${selection.getCount()} rules; ${targets ? `${targets.length} target file(s)` : 'whole package'}; heap ${options.heap}, ` +
    `${options.threads} thread(s), ${options.timeoutSeconds} s per path; ${minutes} min; ` +
    `${findings.length} finding(s): ${bySeverity.join(', ')}; ${findings.filter(isIncomplete).length} incomplete; ` +
    `${errors.length} engine error(s)`;
  const lines = [
    '# Graph Engine (sfge) scan of the package',
    '',
    `- ${summary}`,
    `- report: ${relative(root, outDir)}/report.html, report.csv; engine log: sfca-sfge-*.log in the same folder`,
    '',
    '| rule | severity | file:line | entry point | justified | message |',
    '| --- | --- | --- | --- | --- | --- |',
    ...findings.map(
      (f) =>
        `| ${f.rule} | ${SEVERITY[f.severity]} | ${f.file}:${f.line} | ${f.source} | ${isJustified(f, rows) ? 'yes' : 'NO'} | ${f.message.replace(/\|/g, '\\|')} |`
    ),
    '',
    failures.length ? `## Failures\n\n${failures.map((f) => `- ${f}`).join('\n')}` : 'No failures.'
  ];
  writeFileSync(join(outDir, 'summary.md'), lines.join('\n') + '\n');
  rmSync(join(staged, '..'), { recursive: true, force: true });
  return { ok: failures.length === 0, failures, summary };
}

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));
}

if (require.main === module) {
  const root = join(__dirname, '..');
  const started = Date.now();
  let options: DfaOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  scanDfa(root, options)
    .then((r) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[${r.ok ? 'PASS' : 'FAIL'}] scan:dfa (${seconds} s): ${r.summary}`);
      for (const f of r.failures) console.log(`  - ${f}`);
      process.exit(r.ok ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.log(`[FAIL] scan:dfa: crashed`);
      console.log(`  - ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    });
}
