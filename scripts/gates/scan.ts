/**
 * Gate and `npm run scan`: Salesforce Code Analyzer (`@salesforce/code-analyzer-core`) over the BUILT package, as an
 * AppExchange security reviewer runs it: the rule selectors Recommended, Security and AppExchange, every engine that
 * is installed among PMD (required), ESLint, regex and retire-js (Graph Engine is not: see docs/security-review.md).
 *
 * The package is staged in a temporary folder (removed afterwards): force-app after `npm run build`, less what `.forceignore`
 * keeps out of a deployment (TypeScript sources, jest tests, tsconfig files), so the shipped `.js` is what is scanned.
 * Writes `test-results/scan/report.html`, `report.csv` and `summary.md`.
 *
 * Fails on: any Critical or High finding, any engine error (an engine that does not load, an error logged by an
 * engine, a file an engine could not parse), and any finding without a row in the findings table of
 * `docs/security-review.md` (rule and file; the justification column must not be empty).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { ensureLwcBuild } from './build-once';
import { GateResult, listFiles, nodeModules, run, runAsScript } from './lib';

export const SELECTORS = ['Recommended', 'Security', 'AppExchange'];
/** Engine packages in the order they are tried; PMD is required, the others run when installed. */
export const ENGINE_PACKAGES: { name: string; pkg: string; required: boolean }[] = [
  { name: 'pmd', pkg: '@salesforce/code-analyzer-pmd-engine', required: true },
  { name: 'eslint', pkg: '@salesforce/code-analyzer-eslint-engine', required: false },
  { name: 'regex', pkg: '@salesforce/code-analyzer-regex-engine', required: false },
  { name: 'retire-js', pkg: '@salesforce/code-analyzer-retirejs-engine', required: false }
];
const SEVERITY = ['', 'Critical', 'High', 'Moderate', 'Low', 'Info'];

export interface Justification {
  engine: string;
  rule: string;
  file: string;
  justification: string;
}

export interface ScanFinding {
  engine: string;
  rule: string;
  severity: number;
  /** The rule's tags, e.g. Recommended, Security, AppExchange. */
  tags: string[];
  file: string;
  line: number;
  message: string;
}

/**
 * The findings table of docs/security-review.md: rows `| engine | rule | file | severity | justification |` under
 * the heading "Remaining findings". `file` is relative to the staged package (e.g. `main/default/classes/X.cls`).
 */
