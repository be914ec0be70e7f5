/**
 * Asynchronous Apex natives: System.enqueueJob / AsyncOptions / QueueableDuplicateSignature, System.attachFinalizer
 * and the contexts, Database.executeBatch, System.schedule / scheduleBatch / abortJob, System.isBatch / isFuture /
 * isQueueable / isScheduled, AsyncInfo, Test.startTest / Test.stopTest. The engine (queue, transactions, records)
 * is `data/async.ts`.
 *
 * Sources (Apex Developer Guide / Apex Reference Guide): Queueable Apex; Detecting Duplicate Queueable Jobs;
 * AsyncOptions Class; Transaction Finalizers and Transaction Finalizers Error Messages; FinalizerContext Interface;
 * Using Batch Apex; Apex Scheduler; System Class (abortJob, schedule); Using Limits, startTest, and stopTest;
 * Execution Governors and Limits.
 */
import { nextFireTime } from './cronSchedule';
import { addJob, asyncContext, asyncState, foldLimits, installFutureHook, jobRecord, runTestJobs } from '../data/async';
import type { AsyncJob } from '../data/async';
import { deliverEvents } from '../data/eventBus';
import { Limits } from '../data/limits';
import type { Org } from '../data/org';
import { storedAt } from '../data/systemTime';
import type { Interpreter } from '../runtime/interpreter';
import { fault, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexDatetime, ApexId, ApexObject, NativeObject } from '../runtime/values';
import { orgOf } from './sobjects';

const org = (interp: Interpreter): Org => {
  const o = orgOf(interp);
  installFutureHook(o);
  return o;
};

const data = (self: unknown): Record<string, unknown> => (self as NativeObject).data;

/** Id argument as an ApexId (Strings are accepted where the platform takes a String jobId). */
function idOf(interp: Interpreter, v: unknown): ApexId | null {
  if (v instanceof ApexId) return v;
  if (typeof v === 'string') return ApexId.parse(v) ?? interp.throwFault('System.StringException', `Invalid id: ${v}`);
  return null;
}

const npe = (): never => {
  throw fault('System.NullPointerException', 'Argument cannot be null.');
};

