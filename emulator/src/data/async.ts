/**
 * The asynchronous Apex engine: the job queue of one test method (or of the preview server), AsyncApexJob /
 * CronTrigger records, and running a job in its own transaction (Apex Developer Guide: Queueable Apex, Transaction
 * Finalizers, Batch Apex, Future Methods, Apex Scheduler, Testing Asynchronous Apex; Execution Governors and Limits).
 *
 * - In a test, jobs queued after `Test.startTest()` run when `Test.stopTest()` is called, synchronously, each in
 *   its own transaction with asynchronous governor limits ("All asynchronous calls made after the startTest method
 *   are collected by the system. When stopTest is executed, all asynchronous processes are run synchronously." —
 *   Apex Developer Guide, Using Limits, startTest, and stopTest).
 * - Outside a test, jobs wait in `org.hooks.async` until `drainAsync(org)` runs them (the preview server).
 * - Static variables: in a test the jobs run inside the test's execution, so statics set by the test are still
 *   set in the job (what orgs do; not stated in the guide: a knowledge-based behaviour, for fidelity/SOURCES.md);
 *   outside a test every job is a new transaction and starts with fresh statics.
 *
 * State lives in `org.hooks` (the test runner clears it for every test method).
 */
import type { MethodDecl } from '../parse/ast';
import type { ClassInfo, Interpreter, Platform } from '../runtime/interpreter';
import { ApexThrow } from '../runtime/interpreter';
import { fault, RuntimeFault, str } from '../runtime/ops';
import { ApexId, ApexList, ApexObject, NativeObject, SObjectValue, T } from '../runtime/values';
import { deliverEvents } from './eventBus';
import { Limits } from './limits';
import { executeQuery } from './soql';
import { queryLocatorRecords } from '../stdlib/database';
import type { Org, UserContext } from './org';
import { storedNow } from './systemTime';

export type JobKind = 'queueable' | 'batch' | 'future' | 'scheduled';

export interface AsyncJob {
  kind: JobKind;
  /** The AsyncApexJob Id. */
  id: ApexId;
  cls: ClassInfo;
  /** Queueable, batch or schedulable instance. */
  target: ApexObject | null;
  /** Future methods: the method and its arguments. */
  method?: MethodDecl;
  args?: unknown[];
  /** Batch: records per execute (default 200). */
  scope?: number;
  /** Queueable: the duplicate signature (AsyncOptions.DuplicateSignature). */
  signature?: string;
  /** Queueable: the finalizer attached while it ran. */
  finalizer?: ApexObject | null;
  /** Scheduled: the CronTrigger Id and job name. */
  cronId?: ApexId;
  name?: string;
  /** Queued between Test.startTest and Test.stopTest. */
  inWindow: boolean;
  /** 0: queued by the test or request; n: queued by a job of generation n-1. */
  generation: number;
  status: 'Queued' | 'Processing' | 'Completed' | 'Failed' | 'Aborted';
  user: UserContext;
  delayMinutes?: number;
  /** Queueable: position in its chain (1 for a job queued outside a queueable) and the chain's maximum. */
  depth?: number;
  maxDepth?: number | null;
}

export interface AsyncContext {
  isQueueable: boolean;
  isBatch: boolean;
  isFuture: boolean;
  isScheduled: boolean;
  /** The running job. */
  job: AsyncJob | null;
  /** Set when callouts are not allowed in this context: the platform's message. */
  noCallouts?: string;
  /** Batch: the method running (executeBatch is only allowed from finish). */
  phase?: 'start' | 'execute' | 'finish';
}

export interface AsyncState {
  jobs: AsyncJob[];
  /** Test.startTest called / Test.stopTest called. */
  started: boolean;
  stopped: boolean;
  /** The limits in effect before Test.startTest (restored by stopTest). */
  outerLimits: Limits | null;
  /** Future calls counted by hand in a queueable (the platform allows 50 there; Limits holds 0 for async). */
  futureInQueueable: number;
}

export const asyncState = (org: Org): AsyncState => {
  let s = org.hooks.async as AsyncState | undefined;
  if (!s) {
    s = { jobs: [], started: false, stopped: false, outerLimits: null, futureInQueueable: 0 };
    org.hooks.async = s;
  }
  return s;
};

export const asyncContext = (org: Org): AsyncContext | null => (org.hooks.context as AsyncContext | undefined) ?? null;

