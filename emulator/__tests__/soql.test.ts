/**
 * SOQL strictness (issue 24): constructs the platform accepts run as documented, and what it refuses (or the
 * emulator does not model) fails loudly. The cited fidelity cases are in fidelity/cases/soql.json; these are the
 * checks that need limits, larger data or several queries. SOQL = SOQL and SOSL Reference, ADG = Apex Developer Guide.
 */
import { Emulator } from '../src/emulator';
import { resetLimits } from '../src/data/limits';

let em: Emulator;

beforeEach(() => {
  em = new Emulator(null);
  em.interp.user = { timeZone: 'America/Los_Angeles', locale: 'en_US', language: 'en_US' };
  em.interp.clock = Date.UTC(2024, 2, 15, 18, 0, 0);
});

function run(code: string): string {
  resetLimits(em.org);
  const r = em.runSnippet(code);
  if (r.exception) throw new Error(`${r.exception.type}: ${r.exception.message}`);
  return r.value as string;
}

function fails(code: string): { type: string; message: string } {
  resetLimits(em.org);
  const r = em.runSnippet(code);
  if (!r.exception) throw new Error(`expected an exception, got ${r.value}`);
  return r.exception;
}

const LEADS = `List<Lead> ls = new List<Lead>();
for (Integer i = 0; i < 30; i++) ls.add(new Lead(LastName = 'L' + i, Company = 'C' + Math.mod(i, 3), AnnualRevenue = i));
insert ls;`;

describe('SOQL aggregates and query rows', () => {
  it('COUNT() and COUNT(field) count one query row per group; other aggregates every row aggregated (ADG, Working with SOQL Aggregate Functions)', () => {
    expect(
      run(`${LEADS}
        Integer before = Limits.getQueryRows();
        List<AggregateResult> g = [SELECT Company, COUNT(Id) FROM Lead GROUP BY Company];
        Integer counted = Limits.getQueryRows() - before;
        before = Limits.getQueryRows();
        AggregateResult s = [SELECT SUM(AnnualRevenue) FROM Lead];
        return g.size() + ' ' + counted + ' ' + (Limits.getQueryRows() - before);`)
    ).toBe('3 3 30');
  });

  it('aggregate functions are refused in WHERE (SOQL, HAVING: aggregates belong in HAVING)', () => {
    expect(fails(`return Database.query('SELECT Id FROM Lead WHERE COUNT(Id) > 1');`).type).toBe(
      'System.QueryException'
    );
  });

  it('HAVING without an aggregate or grouped field on the left is refused', () => {
    expect(
      fails(`return Database.query('SELECT Company, COUNT(Id) FROM Lead GROUP BY Company HAVING LastName = \\'x\\'');`)
        .message
    ).toContain('LastName');
  });

  it('a relationship sub-query in an aggregate query is refused', () => {
    expect(
      fails(`return Database.query('SELECT Name, COUNT(Id), (SELECT Id FROM Contacts) FROM Account GROUP BY Name');`)
        .type
    ).toBe('System.QueryException');
  });
});

describe('SOQL for loops (ADG, SOQL For Loops)', () => {
  it('the list form yields chunks of 200 and continue moves to the next chunk', () => {
    expect(
      run(`List<Lead> ls = new List<Lead>();
        for (Integer i = 0; i < 1001; i++) ls.add(new Lead(LastName = 'L' + i, Company = 'X'));
        insert ls;
        String s = '';
        for (List<Lead> chunk : [SELECT Id FROM Lead]) { if (chunk.size() == 200) { s += 'f'; continue; } s += chunk.size(); }
        return s;`)
    ).toBe('fffff1');
  });

  it('a loop over a list of lists still iterates the lists', () => {
    expect(
      run(`List<List<Integer>> ll = new List<List<Integer>>{ new List<Integer>{ 1, 2 }, new List<Integer>{ 3 } };
        String s = ''; for (List<Integer> l : ll) s += l.size(); return s;`)
    ).toBe('21');
  });
});

