/**
 * Gate: the Apex tests, executed by the Apex emulator (`emulator/`, `npm run apex:test`). Fails on any failing test
 * method and names each one with the Apex exception type, message and stack. Test classes that need what the
 * emulator does not model yet are reported as skipped, by name and missing feature (never silently).
 */
import { join } from 'node:path';
import { bin, GateResult, run, runAsScript, timed } from './lib';

export function apexGate(root: string): GateResult {
  return timed('apex', () => {
    const result = run(bin(root, 'tsx'), [join(root, 'emulator', 'bin', 'apex-test.ts'), '--root', root], root);
    const output = `${result.stdout}\n${result.stderr}`;
    const lines = output.split('\n');
    const findings: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].startsWith('FAIL ')) {
        const at = lines[i + 1]?.trim().startsWith('at ') ? ` (${lines[i + 1].trim()})` : '';
        findings.push(lines[i].substring(5) + at);
      }
    }
    const closing = lines.reverse().find((l) => /^\d+ passed, \d+ failed/.test(l)) ?? '';
    if (result.status !== 0 && findings.length === 0) {
      findings.push(`apex:test exited ${result.status}: ${output.trim().split('\n').slice(-5).join(' | ')}`);
    }
    for (const l of output.split('\n')) if (l.startsWith('SKIP ')) console.log(`  ${l}`);
    const ok = result.status === 0 && findings.length === 0;
    return { ok, findings, summary: closing || 'no result line' };
  });
}

if (require.main === module) runAsScript(apexGate);