/** Adds the counters of a transaction's limits to `org.hooks.limitTotals` (the runner reports test totals). */
export function foldLimits(org: Org, limits: Limits): void {
  const totals = (org.hooks.limitTotals as Record<string, number> | undefined) ?? {};
  for (const [k, v] of Object.entries(limits.used)) totals[k] = (totals[k] ?? 0) + v;
  org.hooks.limitTotals = totals;
}

/** Is the code running between Test.startTest and Test.stopTest (async calls there are collected for stopTest)? */
export const inTestWindow = (org: Org): boolean => {
  const s = asyncState(org);
  return org.inTest && s.started && !s.stopped;
};

/** The ApexClass row of a class (seeded in the org for every project class), or null. */
export function apexClassId(org: Org, cls: ClassInfo): ApexId | null {
  const top = cls.name.split('.')[0].toLowerCase();
  for (const rec of org.table('ApexClass').values()) {
    if (String(rec.values.get('name') ?? '').toLowerCase() === top) return rec.values.get('id') as ApexId;
  }
  return null;
}

export function jobRecord(org: Org, id: ApexId): SObjectValue | undefined {
  return org.table('AsyncApexJob').get(id.value);
}

function setFields(org: Org, stored: SObjectValue | undefined, values: Record<string, unknown>): void {
  // Stored records are shared with snapshots: change a copy (Org.writable).
  const id = stored?.values.get('id');
  const rec = id instanceof ApexId ? org.writable(stored?.object ?? 'AsyncApexJob', id.value) : undefined;
  if (!rec) return;
  const fresh = org.record('AsyncApexJob', values);
  for (const [k, v] of fresh.values) {
    rec.values.set(k, v);
    rec.names.set(k, fresh.names.get(k) as string);
  }
}

const JOB_TYPES: Record<JobKind, string> = {
  queueable: 'Queueable',
  batch: 'BatchApex',
  future: 'Future',
  scheduled: 'ScheduledApex'
};

/** Queues a job: inserts its AsyncApexJob (Status Queued) and records it. Async work is pending uncommitted work. */
export function addJob(
  org: Org,
  interp: Interpreter,
  job: Omit<AsyncJob, 'id' | 'inWindow' | 'generation' | 'status' | 'user'>
): AsyncJob {
  const state = asyncState(org);
  const ctx = asyncContext(org);
  const values: Record<string, unknown> = {
    JobType: JOB_TYPES[job.kind],
    Status: 'Queued',
    ApexClassId: apexClassId(org, job.cls),
    CreatedDate: storedNow(interp),
    CreatedById: org.user.id,
    JobItemsProcessed: 0,
    TotalJobItems: 0,
    NumberOfErrors: 0,
    MethodName: job.method?.name ?? null,
    ParentJobId: ctx?.job?.id ?? null,
    CronTriggerId: job.cronId ?? null
  };
  const rec = org.put(org.record('AsyncApexJob', values));
  const full: AsyncJob = {
    ...job,
    id: rec.values.get('id') as ApexId,
    inWindow: inTestWindow(org) || (!!ctx?.job && ctx.job.inWindow),
    generation: ctx?.job ? ctx.job.generation + 1 : 0,
    status: 'Queued',
    user: org.user
  };
  state.jobs.push(full);
  // "Things that result in pending operations are DML statements, asynchronous Apex (such as future methods and
  // batch Apex jobs), scheduled Apex, or sending email." (Callout Limits and Limitations). Between startTest and
  // stopTest the async call is collected for stopTest and mock callouts stay allowed (Performing DML Operations
  // and Mock Callouts: "Asynchronous Apex and Mock Callouts").
  if (!inTestWindow(org)) org.limits.uncommittedWork = true;
  return full;
}

// ------------------------------------------------------------------ running

const newContext = (job: AsyncJob): AsyncContext => ({
  isQueueable: job.kind === 'queueable',
  isBatch: job.kind === 'batch',
  isFuture: job.kind === 'future',
  isScheduled: job.kind === 'scheduled',
  job,
  // Apex Developer Guide, Future Methods: "@future(callout=true)" is needed to call out from a future method.
  noCallouts:
    job.kind === 'future' && !futureAllowsCallouts(job.method)
      ? 'Callout not allowed from this future method. Please enable callout by annotating the future method. eg: @Future(callout=true)'
      : job.kind === 'scheduled'
        ? 'Callout from scheduled Apex not supported.'
        : undefined
});

