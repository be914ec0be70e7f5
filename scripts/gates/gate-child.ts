/**
 * One gate in a process of its own: `tsx scripts/gates/gate-child.ts <gate> [root]`. The runner (parallel.ts) starts
 * it with ALOWARE_GATE_RESULT set and reads the result from that file; the gate's own output (progress, skipped test
 * classes) is passed through. Exit 0 when the gate passes.
 */
import { GateResult, PROJECT_ROOT, RESULT_FILE_ENV, report, writeResultFile } from './lib';
import { gateNamed } from './registry';

function main(): void {
  const [name, root = PROJECT_ROOT] = process.argv.slice(2);
  if (!name) {
    console.error('usage: tsx scripts/gates/gate-child.ts <gate> [root]');
    process.exit(2);
  }
  let result: GateResult;
  try {
    result = gateNamed(name).run(root);
  } catch (error) {
    result = {
      gate: name,
      ok: false,
      findings: [`gate crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`],
      summary: 'crashed',
      millis: 0
    };
  }
  writeResultFile(result);
  if (!process.env[RESULT_FILE_ENV]) report(result);
  process.exit(result.ok ? 0 : 1);
}

main();