export function registerAsync(r: Registry): void {
  // ---------------------------------------------------------------- types
  for (const iface of ['System.Queueable', 'System.Finalizer', 'System.Schedulable'])
    r.type(iface, { isInterface: true });
  for (const iface of [
    'Database.Batchable',
    'Database.Stateful',
    'Database.AllowsCallouts',
    'Database.RaisesPlatformEvents'
  ])
    r.type(iface, { isInterface: true });
  if (!r.lookupType('System.Iterable')) r.type('System.Iterable', { isInterface: true });
  if (!r.lookupType('Database.QueryLocator')) r.type('Database.QueryLocator');
  for (const t of [
    'System.QueueableContext',
    'System.FinalizerContext',
    'System.SchedulableContext',
    'Database.BatchableContext',
    'System.AsyncOptions',
    'System.QueueableDuplicateSignature',
    'System.AsyncInfo'
  ])
    r.type(t);
  // Not `System.`-prefixed: registering it so would also register the short name `Builder` for every class.
  r.type('QueueableDuplicateSignature.Builder');
  r.enumType('System.ParentJobResult', ['SUCCESS', 'UNHANDLED_EXCEPTION']);

  // ---------------------------------------------------------------- contexts
  r.method('System.QueueableContext', 'getJobId', ({ self }) => data(self).jobId);
  r.method('System.SchedulableContext', 'getTriggerId', ({ self }) => data(self).cronId);
  r.method('Database.BatchableContext', 'getJobId', ({ self }) => data(self).jobId);
  r.method('Database.BatchableContext', 'getChildJobId', ({ self }) => data(self).jobId);
  r.method('System.FinalizerContext', 'getAsyncApexJobId', ({ self }) => data(self).jobId);
  r.method('System.FinalizerContext', 'getRequestId', ({ self }) => data(self).requestId);
  r.method('System.FinalizerContext', 'getException', ({ self }) => data(self).exception ?? null);
  r.method('System.FinalizerContext', 'getResult', ({ interp, self }) => {
    const values = interp.registry.lookupType('System.ParentJobResult')?.enumValues ?? [];
    return values.find((v) => v.name === data(self).result) ?? null;
  });

  // ---------------------------------------------------------------- AsyncOptions, QueueableDuplicateSignature
  r.ctor(
    'System.AsyncOptions',
    () =>
      new NativeObject('System.AsyncOptions', {
        duplicatesignature: null,
        maximumqueueablestackdepth: null,
        minimumqueueabledelayinminutes: null
      })
  );
  const builder = (): NativeObject =>
    new NativeObject('QueueableDuplicateSignature.Builder', { parts: [] as string[] });
  r.ctor('QueueableDuplicateSignature.Builder', builder);
  r.static('System.QueueableDuplicateSignature', 'Builder', builder);
  const add =
    (kind: string) =>
    (c: { self: unknown }, [v]: unknown[]) => {
      (data(c.self).parts as string[]).push(`${kind}:${str(v)}`);
      return c.self;
    };
  r.method('QueueableDuplicateSignature.Builder', 'addString', add('s'));
  r.method('QueueableDuplicateSignature.Builder', 'addId', add('i'));
  r.method('QueueableDuplicateSignature.Builder', 'addInteger', add('n'));
  // "getMaxSize(): Returns the maximum size of the queueable job signature, in bytes" — the platform's value is 32.
  const size = (self: unknown): number => Buffer.byteLength((data(self).parts as string[]).join('|'), 'utf8');
  r.method('QueueableDuplicateSignature.Builder', 'getSize', ({ self }) => size(self));
  r.method('QueueableDuplicateSignature.Builder', 'getMaxSize', () => 32);
  r.method('QueueableDuplicateSignature.Builder', 'getRemainingSize', ({ self }) => Math.max(0, 32 - size(self)));
  r.method(
    'QueueableDuplicateSignature.Builder',
    'build',
    ({ self }) =>
      new NativeObject('System.QueueableDuplicateSignature', { key: (data(self).parts as string[]).join('|') })
  );

  // ---------------------------------------------------------------- System.enqueueJob
  r.static('System', 'enqueueJob', ({ interp }, args) => enqueueJob(interp, args));

  // ---------------------------------------------------------------- System.attachFinalizer (Transaction Finalizers Error Messages)
  r.static('System', 'attachFinalizer', ({ interp }, [finalizer]) => {
    const o = org(interp);
    const ctx = asyncContext(o);
    if (!ctx?.isQueueable || !ctx.job)
      throw fault('System.AsyncException', 'System.attachFinalizer(Finalizer) is not allowed in this context');
    if (finalizer === null || finalizer === undefined)
      throw fault('System.NullPointerException', 'Argument cannot be null');
    if (!(finalizer instanceof ApexObject) || !interp.implementsNative(finalizer.cls, 'System.Finalizer')) {
      throw fault(
        'System.TypeException',
        `Class ${interp.runtimeTypeName(finalizer)} must implement the Finalizer interface`
      );
    }
    if (ctx.job.finalizer)
      throw fault('System.AsyncException', 'More than one Finalizer cannot be attached to same Async Apex Job');
    ctx.job.finalizer = finalizer;
    return null;
  });

  // ---------------------------------------------------------------- Database.executeBatch (Using Batch Apex)
  r.static('Database', 'executeBatch', ({ interp }, [batch, scope]) => {
    const o = org(interp);
    if (batch === null || batch === undefined) npe();
    if (!(batch instanceof ApexObject) || !interp.implementsNative(batch.cls, 'Database.Batchable')) {
      throw fault(
        'System.TypeException',
        `Class ${interp.runtimeTypeName(batch)} must implement the Database.Batchable interface`
      );
    }
    const ctx = asyncContext(o);
    // "Methods declared as future aren't allowed in classes that implement the Database.Batchable interface" and
    // "Database.executeBatch cannot be called from a batch start, batch execute, or future method."
    if (ctx && (ctx.isFuture || (ctx.isBatch && ctx.phase !== 'finish'))) {
      throw fault(
        'System.AsyncException',
        'Database.executeBatch cannot be called from a batch start, batch execute, or future method.'
      );
    }
    const n = scope === undefined || scope === null ? 200 : (scope as number);
    if (n <= 0) throw fault('System.InvalidParameterValueException', 'The scope parameter must be greater than 0');
    // "If the start method of the batch class returns a QueryLocator, the optional scope parameter of
    // Database.executeBatch can have a maximum value of 2,000." (Using Batch Apex) — applied at run time.
    return addJob(o, interp, { kind: 'batch', cls: batch.cls, target: batch, scope: n }).id;
  });

  // ---------------------------------------------------------------- System.schedule / scheduleBatch / abortJob (Apex Scheduler)
  r.static('System', 'schedule', ({ interp }, [name, cron, schedulable]) => {
    const o = org(interp);
    if (schedulable === null || schedulable === undefined || name === null || cron === null) npe();
    if (!(schedulable instanceof ApexObject) || !interp.implementsNative(schedulable.cls, 'System.Schedulable')) {
      throw fault(
        'System.TypeException',
        `Class ${interp.runtimeTypeName(schedulable)} must implement the Schedulable interface`
      );
    }
    const cronId = scheduleRecords(o, interp, str(name), str(cron));
    addJob(o, interp, { kind: 'scheduled', cls: schedulable.cls, target: schedulable, cronId, name: str(name) });
    return cronId;
  });
  r.static('System', 'scheduleBatch', ({ interp }, [batch, name, minutes, scope]) => {
    const o = org(interp);
    if (batch === null || batch === undefined || name === null) npe();
    if (!(batch instanceof ApexObject) || !interp.implementsNative(batch.cls, 'Database.Batchable')) {
      throw fault(
        'System.TypeException',
        `Class ${interp.runtimeTypeName(batch)} must implement the Database.Batchable interface`
      );
    }
    const cronId = scheduleRecords(o, interp, str(name), null, (minutes as number) ?? 0);
    addJob(o, interp, {
      kind: 'batch',
      cls: batch.cls,
      target: batch,
      scope: (scope as number | undefined) ?? 200,
      cronId,
      name: str(name)
    });
    return cronId;
  });
  r.static('System', 'abortJob', ({ interp }, [jobId]) => {
    const o = org(interp);
    const id = idOf(interp, jobId);
    if (!id) npe();
    const state = asyncState(o);
    const cron = o.table('CronTrigger').get((id as ApexId).value);
    if (cron) {
      // A scheduled job is aborted by its CronTrigger Id; the trigger and its job detail are deleted.
      for (const j of state.jobs) if (j.cronId?.value === (id as ApexId).value && j.status === 'Queued') abort(o, j);
      const detail = cron.values.get('cronjobdetailid') as ApexId | null;
      o.table('CronTrigger').delete((id as ApexId).value);
      if (detail) o.table('CronJobDetail').delete(detail.value);
      return null;
    }
    // "You can't abort a scheduled Apex job using an AsyncApexJob ID." (System.abortJob)
    const job = state.jobs.find((j) => j.id.value === (id as ApexId).value);
    if (job && job.kind !== 'scheduled' && (job.status === 'Queued' || job.status === 'Processing')) abort(o, job);
    return null;
  });

  // ---------------------------------------------------------------- System.isBatch & co
  const is =
    (flag: 'isBatch' | 'isFuture' | 'isQueueable' | 'isScheduled') =>
    ({ interp }: { interp: Interpreter }) =>
      !!asyncContext(org(interp))?.[flag];
  r.static('System', 'isBatch', is('isBatch'));
  r.static('System', 'isFuture', is('isFuture'));
  r.static('System', 'isQueueable', is('isQueueable'));
  r.static('System', 'isScheduled', is('isScheduled'));

  // ---------------------------------------------------------------- AsyncInfo (queueable stack depth)
  r.static('System.AsyncInfo', 'getCurrentQueueableStackDepth', ({ interp }) => {
    const job = asyncContext(org(interp))?.job;
    return job?.kind === 'queueable' ? (job.depth ?? 1) : 0;
  });
  r.static(
    'System.AsyncInfo',
    'getMaximumQueueableStackDepth',
    ({ interp }) => asyncContext(org(interp))?.job?.maxDepth ?? null
  );
  r.static('System.AsyncInfo', 'hasMaxStackDepth', ({ interp }) => {
    const d = asyncContext(org(interp))?.job?.maxDepth;
    return d !== null && d !== undefined;
  });

  // ---------------------------------------------------------------- Test.startTest / Test.stopTest
  // "Each test method is allowed to call this method only once. ... Any code that executes after the call to
  // startTest and before stopTest is assigned a new set of governor limits. ... Any code that executes after the
  // stopTest method is assigned the original limits that were in effect before startTest was called. All
  // asynchronous calls made after the startTest method are collected by the system. When stopTest is executed, all
  // asynchronous processes are run synchronously." (Using Limits, startTest, and stopTest)
  r.static('Test', 'startTest', ({ interp }) => {
    const o = org(interp);
    const state = asyncState(o);
    if (state.started) throw fault('System.FinalException', 'Testing already started');
    state.started = true;
    state.outerLimits = o.limits;
    o.limits = new Limits(o.limits.async);
    return null;
  });
  r.static('Test', 'stopTest', ({ interp }) => {
    const o = org(interp);
    const state = asyncState(o);
    if (state.stopped) throw fault('System.FinalException', 'Testing already stopped');
    if (state.started && state.outerLimits) {
      foldLimits(o, o.limits);
      o.limits = state.outerLimits;
      state.outerLimits = null;
    } else {
      // stopTest without startTest: the jobs queued so far are the test's async calls.
      for (const j of state.jobs) if (j.status === 'Queued') j.inWindow = true;
    }
    state.stopped = true;
    if (o.inTest) {
      runTestJobs(o, interp);
      // Deliver Test Event Messages: "The Test.stopTest() statement causes the event publishing to be carried out
      // and event messages to be delivered to the test event bus."
      deliverEvents(o, interp, true);
    }
    return null;
  });
}

