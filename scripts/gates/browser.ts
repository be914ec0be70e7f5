/** Gate: the browser suite (real components in Debian Chromium through the local preview). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GateResult, bin, run, runAsScript, timed } from './lib';

export function browserGate(root: string): GateResult {
  return timed('browser', () => {
    const runner = join(root, 'tests', 'browser', 'run.ts');
    if (!existsSync(runner)) return { ok: false, findings: ['tests/browser/run.ts is missing'], summary: 'no suite' };
    const result = run(bin(root, 'tsx'), [runner], root);
    const output = `${result.stdout}\n${result.stderr}`;
    const closing = /(\d+) passed, (\d+) failed/.exec(output);
    const ok = result.status === 0 && closing !== null && Number(closing[1]) > 0 && closing[2] === '0';
    const findings = ok ? [] : output.trim().split('\n').slice(-60);
    return { ok, findings, summary: closing ? closing[0] : `exit ${result.status}, no closing line` };
  });
}

if (require.main === module) runAsScript(browserGate);
