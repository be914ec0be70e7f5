/**
 * `npm run apex:test [-- --tests Class[.method],…] [--quiet] [--junit file] [--root dir] [--report file]`: loads
 * force-app into the emulator and runs the Apex tests (every test class, or the selected ones). Prints each failure
 * with the Apex exception type, message and stack, the governor use of each test method (unless `--quiet`), line
 * coverage per class, and ends with `N passed, N failed, N skipped`. `--report` writes the failures grouped by cause
 * (src/testing/report.ts), as JSON when the file name ends in `.json`, else as Markdown.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Emulator } from '../src/emulator';
import { loadProject } from '../src/metadata/loader';
import { failureReport, reportJson, reportMarkdown } from '../src/testing/report';
import { junitXml, runTests } from '../src/testing/runner';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  const root = resolve(arg('--root') ?? process.cwd());
  const started = Date.now();
  const project = loadProject(root);
  const emulator = new Emulator(project);
  const loaded = Date.now();
  const tests = (arg('--tests') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const result = runTests(emulator, {
    tests,
    onOutcome: (o) => {
      if (o.outcome === 'fail') {
        console.log(`FAIL ${o.className}.${o.methodName}: ${o.message}`);
        for (const line of (o.stack ?? '').split('\n')) if (line) console.log(`    at ${line}`);
      }
    }
  });
  for (const s of result.skippedClasses) console.log(`SKIP ${s.className}: ${s.reason}`);
  const passed = result.outcomes.filter((o) => o.outcome === 'pass').length;
  const failed = result.outcomes.filter((o) => o.outcome === 'fail').length;
  const skipped = result.outcomes.filter((o) => o.outcome === 'skip').length;

  const junit = arg('--junit') ?? join(root, 'test-results', 'apex', 'emulator-junit.xml');
  mkdirSync(dirname(junit), { recursive: true });
  writeFileSync(junit, junitXml(result));
  const reportFile = arg('--report');
  if (reportFile) {
    const report = failureReport(result);
    mkdirSync(dirname(resolve(reportFile)), { recursive: true });
    writeFileSync(reportFile, reportFile.endsWith('.json') ? reportJson(report) : reportMarkdown(report));
    console.log(
      `\nFailures by cause (${report.groups.length} causes; ${report.excluded} counted apart): ${reportFile}`
    );
    for (const g of report.groups.slice(0, 15)) console.log(`  ${String(g.count).padStart(4)}  ${g.cause}`);
  }

  if (!process.argv.includes('--quiet')) {
    console.log('\nGovernor use per test method (SOQL queries / DML statements / callouts, all its transactions):');
    for (const o of result.outcomes.filter((x) => x.outcome !== 'skip')) {
      console.log(`  ${o.className}.${o.methodName}: ${o.soql} / ${o.dml} / ${o.callouts}`);
    }
  }
  console.log('\nApex line coverage per class (statement lines executed / statement lines; @IsTest classes excluded):');
  let covered = 0;
  let total = 0;
  // With a subset (--tests) only the classes the run touched are listed; a full run lists every product class.
  const rows = [...result.coverage]
    .filter(([, c]) => tests.length === 0 || c.covered > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  for (const [file, c] of rows) {
    covered += c.covered;
    total += c.total;
    console.log(
      `  ${file.padEnd(44)} ${String(c.covered).padStart(5)} / ${String(c.total).padEnd(5)} ${((100 * c.covered) / Math.max(1, c.total)).toFixed(1)} %`
    );
  }
  console.log(
    `  ${'total'.padEnd(44)} ${String(covered).padStart(5)} / ${String(total).padEnd(5)} ${((100 * covered) / Math.max(1, total)).toFixed(1)} %`
  );
  console.log(
    `\nloaded ${project.apex.length} Apex files in ${((loaded - started) / 1000).toFixed(1)} s; ran ${result.outcomes.length} test methods in ${((Date.now() - loaded) / 1000).toFixed(1)} s; JUnit: ${junit}`
  );
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed > 0 ? 1 : 0;
}

// exitCode, not process.exit(): exiting at once can cut stdout that is still flowing into a pipe (the gate reads it).
process.exitCode = main();
