/**
 * The data layer on the real project: SOQL, DML, triggers, access, and the Database natives. Each case names the
 * platform documentation it follows (Apex Developer Guide = ADG, SOQL and SOSL Reference = SOQL, Object Reference).
 */
import * as path from 'node:path';
import { Emulator } from '../src/emulator';
import { loadProject } from '../src/metadata/loader';
import type { ProjectModel } from '../src/metadata/model';
import { resetLimits } from '../src/data/limits';
import { toSingleRecord } from '../src/data/soql';
import { canCreate, canRead, isAccessibleField } from '../src/data/access';
import { ApexList, SObjectValue, T } from '../src/runtime/values';
import { RuntimeFault } from '../src/runtime/ops';

const ROOT = path.resolve(__dirname, '..', '..');
let project: ProjectModel;
let em: Emulator;

beforeAll(() => {
  project = loadProject(ROOT);
});
beforeEach(() => {
  em = new Emulator(project);
  em.interp.clock = Date.UTC(2024, 2, 15, 18, 0, 0); // 2024-03-15 11:00 in America/Los_Angeles
});

/** Runs a snippet in a fresh transaction; returns String.valueOf the result, or throws with the Apex exception. */
function run(code: string, classes: string[] = []): string {
  resetLimits(em.org);
  const r = em.runSnippet(code, classes);
  if (r.exception) throw new Error(`${r.exception.type}: ${r.exception.message}`);
  return r.value as string;
}

function fails(code: string, classes: string[] = []): { type: string; message: string } {
  resetLimits(em.org);
  const r = em.runSnippet(code, classes);
  if (!r.exception) throw new Error(`expected an exception, got ${r.value}`);
  return r.exception;
}

const LEADS = `insert new List<Lead>{
  new Lead(LastName='Alpha', Company='Acme', Email='alpha@example.com', City='Paris'),
  new Lead(LastName='beta', Company='Acme', Email='beta@example.com'),
  new Lead(LastName='Gamma', Company='Other', Email='gamma@example.com', City='berlin')
};`;

