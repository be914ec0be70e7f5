/**
 * Gate: the gate-test suite (gate-tests.ts), run in a process of its own. Its output (one line per planted fault) is
 * passed through; it fails when a planted fault was not caught or the suite could not run.
 */
import { join } from 'node:path';
import { GateResult, bin, run, runAsScript, timed } from './lib';

export function gateTestsGate(root: string): GateResult {
  return timed('gate-tests', () => {
    // Inside npm test the suite takes one lane of the runner's pool: its gates run one at a time there, beside the
    // tree's own gates in the other lane (ALOWARE_GATE_CORES, unless set for the whole run).
    const result = run(process.execPath, [bin(root, 'tsx'), join(root, 'scripts', 'gates', 'gate-tests.ts')], root, {
      ALOWARE_GATE_CORES: process.env.ALOWARE_GATE_TESTS_CORES ?? '1'
    });
    const output = `${result.stdout}${result.stderr}`.trimEnd();
    if (output) console.log(output);
    const lines = output.split('\n');
    const closing = [...lines].reverse().find((l) => /^gate-tests: \d+ of \d+ planted faults caught/.test(l));
    const findings =
      result.status === 0
        ? []
        : lines
            .filter((l) => /MISSED|FAILED|crashed/.test(l))
            .map((l) => l.trim())
            .concat(closing ? [] : [`exit ${result.status}, no closing line`]);
    return {
      ok: result.status === 0 && closing !== undefined,
      findings,
      summary: closing ?? `exit ${result.status}`
    };
  });
}

if (require.main === module) runAsScript(gateTestsGate);
