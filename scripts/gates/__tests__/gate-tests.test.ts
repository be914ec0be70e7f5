import { caught, END_TO_END_FAULT, EVERY_FINDING, FAULTS, gatesOf, plan } from '../gate-tests';
import { GATES } from '../registry';

describe('gate-tests planning', () => {
  it('plants every fault exactly once', () => {
    expect(plan(FAULTS).flat()).toEqual(expect.arrayContaining(FAULTS));
    expect(plan(FAULTS).flat()).toHaveLength(FAULTS.length);
  });

  it('never puts a fault in a copy with a fault that disturbs its gate', () => {
    for (const copy of plan(FAULTS)) {
      for (const fault of copy) {
        const disturbed = copy.filter((other) => other !== fault && (other.disturbs ?? []).includes(fault.gate));
        expect(disturbed).toEqual([]);
      }
    }
  });

  it('gives a copy that leaves tests out to faults of one gate only', () => {
    for (const copy of plan(FAULTS)) {
      if (copy.some((fault) => fault.trims)) expect(gatesOf(copy)).toHaveLength(1);
    }
  });

  it('shares a run of a gate among faults only when the gate reports every finding', () => {
    const solo = FAULTS.map((fault) => ({ ...fault, gate: 'one-finding-gate', disturbs: [] }));
    expect(plan(solo).every((copy) => copy.length === 1)).toBe(true);
    for (const copy of plan(FAULTS)) {
      for (const gate of gatesOf(copy)) {
        if (copy.filter((fault) => fault.gate === gate).length > 1) expect(EVERY_FINDING.has(gate)).toBe(true);
      }
    }
  });

  it('has a planted fault for every gate but the suite itself', () => {
    const planted = new Set(FAULTS.map((fault) => fault.gate));
    const without = GATES.map((g) => g.name).filter((name) => !planted.has(name) && name !== 'gate-tests');
    expect(without).toEqual([]);
    expect(FAULTS.some((fault) => fault.name === END_TO_END_FAULT)).toBe(true);
  });

  it('plants Apex faults only as distinct test classes, so each failure is named on its own', () => {
    const apexFiles = FAULTS.filter((fault) => fault.gate === 'apex').flatMap((fault) => Object.keys(fault.files));
    expect(new Set(apexFiles).size).toBe(apexFiles.length);
  });

  it('counts a fault as caught only when its gate failed and named it', () => {
    const fault = FAULTS[0];
    if (!fault) throw new Error('no faults');
    const result = { gate: fault.gate, ok: false, findings: ['something else'], summary: '', millis: 0 };
    expect(caught(fault, result)).toBe(false);
    expect(caught(fault, { ...result, ok: true })).toBe(false);
    expect(caught(fault, undefined)).toBe(false);
  });
});