describe('SOQL', () => {
  it('returns copies with the selected fields; Id always (ADG, Working with SOQL Query Results)', () => {
    expect(
      run(
        `${LEADS} List<Lead> ls = [SELECT LastName FROM Lead WHERE LastName = 'Alpha']; ls[0].LastName = 'X'; return [SELECT LastName FROM Lead WHERE LastName = 'Alpha'].size() + ' ' + (ls[0].Id != null);`
      )
    ).toBe('1 true');
  });

  it('reading a field the query did not select throws SObjectException (ADG, SObject Fields)', () => {
    expect(fails(`${LEADS} Lead l = [SELECT Id FROM Lead LIMIT 1][0]; return l.Email;`).message).toBe(
      'SObject row was retrieved via SOQL without querying the requested field: Lead.Email'
    );
  });

  it('follows parent relationships, polymorphic Owner to User and Owner.Profile.Name (SOQL, Relationship Queries)', () => {
    expect(
      run(
        `${LEADS} Lead l = [SELECT Owner.Email, Owner.Profile.Name FROM Lead LIMIT 1][0]; return l.Owner.Email + '|' + ((User) l.Owner).Profile.Name;`
      )
    ).toBe('admin@emulated.example.com|System Administrator');
  });

  it('unknown column: QueryException with the platform message (SOQL, error INVALID_FIELD)', () => {
    const e = fails(`return Database.query('SELECT Nope__c FROM Lead');`);
    expect(e.type).toBe('System.QueryException');
    expect(e.message).toBe(
      "No such column 'Nope__c' on entity 'Lead'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."
    );
  });

  it('unknown object: sObject type is not supported (SOQL, INVALID_TYPE)', () => {
    expect(fails(`return Database.query('SELECT Id FROM Nope__c');`).message).toMatch(
      /^sObject type 'Nope__c' is not supported\./
    );
  });

  it('a long text area cannot be filtered (Object Reference, Field Properties: Filter)', () => {
    expect(
      fails(`return Database.query('SELECT Id FROM Lead WHERE Aloware_Last_Inbound_Text__c = \\'x\\'');`).message
    ).toBe("field 'Aloware_Last_Inbound_Text__c' can not be filtered in a query call");
  });

  it('AND / OR / NOT with parentheses (SOQL, Logical Operators)', () => {
    expect(
      run(
        `${LEADS} return [SELECT COUNT() FROM Lead WHERE (LastName = 'alpha' OR LastName = 'Gamma') AND (NOT City = 'Berlin')];`
      )
    ).toBe('1');
  });

  it('string comparison is case-insensitive; = null and != null (SOQL, Comparison Operators)', () => {
    expect(
      run(
        `${LEADS} return [SELECT COUNT() FROM Lead WHERE LastName = 'BETA'] + ' ' + [SELECT COUNT() FROM Lead WHERE City = null] + ' ' + [SELECT COUNT() FROM Lead WHERE City != null];`
      )
    ).toBe('1 1 2');
  });

  it('!= and NOT IN include rows whose value is null (SOQL, Comparison Operators)', () => {
    expect(
      run(
        `${LEADS} return [SELECT COUNT() FROM Lead WHERE City != 'Paris'] + ' ' + [SELECT COUNT() FROM Lead WHERE City NOT IN ('Paris')];`
      )
    ).toBe('2 2');
  });

  it('< > <= >= on text and numbers (SOQL, Comparison Operators)', () => {
    expect(
      run(
        `${LEADS} return [SELECT COUNT() FROM Lead WHERE LastName > 'b'] + ' ' + [SELECT COUNT() FROM Lead WHERE LastName <= 'BETA'];`
      )
    ).toBe('2 2');
  });

  it('IN / NOT IN with bound lists, sets and literal lists (SOQL, IN and NOT IN)', () => {
    expect(
      run(`${LEADS} List<String> names = new List<String>{'Alpha','gamma'}; Set<String> s = new Set<String>{'beta'};
        return [SELECT COUNT() FROM Lead WHERE LastName IN :names] + ' ' + [SELECT COUNT() FROM Lead WHERE LastName NOT IN :s] + ' ' + [SELECT COUNT() FROM Lead WHERE LastName IN ('Beta')];`)
    ).toBe('2 2 1');
  });

  it('IN with a list of Ids (SOQL, IN)', () => {
    expect(
      run(
        `${LEADS} Map<Id, Lead> m = new Map<Id, Lead>([SELECT Id FROM Lead WHERE Company = 'Acme']); return [SELECT COUNT() FROM Lead WHERE Id IN :m.keySet()];`
      )
    ).toBe('2');
  });

  it('LIKE with % and _, case-insensitive (SOQL, LIKE)', () => {
    expect(
      run(
        `${LEADS} return [SELECT COUNT() FROM Lead WHERE Email LIKE '%@EXAMPLE.com'] + ' ' + [SELECT COUNT() FROM Lead WHERE LastName LIKE '_eta'];`
      )
    ).toBe('3 1');
  });

  it('INCLUDES / EXCLUDES on a multi-select picklist (SOQL, Querying Multi-Select Picklists)', () => {
    const p = loadProject(ROOT);
    const lead = p.objects['Lead'];
    lead.fields['interests__c'] = {
      ...lead.fields['city'],
      name: 'Interests__c',
      label: 'Interests',
      type: 'MULTIPICKLIST',
      length: 255,
      custom: true
    };
    em = new Emulator(p);
    expect(
      run(`insert new List<Lead>{ new Lead(LastName='A', Company='C', Interests__c='a;b'), new Lead(LastName='B', Company='C', Interests__c='c') };
        return [SELECT COUNT() FROM Lead WHERE Interests__c INCLUDES ('a;b', 'x')] + ' ' + [SELECT COUNT() FROM Lead WHERE Interests__c EXCLUDES ('a')];`)
    ).toBe('1 1');
  });

  it('date and datetime literals with Z and offsets (SOQL, Date Formats and Date Literals)', () => {
    expect(
      run(`insert new Lead(LastName='D', Company='C', Aloware_Last_Inbound_Call_Date__c=Date.newInstance(2024,3,5), Aloware_Last_Engagement__c=Datetime.newInstanceGmt(2024,3,5,10,0,0));
        return [SELECT COUNT() FROM Lead WHERE Aloware_Last_Inbound_Call_Date__c = 2024-03-05] + ' ' + [SELECT COUNT() FROM Lead WHERE Aloware_Last_Engagement__c = 2024-03-05T12:00:00+02:00] + ' ' + [SELECT COUNT() FROM Lead WHERE Aloware_Last_Engagement__c > 2024-03-05T10:00:00Z];`)
    ).toBe('1 1 0');
  });

  it("date formulas TODAY, YESTERDAY, LAST_N_DAYS:n, THIS_MONTH in the running user's zone (SOQL, Date Literals)", () => {
    // Now: 2024-03-15 11:00 America/Los_Angeles; CreatedDate of the inserted lead is that instant.
    expect(
      run(`insert new Lead(LastName='D', Company='C', Aloware_Last_Inbound_Call_Date__c=Date.newInstance(2024,3,12));
        return [SELECT COUNT() FROM Lead WHERE CreatedDate = TODAY] + ' ' + [SELECT COUNT() FROM Lead WHERE CreatedDate = YESTERDAY] + ' ' +
          [SELECT COUNT() FROM Lead WHERE Aloware_Last_Inbound_Call_Date__c = LAST_N_DAYS:3] + ' ' + [SELECT COUNT() FROM Lead WHERE Aloware_Last_Inbound_Call_Date__c = LAST_N_DAYS:2] + ' ' +
          [SELECT COUNT() FROM Lead WHERE Aloware_Last_Inbound_Call_Date__c = THIS_MONTH] + ' ' + [SELECT COUNT() FROM Lead WHERE Aloware_Last_Inbound_Call_Date__c >= THIS_WEEK];`)
    ).toBe('1 0 1 0 1 1');
  });

  it('ORDER BY: ASC NULLS FIRST by default, DESC NULLS LAST, text case-insensitive, several fields (SOQL, ORDER BY)', () => {
    expect(
      run(`${LEADS} String a = ''; for (Lead l : [SELECT LastName FROM Lead ORDER BY City, LastName]) a += l.LastName + ',';
        String b = ''; for (Lead l : [SELECT LastName FROM Lead ORDER BY City DESC NULLS LAST]) b += l.LastName + ',';
        String c = ''; for (Lead l : [SELECT LastName FROM Lead ORDER BY Company DESC, LastName ASC]) c += l.LastName + ',';
        return a + ' ' + b + ' ' + c;`)
    ).toBe('beta,Gamma,Alpha, Alpha,Gamma,beta, Gamma,Alpha,beta,');
  });

  it('LIMIT and OFFSET, literal or bound (SOQL, LIMIT / OFFSET)', () => {
    expect(
      run(
        `${LEADS} Integer n = 1; List<Lead> ls = [SELECT LastName FROM Lead ORDER BY LastName LIMIT :n OFFSET 1]; return ls.size() + ls[0].LastName + [SELECT Id FROM Lead LIMIT 2].size();`
      )
    ).toBe('1beta2');
  });

  it('COUNT() returns an Integer; Database.countQuery (SOQL, COUNT())', () => {
    expect(
      run(
        `${LEADS} Integer n = [SELECT COUNT() FROM Lead]; return n + Database.countQuery('SELECT COUNT() FROM Lead WHERE Company = \\'Acme\\'');`
      )
    ).toBe('5');
  });

  it('aggregates with GROUP BY return AggregateResult with aliases and expr0 (SOQL, GROUP BY; Aggregate Functions)', () => {
    expect(
      run(
        `${LEADS} String out = ''; for (AggregateResult ar : [SELECT Company, COUNT(Id) n, MAX(LastName) FROM Lead GROUP BY Company ORDER BY Company]) out += ar.get('Company') + '=' + ar.get('n') + '/' + ar.get('expr0') + ';'; return out;`
      )
    ).toBe('Acme=2/beta;Other=1/Gamma;');
  });

  it('FOR UPDATE is accepted; ALL ROWS returns deleted rows with IsDeleted (SOQL, FOR UPDATE; ADG, ALL ROWS)', () => {
    expect(
      run(
        `${LEADS} Lead l = [SELECT Id FROM Lead WHERE LastName = 'Alpha' FOR UPDATE][0]; delete l; return [SELECT COUNT() FROM Lead] + ' ' + [SELECT Id, IsDeleted FROM Lead WHERE IsDeleted = true ALL ROWS].size();`
      )
    ).toBe('2 1');
  });

  it('dynamic SOQL binds :var from the caller scope (not :obj.field); queryWithBinds from the map (ADG, Dynamic SOQL)', () => {
    expect(
      run(`${LEADS} String n = 'beta'; Lead probe = new Lead(Company='Other'); String co = probe.Company;
        Map<String, Object> binds = new Map<String, Object>{'c' => 'Acme'};
        return Database.query('SELECT Id FROM Lead WHERE LastName = :n').size() + ' ' + Database.query('SELECT Id FROM Lead WHERE Company = :co').size() + ' ' +
          Database.queryWithBinds('SELECT Id FROM Lead WHERE Company = :c', binds, AccessLevel.SYSTEM_MODE).size();`)
    ).toBe('1 1 2');
    // Unlike inline SOQL, a bind variable field in the query string is not supported: "Variable does not exist".
    expect(
      fails(
        `Lead probe = new Lead(Company='Other'); return Database.query('SELECT Id FROM Lead WHERE Company = :probe.Company');`
      ).message
    ).toBe('Variable does not exist: probe.Company');
  });

  it('queryWithBinds with a missing key throws QueryException (ADG, Database.queryWithBinds)', () => {
    expect(
      fails(
        `return Database.queryWithBinds('SELECT Id FROM Lead WHERE Company = :c', new Map<String, Object>(), AccessLevel.SYSTEM_MODE);`
      ).message
    ).toBe("Key 'c' does not exist in the bindMap");
  });

  it('101 queries in one transaction: uncatchable LimitException "Too many SOQL queries: 101" (ADG, Execution Governors and Limits)', () => {
    const e = fails(
      `try { for (Integer i = 0; i < 101; i++) { List<Lead> l = [SELECT Id FROM Lead]; } } catch (Exception e) { return 'caught'; } return 'done';`
    );
    expect(e).toMatchObject({ type: 'System.LimitException', message: 'Too many SOQL queries: 101' });
  });

  it('toSingleRecord: no rows / more than one row for assignment to SObject (ADG, SOQL Statements)', () => {
    const expectFault = (list: ApexList, message: string): void => {
      try {
        toSingleRecord(list);
        throw new Error('no fault');
      } catch (e) {
        expect(e).toBeInstanceOf(RuntimeFault);
        expect((e as RuntimeFault).message).toBe(message);
      }
    };
    expectFault(new ApexList(T('Lead'), []), 'List has no rows for assignment to SObject');
    expectFault(
      new ApexList(T('Lead'), [new SObjectValue('Lead'), new SObjectValue('Lead')]),
      'List has more than 1 row for assignment to SObject'
    );
  });

  it('child sub-query through a custom relationship (SOQL, Relationship Queries)', () => {
    expect(
      run(
        `Lead l = new Lead(LastName='P', Company='C'); insert l; insert new Aloware_Sync_Log__c(Lead__c = l.Id); Lead q = [SELECT Id, (SELECT Id FROM Aloware_Sync_Logs__r) FROM Lead][0]; return q.Aloware_Sync_Logs__r.size();`
      )
    ).toBe('1');
  });
});

