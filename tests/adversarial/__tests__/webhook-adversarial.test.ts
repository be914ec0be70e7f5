/**
 * The generated adversarial suite for the webhook (issue 28): 5,000 bodies from a fixed seed, posted through the Apex
 * REST endpoint in the Apex emulator, every invariant checked on each (tests/adversarial/webhook/harness.ts). A new
 * seed and a larger count: `npm run adversarial -- --seed N --count M`.
 */
import { runAdversarial } from '../webhook/harness';
import { describeFigures } from '../webhook/run';

const SEED = 20261207;
const COUNT = 5000;

describe('adversarial webhook bodies', () => {
  it(`keeps every invariant for ${COUNT} generated bodies (seed ${SEED})`, () => {
    const figures = runAdversarial({ seed: SEED, count: COUNT });
    // The figures are the suite's report (bodies tried, invariants held): printed on every run.
    process.stdout.write(describeFigures(figures) + '\n');
    expect(figures.bodies).toBe(COUNT);
    expect(figures.checks).toBeGreaterThan(COUNT * 10);
    expect(figures.violations).toEqual([]);
  }, 1_800_000);
});
