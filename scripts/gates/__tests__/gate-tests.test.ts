import { FAULTS, rounds, skippedFor } from '../gate-tests';

describe('gate-tests planning', () => {
  it('plants the Apex test faults together and every other fault in a round of its own', () => {
    const planned = rounds(FAULTS);
    const apexRound = planned[0] ?? [];
    expect(apexRound.length).toBeGreaterThan(1);
    expect(apexRound.every((fault) => fault.gate === 'apex')).toBe(true);
    for (const round of planned.slice(1)) {
      expect(round).toHaveLength(1);
      expect(round[0]?.gate).not.toBe('apex');
    }
    expect(planned.flat()).toHaveLength(FAULTS.length);
  });

  it('plants Apex faults only as distinct test classes, so each failure is named on its own', () => {
    const apexFiles = FAULTS.filter((fault) => fault.gate === 'apex').flatMap((fault) => Object.keys(fault.files));
    expect(new Set(apexFiles).size).toBe(apexFiles.length);
  });

  it('runs the slow gates only in the rounds they concern', () => {
    expect(skippedFor(null).split(',')).toEqual(expect.arrayContaining(['apex', 'scan', 'jest', 'browser']));
    const apexFault = FAULTS.find((fault) => fault.gate === 'apex') ?? null;
    expect(skippedFor(apexFault).split(',')).not.toContain('apex');
    const scanFault = FAULTS.find((fault) => fault.gate === 'scan') ?? null;
    expect(skippedFor(scanFault).split(',')).not.toContain('scan');
    expect(skippedFor(scanFault).split(',')).toContain('tsc');
  });
});
