/** Gate: `tsc --noEmit` in strict mode over all LWC TypeScript, scripts, tests and type declarations. */
import { join } from 'node:path';
import { writeLwcPaths } from '../lwc-paths';
import { GateResult, nodeModules, run, runAsScript, timed } from './lib';

export function tscGate(root: string): GateResult {
  return timed('tsc', () => {
    writeLwcPaths(root);
    const tsc = join(nodeModules(root), 'typescript', 'bin', 'tsc');
    const result = run(
      process.execPath,
      [tsc, '-p', join(root, 'tsconfig.json'), '--noEmit', '--pretty', 'false'],
      root
    );
    const findings = (result.stdout + result.stderr)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const ok = result.status === 0 && findings.length === 0;
    return { ok, findings, summary: ok ? 'no type errors (strict)' : `${findings.length} type error line(s)` };
  });
}

if (require.main === module) runAsScript(tscGate);