export function readJustifications(markdown: string): Justification[] {
  const start = markdown.search(/^##+ Remaining findings/m);
  if (start < 0) return [];
  const rows: Justification[] = [];
  for (const line of markdown.slice(start).split('\n').slice(1)) {
    if (/^##/.test(line)) break;
    const cells = line.split('|').map((c) => c.trim().replace(/^`|`$/g, '').replace(/\\\*/g, '*'));
    if (cells.length < 6 || !line.trim().startsWith('|')) continue;
    const [, engine = '', rule = '', file = '', , justification = ''] = cells;
    if (/^-+$/.test(engine) || engine === 'engine') continue;
    rows.push({ engine, rule, file, justification });
  }
  return rows;
}

/** A row's file column: a path relative to the package, `*` within one folder, `**` across folders. */
export function fileMatches(pattern: string, file: string): boolean {
  const regex = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')
    )
    .join('.*');
  return new RegExp(`^${regex}$`).test(file);
}

/**
 * Findings that no row of the table justifies (same engine and rule, matching file, a justification of substance).
 * A finding of a Security or AppExchange rule needs a row naming its file exactly: wildcards serve only the
 * code-quality rules.
 */
export function unjustified(findings: ScanFinding[], rows: Justification[]): ScanFinding[] {
  const security = (f: ScanFinding): boolean => f.tags.some((t) => t === 'Security' || t === 'AppExchange');
  return findings.filter(
    (f) =>
      !rows.some(
        (r) =>
          r.engine === f.engine &&
          r.rule === f.rule &&
          (security(f) ? r.file === f.file : fileMatches(r.file, f.file)) &&
          r.justification.length > 10
      )
  );
}

/**
 * Syntax in the shipped JavaScript that Salesforce's JavaScript analyzers cannot handle, which a reviewer's report
 * lists as errors: `catch {` without a binding (ES2019; the review's PMD/Rhino JavaScript parser rejects it) and hex
 * literals above 0x7fffffff (PMD's InaccurateNumericLiteral rule fails on them), plus any plain syntax error.
 */
export function shippedJsFindings(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const findings: string[] = [];
  const at = (node: ts.Node): number => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  for (const d of (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? []) {
    const line = file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
    findings.push(`${path}:${line} syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCatchClause(node) && !node.variableDeclaration) {
      findings.push(`${path}:${at(node)} \`catch {\` without a binding: PMD's JavaScript parser cannot parse it`);
    }
    if (ts.isNumericLiteral(node) && /^0x/i.test(node.getText(file)) && Number(node.text) > 0x7fffffff) {
      findings.push(
        `${path}:${at(node)} hex literal ${node.getText(file)} above 0x7fffffff: PMD's JavaScript rules fail on it`
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

/** Copies force-app less what .forceignore keeps out of a deployment. */
function stagePackage(root: string, out: string): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'force-app'), out, {
    recursive: true,
    filter: (source) => {
      const path = relative(join(root, 'force-app'), source);
      if (path.split('/').includes('__tests__')) return false;
      return !(
        path.endsWith('.ts') ||
        /(^|\/)(tsconfig[^/]*|jsconfig)\.json$/.test(path) ||
        path.endsWith('.eslintrc.json')
      );
    }
  });
}

interface CoreModule {
  CodeAnalyzer: new (config: unknown) => {
    addEnginePlugin(plugin: unknown): Promise<void>;
    getEngineNames(): string[];
    createWorkspace(paths: string[]): Promise<unknown>;
    selectRules(selectors: string[], options: { workspace: unknown }): Promise<{ getCount(): number }>;
    run(selection: unknown, options: { workspace: unknown }): Promise<RunResultsLike>;
    onEvent(type: string, callback: (event: { logLevel: number; message: string; engineName?: string }) => void): void;
  };
  CodeAnalyzerConfig: { withDefaults(): unknown; fromObject(o: object): unknown };
  OutputFormat: Record<string, string>;
  RunResultsFormatter: { forFormat(format: string): { format(results: RunResultsLike): string } };
}
interface RunResultsLike {
  getEngineNames(): string[];
  getEngineRunResults(name: string): { getEngineVersion(): string };
  getViolations(): {
    getRule(): { getEngineName(): string; getName(): string; getSeverityLevel(): number; getTags(): string[] };
    getMessage(): string;
    getPrimaryLocation(): { getFile(): string | undefined; getStartLine(): number | undefined };
  }[];
}

/** The scan itself (async: Code Analyzer's API is promise-based). */
export async function scan(
  root: string
): Promise<Omit<GateResult, 'gate' | 'millis'> & { findingsList: ScanFinding[] }> {
  const modules = nodeModules(root);
  const outDir = join(root, 'test-results', 'scan');
  // Staged outside the tree: the other gates (eslint, apex-ls, jest) must not see a second copy of the package.
  const staged = join(mkdtempSync(join(tmpdir(), 'aloware-scan-')), 'package');
  mkdirSync(outDir, { recursive: true });
  const build = ensureLwcBuild(root);
  if (!build.ok) {
    return {
      ok: false,
      findings: [`npm run build failed: ${build.output}`],
      summary: 'build failed',
      findingsList: []
    };
  }
  stagePackage(root, staged);
  const extraModules = process.env.ALOWARE_SCAN_ENGINES; // optional node_modules folder with more engines
  const load = (pkg: string): unknown => {
    for (const base of [modules, extraModules].filter(Boolean) as string[]) {
      if (existsSync(join(base, pkg, 'package.json'))) return createRequire(join(base, 'scan.js'))(pkg);
    }
    return null;
  };
  const core = createRequire(join(modules, 'scan.js'))('@salesforce/code-analyzer-core') as CoreModule;
  const errors: string[] = [];
  const analyzer = new core.CodeAnalyzer(
    core.CodeAnalyzerConfig.fromObject({
      log_folder: outDir,
      root_working_folder: staged,
      // PMD parses JavaScript only when asked (its default is Apex and Visualforce): the shipped LWC .js is scanned.
      engines: { pmd: { rule_languages: ['apex', 'javascript', 'visualforce', 'xml'] } }
    })
  );
  // Error-level log events (0/1 = Error) from the core or an engine are engine errors.
  for (const type of ['LogEvent', 'EngineLogEvent']) {
    analyzer.onEvent(type, (event) => {
      if (event.logLevel <= 1) errors.push(`${event.engineName ?? type}: ${event.message}`);
    });
  }
  const engines: string[] = [];
  const missing: string[] = [];
  for (const engine of ENGINE_PACKAGES) {
    const module = load(engine.pkg) as { createEnginePlugin(): unknown } | null;
    if (!module) {
      if (engine.required) errors.push(`engine ${engine.name}: ${engine.pkg} is not installed`);
      else missing.push(engine.name);
      continue;
    }
    await analyzer.addEnginePlugin(module.createEnginePlugin());
    engines.push(engine.name);
  }
  for (const file of listFiles(staged, (name) => name.endsWith('.js'))) {
    errors.push(...shippedJsFindings(relative(staged, file), readFileSync(file, 'utf8')));
  }
  const workspace = await analyzer.createWorkspace([staged]);
  const selection = await analyzer.selectRules(SELECTORS, { workspace });
  const results = await analyzer.run(selection, { workspace });
  writeFileSync(
    join(outDir, 'report.html'),
    core.RunResultsFormatter.forFormat(core.OutputFormat.HTML ?? 'HTML').format(results)
  );
  writeFileSync(
    join(outDir, 'report.csv'),
    core.RunResultsFormatter.forFormat(core.OutputFormat.CSV ?? 'CSV').format(results)
  );

  const findingsList: ScanFinding[] = results.getViolations().map((v) => ({
    engine: v.getRule().getEngineName(),
    rule: v.getRule().getName(),
    severity: v.getRule().getSeverityLevel(),
    tags: v.getRule().getTags(),
    file: relative(staged, v.getPrimaryLocation().getFile() ?? ''),
    line: v.getPrimaryLocation().getStartLine() ?? 0,
    message: v.getMessage().trim()
  }));
  const docPath = join(root, 'docs', 'security-review.md');
  const rows = existsSync(docPath) ? readJustifications(readFileSync(docPath, 'utf8')) : [];
  const describe = (f: ScanFinding): string =>
    `${f.file}:${f.line} ${f.engine}:${f.rule} (${SEVERITY[f.severity]}): ${f.message}`;
  // Parse errors are engine errors whatever their severity (PMD reports them as violations of a processing-error rule).
  const parseErrors = findingsList.filter((f) =>
    /ProcessingError|ParseError|parsing error/i.test(`${f.rule} ${f.message}`)
  );
  const severe = findingsList.filter((f) => f.severity <= 2 && !parseErrors.includes(f));
  const noJustification = unjustified(findingsList, rows).filter(
    (f) => !parseErrors.includes(f) && !severe.includes(f)
  );
  const failures = [
    ...errors.map((e) => `engine error: ${e}`),
    ...parseErrors.map((f) => `engine error (file not parsed): ${describe(f)}`),
    ...severe.map((f) => `${SEVERITY[f.severity]} finding: ${describe(f)}`),
    ...noJustification.map((f) => `finding without a justification in docs/security-review.md: ${describe(f)}`)
  ];
  const bySeverity = [1, 2, 3, 4, 5].map(
    (s) => `${SEVERITY[s]} ${findingsList.filter((f) => f.severity === s).length}`
  );
  const versions = results.getEngineNames().map((n) => `${n} ${results.getEngineRunResults(n).getEngineVersion()}`);
  const summary =
    `engines ran: ${versions.join(', ')}${missing.length ? ` (not installed: ${missing.join(', ')})` : ''}; ` +
    `selectors ${SELECTORS.join(', ')}; ${selection.getCount()} rules; ${findingsList.length} finding(s): ${bySeverity.join(', ')}; ` +
    `${errors.length + parseErrors.length} engine error(s)`;
  const lines = [
    '# Code Analyzer scan of the built package',
    '',
    `- ${summary}`,
    `- report: test-results/scan/report.html, report.csv`,
    '',
    '| engine | rule | severity | file:line | justified |',
    '| --- | --- | --- | --- | --- |',
    ...findingsList.map(
      (f) =>
        `| ${f.engine} | ${f.rule} | ${SEVERITY[f.severity]} | ${f.file}:${f.line} | ${unjustified([f], rows).length === 0 ? 'yes' : 'NO'} |`
    ),
    '',
    failures.length ? `## Failures\n\n${failures.map((f) => `- ${f}`).join('\n')}` : 'No failures.'
  ];
  writeFileSync(join(outDir, 'summary.md'), lines.join('\n') + '\n');
  rmSync(join(staged, '..'), { recursive: true, force: true });
  return { ok: failures.length === 0, findings: failures, summary, findingsList };
}

/** Synchronous gate for run-all: runs the scan in a child process (the core is promise-based). */
export function scanGate(root: string): GateResult {
  const started = Date.now();
  const result = run(process.execPath, [join(nodeModules(root), '.bin', 'tsx'), __filename, root], root);
  const lines = result.stdout.split('\n');
  const head = lines.find((l) => l.startsWith('[PASS] scan') || l.startsWith('[FAIL] scan'));
  const findings = lines.filter((l) => l.startsWith('  - ')).map((l) => l.slice(4));
  if (!head) findings.push(`scan crashed (exit ${result.status}): ${result.stderr.slice(-2000)}`);
  return {
    gate: 'scan',
    ok: result.status === 0 && head?.startsWith('[PASS]') === true,
    findings,
    summary: head ? head.replace(/^\[(PASS|FAIL)\] scan \([\d.]+ s\): /, '') : 'crashed',
    millis: Date.now() - started
  };
}

if (require.main === module) {
  const root = process.argv[2] ?? join(__dirname, '..', '..');
  const started = Date.now();
  scan(root)
    .then((r) => {
      const gate: GateResult = {
        gate: 'scan',
        ok: r.ok,
        findings: r.findings,
        summary: r.summary,
        millis: Date.now() - started
      };
      runAsScript(() => gate);
    })
    .catch((error: unknown) => {
      console.log(`[FAIL] scan (${((Date.now() - started) / 1000).toFixed(1)} s): crashed`);
      console.log(`  - ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    });
}