function abort(o: Org, job: AsyncJob): void {
  job.status = 'Aborted';
  const rec = jobRecord(o, job.id) ? o.writable('AsyncApexJob', job.id.value) : undefined;
  if (rec) rec.values.set('status', 'Aborted');
}

/** The trigger's next fire time from its cron expression (cronSchedule.ts). */
function cronNextFire(cron: string, now: number, timeZone: string): ApexDatetime | null {
  const at = nextFireTime(cron, now, timeZone);
  return at === null ? null : new ApexDatetime(at);
}

/** CronJobDetail (JobType 7: Scheduled Apex) and CronTrigger (State WAITING) of a scheduled job; duplicate names throw. */
function scheduleRecords(o: Org, interp: Interpreter, name: string, cron: string | null, minutes = 0): ApexId {
  for (const d of o.table('CronJobDetail').values()) {
    if (String(d.values.get('name') ?? '') === name) {
      throw fault('System.AsyncException', `The Apex job named "${name}" is already scheduled for execution.`);
    }
  }
  const detail = o.put(o.record('CronJobDetail', { Name: name, JobType: '7' }));
  const now = interp.now();
  const trigger = o.put(
    o.record('CronTrigger', {
      CronExpression: cron,
      CronJobDetailId: detail.values.get('id'),
      State: 'WAITING',
      TimesTriggered: 0,
      StartTime: storedAt(now),
      NextFireTime:
        cron === null ? new ApexDatetime(now + minutes * 60000) : cronNextFire(cron, now, interp.user.timeZone),
      CreatedDate: storedAt(now),
      CreatedById: o.user.id,
      OwnerId: o.user.id,
      TimeZoneSidKey: interp.user.timeZone
    })
  );
  return trigger.values.get('id') as ApexId;
}

