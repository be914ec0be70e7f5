/**
 * Lead conversion (Apex Reference Guide: Database.LeadConvert, Database.convertLead, Database.LeadConvertResult):
 * the Lead becomes converted (IsConverted, ConvertedDate, ConvertedAccountId, ConvertedContactId, the converted
 * status), an Account (the Lead's Company) and a Contact are created unless existing ones are given. Not modelled:
 * Opportunity creation (the emulator has no Opportunity object: `setDoNotCreateOpportunity(true)` is required),
 * field mapping of custom Lead fields, and the Lead update triggers the platform fires on conversion.
 */
import { executeDml } from '../data/dml';
import type { Interpreter } from '../runtime/interpreter';
import { fault, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexDate, ApexId, ApexList, NativeObject, T } from '../runtime/values';
import { orgOf } from './sobjects';

const SETTERS: Record<string, string> = {
  setleadid: 'leadId',
  setconvertedstatus: 'convertedStatus',
  setdonotcreateopportunity: 'doNotCreateOpportunity',
  setaccountid: 'accountId',
  setcontactid: 'contactId',
  setownerid: 'ownerId',
  setopportunityname: 'opportunityName',
  setsendnotificationemail: 'sendNotificationEmail',
  setoverwriteleadsource: 'overwriteLeadSource'
};

function convertOne(interp: Interpreter, lc: NativeObject): NativeObject {
  const org = orgOf(interp);
  const d = lc.data;
  const leadId = d.leadId instanceof ApexId ? d.leadId : d.leadId ? interp.toId(str(d.leadId)) : null;
  const result = (errors: { message: string; statusCode: string }[], ids: Record<string, unknown> = {}) =>
    new NativeObject('Database.LeadConvertResult', { leadId, errors, ...ids });
  if (!leadId) throw fault('System.InvalidParameterValueException', 'Lead Id is required');
  const lead = org.table('Lead').get(leadId.value);
  if (!lead) return result([{ message: 'invalid cross reference id', statusCode: 'INVALID_CROSS_REFERENCE_KEY' }]);
  if (lead.values.get('isconverted') === true) {
    return result([{ message: 'This lead was already converted to the contact', statusCode: 'INVALID_STATUS' }]);
  }
  const status = d.convertedStatus == null ? null : str(d.convertedStatus);
  const converted = [...org.table('LeadStatus').values()].find(
    (s) => s.values.get('isconverted') === true && s.values.get('masterlabel') === status
  );
  if (!converted) return result([{ message: 'invalid converted status', statusCode: 'INVALID_STATUS' }]);
  if (d.doNotCreateOpportunity !== true) {
    throw fault(
      'System.UnexpectedException',
      'The emulator does not model Opportunity: call setDoNotCreateOpportunity(true) (README: what it does not model)'
    );
  }
  let accountId = d.accountId as ApexId | null;
  if (!accountId) {
    const account = org.newSObject('Account', false);
    interp.sobjectPut(account, 'Name', lead.values.get('company') ?? lead.values.get('lastname'));
    executeDml(org, interp, 'insert', account, {
      allOrNone: true,
      accessLevel: 'system',
      externalId: null,
      second: null,
      statement: true
    });
    accountId = account.values.get('id') as ApexId;
  }
  let contactId = d.contactId as ApexId | null;
  if (!contactId) {
    const contact = org.newSObject('Contact', false);
    for (const f of ['FirstName', 'LastName', 'Email', 'Phone', 'MobilePhone', 'Title']) {
      const v = lead.values.get(f.toLowerCase());
      if (v !== undefined && v !== null) interp.sobjectPut(contact, f, v);
    }
    interp.sobjectPut(contact, 'AccountId', accountId);
    executeDml(org, interp, 'insert', contact, {
      allOrNone: true,
      accessLevel: 'system',
      externalId: null,
      second: null,
      statement: true
    });
    contactId = contact.values.get('id') as ApexId;
  }
  const today = new Date(interp.now());
  // The stored Lead is shared with snapshots (savepoints): its conversion changes a copy (Org.writable).
  const converting = org.writable('Lead', leadId.value) ?? lead;
  const set = (field: string, value: unknown): void => {
    const f = org.field('Lead', field);
    converting.values.set(field.toLowerCase(), value);
    converting.names.set(field.toLowerCase(), f?.name ?? field);
  };
  set('IsConverted', true);
  set('Status', converted.values.get('masterlabel'));
  set('ConvertedDate', new ApexDate(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()));
  set('ConvertedAccountId', accountId);
  set('ConvertedContactId', contactId);
  org.limits.uncommittedWork = true;
  return result([], { accountId, contactId, opportunityId: null });
}

export function registerLeadConvert(r: Registry): void {
  r.type('Database.LeadConvert');
  r.type('Database.LeadConvertResult');
  r.ctor('Database.LeadConvert', () => new NativeObject('Database.LeadConvert', {}));
  for (const [setter, key] of Object.entries(SETTERS)) {
    r.method('Database.LeadConvert', setter, ({ self }, [v]) => {
      (self as NativeObject).data[key] = v;
      return null;
    });
    const getter = setter.replace(/^set/, 'get');
    r.method('Database.LeadConvert', getter, ({ self }) => (self as NativeObject).data[key] ?? null);
  }
  r.method(
    'Database.LeadConvert',
    'isDoNotCreateOpportunity',
    ({ self }) => (self as NativeObject).data.doNotCreateOpportunity === true
  );
  r.static('Database', 'convertLead', ({ interp }, [arg, allOrNone]) => {
    orgOf(interp).limits.add('dmlStatements');
    const list = arg instanceof ApexList ? (arg.items as NativeObject[]) : [arg as NativeObject];
    const results = list.map((lc) => convertOne(interp, lc));
    const failed = results.find((res) => (res.data.errors as unknown[]).length > 0);
    if (failed && allOrNone !== false) {
      const e = (failed.data.errors as { message: string; statusCode: string }[])[0];
      throw fault(
        'System.DmlException',
        `ConvertLead failed. First exception on row 0; first error: ${e.statusCode}, ${e.message}: []`
      );
    }
    return arg instanceof ApexList ? new ApexList(T('Database.LeadConvertResult'), results) : results[0];
  });
  const get = (name: string, key: string): void =>
    r.method('Database.LeadConvertResult', name, ({ self }) => (self as NativeObject).data[key] ?? null);
  get('getLeadId', 'leadId');
  get('getAccountId', 'accountId');
  get('getContactId', 'contactId');
  get('getOpportunityId', 'opportunityId');
  r.method(
    'Database.LeadConvertResult',
    'isSuccess',
    ({ self }) => ((self as NativeObject).data.errors as unknown[]).length === 0
  );
  r.method('Database.LeadConvertResult', 'getErrors', ({ interp, self }) => {
    const errors = (self as NativeObject).data.errors as { message: string; statusCode: string }[];
    const make = interp.registry.findStatic('$database', 'error');
    return new ApexList(
      T('Database.Error'),
      errors.map((e) => (make ? make({ interp, self: undefined }, [e.message, e.statusCode]) : e.message))
    );
  });
}