describe('DML', () => {
  it('insert sets Id, audit fields, OwnerId = running user, IsDeleted false and writes the Id back (ADG, Insert)', () => {
    expect(
      run(`Lead l = new Lead(LastName='A', Company='C'); insert l; Lead q = [SELECT CreatedDate, LastModifiedDate, OwnerId, CreatedById, IsDeleted, Status FROM Lead WHERE Id = :l.Id];
        return (q.CreatedDate == Datetime.newInstanceGmt(2024,3,15,18,0,0)) + ' ' + (q.OwnerId == UserInfo.getUserId()) + ' ' + q.IsDeleted + ' ' + q.Status + ' ' + String.valueOf(l.Id).startsWith('00Q');`)
    ).toBe('true true false Open - Not Contacted true');
  });

  it('REQUIRED_FIELD_MISSING with the platform message and getDml* details (Object Reference, StatusCode)', () => {
    const e = fails(`insert new Lead(Company='C');`);
    expect(e).toMatchObject({
      type: 'System.DmlException',
      message:
        'Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [LastName]: [LastName]'
    });
    expect(
      run(
        `try { insert new Lead(Company='C'); } catch (DmlException e) { return e.getNumDml() + ' ' + e.getDmlType(0) + ' ' + e.getDmlFieldNames(0) + ' ' + e.getDmlIndex(0); } return null;`
      )
    ).toBe('1 REQUIRED_FIELD_MISSING (LastName) 0');
  });

  it('STRING_TOO_LONG on a Lead Email longer than 80 characters (Object Reference, Lead.Email length 80)', () => {
    const email = 'a'.repeat(70) + '@example.com';
    expect(fails(`insert new Lead(LastName='A', Company='C', Email='${email}');`).message).toBe(
      `Insert failed. First exception on row 0; first error: STRING_TOO_LONG, Email: data value too large: ${email} (max length=80): [Email]`
    );
  });

  it('DUPLICATE_VALUE on a unique external id, case-insensitive (Object Reference, StatusCode DUPLICATE_VALUE)', () => {
    const e = fails(
      `insert new Lead(LastName='A', Company='C', Aloware_Contact_ID__c='abc'); insert new Lead(LastName='B', Company='C', Aloware_Contact_ID__c='ABC');`
    );
    expect(e.message).toMatch(
      /^Insert failed\. First exception on row 0; first error: DUPLICATE_VALUE, duplicate value found: Aloware_Contact_ID__c duplicates value on record with id: 00Q\w{15}: \[\]$/
    );
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST (Object Reference, StatusCode)', () => {
    expect(fails(`insert new Aloware_Sync_Log__c(Status__c='Bogus');`).message).toMatch(
      /first error: INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST, .*: bad value for restricted picklist field: Bogus: \[Status__c\]$/
    );
  });

  it('INVALID_FIELD_FOR_INSERT_UPDATE: cannot specify Id in an insert call (ADG, Insert)', () => {
    // The message names the row's Id ("First exception on row 0 with id 00Q…"), as for update.
    expect(
      fails(`Lead l = new Lead(LastName='A', Company='C'); insert l; insert l;`).message.replace(/00Q\w{15}/, '<id>')
    ).toBe(
      'Insert failed. First exception on row 0 with id <id>; first error: INVALID_FIELD_FOR_INSERT_UPDATE, cannot specify Id in an insert call: [Id]'
    );
  });

  it('MISSING_ARGUMENT for an update without Id; INVALID_CROSS_REFERENCE_KEY for an unknown Id (ADG, Update)', () => {
    expect(fails(`update new Lead(LastName='A');`).message).toBe(
      'Update failed. First exception on row 0; first error: MISSING_ARGUMENT, Id not specified in an update call: []'
    );
    expect(fails(`update new Lead(Id='00Q000000000999', LastName='A');`).message).toMatch(
      /first error: INVALID_CROSS_REFERENCE_KEY, invalid cross reference id: \[\]$/
    );
  });

  it('update of a deleted record: ENTITY_IS_DELETED (Object Reference, StatusCode)', () => {
    expect(
      fails(`Lead l = new Lead(LastName='A', Company='C'); insert l; delete l; l.City = 'x'; update l;`).message
    ).toMatch(/first error: ENTITY_IS_DELETED, entity is deleted: \[\]$/);
  });

  it('update merges the set fields into the stored record; LastModifiedDate moves (ADG, Update)', () => {
    expect(
      run(
        `Lead l = new Lead(LastName='A', Company='C', City='x'); insert l; update new Lead(Id = l.Id, City='y'); Lead q = [SELECT City, LastName FROM Lead]; return q.City + q.LastName;`
      )
    ).toBe('yA');
  });

  it('upsert by external id: insert then update, UpsertResult.isCreated (ADG, Upsert)', () => {
    expect(
      run(`Lead a = new Lead(LastName='A', Company='C', Aloware_Contact_ID__c='k1'); upsert a Lead.Aloware_Contact_ID__c;
        Lead b = new Lead(LastName='B', Company='C', Aloware_Contact_ID__c='K1'); Database.UpsertResult r = Database.upsert(b, Lead.Aloware_Contact_ID__c, true);
        return r.isCreated() + ' ' + (b.Id == a.Id) + ' ' + [SELECT LastName FROM Lead][0].LastName + ' ' + [SELECT COUNT() FROM Lead];`)
    ).toBe('false true B 1');
  });

  it('delete and undelete; undelete of a live record fails with UNDELETE_FAILED (ADG, Undelete)', () => {
    expect(
      run(
        `Lead l = new Lead(LastName='A', Company='C'); insert l; delete l; undelete l; return [SELECT COUNT() FROM Lead];`
      )
    ).toBe('1');
    expect(fails(`Lead l = new Lead(LastName='A', Company='C'); insert l; undelete l;`).message).toMatch(
      /UNDELETE_FAILED, Entity is not in the recycle bin/
    );
  });

  it('Database.insert(records, false): partial success, SaveResult errors with System.StatusCode (ADG, Database.SaveResult)', () => {
    expect(
      run(`List<Database.SaveResult> rs = Database.insert(new List<Lead>{ new Lead(LastName='A', Company='C'), new Lead(Company='C') }, false);
        Database.Error e = rs[1].getErrors()[0];
        return rs[0].isSuccess() + ' ' + (rs[0].getId() != null) + ' ' + rs[1].isSuccess() + ' ' + (e.getStatusCode() == StatusCode.REQUIRED_FIELD_MISSING) + ' ' + e.getMessage() + ' ' + e.getFields() + ' ' + [SELECT COUNT() FROM Lead];`)
    ).toBe('true true false true Required fields are missing: [LastName] (LastName) 1');
  });

  it('all-or-none: one failing row rolls back the whole call (ADG, Database.insert allOrNone)', () => {
    expect(
      run(
        `try { insert new List<Lead>{ new Lead(LastName='A', Company='C'), new Lead(Company='C') }; } catch (DmlException e) { return e.getMessage().substringBefore(';') + ' ' + [SELECT COUNT() FROM Lead]; } return null;`
      )
    ).toBe('Insert failed. First exception on row 1 0');
  });

  it('MIXED_DML_OPERATION: setup object after a non-setup object, allowed inside System.runAs (ADG, Mixed DML Operations in Test Methods)', () => {
    const psa = `PermissionSetAssignment psa = new PermissionSetAssignment(AssigneeId = UserInfo.getUserId(), PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'Aloware_User'].Id);`;
    expect(fails(`insert new Lead(LastName='A', Company='C'); ${psa} insert psa;`).message).toMatch(
      /first error: MIXED_DML_OPERATION, DML operation on setup object is not permitted after you have updated a non-setup object \(or vice versa\): PermissionSetAssignment, original object: Lead: \[\]$/
    );
    expect(
      run(
        `insert new Lead(LastName='A', Company='C'); ${psa} System.runAs(new User(Id = UserInfo.getUserId())) { insert psa; } return psa.Id != null;`
      )
    ).toBe('true');
  });

  it('DML on custom metadata is not allowed (ADG, Custom Metadata Types and Apex)', () => {
    expect(fails(`insert new Aloware_Field_Mapping__mdt();`)).toMatchObject({
      type: 'System.TypeException',
      message: 'DML operation Insert not allowed on Aloware_Field_Mapping__mdt'
    });
  });

  it('10,001 DML rows: LimitException "Too many DML rows: 10001" (ADG, Execution Governors and Limits)', () => {
    expect(
      fails(
        `List<Aloware_Sync_Log__c> l = new List<Aloware_Sync_Log__c>(); for (Integer i = 0; i < 10001; i++) l.add(new Aloware_Sync_Log__c()); insert l;`
      )
    ).toMatchObject({ type: 'System.LimitException', message: 'Too many DML rows: 10001' });
  });

  it('Database.setSavepoint / rollback restores the records; Ids are not reused (ADG, Transaction Control)', () => {
    expect(
      run(
        `Lead a = new Lead(LastName='A', Company='C'); insert a; Savepoint sp = Database.setSavepoint(); Lead b = new Lead(LastName='B', Company='C'); insert b; Database.rollback(sp); Lead c = new Lead(LastName='C', Company='C'); insert c; return [SELECT COUNT() FROM Lead] + ' ' + (b.Id != c.Id) + ' ' + Limits.getDmlStatements();`
      )
    ).toMatch(/^2 true/);
  });

  it('merge deletes the duplicate and sets MasterRecordId (ADG, Merge)', () => {
    expect(
      run(
        `Lead a = new Lead(LastName='A', Company='C'); Lead b = new Lead(LastName='B', Company='C'); insert new List<Lead>{a, b}; merge a b; return [SELECT COUNT() FROM Lead] + ' ' + ([SELECT MasterRecordId FROM Lead WHERE IsDeleted = true ALL ROWS][0].MasterRecordId == a.Id);`
      )
    ).toBe('1 true');
  });
});

