/**
 * UserInfo, Limits, Test, FeatureManagement and the execution-context checks of System (Apex Reference Guide:
 * UserInfo Class, Limits Class, Test Class, FeatureManagement Class, System Class).
 */
import type { Interpreter } from '../runtime/interpreter';
import { str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexId, SObjectValue } from '../runtime/values';
import { orgOf } from './sobjects';

const userField = (interp: Interpreter, field: string): unknown => orgOf(interp).user.record.values.get(field) ?? null;

/** Custom permissions the running user holds through permission sets. */
function customPermissions(interp: Interpreter): Set<string> {
  const org = orgOf(interp);
  const granted = new Set<string>();
  const userId = org.user.id.value;
  const sets = org.table('PermissionSet');
  for (const a of org.table('PermissionSetAssignment').values()) {
    if ((a.values.get('assigneeid') as ApexId | null)?.value !== userId) continue;
    const ps = sets.get((a.values.get('permissionsetid') as ApexId).value);
    const model = ps ? org.project?.permissionSets[String(ps.values.get('name'))] : undefined;
    for (const cp of model?.customPermissions ?? []) granted.add(cp.toLowerCase());
  }
  return granted;
}

export function registerPlatform(r: Registry): void {
  // ---------------------------------------------------------------- UserInfo
  r.static('UserInfo', 'getUserId', ({ interp }) => orgOf(interp).user.id);
  r.static('UserInfo', 'getName', ({ interp }) =>
    [userField(interp, 'firstname'), userField(interp, 'lastname')].filter((x) => x).join(' ')
  );
  r.static('UserInfo', 'getFirstName', ({ interp }) => userField(interp, 'firstname'));
  r.static('UserInfo', 'getLastName', ({ interp }) => userField(interp, 'lastname'));
  r.static('UserInfo', 'getUserName', ({ interp }) => userField(interp, 'username'));
  r.static('UserInfo', 'getUserEmail', ({ interp }) => userField(interp, 'email'));
  r.static('UserInfo', 'getProfileId', ({ interp }) => userField(interp, 'profileid'));
  r.static('UserInfo', 'getUserRoleId', ({ interp }) => userField(interp, 'userroleid'));
  r.static('UserInfo', 'getUserType', ({ interp }) => userField(interp, 'usertype') ?? 'Standard');
  r.static('UserInfo', 'getLocale', ({ interp }) => interp.user.locale);
  r.static('UserInfo', 'getLanguage', ({ interp }) => interp.user.language);
  r.static('UserInfo', 'getTimeZone', ({ interp }) => {
    const fn = interp.registry.findStatic('TimeZone', 'getTimeZone');
    return fn ? fn({ interp, self: undefined }, [interp.user.timeZone]) : interp.user.timeZone;
  });
  r.static('UserInfo', 'getOrganizationId', ({ interp }) => {
    const org = [...orgOf(interp).table('Organization').values()][0] as SObjectValue;
    return org.values.get('id');
  });
  r.static('UserInfo', 'getOrganizationName', ({ interp }) => {
    const org = [...orgOf(interp).table('Organization').values()][0] as SObjectValue;
    return org.values.get('name');
  });
  r.static('UserInfo', 'isMultiCurrencyOrganization', () => false);
  r.static('UserInfo', 'getDefaultCurrency', () => 'USD');
  r.static('UserInfo', 'getUiThemeDisplayed', () => 'Theme4d');
  r.static('UserInfo', 'getUiTheme', () => 'Theme4d');
  r.static('UserInfo', 'getSessionId', () => null);

  // ---------------------------------------------------------------- Limits
  const limit = (getter: string, counter: string): void => {
    r.static('Limits', `get${getter}`, ({ interp }) => orgOf(interp).limits.used[counter]);
    r.static('Limits', `getLimit${getter}`, ({ interp }) => orgOf(interp).limits.max(counter));
  };
  limit('Queries', 'queries');
  limit('QueryRows', 'queryRows');
  limit('DmlStatements', 'dmlStatements');
  limit('DmlRows', 'dmlRows');
  limit('Callouts', 'callouts');
  limit('QueueableJobs', 'queueableJobs');
  limit('FutureCalls', 'futureCalls');
  limit('EmailInvocations', 'emailInvocations');
  limit('AggregateQueries', 'aggregateQueries');
  limit('QueryLocatorRows', 'queryLocatorRows');
  limit('PublishImmediateDML', 'publishImmediateDml');
  // CPU time and heap are not measured by the emulator: CPU is estimated from executed statements (≈ 1 ms per
  // 2,000 statements), heap is reported as 0. README: "what the emulator does not model".
  r.static('Limits', 'getCpuTime', ({ interp }) => Math.floor(orgOf(interp).limits.statements / 2000));
  r.static('Limits', 'getLimitCpuTime', ({ interp }) => (orgOf(interp).limits.async ? 60000 : 10000));
  r.static('Limits', 'getHeapSize', () => 0);
  r.static('Limits', 'getLimitHeapSize', ({ interp }) => (orgOf(interp).limits.async ? 12000000 : 6000000));

  // ---------------------------------------------------------------- FeatureManagement
  r.static('FeatureManagement', 'checkPermission', ({ interp }, [name]) =>
    customPermissions(interp).has(str(name).toLowerCase())
  );

  // ---------------------------------------------------------------- Test
  r.static('Test', 'isRunningTest', ({ interp }) => orgOf(interp).inTest);
  r.static('Test', 'getStandardPricebookId', () => null);
  // Apex Reference, Test.setCreatedDate(recordId, createdDatetime): sets CreatedDate of a test-inserted record.
  r.static('Test', 'setCreatedDate', ({ interp }, [id, when]) => {
    const org = orgOf(interp);
    const recordId = id instanceof ApexId ? id : interp.toId(str(id));
    const model = org.objectByPrefix(recordId.prefix);
    const rec = model ? org.writable(model.name, recordId.value) : undefined;
    if (!rec) return interp.throwFault('System.InvalidParameterValueException', `Invalid id: ${recordId.value}`);
    rec.values.set('createddate', when);
    rec.names.set('createddate', 'CreatedDate');
    return null;
  });

  // Test.startTest/stopTest/setMock and System.isBatch/isFuture/isQueueable/isScheduled: stdlib/async.ts, callouts.ts.
}
