/**
 * Gate: jest over every LWC component and TS module (sfdx-lwc-jest) and the tooling tests, with coverage;
 * jest.config.js enforces lines >= 90% for lwc/ (jest exits non-zero below it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GateResult, bin, lwcTsFiles, read, run, runAsScript, timed } from './lib';

/** LWC TypeScript files with no entry in the coverage report (a file that drops out would escape the threshold). */
export function filesWithoutCoverage(root: string): string[] {
  const summary = join(root, 'coverage', 'coverage-summary.json');
  if (!existsSync(summary)) return ['coverage/coverage-summary.json was not written'];
  const covered = new Set(Object.keys(JSON.parse(read(summary)) as Record<string, unknown>));
  return lwcTsFiles(root)
    .filter((file) => !covered.has(file))
    .map((file) => `no coverage data for ${file.replace(root + '/', '')}`);
}

/**
 * The transform cache of coverage runs, apart from jest's default one: the LWC transformer's cache key ignores whether
 * coverage is on, so a module transformed earlier by a run without coverage would come back uninstrumented and
 * silently drop out of the report (seen here, when the gate ran with jest's default cache). Only coverage runs use
 * this folder, so every transform in it is instrumented; it is reused from run to run (and from test file to test file
 * within a run).
 */
export function coverageCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'aloware-jest-coverage');
}

export function jestGate(root: string): GateResult {
  return jestRun('jest', root, ['--coverage', `--cacheDirectory=${coverageCacheDir(root)}`]);
}

/**
 * `npm run check`'s jest: every test, without coverage (jest's default transform cache, warm after the first run).
 * `npm test`'s jest gate is the one that enforces coverage.
 */
export function jestCheckGate(root: string): GateResult {
  return jestRun('jest-check', root, []);
}

function jestRun(gate: string, root: string, extra: string[]): GateResult {
  const coverage = extra.includes('--coverage');
  return timed(gate, () => {
    const result = run(bin(root, 'jest'), ['--ci', '--silent', '--maxWorkers=2', ...extra], root);
    const output = `${result.stdout}\n${result.stderr}`;
    const tests = /Tests:\s+(.+)/.exec(output)?.[1] ?? 'no test summary';
    const lines = /Lines\s*:\s*([\d.]+%[^\n]*)/.exec(output)?.[1] ?? 'n/a';
    const findings = output
      .split('\n')
      .filter((line) => /●|FAIL |coverage threshold|No tests found/.test(line))
      .map((line) => line.trim())
      .slice(0, 200);
    if (coverage) findings.push(...filesWithoutCoverage(root));
    const ok = result.status === 0 && /\d+ passed/.test(tests) && !/failed/.test(tests) && findings.length === 0;
    if (!ok && findings.length === 0) findings.push(output.trim().split('\n').slice(-30).join('\n'));
    return { ok, findings, summary: coverage ? `${tests}; line coverage ${lines}` : `${tests} (no coverage)` };
  });
}

if (require.main === module) runAsScript(jestGate);
