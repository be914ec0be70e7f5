/**
 * The fidelity suite as jest tests: each case is an Apex snippet with the result the platform gives and the source
 * that documents it (`emulator/fidelity/cases/*.json`, sources in `emulator/fidelity/SOURCES.md`).
 */
import { loadCases, runCase } from '../fidelity/run';

const cases = loadCases();

describe('fidelity suite', () => {
  it('has at least 500 cited cases with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(500);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(c.cite.length).toBeGreaterThan(10);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const outcome = runCase(c);
    expect(outcome.detail).toBe('');
    expect(outcome.ok).toBe(true);
  });

  it('reports a wrong expectation as a failure (the runner can fail)', () => {
    const outcome = runCase({ id: 'planted', cite: 'planted fault', code: 'return 1 + 1;', expect: '3' });
    expect(outcome.ok).toBe(false);
    expect(outcome.detail).toContain('got "2"');
  });
});
