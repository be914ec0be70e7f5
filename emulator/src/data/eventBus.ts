/**
 * Platform events: the event bus of one test method (or of the preview server) and the subscribed Apex triggers.
 *
 * Sources (Platform Events Developer Guide; Apex Reference Guide), each checked with the search tool:
 * - EventBus Class: `publish(SObject)` returns a Database.SaveResult, `publish(List<SObject>)` a list of them; "Each
 *   method execution is counted as one DML statement."
 * - Platform Event Fields: "Publish After Commit to have the event message published only after a transaction
 *   commits successfully ... when you don't want the event message to be published if the transaction fails";
 *   "Publish Immediately to have the event message published when the publish call executes ... regardless of
 *   whether the transaction succeeds."
 * - Subscribe to Platform Event Notifications with Apex Triggers: "write an after insert trigger on the event object
 *   type"; "The maximum batch size in a platform event trigger is 2,000 event messages"; the trigger runs in its own
 *   process, not in the publishing transaction, "under the Automated Process entity or the user selected in the
 *   trigger configuration"; CreatedById refers to Automated Process.
 * - Configure the User and Batch Size for Your Platform Event Trigger with PlatformEventSubscriberConfig: "By
 *   default, the trigger runs as the Automated Process system user with a batch size of 2,000 event messages";
 *   `platformEventConsumer` (the trigger), `user` (a user name), `batchSize` (1–2,000).
 * - Deliver Test Event Messages: "In test context, the EventBus.publish() method enqueues the publish operation.
 *   The Test.stopTest() statement causes the event publishing to be carried out and event messages to be
 *   delivered"; "deliver test event messages at any time with the Test.getEventBus().deliver() method".
 * - Retry Event Triggers with EventBus.RetryableException: "If the trigger receives a batch of events, retrying the
 *   trigger causes all events in the batch to be resent"; "When the trigger is retried, the DML operations performed
 *   in the trigger before the retry are rolled back"; "You can run a trigger up to 10 times when it is retried (the
 *   initial run plus nine retries). After the trigger is retried nine times, it moves to the error state and stops
 *   processing new events"; `EventBus.TriggerContext.currentContext().retries`.
 * - Test Retried Event Messages: "To force redelivery of a retried event message in an Apex test, call
 *   Test.EventBus.deliver()."
 *
 * Not modelled: see emulator/README.md (Platform events).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Interpreter } from '../runtime/interpreter';
import { ApexThrow } from '../runtime/interpreter';
import { RuntimeFault, str } from '../runtime/ops';
import { ApexId, SObjectValue } from '../runtime/values';
import { foldLimits } from './async';
import type { AsyncContext } from './async';
import { Limits } from './limits';
import type { Org, UserContext } from './org';
import { copyRecord } from './org';
import { runTriggers, triggersFor } from './triggers';
import { storedNow } from './systemTime';
import type { TriggerDecl } from '../parse/ast';

/** The default (and maximum) batch size of a platform event trigger. */
export const EVENT_BATCH = 2000;
/** The platform's message for a callout from a trigger (Salesforce Help, knowledge article 000386018). */
export const TRIGGER_CALLOUT_ERROR = 'Callout from triggers are currently not supported.';
/** "the initial run plus nine retries". */
export const MAX_RETRIES = 9;

interface Published {
  event: SObjectValue;
  /** Publish After Commit: dropped when the publishing transaction rolls back. */
  afterCommit: boolean;
}

/** One trigger's subscription: its position in the stream and its retry state. */
interface Subscriber {
  trigger: TriggerDecl;
  /** Index in `bus.stream` of the next event to deliver. */
  position: number;
  retries: number;
  lastError: string | null;
  state: 'Running' | 'Error';
}

export interface EventBusState {
  /** Published in the running transaction, not yet committed (in a test: not yet delivered). */
  pending: Published[];
  /** Committed events, in replay order. */
  stream: SObjectValue[];
  subscribers: Map<TriggerDecl, Subscriber>;
  replayCounter: number;
  /** The trigger run in progress (EventBus.TriggerContext.currentContext()). */
  current: { retries: number; lastError: string | null } | null;
}

export const eventBus = (org: Org): EventBusState => {
  let s = org.hooks.eventBus as EventBusState | undefined;
  if (!s) {
    s = { pending: [], stream: [], subscribers: new Map(), replayCounter: 0, current: null };
    org.hooks.eventBus = s;
  }
  return s;
};

/** Result of publishing one event (a Database.SaveResult's data). */
export interface PublishResult {
  id: ApexId | null;
  success: boolean;
  error: string | null;
}

/**
 * EventBus.publish: one DML statement per call; each event gets an Id (the SaveResult's), and is queued on the
 * running transaction. Events of other objects fail with an error in their SaveResult (publish never throws for an
 * unsuccessful publish, EventBus Class).
 */
