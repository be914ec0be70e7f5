import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesWithoutCoverage } from '../jest';

describe('jest gate coverage guard', () => {
  it('should name every LWC TypeScript file missing from the coverage report', () => {
    const root = mkdtempSync(join(tmpdir(), 'aloware-cov-'));
    try {
      for (const name of ['alowareA', 'alowareB']) {
        mkdirSync(join(root, 'force-app', 'main', 'default', 'lwc', name, '__tests__'), { recursive: true });
        writeFileSync(join(root, 'force-app', 'main', 'default', 'lwc', name, `${name}.ts`), 'export {};\n');
        writeFileSync(join(root, 'force-app', 'main', 'default', 'lwc', name, '__tests__', `${name}.test.ts`), '\n');
      }
      expect(filesWithoutCoverage(root)).toEqual(['coverage/coverage-summary.json was not written']);
      mkdirSync(join(root, 'coverage'));
      const covered = join(root, 'force-app', 'main', 'default', 'lwc', 'alowareA', 'alowareA.ts');
      writeFileSync(join(root, 'coverage', 'coverage-summary.json'), JSON.stringify({ total: {}, [covered]: {} }));
      expect(filesWithoutCoverage(root)).toEqual([
        'no coverage data for force-app/main/default/lwc/alowareB/alowareB.ts'
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
