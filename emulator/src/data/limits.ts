/**
 * Governor limits of one transaction (Apex Developer Guide, Execution Governors and Limits): counters the SOQL,
 * DML, callout and async layers increment, the synchronous or asynchronous maximum, and the uncatchable
 * `System.LimitException` the platform throws when a counter passes its maximum. CPU time and heap are not
 * measured (the README says so); `statements` counts executed statements as a rough cost figure.
 */
import { fault } from '../runtime/ops';

export interface LimitDef {
  sync: number;
  async: number;
  /** The platform's message when exceeded. */
  message: string;
}

export const LIMITS: Record<string, LimitDef> = {
  queries: { sync: 100, async: 200, message: 'Too many SOQL queries: ' },
  queryRows: { sync: 50000, async: 50000, message: 'Too many query rows: ' },
  dmlStatements: { sync: 150, async: 150, message: 'Too many DML statements: ' },
  dmlRows: { sync: 10000, async: 10000, message: 'Too many DML rows: ' },
  callouts: { sync: 100, async: 100, message: 'Too many callouts: ' },
  queueableJobs: { sync: 50, async: 1, message: 'Too many queueable jobs added to the queue: ' },
  futureCalls: { sync: 50, async: 0, message: 'Too many future calls: ' },
  emailInvocations: { sync: 10, async: 10, message: 'Too many Email Invocations: ' },
  publishImmediateDml: { sync: 150, async: 150, message: 'Too many immediate DML: ' },
  aggregateQueries: { sync: 300, async: 300, message: 'Too many aggregate queries: ' },
  queryLocatorRows: { sync: 10000, async: 10000, message: 'Too many query locator rows: ' }
};

export class Limits {
  readonly used: Record<string, number> = {};
  statements = 0;
  /** Setup / non-setup DML seen in this transaction (the mixed-DML rule). */
  dmlCategories = new Set<string>();
  /** DML, savepoint or enqueue done: a callout now fails with "uncommitted work pending". */
  uncommittedWork = false;

  constructor(public async: boolean) {
    for (const k of Object.keys(LIMITS)) this.used[k] = 0;
  }

  max(name: string): number {
    const d = LIMITS[name];
    return this.async ? d.async : d.sync;
  }

  /** Adds `n` to a counter; past the maximum the platform throws an uncatchable LimitException. */
  add(name: string, n = 1): void {
    this.used[name] += n;
    const max = this.max(name);
    if (this.used[name] > max) throw fault('System.LimitException', LIMITS[name].message + this.used[name]);
  }
}

/** A fresh set of counters for a new transaction (the snippet / test runner calls it before each run). */
export function resetLimits(org: { limits: Limits }): void {
  org.limits = new Limits(org.limits.async);
}