export function publish(org: Org, interp: Interpreter, events: unknown[]): PublishResult[] {
  org.limits.add('dmlStatements');
  org.limits.add('dmlRows', events.length);
  const bus = eventBus(org);
  return events.map((e) => {
    if (!(e instanceof SObjectValue)) return { id: null, success: false, error: 'Argument cannot be null.' };
    const model = org.object(e.object);
    if (!model || model.kind !== 'platform-event') {
      return { id: null, success: false, error: `${e.object} is not a platform event` };
    }
    const event = copyRecord(e);
    const id = org.newId(model.name);
    event.values.set('id', id);
    event.names.set('id', 'Id');
    event.values.set('createdbyid', org.user.id);
    event.names.set('createdbyid', 'CreatedById');
    event.values.set('createddate', storedNow(interp));
    event.names.set('createddate', 'CreatedDate');
    event.values.set('eventuuid', randomUUID());
    event.names.set('eventuuid', 'EventUuid');
    bus.pending.push({ event, afterCommit: model.publishBehavior === 'PublishAfterCommit' });
    return { id, success: true, error: null };
  });
}

/** The savepoint mark of the bus (Database.setSavepoint). */
export const busMark = (org: Org): number => eventBus(org).pending.length;

/** Database.rollback: Publish After Commit events published after the savepoint will never be committed. */
export function rollbackBus(org: Org, mark: number): void {
  const bus = eventBus(org);
  const kept = bus.pending.slice(0, mark);
  for (const p of bus.pending.slice(mark)) if (!p.afterCommit) kept.push(p);
  bus.pending = kept;
}

/** The transaction committed: its pending events enter the stream with their ReplayId. */
export function commitBus(org: Org): void {
  const bus = eventBus(org);
  for (const p of bus.pending) {
    bus.replayCounter++;
    p.event.values.set('replayid', String(bus.replayCounter));
    p.event.names.set('replayid', 'ReplayId');
    bus.stream.push(p.event);
  }
  bus.pending = [];
}

/** The transaction failed: Publish After Commit events are dropped, Publish Immediately ones are published. */
export function failBus(org: Org): void {
  const bus = eventBus(org);
  bus.pending = bus.pending.filter((p) => !p.afterCommit);
  commitBus(org);
}

// ------------------------------------------------------------------ subscriber configuration

interface SubscriberConfig {
  user: string | null;
  batchSize: number | null;
}

/**
 * PlatformEventSubscriberConfig metadata (`platformEventSubscriberConfigs/*.platformEventSubscriberConfig-meta.xml`)
 * under the project's `force-app/main/default`, by trigger name (lower case).
 */
function subscriberConfigs(org: Org): Map<string, SubscriberConfig> {
  const cached = org.hooks.subscriberConfigs as Map<string, SubscriberConfig> | undefined;
  if (cached) return cached;
  const out = new Map<string, SubscriberConfig>();
  const root = org.project?.root;
  const dir = root ? path.join(root, 'force-app', 'main', 'default', 'platformEventSubscriberConfigs') : null;
  if (dir && fs.existsSync(dir)) {
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith('.platformEventSubscriberConfig-meta.xml')) continue;
      const xml = fs.readFileSync(path.join(dir, file), 'utf8');
      const tag = (name: string): string | null => {
        const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
        return m ? m[1].trim() : null;
      };
      const consumer = tag('platformEventConsumer');
      if (!consumer) continue;
      const size = tag('batchSize');
      out.set(consumer.toLowerCase(), { user: tag('user'), batchSize: size ? Number(size) : null });
    }
  }
  org.hooks.subscriberConfigs = out;
  return out;
}

/** The Automated Process user (created on first use: it exists in every org). */
function automatedProcess(org: Org): UserContext {
  for (const u of org.table('User').values()) {
    if (u.values.get('usertype') === 'AutomatedProcess') return { id: u.values.get('id') as ApexId, record: u };
  }
  const admin = org.user.record;
  const rec = org.put(
    org.record('User', {
      LastName: 'Automated Process',
      Name: 'Automated Process',
      Alias: 'autoproc',
      Email: 'autoproc@emulated.example.com',
      Username: 'autoproc@emulated.example.com',
      ProfileId: admin.values.get('profileid') ?? null,
      TimeZoneSidKey: 'America/Los_Angeles',
      LocaleSidKey: 'en_US',
      LanguageLocaleKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      IsActive: true,
      UserType: 'AutomatedProcess'
    })
  );
  return { id: rec.values.get('id') as ApexId, record: rec };
}

function runningUser(org: Org, trigger: TriggerDecl): { user: UserContext; batch: number } {
  const config = subscriberConfigs(org).get(trigger.name.toLowerCase());
  let user: UserContext | null = null;
  if (config?.user) {
    for (const u of org.table('User').values()) {
      if (String(u.values.get('username') ?? '').toLowerCase() === config.user.toLowerCase()) {
        user = { id: u.values.get('id') as ApexId, record: u };
      }
    }
  }
  const size = config?.batchSize && config.batchSize >= 1 && config.batchSize <= EVENT_BATCH ? config.batchSize : null;
  return { user: user ?? automatedProcess(org), batch: size ?? EVENT_BATCH };
}

// ------------------------------------------------------------------ delivery

const isRetryable = (t: ApexThrow): boolean => t.exception.cls.name.toLowerCase() === 'eventbus.retryableexception';