function futureAllowsCallouts(m: MethodDecl | undefined): boolean {
  const a = m?.annotations.find((x) => x.name.toLowerCase() === 'future');
  return !!a && String(a.params.callout ?? '').toLowerCase() === 'true';
}

/** Materialises a thrown value as an Apex exception (ApexThrow), or returns null for emulator errors. */
function apexThrow(interp: Interpreter, e: unknown): ApexThrow | null {
  const m = e instanceof RuntimeFault ? interp.materialize(e) : e;
  return m instanceof ApexThrow ? m : null;
}

const describe = (t: ApexThrow): string =>
  `${t.exception.cls.name}: ${str(t.exception.fields.get('$message') ?? null)}`;

export interface RunOptions {
  /** In a test: statics are kept (the job runs inside the test's execution). */
  test: boolean;
}

/**
 * Runs `body` as an asynchronous transaction: fresh asynchronous limits (their counters are added to the test's
 * totals), the job's context for System.isQueueable() & co, the job's user; fresh statics outside tests.
 */
export function inAsyncTransaction(
  org: Org,
  interp: Interpreter,
  job: AsyncJob,
  options: RunOptions,
  body: () => void,
  phase?: AsyncContext['phase']
): void {
  const saved = { limits: org.limits, context: org.hooks.context, user: org.user, state: interp.state };
  org.limits = new Limits(true);
  org.hooks.context = { ...newContext(job), phase };
  org.user = job.user;
  if (!options.test) interp.resetTransaction();
  try {
    body();
  } finally {
    foldLimits(org, org.limits);
    org.limits = saved.limits;
    org.hooks.context = saved.context;
    org.user = saved.user;
    if (!options.test) interp.state = saved.state;
  }
}

/**
 * Runs one job. Returns the Apex exception the job ended with (after its finalizer ran), or null. Emulator errors
 * (JavaScript exceptions) propagate.
 */
export function runJob(org: Org, interp: Interpreter, job: AsyncJob, options: RunOptions): ApexThrow | null {
  if (job.status !== 'Queued') return null;
  job.status = 'Processing';
  const rec = jobRecord(org, job.id);
  setFields(org, rec, { Status: 'Processing' });
  let error: ApexThrow | null = null;
  let items = 0;
  let processed = 0;
  try {
    inAsyncTransaction(org, interp, job, options, () => {
      switch (job.kind) {
        case 'queueable':
          interp.callMethod(job.target as ApexObject, 'execute', [
            contextObject(interp, 'System.QueueableContext', job)
          ]);
          break;
        case 'future':
          interp.invoke(job.cls, job.method as MethodDecl, null, job.args ?? [], true);
          break;
        case 'scheduled':
          interp.callMethod(job.target as ApexObject, 'execute', [
            contextObject(interp, 'System.SchedulableContext', job)
          ]);
          break;
        case 'batch':
          break;
      }
    });
    if (job.kind === 'batch') {
      const r = runBatch(org, interp, job, options);
      items = r.items;
      processed = r.processed;
    }
  } catch (e) {
    error = apexThrow(interp, e);
    if (!error) throw e;
  }
  job.status = error ? 'Failed' : 'Completed';
  setFields(org, rec, {
    Status: job.status,
    CompletedDate: storedNow(interp),
    ExtendedStatus: error
      ? job.kind === 'batch'
        ? `First error: ${str(error.exception.fields.get('$message') ?? null)}`
        : describe(error)
      : null,
    NumberOfErrors: error ? 1 : 0,
    ...(job.kind === 'batch' ? { TotalJobItems: items, JobItemsProcessed: processed } : {})
  });
  if (job.kind === 'queueable' && job.finalizer) {
    runFinalizer(org, interp, job, error, options);
  }
  return error;
}

/**
 * "The Queueable job and the Finalizer run in separate Apex and Database transactions." (Transaction Finalizers).
 * The context reports SUCCESS or UNHANDLED_EXCEPTION and the exception (FinalizerContext Interface).
 */