const PROBE = `public class TriggerProbe { public static List<String> log = new List<String>(); }`;

describe('triggers', () => {
  function addTrigger(
    body: string,
    events = 'before insert, after insert, before update, after update, before delete, after delete, after undelete'
  ): void {
    em.addTrigger(`trigger ProbeTrigger on Aloware_Sync_Log__c (${events}) { ${body} }`, 'ProbeTrigger');
  }

  it('201 records run the triggers in chunks of 200 and 1 (ADG, Triggers and Bulk Requests: batches of 200)', () => {
    addTrigger(`TriggerProbe.log.add(Trigger.operationType + ':' + Trigger.size);`, 'before insert, after insert');
    expect(
      run(
        `List<Aloware_Sync_Log__c> l = new List<Aloware_Sync_Log__c>(); for (Integer i = 0; i < 201; i++) l.add(new Aloware_Sync_Log__c()); insert l; return TriggerProbe.log;`,
        [PROBE]
      )
    ).toBe('(BEFORE_INSERT:200, AFTER_INSERT:200, BEFORE_INSERT:1, AFTER_INSERT:1)');
  });

  it('context variables: isBefore/isAfter/isInsert/isUpdate, Trigger.oldMap in update, newMap null in before insert (ADG, Trigger Context Variables)', () => {
    addTrigger(
      `TriggerProbe.log.add((Trigger.isBefore ? 'B' : 'A') + (Trigger.isInsert ? 'I' : Trigger.isUpdate ? 'U' : Trigger.isDelete ? 'D' : 'X') + (Trigger.newMap == null ? '-' : '+') + (Trigger.oldMap == null ? '-' : '+') + Trigger.isExecuting);`
    );
    expect(
      run(`Aloware_Sync_Log__c s = new Aloware_Sync_Log__c(); insert s; update s; delete s; return TriggerProbe.log;`, [
        PROBE
      ])
    ).toBe('(BI--true, AI+-true, BU++true, AU++true, BD-+true, AD-+true)');
  });

  it('before-trigger changes to Trigger.new are saved; the caller record keeps its values (ADG, Triggers and Order of Execution)', () => {
    addTrigger(
      `for (Aloware_Sync_Log__c s : (List<Aloware_Sync_Log__c>) Trigger.new) s.Event_Name__c = 'set by trigger';`,
      'before insert'
    );
    expect(
      run(
        `Aloware_Sync_Log__c s = new Aloware_Sync_Log__c(); insert s; return [SELECT Event_Name__c FROM Aloware_Sync_Log__c][0].Event_Name__c;`
      )
    ).toBe('set by trigger');
  });

  it('addError in a before trigger fails the row with FIELD_CUSTOM_VALIDATION_EXCEPTION (ADG, SObject.addError)', () => {
    addTrigger(
      `for (Aloware_Sync_Log__c s : (List<Aloware_Sync_Log__c>) Trigger.new) if (s.Event_Name__c == 'bad') s.addError('Nope');`,
      'before insert'
    );
    expect(fails(`insert new Aloware_Sync_Log__c(Event_Name__c='bad');`).message).toBe(
      'Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Nope: []'
    );
    expect(
      run(
        `List<Database.SaveResult> r = Database.insert(new List<Aloware_Sync_Log__c>{ new Aloware_Sync_Log__c(Event_Name__c='ok'), new Aloware_Sync_Log__c(Event_Name__c='bad') }, false); return r[0].isSuccess() + ' ' + r[1].isSuccess() + ' ' + [SELECT COUNT() FROM Aloware_Sync_Log__c];`
      )
    ).toBe('true false 1');
  });

  it('an exception escaping a trigger fails the DML with CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY (ADG, Triggers and Exceptions)', () => {
    // (A local declaration at the top of a trigger body is parsed as a member: use an expression statement.)
    addTrigger(`new List<String>()[1].length();`, 'after insert');
    // In an after-insert trigger the row already has its Id, which the message names.
    expect(fails(`insert new Aloware_Sync_Log__c();`).message.replace(/ with id \w{18}/, ' with id <id>')).toBe(
      'Insert failed. First exception on row 0 with id <id>; first error: CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, ProbeTrigger: execution of AfterInsert caused by: System.ListException: List index out of bounds: 1: []'
    );
  });
});

