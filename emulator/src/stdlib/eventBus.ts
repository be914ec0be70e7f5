/**
 * Platform event natives: EventBus.publish, EventBus.RetryableException, EventBus.TriggerContext,
 * Test.getEventBus().deliver(). The engine (bus, delivery, retries, subscriber user) is `data/eventBus.ts`.
 *
 * Sources: Apex Reference Guide, EventBus Class, EventBus.TestBroker Class, EventBus.TriggerContext Class;
 * Platform Events Developer Guide, Deliver Test Event Messages, Retry Event Triggers with EventBus.RetryableException.
 */
import { deliverEvents, eventBus, publish } from '../data/eventBus';
import type { PublishResult } from '../data/eventBus';
import type { Interpreter } from '../runtime/interpreter';
import { fault } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexList, NativeObject, T } from '../runtime/values';
import { orgOf } from './sobjects';

function saveResult(interp: Interpreter, r: PublishResult): NativeObject {
  const code = interp.registry.lookupType('System.StatusCode')?.enumValues?.find((e) => e.name === 'INVALID_TYPE');
  return new NativeObject('Database.SaveResult', {
    id: r.id,
    success: r.success,
    created: r.success,
    errors: r.error
      ? [new NativeObject('Database.Error', { message: r.error, statusCode: code ?? 'INVALID_TYPE', fields: [] })]
      : [],
    __toString: () => `Database.SaveResult[getId=${r.id ? r.id.value : 'null'};isSuccess=${r.success};]`
  });
}

export function registerEventBus(r: Registry): void {
  r.exceptionType('EventBus.RetryableException');
  r.type('EventBus.TestBroker');
  r.type('EventBus.TriggerContext');

  r.static('EventBus', 'publish', ({ interp }, [events]) => {
    if (events === null || events === undefined) throw fault('System.NullPointerException', 'Argument cannot be null.');
    const org = orgOf(interp);
    if (events instanceof ApexList) {
      const results = publish(org, interp, events.items).map((x) => saveResult(interp, x));
      return new ApexList(T('Database.SaveResult'), results);
    }
    return saveResult(interp, publish(org, interp, [events])[0]);
  });

  // Test.getEventBus() returns the test event bus (EventBus.TestBroker); deliver() delivers the published events.
  r.static('Test', 'getEventBus', () => new NativeObject('EventBus.TestBroker', {}));
  r.method('EventBus.TestBroker', 'deliver', ({ interp }) => {
    const org = orgOf(interp);
    if (!org.inTest) throw fault('System.UnexpectedException', 'Test.getEventBus() is only available in tests');
    deliverEvents(org, interp, true);
    return null;
  });

  // EventBus.TriggerContext.currentContext(): retries of the running platform event trigger.
  r.static('EventBus.TriggerContext', 'currentContext', ({ interp }) => {
    const current = eventBus(orgOf(interp)).current;
    return new NativeObject('EventBus.TriggerContext', {
      retries: current?.retries ?? 0,
      lastError: current?.lastError ?? null
    });
  });
  r.instanceProp('EventBus.TriggerContext', 'retries', (_i, self) => (self as NativeObject).data['retries']);
  r.instanceProp('EventBus.TriggerContext', 'lastError', (_i, self) => (self as NativeObject).data['lastError']);
}