function runFinalizer(
  org: Org,
  interp: Interpreter,
  job: AsyncJob,
  error: ApexThrow | null,
  options: RunOptions
): void {
  const finalizer = job.finalizer as ApexObject;
  const ctx = contextObject(interp, 'System.FinalizerContext', job);
  ctx.data.result = error ? 'UNHANDLED_EXCEPTION' : 'SUCCESS';
  ctx.data.exception = error ? error.exception : null;
  inAsyncTransaction(org, interp, job, options, () => {
    // The finalizer runs after the queueable: not a queueable context for attachFinalizer.
    (org.hooks.context as AsyncContext).isQueueable = false;
    (org.hooks.context as AsyncContext).job = { ...job, finalizer: null };
    interp.callMethod(finalizer, 'execute', [ctx]);
  });
}

/** QueueableContext / SchedulableContext / BatchableContext / FinalizerContext of a job. */
export function contextObject(interp: Interpreter, type: string, job: AsyncJob): NativeObject {
  void interp;
  return new NativeObject(type, { jobId: job.id, cronId: job.cronId ?? null, requestId: requestIdOf(job) });
}

const requestIdOf = (job: AsyncJob): string => `TID${job.id.value.substring(3, 15)}`;

// ------------------------------------------------------------------ batch

interface BatchRun {
  items: number;
  processed: number;
}

/**
 * Batch Apex: start → records (QueryLocator or Iterable), execute per `scope` records, finish. `Database.Stateful`
 * keeps the instance between transactions; without it each execute sees the instance as start left it ("If you
 * don't specify Database.Stateful, all static and instance member variables are set back to their original
 * values." — Using Batch Apex, Using State in Batch Apex). In a test only one execute may run: "No more than one
 * executeBatch can be called from within a test method." (UnexpectedException).
 */
function runBatch(org: Org, interp: Interpreter, job: AsyncJob, options: RunOptions): BatchRun {
  const batch = job.target as ApexObject;
  const bc = contextObject(interp, 'Database.BatchableContext', job);
  const stateful = interp.implementsNative(batch.cls, 'Database.Stateful');
  let located: unknown = null;
  inAsyncTransaction(
    org,
    interp,
    job,
    options,
    () => {
      located = interp.callMethod(batch, 'start', [bc]);
    },
    'start'
  );
  const records = iterate(org, interp, located);
  const scope = job.scope ?? 200;
  const chunks: unknown[][] = [];
  for (let i = 0; i < records.items.length; i += scope) chunks.push(records.items.slice(i, i + scope));
  if (options.test && chunks.length > 1) {
    throw fault(
      'System.UnexpectedException',
      'No more than one executeBatch can be called from within a test method. Please make sure the iterable returned from your start method matches the batch size, resulting in one executeBatch invocation.'
    );
  }
  const snapshot = stateful ? null : new Map(batch.fields);
  let processed = 0;
  for (const chunk of chunks) {
    if (snapshot) {
      batch.fields.clear();
      for (const [k, v] of snapshot) batch.fields.set(k, v);
    }
    inAsyncTransaction(
      org,
      interp,
      job,
      options,
      () => {
        interp.callMethod(batch, 'execute', [bc, records.list(chunk)]);
      },
      'execute'
    );
    processed++;
  }
  if (snapshot) {
    batch.fields.clear();
    for (const [k, v] of snapshot) batch.fields.set(k, v);
  }
  inAsyncTransaction(
    org,
    interp,
    job,
    options,
    () => {
      interp.callMethod(batch, 'finish', [bc]);
    },
    'finish'
  );
  return { items: chunks.length, processed };
}

/** The records of a start() result: a Database.QueryLocator (the database natives' data) or an Iterable. */
function iterate(
  org: Org,
  interp: Interpreter,
  located: unknown
): { items: unknown[]; list: (items: unknown[]) => ApexList } {
  const listOf = (elem: string) => (items: unknown[]) => new ApexList(T(elem), items);
  if (located === null || located === undefined)
    throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
  if (located instanceof ApexList) return { items: located.items.slice(), list: listOf(located.elemType.name) };
  if (located instanceof NativeObject && located.type.toLowerCase().endsWith('querylocator')) {
    const d = located.data;
    let rows: unknown = d.records ?? d.rows ?? null;
    if (!rows && typeof d.query === 'string') rows = queryLocatorRecords(interp, located);
    if (!rows && typeof d.text === 'string') {
      const binds = d.binds instanceof Map ? (d.binds as Map<string, unknown>) : new Map<string, unknown>();
      rows = executeQuery(org, interp, d.text, binds, { dynamic: true });
    }
    if (rows instanceof ApexList) return { items: rows.items.slice(), list: listOf(rows.elemType.name) };
    if (Array.isArray(rows)) return { items: rows.slice(), list: listOf('SObject') };
    throw fault('System.UnexpectedException', 'Database.QueryLocator without records');
  }
  // An Iterable: iterator() then hasNext()/next().
  const it = interp.callValueMethod(located, 'iterator', [], false);
  const items: unknown[] = [];
  while (interp.truthy(interp.callValueMethod(it, 'hasNext', [], false)))
    items.push(interp.callValueMethod(it, 'next', [], false));
  return { items, list: listOf('Object') };
}

