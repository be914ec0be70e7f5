/**
 * `System.Request` and `System.Quiddity` (Apex Reference Guide, Request Class, Quiddity Enum): the current request's
 * Id and the context it runs in. A test method runs as `RUNTEST_ASYNC` (the runner stands for an asynchronous test
 * run, as `sf apex run test` starts); inside an asynchronous job, the job's context (`QUEUEABLE`, `FUTURE`,
 * `BATCH_APEX`, `SCHEDULED`). The request Id is one per transaction.
 */
import type { Interpreter } from '../runtime/interpreter';
import type { Registry } from '../runtime/registry';
import { NativeObject } from '../runtime/values';
import { orgOf } from './sobjects';

export const QUIDDITIES = [
  'ANONYMOUS',
  'AURA',
  'BATCH_ACS',
  'BATCH_APEX',
  'BATCH_CHUNK_PARALLEL',
  'BATCH_CHUNK_SERIAL',
  'BULK_API',
  'COMMERCE_INTEGRATION',
  'DISCOVERABLE_LOGIN',
  'FUNCTION_CALLBACK',
  'FUTURE',
  'INBOUND_EMAIL_SERVICE',
  'INVOCABLE_ACTION',
  'IOT',
  'PLATFORM_EVENT_PUBLISH_CALLBACK',
  'POST_INSTALL_SCRIPT',
  'QUEUEABLE',
  'QUICK_ACTION',
  'REMOTE_ACTION',
  'REST',
  'RUNTEST_ASYNC',
  'RUNTEST_DEPLOY',
  'RUNTEST_SYNC',
  'SCHEDULED',
  'SOAP',
  'SYNCHRONOUS',
  'TRANSACTION_FINALIZER_QUEUEABLE',
  'VF'
];

let requests = 0;

function quiddity(interp: Interpreter): string {
  const flag = (name: string): boolean =>
    interp.registry.findStatic('System', name)?.({ interp, self: undefined }, []) === true;
  if (flag('isQueueable')) return 'QUEUEABLE';
  if (flag('isFuture')) return 'FUTURE';
  if (flag('isBatch')) return 'BATCH_APEX';
  if (flag('isScheduled')) return 'SCHEDULED';
  return orgOf(interp).inTest ? 'RUNTEST_ASYNC' : 'SYNCHRONOUS';
}

export function registerQuiddity(r: Registry): void {
  const type = r.enumType('System.Quiddity', QUIDDITIES);
  r.type('System.Request');
  r.static('System.Request', 'getCurrent', ({ interp }) => {
    const hooks = orgOf(interp).hooks;
    if (typeof hooks.requestId !== 'string') hooks.requestId = `TID${String(++requests).padStart(19, '0')}`;
    const id = hooks.requestId;
    return new NativeObject('System.Request', { requestId: id, quiddity: quiddity(interp) });
  });
  r.method('System.Request', 'getRequestId', ({ self }) => (self as NativeObject).data.requestId);
  r.method(
    'System.Request',
    'getQuiddity',
    ({ self }) => type.enumValues?.find((v) => v.name === (self as NativeObject).data.quiddity) ?? null
  );
}
