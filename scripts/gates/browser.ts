/** Gate: the browser suite (real components in Debian Chromium through the local preview). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GateResult, bin, run, runAsScript, timed } from './lib';

/** Each failed scenario's `FAIL` line with the lines that explain it (indented below it). */
export function failedScenarios(output: string): string[] {
  const findings: string[] = [];
  let current: string[] | null = null;
  for (const line of output.split('\n')) {
    if (line.startsWith('FAIL ')) {
      current = [line];
      findings.push('');
      continue;
    }
    if (current && (line.startsWith('  ') || line.trim() === '') && !/^\s*screenshot: /.test(line)) {
      if (line.trim()) current.push(line.trim());
      findings[findings.length - 1] = current.slice(0, 40).join('\n    ');
      continue;
    }
    current = null;
  }
  return findings.filter(Boolean);
}

export function browserGate(root: string): GateResult {
  return timed('browser', () => {
    const runner = join(root, 'tests', 'browser', 'run.ts');
    if (!existsSync(runner)) return { ok: false, findings: ['tests/browser/run.ts is missing'], summary: 'no suite' };
    const result = run(bin(root, 'tsx'), [runner], root);
    const output = `${result.stdout}\n${result.stderr}`;
    const closing = /(\d+) passed, (\d+) failed/.exec(output);
    const timing = /^time: .*$/m.exec(output)?.[0];
    const ok = result.status === 0 && closing !== null && Number(closing[1]) > 0 && closing[2] === '0';
    const failed = failedScenarios(output);
    const findings = ok ? [] : failed.length > 0 ? failed : output.trim().split('\n').slice(-60);
    const summary = closing ? `${closing[0]}${timing ? ` (${timing})` : ''}` : `exit ${result.status}, no closing line`;
    return { ok, findings, summary };
  });
}

if (require.main === module) runAsScript(browserGate);