/**
 * System.enqueueJob(queueable[, delay | AsyncOptions]) (Queueable Apex; AsyncOptions Class; Detecting Duplicate
 * Queueable Jobs). Limits: 50 per synchronous transaction, 1 in an asynchronous one ("Too many queueable jobs added
 * to the queue: N", Execution Governors and Limits). In a test a queueable cannot chain another: "Maximum stack
 * depth has been reached." (AsyncException; Queueable Apex: "You can't chain queueable jobs in an Apex test").
 */
function enqueueJob(interp: Interpreter, [job, option]: unknown[]): ApexId {
  const o = org(interp);
  if (job === null || job === undefined) npe();
  if (!(job instanceof ApexObject) || !interp.implementsNative(job.cls, 'System.Queueable')) {
    throw fault('System.TypeException', `Class ${interp.runtimeTypeName(job)} must implement the Queueable interface`);
  }
  const ctx = asyncContext(o);
  const parent = ctx?.isQueueable && ctx.job?.kind === 'queueable' ? ctx.job : null;
  o.limits.add('queueableJobs');
  if (o.inTest && parent) throw fault('System.AsyncException', 'Maximum stack depth has been reached.');
  let delay = 0;
  let signature: string | undefined;
  let maxDepth: number | null = parent?.maxDepth ?? null;
  if (typeof option === 'number') delay = option;
  else if (option instanceof NativeObject && option.type === 'System.AsyncOptions') {
    const d = option.data;
    if (typeof d.minimumqueueabledelayinminutes === 'number') delay = d.minimumqueueabledelayinminutes;
    if (typeof d.maximumqueueablestackdepth === 'number') maxDepth = d.maximumqueueablestackdepth;
    const sig = d.duplicatesignature;
    if (sig instanceof NativeObject) signature = String(sig.data.key);
  }
  // "The delay is ignored during Apex testing." / the delay is 0 to 10 minutes (Queueable Apex: Adding a Queueable
  // Job with a Specified Minimum Delay).
  if (delay < 0 || delay > 10)
    throw fault(
      'System.InvalidParameterValueException',
      `Invalid delay ${delay}: the delay must be between 0 and 10 minutes`
    );
  const depth = parent ? (parent.depth ?? 1) + 1 : 1;
  if (maxDepth !== null && depth > maxDepth)
    throw fault('System.AsyncException', 'Maximum stack depth has been reached.');
  if (signature !== undefined) {
    const dup = asyncState(o).jobs.some(
      (j) => j.signature === signature && (j.status === 'Queued' || j.status === 'Processing')
    );
    if (dup)
      throw fault('System.DuplicateMessageException', 'Attempt to enqueue job with duplicate queueable signature');
  }
  return addJob(o, interp, {
    kind: 'queueable',
    cls: job.cls,
    target: job,
    signature,
    delayMinutes: delay,
    depth,
    maxDepth
  }).id;
}