describe('access', () => {
  let userN = 0;
  const standardUser = (): string =>
    `User u = new User(LastName='Std', Alias='std', Email='std@example.com', Username='std${++userN}@emulated.example.com', EmailEncodingKey='UTF-8', LanguageLocaleKey='en_US', LocaleSidKey='en_US', TimeZoneSidKey='America/Los_Angeles', ProfileId=[SELECT Id FROM Profile WHERE Name='Standard User'].Id); insert u;`;

  it('System Administrator reads everything; Standard User has no custom objects or fields without a permission set (Security Implementation Guide, Profiles)', () => {
    expect(canRead(em.org, 'Aloware_Sync_Log__c')).toBe(true);
    run(`${standardUser()} return null;`);
    const u = [...em.org.table('User').values()].find((r) => r.values.get('alias') === 'std') as SObjectValue;
    const saved = em.org.user;
    em.org.user = { id: u.values.get('id') as never, record: u };
    try {
      expect(canRead(em.org, 'Lead')).toBe(true);
      expect(canCreate(em.org, 'Lead')).toBe(true);
      expect(canRead(em.org, 'Aloware_Sync_Log__c')).toBe(false);
      expect(isAccessibleField(em.org, 'Lead', 'Aloware_Contact_ID__c')).toBe(false);
      expect(canRead(em.org, 'Aloware_Settings__c')).toBe(true);
    } finally {
      em.org.user = saved;
    }
  });

  it('WITH SECURITY_ENFORCED on an inaccessible field: Insufficient permissions (ADG, Filter SOQL Queries Using WITH SECURITY_ENFORCED)', () => {
    expect(
      fails(
        `${standardUser()} System.runAs(u) { List<Lead> l = [SELECT Aloware_Contact_ID__c FROM Lead WITH SECURITY_ENFORCED]; } return null;`
      ).message
    ).toBe('Insufficient permissions: secure query included inaccessible field');
  });

  it('WITH USER_MODE: inaccessible object / field is reported; a permission set grants access (ADG, Enforce User Mode for Database Operations)', () => {
    expect(
      fails(
        `${standardUser()} System.runAs(u) { List<Aloware_Sync_Log__c> l = [SELECT Id FROM Aloware_Sync_Log__c WITH USER_MODE]; } return null;`
      ).message
    ).toMatch(/^sObject type 'Aloware_Sync_Log__c' is not supported/);
    expect(
      fails(
        `${standardUser()} System.runAs(u) { List<Lead> l = [SELECT Aloware_Contact_ID__c FROM Lead WITH USER_MODE]; } return null;`
      ).message
    ).toMatch(/^No such column 'Aloware_Contact_ID__c' on entity 'Lead'/);
    expect(
      run(`${standardUser()} insert new PermissionSetAssignment(AssigneeId = u.Id, PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'Aloware_User'].Id);
        Integer n; System.runAs(u) { n = [SELECT Aloware_Contact_ID__c FROM Lead WITH USER_MODE].size(); } return n;`)
    ).toBe('0');
  });

  it('insert as user without create permission: SecurityException (ADG, Enforce User Mode for Database Operations)', () => {
    expect(
      fails(`${standardUser()} System.runAs(u) { insert as user new Aloware_Sync_Log__c(); } return null;`)
    ).toMatchObject({
      type: 'System.SecurityException',
      message: 'DML operation INSERT not allowed on Aloware_Sync_Log__c'
    });
  });
});
