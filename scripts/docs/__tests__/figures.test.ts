/**
 * The generated figures of README.md and docs/: every block equals what `npm run docs:figures` renders from the
 * committed docs/bench/*.json, so a hand edit or a figure file committed without its blocks fails npm test's jest gate.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCKS, documents, Figures, loadFigures, renderDocument, runCounts, table } from '../figures';
import { RunRecord, treeCounts } from '../run-record';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURE = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'npm-test.json'), 'utf8')) as RunRecord;

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** A document holding one block of each name given, empty. */
const withBlocks = (...names: string[]): string =>
  names.map((name) => `text\n\n<!-- figures:${name} -->\n<!-- /figures:${name} -->\n`).join('\n');

describe('the committed documents', () => {
  const figures = loadFigures(ROOT);

  it.each(documents(ROOT).map((path) => [path]))(
    '%s: every generated block is what docs/bench gives (else run npm run docs:figures)',
    (path) => {
      expect(renderDocument(read(path), figures, path).stale).toEqual([]);
    }
  );

  it('should give the README its gate times, suite sizes and benchmark figures, and keep it under 10 KB', () => {
    expect(renderDocument(read('README.md'), figures).blocks).toEqual(['gate-times', 'test-counts', 'bench-summary']);
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThan(10 * 1024);
  });

  it('should catch a hand-edited figure in a README block and put the generated one back', () => {
    const readme = read('README.md');
    const run = figures.run as RunRecord;
    const apex = run.gates.find((g) => g.name === 'apex');
    expect(apex).toBeDefined();
    const figure = (apex?.seconds ?? 0).toFixed(1);
    const planted = readme.replace(new RegExp(`(\\| \`apex\` +\\| +)${figure.replace('.', '\\.')}`), '$1999.9');
    expect(planted).not.toBe(readme); // the plant really changed the table
    const rendered = renderDocument(planted, figures, 'README.md');
    expect(rendered.stale).toEqual(['gate-times']);
    expect(rendered.text).toBe(readme);
  });

  it('should catch a figure file changed without regenerating its blocks', () => {
    const readme = read('README.md');
    const changed: Figures = { ...figures, run: { ...(figures.run as RunRecord), totalSeconds: 1 } };
    expect(renderDocument(readme, changed).stale).toEqual(['gate-times']);
  });
});

describe('the blocks, rendered from a run record', () => {
  const figures: Figures = { run: FIXTURE, bench: {} };

  it('should read the suites and planted faults from the gates summary lines', () => {
    expect(runCounts(FIXTURE)).toEqual({
      apexTests: 391,
      apexFailed: 0,
      jestTests: 1802,
      jestCoverage: '98.71 %',
      browserScenarios: 31,
      faultsCaught: 25,
      faultsPlanted: 25
    });
  });

  it('should list every gate in the run order with its seconds, mark a failed one and give the whole run', () => {
    const text = renderDocument(withBlocks('gate-times'), figures).text;
    const rows = text.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows.map((row) => /`([\w-]+)`/.exec(row)?.[1])).toEqual(FIXTURE.gates.map((g) => g.name));
    expect(text).toMatch(/\| `jest` +\| +201\.5 \| FAILED: 1,802 tests, line coverage 98\.71 % +\|/);
    expect(text).toMatch(/\| `apex` +\| +88\.2 \| passed: 391 Apex test methods +\|/);
    expect(text).toMatch(/\| whole run \(wall clock\) \| +571\.3 \| 12 of 13 gates passed +\|/);
    expect(text).toContain('load average 0.42 at the start, 2.31 at the end');
    expect(text).toContain('Node v20.20.2');
  });

  it('should count the suites, the fidelity cases and the vectors by kind', () => {
    const text = renderDocument(withBlocks('test-counts', 'vector-counts'), figures).text;
    expect(text).toContain('- 391 Apex test methods');
    expect(text).toContain('- 931 fidelity cases');
    expect(text).toContain('- 25 of 25 planted faults caught');
    expect(text).toContain('231 cases: 103 `toSalesforce`, 15 `toAloware`, 24 `outbound`, 40 `inbound`, 2 `echo`.');
  });

  it('should say a benchmark is not measured yet when its file is missing', () => {
    const text = renderDocument(withBlocks('bench-preview-org', 'bench-engine'), figures).text;
    expect(text).toContain('Not measured yet (`docs/bench/preview-org.json` is missing).');
    expect(text).toContain('Not measured yet (`docs/bench/engine.json` is missing).');
  });

  it('should mark a preview target that is not met', () => {
    const bench = {
      'preview-org': {
        generatedAt: '2026-12-09T00:00:00.000Z',
        cpus: 2,
        node: 'v20.20.2',
        figures: { 'syncLog.firstPage': { median: 96.4, p95: 120 }, 'syncLog.nextPage': { median: 180.2, p95: 200 } },
        targets: { 'syncLog.firstPage': { targetMs: 150 }, 'syncLog.nextPage': { targetMs: 150 } }
      }
    };
    const text = renderDocument(withBlocks('bench-preview-org'), { run: FIXTURE, bench }).text;
    expect(text).toMatch(/\| `syncLog\.firstPage` \| +96\.4 ms \| +120\.0 ms \| ≤ 150 ms met +\|/);
    expect(text).toMatch(/\| `syncLog\.nextPage` +\| +180\.2 ms \| +200\.0 ms \| ≤ 150 ms NOT met \|/);
  });

  it('should refuse an unknown block, a block never closed and a stray closing marker, naming the file', () => {
    expect(() => renderDocument(withBlocks('gate-timez'), figures, 'README.md')).toThrow(
      /README\.md: unknown block figures:gate-timez/
    );
    expect(() => renderDocument('<!-- figures:gate-times -->\n', figures, 'a.md')).toThrow(/a\.md: .*never closed/);
    expect(() => renderDocument('<!-- /figures:gate-times -->\n', figures, 'a.md')).toThrow(/closes no open block/);
  });

  it('should leave a marker quoted in prose alone', () => {
    const prose = 'blocks between `<!-- figures:NAME -->` and `<!-- /figures:NAME -->`\n';
    expect(renderDocument(prose, figures)).toEqual({ text: prose, stale: [], blocks: [] });
  });

  it('should say where the run record is missing', () => {
    expect(() => renderDocument(withBlocks('gate-times'), { run: undefined, bench: {} })).toThrow(
      /docs\/bench\/npm-test\.json is missing/
    );
  });

  it('should know every block a document uses', () => {
    for (const path of documents(ROOT)) {
      for (const name of renderDocument(read(path), loadFigures(ROOT), path).blocks) expect(BLOCKS[name]).toBeDefined();
    }
  });
});

describe('Markdown tables in Prettier layout', () => {
  it('should pad every column to its widest cell, right-align numbers and escape pipes', () => {
    expect(
      table(
        ['a', 'seconds'],
        [
          ['x|y', '1.5'],
          ['longer', '120.0']
        ],
        [false, true]
      )
    ).toBe(
      ['| a      | seconds |', '| ------ | ------: |', '| x\\|y   |     1.5 |', '| longer |   120.0 |'].join('\n')
    );
  });
});

describe('the run record', () => {
  it('should count the fidelity cases and the conformance vectors of the tree, by kind', () => {
    const tree = treeCounts(ROOT);
    expect(tree.fidelityCases).toBeGreaterThanOrEqual(500);
    expect(Object.values(tree.conformanceVectorsByKind).reduce((a, b) => a + b, 0)).toBe(tree.conformanceVectors);
    expect(Object.keys(tree.conformanceVectorsByKind)).toContain('toSalesforce');
  });
});