describe('semi-joins and anti-joins (SOQL, Comparison Operators)', () => {
  it('a semi-join nested in a semi-join is refused', () => {
    expect(
      fails(
        `return Database.query('SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Id IN (SELECT ContactId FROM Contact))');`
      ).type
    ).toBe('System.QueryException');
  });

  it('ORDER BY or LIMIT in a semi-join sub-select is refused', () => {
    expect(
      fails(`return Database.query('SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact LIMIT 1)');`).type
    ).toBe('System.QueryException');
  });

  it('an anti-join keeps rows whose reference is null (NOT IN the sub-select ids)', () => {
    expect(
      run(`Account a = new Account(Name = 'A'); insert a;
        insert new List<Contact>{ new Contact(LastName = 'in', AccountId = a.Id), new Contact(LastName = 'none') };
        return [SELECT LastName FROM Contact WHERE AccountId NOT IN (SELECT Id FROM Account)].LastName;`)
    ).toBe('none');
  });
});

describe('polymorphic relationships (SOQL, Understanding Relationship Fields and Polymorphic Fields)', () => {
  it('Owner (User or Group) reads through the Name object: Owner.Name, Owner.Type, Owner.Profile.Name', () => {
    expect(
      run(`insert new Lead(LastName = 'A', Company = 'X');
        Lead l = [SELECT Owner.Name, Owner.Type, Owner.Profile.Name FROM Lead];
        return l.Owner.Type + ' ' + (l.Owner.Name != null) + ' ' + (l.Owner.Profile.Name != null);`)
    ).toBe('User true true');
  });

  it('a User field outside the Name object is refused on Owner', () => {
    expect(fails(`return Database.query('SELECT Owner.TimeZoneSidKey FROM Lead');`).message).toContain(
      "No such column 'TimeZoneSidKey' on entity 'Name'"
    );
  });

  it('a Name field the referenced object lacks reads null (Who.Username on a Contact)', () => {
    expect(
      run(`Contact c = new Contact(LastName = 'C'); insert c; insert new Task(Subject = 's', WhoId = c.Id);
        return [SELECT Who.Username FROM Task].Who.Username;`)
    ).toBe('null');
  });

  it('TYPEOF returns only the fields of the matching WHEN branch', () => {
    expect(
      fails(`Account a = new Account(Name = 'A', Phone = '1'); insert a; insert new Task(Subject = 's', WhatId = a.Id);
        Task t = [SELECT TYPEOF What WHEN Account THEN Phone END FROM Task];
        return ((Account) t.What).Name;`).message
    ).toBe('SObject row was retrieved via SOQL without querying the requested field: Account.Name');
  });
});

describe('constructs the emulator does not model fail loudly', () => {
  it.each([
    ['SELECT convertCurrency(AnnualRevenue) FROM Lead', 'convertCurrency()'],
    ['SELECT Id FROM Lead USING SCOPE Mine', 'USING SCOPE'],
    ['SELECT Id FROM Lead WITH DATA CATEGORY Geography__c AT usa__c', 'WITH DATA CATEGORY'],
    ['SELECT Id FROM Lead UPDATE VIEWSTAT', 'UPDATE TRACKING / UPDATE VIEWSTAT']
  ])('%s', (query, construct) => {
    const e = fails(`return Database.query('${query}');`);
    expect(e.message).toBe(`not supported by the emulator: ${construct}`);
  });
});

describe('WHERE literals and operators', () => {
  it('INCLUDES on a field that is not a multi-select picklist is refused', () => {
    expect(fails(`return Database.query('SELECT Id FROM Lead WHERE Industry INCLUDES (\\'a\\')');`).type).toBe(
      'System.QueryException'
    );
  });

  it('a date function of a text field is refused', () => {
    expect(fails(`return Database.query('SELECT Id FROM Lead WHERE CALENDAR_YEAR(LastName) = 2024');`).type).toBe(
      'System.QueryException'
    );
  });

  it('a number field compared with a quoted string is refused', () => {
    expect(fails(`return Database.query('SELECT Id FROM Lead WHERE AnnualRevenue > \\'5\\'');`).type).toBe(
      'System.QueryException'
    );
  });
});