/**
 * Delivers the committed events to every after-insert trigger of their object, in batches (2,000 or the subscriber
 * configuration's), each batch in its own transaction as the subscriber's user. Returns the number of trigger runs.
 * `test`: statics are kept (the delivery runs inside the test's execution, as asynchronous jobs do).
 */
export function deliverEvents(org: Org, interp: Interpreter, test: boolean): number {
  commitBus(org);
  const bus = eventBus(org);
  let runs = 0;
  for (let guard = 0; guard < 100; guard++) {
    let progressed = false;
    const objects = new Set(bus.stream.map((e) => e.object.toLowerCase()));
    for (const object of objects) {
      for (const trigger of triggersFor(org, object, false, 'insert')) {
        let sub = bus.subscribers.get(trigger);
        if (!sub) {
          // A trigger subscribes from the tip: events published before the first delivery are in the stream.
          sub = { trigger, position: 0, retries: 0, lastError: null, state: 'Running' };
          bus.subscribers.set(trigger, sub);
        }
        if (sub.state === 'Error') continue;
        const mine = bus.stream
          .map((e, i) => ({ e, i }))
          .filter((x) => x.i >= sub.position && x.e.object.toLowerCase() === object);
        if (!mine.length) {
          sub.position = bus.stream.length;
          continue;
        }
        const { user, batch } = runningUser(org, trigger);
        const chunk = mine.slice(0, batch);
        const outcome = runEventTrigger(
          org,
          interp,
          trigger,
          sub,
          chunk.map((x) => x.e),
          user,
          test
        );
        runs++;
        if (outcome === 'retry') {
          // Resent at the next delivery (in a test: the next Test.getEventBus().deliver()).
          continue;
        }
        sub.position = chunk[chunk.length - 1].i + 1;
        progressed = true;
      }
    }
    commitBus(org);
    if (!progressed) break;
  }
  return runs;
}

function runEventTrigger(
  org: Org,
  interp: Interpreter,
  trigger: TriggerDecl,
  sub: Subscriber,
  events: SObjectValue[],
  user: UserContext,
  test: boolean
): 'done' | 'retry' | 'failed' {
  const bus = eventBus(org);
  const saved = { limits: org.limits, user: org.user, context: org.hooks.context, state: interp.state };
  const snapshot = org.snapshot();
  const outerPending = bus.pending;
  bus.pending = [];
  org.limits = new Limits(false);
  // A trigger cannot call out, an event trigger included ("Callout from triggers are currently not supported"; Salesforce
  // Help 000386018; the Queueable or @future(callout=true) it starts can). Not an async context otherwise.
  const triggerContext: AsyncContext = {
    isQueueable: false,
    isBatch: false,
    isFuture: false,
    isScheduled: false,
    job: null,
    noCallouts: TRIGGER_CALLOUT_ERROR
  };
  org.hooks.context = triggerContext;
  org.user = user;
  if (!test) interp.resetTransaction();
  bus.current = { retries: sub.retries, lastError: sub.lastError };
  try {
    runOnly(org, interp, trigger, events.map(copyRecord));
    sub.retries = 0;
    const published = bus.pending;
    bus.pending = outerPending;
    bus.pending.push(...published);
    return 'done';
  } catch (e) {
    const thrown = e instanceof RuntimeFault ? interp.materialize(e) : e;
    if (!(thrown instanceof ApexThrow)) throw e;
    // The trigger's work is rolled back; Publish Immediately events it published stay published.
    org.restore(snapshot);
    const published = bus.pending.filter((p) => !p.afterCommit);
    bus.pending = outerPending;
    bus.pending.push(...published);
    sub.lastError = str(thrown.exception.fields.get('$message') ?? null);
    if (isRetryable(thrown)) {
      if (sub.retries >= MAX_RETRIES) {
        sub.state = 'Error';
        return 'failed';
      }
      sub.retries++;
      return 'retry';
    }
    sub.retries = 0;
    return 'failed';
  } finally {
    bus.current = null;
    foldLimits(org, org.limits);
    org.limits = saved.limits;
    org.user = saved.user;
    org.hooks.context = saved.context;
    if (!test) interp.state = saved.state;
  }
}

/** Runs one trigger (not every trigger of the object) on a batch of events: each subscriber has its own stream. */
function runOnly(org: Org, interp: Interpreter, trigger: TriggerDecl, events: SObjectValue[]): void {
  const all = org.triggers.slice();
  org.triggers.length = 0;
  org.triggers.push(trigger);
  try {
    runTriggers(org, interp, { op: 'insert', before: false, object: trigger.object, newList: events, oldList: null });
  } finally {
    org.triggers.length = 0;
    org.triggers.push(...all);
  }
}

/** EventBusSubscriber-like state of a trigger, for tests of the emulator. */
export function subscriberState(
  org: Org,
  triggerName: string
): { retries: number; lastError: string | null; state: string; position: number } | null {
  for (const sub of eventBus(org).subscribers.values()) {
    if (sub.trigger.name.toLowerCase() === triggerName.toLowerCase())
      return { retries: sub.retries, lastError: sub.lastError, state: sub.state, position: sub.position };
  }
  return null;
}