// ------------------------------------------------------------------ draining

/**
 * Test.stopTest: runs the jobs queued since Test.startTest, then the jobs those jobs queued (one generation: a
 * test runs a chained job once, see System.enqueueJob), each in its own transaction. The first job that ends with
 * an unhandled exception stops the run and the exception is thrown out of stopTest to the test.
 */
export function runTestJobs(org: Org, interp: Interpreter): void {
  const state = asyncState(org);
  for (let i = 0; i < state.jobs.length; i++) {
    const job = state.jobs[i];
    if (!job.inWindow || job.status !== 'Queued' || job.generation > 1) continue;
    const error = runJob(org, interp, job, { test: true });
    if (error) throw error;
  }
}

/**
 * The preview server: runs every queued job (and the jobs they queue) outside a test, each in a new transaction.
 * Returns the jobs run with their outcome; unhandled exceptions are recorded on the job, not thrown.
 */
export function drainAsync(
  org: Org,
  interp: Interpreter = org.interp,
  maxJobs = 500
): { id: string; kind: JobKind; status: string; error?: string }[] {
  const state = asyncState(org);
  const out: { id: string; kind: JobKind; status: string; error?: string }[] = [];
  for (let i = 0; i < state.jobs.length && out.length < maxJobs; i++) {
    const job = state.jobs[i];
    if (job.status !== 'Queued') continue;
    if (job.kind === 'scheduled') continue; // fires on its cron schedule, not on drain
    const error = runJob(org, interp, job, { test: false });
    out.push({ id: job.id.value, kind: job.kind, status: job.status, ...(error ? { error: describe(error) } : {}) });
  }
  // Published platform events reach their subscribed triggers (each batch in a transaction of its own).
  deliverEvents(org, interp, false);
  return out;
}

/** Runs a scheduled job now (the preview's "fire" of a CronTrigger). */
export function fireScheduled(org: Org, cronId: string, interp: Interpreter = org.interp): ApexThrow | null {
  const job = asyncState(org).jobs.find(
    (j) => j.kind === 'scheduled' && j.cronId?.value === cronId && j.status === 'Queued'
  );
  return job ? runJob(org, interp, job, { test: false }) : null;
}

// ------------------------------------------------------------------ future methods

/**
 * The interpreter's `Platform.onFutureCall` hook: a call of an `@future` method is queued (returns true).
 * "Future method cannot be called from a future or batch method" (Future Methods, AsyncException); the future
 * calls limit is 50 per transaction (Execution Governors and Limits).
 */
export function queueFutureCall(
  org: Org,
  cls: ClassInfo,
  method: MethodDecl,
  args: unknown[],
  interp: Interpreter
): boolean {
  const ctx = asyncContext(org);
  if (ctx && (ctx.isFuture || ctx.isBatch)) {
    throw fault(
      'System.AsyncException',
      `Future method cannot be called from a future or batch method: ${cls.name}.${method.name}(${args.map(() => '').join(',')})`
    );
  }
  if (org.limits.async) {
    // Queueable and scheduled contexts allow 50 future calls (Limits holds the batch/future value 0).
    const state = asyncState(org);
    state.futureInQueueable++;
    org.limits.used.futureCalls = state.futureInQueueable;
    if (state.futureInQueueable > 50)
      throw fault('System.LimitException', `Too many future calls: ${state.futureInQueueable}`);
  } else {
    org.limits.add('futureCalls');
  }
  addJob(org, interp, { kind: 'future', cls, target: null, method, args: args.slice() });
  return true;
}

/** Installs `queueFutureCall` as the org's `onFutureCall` when the org does not define one (see the report). */
export function installFutureHook(org: Org): void {
  const p = org as unknown as Platform;
  if (!p.onFutureCall) p.onFutureCall = (cls, method, args, interp) => queueFutureCall(org, cls, method, args, interp);
}

export { ApexThrow };
