/**
 * Platform events as documented (Platform Events Developer Guide; Apex Reference Guide, EventBus Class,
 * EventBus.TestBroker Class), in a minimal project holding two events and their triggers. Each case cites its source.
 * Addresses (returned by the documentation search tool; also listed in emulator/fidelity/SOURCES.md, section D):
 * - EventBus Class: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apex/apex_class_System_eventbus.htm
 * - TestBroker Class: https://developer.salesforce.com/docs/platform/apex-ref/references/apex-ref/apex-class-eventbus-testbroker.html
 * - Deliver Test Event Messages: https://developer.salesforce.com/docs/atlas.en-us.252.0.platform_events.meta/platform_events/platform_events_test_deliver.htm
 * - Retry Event Triggers: https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_subscribe_apex_refire.htm
 * - Test Retried Event Messages: https://developer.salesforce.com/docs/atlas.en-us.262.0.platform_events.meta/platform_events/platform_events_test_retry.htm
 * - Subscribe with Apex Triggers: https://developer.salesforce.com/docs/atlas.en-us.258.0.platform_events.meta/platform_events/platform_events_subscribe_apex.htm
 * - Configure the User and Batch Size: https://developer.salesforce.com/docs/atlas.en-us.258.0.platform_events.meta/platform_events/platform_events_trigger_config.htm
 * - Platform Event Fields (publish behavior): https://developer.salesforce.com/docs/atlas.en-us.254.0.platform_events.meta/platform_events/platform_events_define_ui.htm
 * - Considerations for Apex and APIs: https://developer.salesforce.com/docs/atlas.en-us.222.0.platform_events.meta/platform_events/platform_events_api_considerations.htm
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emulator } from '../src/emulator';
import type { SnippetResult } from '../src/emulator';
import { loadProject } from '../src/metadata/loader';
import { Limits } from '../src/data/limits';
import { subscriberState } from '../src/data/eventBus';

const ROOT = path.resolve(__dirname, '..', '..');
const STANDARD_OBJECTS = path.join(ROOT, 'emulator', 'standard-objects');
let tmp: string;
let emulator: Emulator;
let clean: ReturnType<Emulator['org']['snapshot']>;

const EVENT = (name: string, behavior: string) => `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
  <deploymentStatus>Deployed</deploymentStatus>
  <eventType>StandardVolume</eventType>
  <label>${name}</label>
  <pluralLabel>${name}</pluralLabel>
  <publishBehavior>${behavior}</publishBehavior>
</CustomObject>`;
const FIELD = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
  <fullName>Payload__c</fullName>
  <label>Payload</label>
  <length>255</length>
  <type>Text</type>
</CustomField>`;
const TRIGGER_META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexTrigger xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexTrigger>`;

/** Each trigger records what it saw in Recorder's statics (kept in tests, as for async jobs) and in Contacts. */
const RECORDER = `public class PeRecorder {
  public static List<String> seen = new List<String>();
  public static Integer failTimes = 0;
  public static Boolean failHard = false;
  public static Boolean callOut = false;
}`;
const AFTER_COMMIT_TRIGGER = `trigger PeAfterCommitTrigger on Pe_After__e (after insert) {
  Integer retries = EventBus.TriggerContext.currentContext().retries;
  if (PeRecorder.callOut) {
    HttpRequest req = new HttpRequest(); req.setEndpoint('https://example.com/x'); req.setMethod('GET');
    try { new Http().send(req); PeRecorder.seen.add('called out'); }
    catch (CalloutException e) { PeRecorder.seen.add('callout refused: ' + e.getMessage()); }
  }
  insert new Contact(LastName = 'from trigger ' + retries);
  if (PeRecorder.failHard) { throw new IllegalArgumentException('boom'); }
  if (retries < PeRecorder.failTimes) { throw new EventBus.RetryableException('locked ' + retries); }
  for (Pe_After__e e : Trigger.new) {
    PeRecorder.seen.add(e.Payload__c + '|' + UserInfo.getName() + '|' + (e.ReplayId != null) + '|' + (e.EventUuid != null) + '|' + Trigger.new.size() + '|' + retries);
  }
}`;
const IMMEDIATE_TRIGGER = `trigger PeImmediateTrigger on Pe_Now__e (after insert) {
  for (Pe_Now__e e : Trigger.new) { PeRecorder.seen.add('now:' + e.Payload__c + '|' + UserInfo.getUserName() + '|' + Trigger.new.size()); }
}`;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-events-'));
  fs.writeFileSync(
    path.join(tmp, 'sfdx-project.json'),
    JSON.stringify({
      packageDirectories: [{ path: 'force-app', default: true }],
      namespace: '',
      sourceApiVersion: '65.0'
    })
  );
  const base = path.join(tmp, 'force-app', 'main', 'default');
  for (const [name, behavior] of [
    ['Pe_After__e', 'PublishAfterCommit'],
    ['Pe_Now__e', 'PublishImmediately']
  ]) {
    fs.mkdirSync(path.join(base, 'objects', name, 'fields'), { recursive: true });
    fs.writeFileSync(path.join(base, 'objects', name, `${name}.object-meta.xml`), EVENT(name, behavior));
    fs.writeFileSync(path.join(base, 'objects', name, 'fields', 'Payload__c.field-meta.xml'), FIELD);
  }
  fs.mkdirSync(path.join(base, 'triggers'), { recursive: true });
  fs.mkdirSync(path.join(base, 'classes'), { recursive: true });
  for (const [name, src] of [
    ['PeAfterCommitTrigger', AFTER_COMMIT_TRIGGER],
    ['PeImmediateTrigger', IMMEDIATE_TRIGGER]
  ]) {
    fs.writeFileSync(path.join(base, 'triggers', `${name}.trigger`), src);
    fs.writeFileSync(path.join(base, 'triggers', `${name}.trigger-meta.xml`), TRIGGER_META);
  }
  fs.writeFileSync(path.join(base, 'classes', 'PeRecorder.cls'), RECORDER);
  fs.mkdirSync(path.join(base, 'platformEventSubscriberConfigs'), { recursive: true });
  fs.writeFileSync(
    path.join(base, 'platformEventSubscriberConfigs', 'PeImmediateConfig.platformEventSubscriberConfig-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<PlatformEventSubscriberConfig xmlns="http://soap.sforce.com/2006/04/metadata">
  <batchSize>1</batchSize>
  <masterLabel>PeImmediateConfig</masterLabel>
  <platformEventConsumer>PeImmediateTrigger</platformEventConsumer>
  <user>admin@emulated.example.com</user>
</PlatformEventSubscriberConfig>`
  );
  fs.writeFileSync(
    path.join(base, 'classes', 'PeRecorder.cls-meta.xml'),
    TRIGGER_META.replace(/ApexTrigger/g, 'ApexClass')
  );
  emulator = new Emulator(loadProject(tmp, { standardObjectsDir: STANDARD_OBJECTS }));
  clean = emulator.org.snapshot();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(code: string): SnippetResult {
  const { org } = emulator;
  for (const k of Object.keys(org.hooks)) delete org.hooks[k];
  org.restore(clean);
  org.limits = new Limits(false);
  org.inTest = true;
  return emulator.runSnippet(`PeRecorder.seen.clear(); ${code}`);
}
const ok = (r: SnippetResult): string => {
  if (r.exception) throw new Error(`${r.exception.type}: ${r.exception.message}\n${r.exception.stack}`);
  return r.value as string;
};

describe('platform event objects', () => {
  // Platform Event Fields: ReplayId, EventUuid, CreatedDate, CreatedById are standard fields of an event.
  it('loads __e objects as platform events with their fields and standard fields', () => {
    const model = emulator.org.object('Pe_After__e');
    expect(model?.kind).toBe('platform-event');
    expect(model?.publishBehavior).toBe('PublishAfterCommit');
    expect(Object.keys(model?.fields ?? {}).sort()).toEqual(
      ['createdbyid', 'createddate', 'eventuuid', 'id', 'payload__c', 'replayid'].sort()
    );
    expect(model?.keyPrefix.startsWith('e')).toBe(true);
  });

  // Publish Event Messages with Apex: events are published with EventBus.publish; DML insert is refused.
  it('refuses insert on a platform event', () => {
    const r = run(`insert new Pe_After__e(Payload__c = 'x'); return 'inserted';`);
    expect(r.exception?.message).toBe('DML operation Insert not allowed on Pe_After__e');
  });
});

describe('EventBus.publish', () => {
  // EventBus Class: publish(SObject) returns Database.SaveResult; publish(List<SObject>) List<Database.SaveResult>;
  // "Each method execution is counted as one DML statement."
  it('returns SaveResults with an Id and counts one DML statement per call', () => {
    const r = run(`Database.SaveResult one = EventBus.publish(new Pe_After__e(Payload__c = 'a'));
      List<Database.SaveResult> many = EventBus.publish(new List<SObject>{ new Pe_After__e(Payload__c = 'b'), new Pe_After__e(Payload__c = 'c') });
      return one.isSuccess() + ',' + (one.getId() != null) + ',' + many.size() + ',' + many[1].isSuccess() + ',' + Limits.getDmlStatements();`);
    expect(ok(r)).toBe('true,true,2,true,2');
  });
});

describe('delivery to the subscribed trigger', () => {
  // Deliver Test Event Messages: "In test context, the EventBus.publish() method enqueues the publish operation. The
  // Test.stopTest() statement causes the event publishing to be carried out and event messages to be delivered".
  it('delivers at Test.stopTest, not at publish', () => {
    const r = run(`Test.startTest(); EventBus.publish(new Pe_After__e(Payload__c = 'a'));
      Integer before = PeRecorder.seen.size(); Test.stopTest();
      return before + ',' + PeRecorder.seen.size();`);
    expect(ok(r)).toBe('0,1');
  });

  // Subscribe with Apex Triggers: the trigger runs "under the Automated Process entity" unless configured; event
  // messages carry ReplayId and EventUuid; a batch holds up to 2,000 events. Test.getEventBus().deliver() delivers.
  it('runs the trigger as Automated Process on one batch, with ReplayId and EventUuid, at deliver()', () => {
    const r = run(`List<Pe_After__e> events = new List<Pe_After__e>();
      for (Integer i = 0; i < 2001; i++) events.add(new Pe_After__e(Payload__c = 'e' + i));
      EventBus.publish(events); Test.getEventBus().deliver();
      return PeRecorder.seen[0] + ' ; ' + PeRecorder.seen.size() + ' ; ' + PeRecorder.seen[2000] + ' ; ' + UserInfo.getName();`);
    expect(ok(r)).toBe(
      'e0|Automated Process|true|true|2000|0 ; 2001 ; e2000|Automated Process|true|true|1|0 ; Emulated Admin'
    );
  });

  // Subscribe with Apex Triggers: the trigger runs in its own transaction, not the publisher's (own limits).
  it('runs the trigger in a transaction of its own', () => {
    const r = run(`EventBus.publish(new Pe_After__e(Payload__c = 'a')); Integer dml = Limits.getDmlStatements();
      Test.getEventBus().deliver();
      return dml + ',' + Limits.getDmlStatements() + ',' + [SELECT COUNT() FROM Contact WHERE LastName LIKE 'from trigger%'];`);
    expect(ok(r)).toBe('1,1,1');
  });

  // Platform Event Fields, Publish After Commit: "the event message is published only after a transaction commits
  // successfully and isn't published if the transaction fails"; Publish Immediately: "regardless of whether the
  // transaction succeeds". Database.rollback rolls the transaction's work back, so after-commit events go with it.
  it('drops Publish After Commit events rolled back with the transaction, keeps Publish Immediately ones', () => {
    const r = run(`Savepoint sp = Database.setSavepoint();
      EventBus.publish(new Pe_After__e(Payload__c = 'after')); EventBus.publish(new Pe_Now__e(Payload__c = 'x'));
      Database.rollback(sp); Test.getEventBus().deliver();
      return String.join(PeRecorder.seen, ',');`);
    expect(ok(r)).toBe('now:x|admin@emulated.example.com|1');
  });
});

describe('callouts', () => {
  // Salesforce Help, knowledge article 000386018 ("Callout from triggers are currently not supported" error: wrap the
  // callout in an @future method); the Winter '21 release notes ("Make Apex Callouts After Publishing Platform Event
  // Messages": "This feature doesn't change the way you make Apex callouts from Apex triggers, which require the
  // @future(callout=true) annotation"). A platform event trigger is a trigger: it calls out through async Apex.
  it('refuses a callout from a platform event trigger, before any DML of the trigger', () => {
    const r = run(`PeRecorder.callOut = true; EventBus.publish(new Pe_After__e(Payload__c = 'a'));
      Test.getEventBus().deliver(); PeRecorder.callOut = false;
      return PeRecorder.seen[0];`);
    expect(ok(r)).toBe('callout refused: Callout from triggers are currently not supported.');
  });
});

describe('PlatformEventSubscriberConfig', () => {
  // Configure the User and Batch Size for Your Platform Event Trigger: the configured user runs the trigger, in
  // batches of batchSize (1 through 2,000).
  it('runs the configured trigger as the configured user in batches of the configured size', () => {
    const r =
      run(`EventBus.publish(new List<SObject>{ new Pe_Now__e(Payload__c = 'a'), new Pe_Now__e(Payload__c = 'b') });
      Test.getEventBus().deliver();
      return String.join(PeRecorder.seen, ',');`);
    expect(ok(r)).toBe('now:a|admin@emulated.example.com|1,now:b|admin@emulated.example.com|1');
  });
});

describe('EventBus.RetryableException', () => {
  // Retry Event Triggers: all events of the batch are resent; the DML before the retry is rolled back;
  // EventBus.TriggerContext.currentContext().retries counts; Test Retried Event Messages: deliver() redelivers.
  it('resends the batch at the next deliver() with the retry count, rolling back the failed run', () => {
    const r = run(`PeRecorder.failTimes = 2;
      EventBus.publish(new Pe_After__e(Payload__c = 'a'));
      Test.getEventBus().deliver(); Integer afterFirst = PeRecorder.seen.size();
      Test.getEventBus().deliver(); Test.getEventBus().deliver();
      return afterFirst + ',' + String.join(PeRecorder.seen, ',') + ',' + [SELECT COUNT() FROM Contact WHERE LastName LIKE 'from trigger%'];`);
    expect(ok(r)).toBe('0,a|Automated Process|true|true|1|2,1');
  });

  // "You can run a trigger up to 10 times when it is retried (the initial run plus nine retries). After the trigger
  // is retried nine times, it moves to the error state and stops processing new events."
  it('stops the trigger after nine retries', () => {
    const r = run(`PeRecorder.failTimes = 100;
      EventBus.publish(new Pe_After__e(Payload__c = 'a'));
      for (Integer i = 0; i < 12; i++) Test.getEventBus().deliver();
      PeRecorder.failTimes = 0;
      EventBus.publish(new Pe_After__e(Payload__c = 'b')); Test.getEventBus().deliver();
      return PeRecorder.seen.size();`);
    expect(ok(r)).toBe('0');
    expect(subscriberState(emulator.org, 'PeAfterCommitTrigger')).toMatchObject({
      state: 'Error',
      lastError: 'locked 9'
    });
  });

  // Resume a Platform Event Trigger After an Uncaught Exception: an uncaught exception (not retryable) ends the run;
  // its work is rolled back and the batch is not resent.
  it('does not resend a batch after an uncaught exception that is not retryable', () => {
    const r = run(`PeRecorder.failHard = true; EventBus.publish(new Pe_After__e(Payload__c = 'a'));
      Test.getEventBus().deliver(); PeRecorder.failHard = false; Test.getEventBus().deliver();
      return PeRecorder.seen.size() + ',' + [SELECT COUNT() FROM Contact WHERE LastName LIKE 'from trigger%'];`);
    expect(ok(r)).toBe('0,0');
  });
});
