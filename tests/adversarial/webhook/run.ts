/**
 * `npm run adversarial -- [--seed N] [--count M] [--batch B]`: runs M generated webhook bodies (default 5,000) from
 * seed N (default: a new random seed, printed so that a failure can be reproduced) through the Apex REST endpoint
 * in the Apex emulator and checks the invariants on each (tests/adversarial/webhook/harness.ts). Prints the figures
 * and every violation; exits non-zero on any.
 */
import { runAdversarial, type RunFigures } from './harness';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The figures as printed by the suite and by `npm run adversarial`. */
export function describeFigures(f: RunFigures): string {
  const held = f.checks - f.violations.length;
  const statuses = Object.entries(f.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  const lines = [
    `adversarial webhook suite: seed ${f.seed}, ${f.bodies} bodies tried, ${held} of ${f.checks} invariant checks held, ` +
      `${f.violations.length} violated (${(f.millis / 1000).toFixed(1)} s)`,
    `  outcomes: ${statuses}`
  ];
  const byInvariant = new Map<string, number>();
  for (const v of f.violations) byInvariant.set(v.invariant, (byInvariant.get(v.invariant) ?? 0) + 1);
  for (const [invariant, n] of byInvariant) lines.push(`  VIOLATED ${n}×: ${invariant}`);
  for (const v of f.violations.slice(0, 30))
    lines.push(`    body #${v.index} [${v.label}] ${v.invariant}: ${v.detail}`);
  return lines.join('\n');
}

if (require.main === module) {
  const seed = Number(arg('--seed') ?? Math.floor(Math.random() * 2 ** 31));
  const count = Number(arg('--count') ?? 5000);
  const batchSize = Number(arg('--batch') ?? 250);
  const figures = runAdversarial({
    seed,
    count,
    batchSize,
    onProgress: (n) => {
      if (n % 500 === 0) process.stderr.write(`  ${n} bodies\n`);
    }
  });
  console.log(describeFigures(figures));
  process.exitCode = figures.violations.length ? 1 : 0;
}
