/**
 * The data layer's fast paths (src/data/indexes.ts) answer exactly what a full scan answers: lookup and Id
 * candidates, top-N for `ORDER BY … LIMIT`, early-stopping `COUNT() … LIMIT`, and copy-on-write snapshots through
 * insert, update, delete, undelete, savepoint rollback and a failed all-or-none DML. Seeded random data.
 */
import { Emulator } from '../src/emulator';
import { resetLimits } from '../src/data/limits';
import { Table, topN } from '../src/data/indexes';
import { sortedIndexOptions } from '../src/data/soql';
import { ApexId, SObjectValue } from '../src/runtime/values';

/** mulberry32: a small seeded generator, so that every run sees the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('topN', () => {
  it('equals a stable sort followed by slice, ties in their original order', () => {
    const rnd = random(7);
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: Math.floor(rnd() * 60) }, (_, i) => ({
        v: rnd() < 0.2 ? null : Math.floor(rnd() * 8),
        i
      }));
      const compare = (a: { v: number | null }, b: { v: number | null }): number =>
        a.v === b.v ? 0 : a.v === null ? -1 : b.v === null ? 1 : a.v - b.v;
      const n = Math.floor(rnd() * 20);
      const expected = [...items].sort(compare).slice(0, n);
      expect(topN(items, n, compare)).toEqual(expected);
    }
  });

  it('equals it on long inputs (the buffer cut many times): random, presorted and reversed, with ties', () => {
    const rnd = random(3);
    const compare = (a: { v: number }, b: { v: number }): number => a.v - b.v;
    for (const shape of ['random', 'ascending', 'descending']) {
      for (const n of [1, 51, 300, 2001]) {
        const items = Array.from({ length: 6000 }, (_, i) => ({
          v: shape === 'random' ? Math.floor(rnd() * 500) : Math.floor((shape === 'ascending' ? i : 6000 - i) / 3),
          i
        }));
        expect(topN(items, n, compare)).toEqual([...items].sort(compare).slice(0, n));
      }
    }
  });
});

describe('Table: lookup index and copy-on-write snapshots', () => {
  const id = (n: number, prefix = '003'): string => {
    const id15 = prefix + String(n).padStart(12, '0');
    return id15 + ApexId.checksum(id15);
  };
  const rec = (n: number, parent: number | null): SObjectValue =>
    new SObjectValue(
      'Contact',
      new Map<string, unknown>([
        ['id', ApexId.parse(id(n))],
        ['accountid', parent === null ? null : ApexId.parse(id(parent, '001'))]
      ])
    );

  it('idsWhere answers what a scan answers, in table order, through random sets and deletes', () => {
    const rnd = random(11);
    const t = new Table('contact');
    for (let step = 0; step < 3000; step++) {
      const n = Math.floor(rnd() * 300);
      if (rnd() < 0.25) t.delete(id(n));
      else t.set(id(n), rec(n, rnd() < 0.1 ? null : Math.floor(rnd() * 20)));
      if (step % 50 === 0) {
        const parents = [id(Math.floor(rnd() * 20), '001'), id(Math.floor(rnd() * 20), '001')];
        const scan = [...t.values()]
          .filter((r) => parents.includes((r.values.get('accountid') as ApexId | null)?.value ?? ''))
          .map((r) => (r.values.get('id') as ApexId).value);
        expect(t.idsWhere('accountid', parents)).toEqual(scan);
      }
    }
  });

  it('a snapshot keeps the table as it was; restoring it twice gives it back twice', () => {
    const em = new Emulator(null);
    const org = em.org;
    const t = org.table('Contact');
    for (let n = 0; n < 20; n++) t.set(id(n), rec(n, n % 3));
    const before = [...org.table('Contact').keys()];
    const s = org.snapshot();
    org.table('Contact').delete(id(4));
    (org.writable('Contact', id(5)) as SObjectValue).values.set('accountid', null);
    org.table('Contact').set(id(99), rec(99, 1));
    org.restore(s);
    expect([...org.table('Contact').keys()]).toEqual(before);
    expect((org.table('Contact').get(id(5))?.values.get('accountid') as ApexId).value).toBe(id(2, '001'));
    org.table('Contact').delete(id(6));
    org.restore(s);
    expect([...org.table('Contact').keys()]).toEqual(before);
  });
});

describe('SOQL with indexes answers what a full scan answers', () => {
  let em: Emulator;
  const run = (code: string): string => {
    resetLimits(em.org);
    const r = em.runSnippet(code);
    if (r.exception) throw new Error(`${r.exception.type}: ${r.exception.message}`);
    return r.value as string;
  };

  beforeEach(() => {
    em = new Emulator(null);
    em.interp.user = { timeZone: 'America/Los_Angeles', locale: 'en_US', language: 'en_US' };
    em.interp.clock = Date.UTC(2024, 2, 15, 18, 0, 0);
    // 12 Accounts; 400 Contacts with random parents (some none), names with case-only differences, nulls and ties.
    run(`
      List<Account> accounts = new List<Account>();
      for (Integer i = 0; i < 12; i++) accounts.add(new Account(Name = 'A' + i));
      insert accounts;
      Integer seed = 12345;
      List<Contact> contacts = new List<Contact>();
      for (Integer i = 0; i < 400; i++) {
        seed = Math.mod(seed * 1103 + 12345, 65521);
        Integer r = Math.mod(seed, 97);
        String name = Math.mod(r, 5) == 0 ? null : (Math.mod(r, 2) == 0 ? 'smith' : 'Smith') + Math.mod(r, 7);
        contacts.add(new Contact(LastName = 'C' + Math.mod(r, 13), FirstName = name, Email = Math.mod(r, 3) == 0 ? null : 'e' + Math.mod(r, 11) + '@x.com',
          AccountId = Math.mod(r, 6) == 0 ? null : accounts[Math.mod(r, 12)].Id));
      }
      insert contacts;
      delete [SELECT Id FROM Contact WHERE LastName = 'C3'];
      undelete [SELECT Id FROM Contact WHERE LastName = 'C3' LIMIT 5 ALL ROWS];
      update new Contact(Id = contacts[7].Id, AccountId = accounts[1].Id);
      return '';`);
  });

  const ids = (code: string): string => run(code);

  it('a lookup IN list: the rows and their order of a scan', () => {
    // Reference: the same filter as a NOT of its complement cannot use the index (a NOT is scanned).
    const query = (where: string): string =>
      ids(`List<Id> ps = new List<Id>();
        for (Account a : [SELECT Id FROM Account WHERE Name IN ('A1', 'A4', 'A7')]) ps.add(a.Id);
        List<String> out = new List<String>();
        for (Contact c : [SELECT Id FROM Contact WHERE ${where}]) out.add(c.Id);
        return String.join(out, ',');`);
    const indexed = query('AccountId IN :ps');
    expect(indexed.split(',').length).toBeGreaterThan(20);
    expect(indexed).toBe(query('(NOT (AccountId NOT IN :ps)) AND AccountId != null'));
  });

  it('ORDER BY … LIMIT / OFFSET (top N): the first rows of the full sort, nulls and case-insensitive ties included', () => {
    for (const order of [
      'FirstName ASC',
      'FirstName DESC',
      'FirstName ASC NULLS LAST',
      'FirstName DESC NULLS FIRST, Email DESC',
      'Email ASC NULLS LAST, FirstName, Id DESC',
      'LastName DESC, CreatedDate'
    ]) {
      for (const [limit, offset] of [
        [1, 0],
        [17, 0],
        [50, 3],
        [600, 0]
      ]) {
        const page = ids(`List<String> out = new List<String>();
          for (Contact c : [SELECT Id FROM Contact WHERE LastName != 'C5' ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}]) out.add(c.Id);
          return String.join(out, ',');`);
        const all = ids(`List<String> out = new List<String>();
          for (Contact c : [SELECT Id FROM Contact WHERE LastName != 'C5' ORDER BY ${order}]) out.add(c.Id);
          return String.join(out, ',');`);
        expect(page).toBe(
          all
            .split(',')
            .slice(offset, offset + limit)
            .join(',')
        );
      }
    }
  });

  it('COUNT() with LIMIT stops at the limit; without, counts all', () => {
    const all = Number(run(`return String.valueOf([SELECT COUNT() FROM Contact WHERE Email != null]);`));
    expect(Number(run(`return String.valueOf([SELECT COUNT() FROM Contact WHERE Email != null LIMIT 10]);`))).toBe(10);
    expect(
      Number(run(`return String.valueOf([SELECT COUNT() FROM Contact WHERE Email != null LIMIT ${all + 5}]);`))
    ).toBe(all);
  });

  it('Id = / Id IN and child sub-queries through the index match the scan, after a rolled-back savepoint', () => {
    const out = run(`
      Account a = [SELECT Id FROM Account WHERE Name = 'A2'];
      Savepoint sp = Database.setSavepoint();
      delete [SELECT Id FROM Contact WHERE AccountId = :a.Id LIMIT 2];
      insert new Contact(LastName = 'Late', AccountId = a.Id);
      Database.rollback(sp);
      List<Contact> viaIndex = [SELECT Id FROM Contact WHERE AccountId = :a.Id];
      List<Contact> viaScan = [SELECT Id FROM Contact WHERE AccountId != null AND (AccountId = :a.Id OR Id = null)];
      List<Account> sub = [SELECT Id, (SELECT Id FROM Contacts) FROM Account WHERE Id = :a.Id];
      Set<Id> byId = new Map<Id, Contact>(viaScan).keySet();
      List<Contact> again = [SELECT Id FROM Contact WHERE Id IN :byId];
      return viaIndex.size() + '|' + (viaIndex == viaScan) + '|' + (sub[0].Contacts == viaScan) + '|' + (again == viaScan);`);
    const [n, ...same] = out.split('|');
    expect(Number(n)).toBeGreaterThan(5);
    expect(same).toEqual(['true', 'true', 'true']);
  });
});

describe('ORDER BY … LIMIT through a sorted index answers what the full sort answers', () => {
  /** Sorted orders: Datetime, Date, Integer and text keys, ASC/DESC, NULLS FIRST/LAST, with and without the Id. */
  const ORDERS = [
    'CreatedDate DESC NULLS FIRST, Id DESC',
    'CreatedDate ASC NULLS LAST, Id ASC',
    'CreatedDate DESC',
    'ReminderDateTime DESC NULLS FIRST, Id DESC',
    'ReminderDateTime ASC NULLS LAST, Id ASC',
    'ReminderDateTime DESC NULLS LAST',
    'CallDurationInSeconds ASC NULLS LAST, Id ASC',
    'CallDurationInSeconds DESC NULLS FIRST, Id DESC',
    'CallDurationInSeconds',
    'ActivityDate DESC NULLS LAST, Subject',
    'ActivityDate, CallDurationInSeconds DESC',
    'Subject DESC, Id'
  ];
  /** WHERE clauses on the first ORDER BY field F (keyset pages, ranges, nulls) and on other fields. */
  const WHERES = [
    '',
    "Status = 'Completed'",
    '(F < :v OR (F = :v AND Id < :cid))',
    '(F > :v OR (F = :v AND Id > :cid) OR F = null)',
    '((F = null AND Id < :cid) OR F != null)',
    '(F = null AND Id > :cid)',
    'F >= :v AND F < :w',
    'F <= :v AND F > :w',
    "F = :v AND Status != 'Completed'",
    'F = null',
    'NOT (F < :v)',
    '(F > :w OR F = null) AND CallDurationInSeconds > 100',
    'F < :dt',
    'F >= :d'
  ];

  /** Apex that inserts 700 Tasks: ties in every key, nulls, CreatedDate set per record. */
  const SEED = `
    Integer seed = 4242;
    List<Task> tasks = new List<Task>();
    for (Integer i = 0; i < 700; i++) {
      seed = Math.mod(seed * 1103 + 12345, 65521);
      Integer r = Math.mod(seed, 211);
      tasks.add(new Task(Subject = 'S' + Math.mod(r, 9), Status = Math.mod(r, 4) == 0 ? 'Completed' : 'Not Started',
        CallDurationInSeconds = Math.mod(r, 7) == 0 ? null : Math.mod(r, 37) * 10,
        ActivityDate = Math.mod(r, 5) == 0 ? null : Date.newInstance(2024, 1, 1).addDays(Math.mod(r, 23)),
        ReminderDateTime = Math.mod(r, 6) == 0 ? null : Datetime.newInstanceGmt(2024, 2, 1, Math.mod(r, 17), 0, 0)));
    }
    insert tasks;
    seed = 99;
    for (Task t : tasks) {
      seed = Math.mod(seed * 1103 + 12345, 65521);
      Test.setCreatedDate(t.Id, Datetime.newInstanceGmt(2024, 3, 1, 0, Math.mod(seed, 40), 0));
    }`;

  /** Apex that runs one ORDER BY with every WHERE (× LIMIT/OFFSET) and returns one line per query: its Ids. */
  const queries = (round: number, order: string): string => `
    List<String> orders = new List<String>{ '${order}' };
    List<String> wheres = new List<String>{ ${WHERES.map((w) => `'${w.replace(/'/g, "\\'")}'`).join(', ')} };
    List<Task> all = [SELECT Id, CreatedDate, ReminderDateTime, CallDurationInSeconds, ActivityDate, Subject FROM Task ORDER BY Id];
    List<String> out = new List<String>();
    Integer k = ${round * 37 + order.length};
    for (String o : orders) {
      String f = o.split(' ')[0].removeEnd(',');
      for (String w : wheres) {
        k = Math.mod(k * 31 + 7, all.size());
        Task pivot = all[k];
        Task other = all[Math.mod(k * 17 + 3, all.size())];
        Map<String, Object> binds = new Map<String, Object>{
          'v' => pivot.get(f), 'w' => other.get(f), 'cid' => pivot.Id,
          'dt' => Datetime.newInstanceGmt(2024, 1, 12, 13, 0, 0), 'd' => Date.newInstance(2024, 2, 1) };
        Boolean typed = f != 'Subject' || !(w.contains(':v') || w.contains(':w') || w.contains(':d'));
        Boolean dateBinds = f == 'CreatedDate' || f == 'ReminderDateTime' || f == 'ActivityDate';
        if (!typed || (!dateBinds && (w.contains(':dt') || w.contains(':d')))) continue;
        for (String lo : new List<String>{ ' LIMIT 1', ' LIMIT 51', ' LIMIT 20 OFFSET 7', ' LIMIT 650' }) {
          String soql = 'SELECT Id FROM Task' + (w == '' ? '' : ' WHERE ' + w.replace('F', f)) + ' ORDER BY ' + o + lo;
          List<String> ids = new List<String>();
          for (Task t : (List<Task>) Database.queryWithBinds(soql, binds, AccessLevel.SYSTEM_MODE)) ids.add(t.Id);
          out.add(soql + ' -> ' + ids.size() + ': ' + String.join(ids, ','));
        }
      }
    }
    return String.join(out, '\\n');`;

  /** Inserts, updates (keys changed), deletes and an undelete after the indexes were built. */
  const CHANGES = [
    `List<Task> more = new List<Task>();
     for (Integer i = 0; i < 30; i++) more.add(new Task(Subject = 'N' + Math.mod(i, 3), Status = 'Completed',
       CallDurationInSeconds = Math.mod(i, 4) == 0 ? null : i * 10, ReminderDateTime = Datetime.newInstanceGmt(2024, 2, 1, Math.mod(i, 17), 0, 0)));
     insert more;
     return '';`,
    `List<Task> some = [SELECT Id, CallDurationInSeconds, ActivityDate FROM Task ORDER BY Subject, Id LIMIT 20];
     for (Task t : some) { t.CallDurationInSeconds = t.CallDurationInSeconds == null ? 5 : null; t.ActivityDate = Date.newInstance(2024, 1, 3); }
     update some;
     delete [SELECT Id FROM Task WHERE Subject = 'S4' ORDER BY Id LIMIT 15];
     return '';`,
    `update [SELECT Id FROM Task WHERE Subject = 'S1'];
     List<Task> many = [SELECT Id, ReminderDateTime FROM Task WHERE Subject IN ('S2', 'S3')];
     for (Task t : many) t.ReminderDateTime = t.ReminderDateTime == null ? Datetime.newInstanceGmt(2024, 2, 1, 5, 0, 0) : null;
     update many;
     undelete [SELECT Id FROM Task WHERE Subject = 'S4' AND IsDeleted = true LIMIT 6 ALL ROWS];
     return '';`,
    `Savepoint sp = Database.setSavepoint();
     delete [SELECT Id FROM Task WHERE Subject = 'S5'];
     insert new Task(Subject = 'Late', CallDurationInSeconds = 1);
     update [SELECT Id FROM Task WHERE Subject = 'S6'];
     Database.rollback(sp);
     return '';`
  ];

  /** Every round's answers, with the sorted index used (small tables too) or not at all. */
  const answers = (indexed: boolean, orders: string[]): string[] => {
    const em = new Emulator(null);
    em.interp.clock = Date.UTC(2024, 2, 15, 18, 0, 0);
    const run = (code: string): string => {
      resetLimits(em.org);
      const r = em.runSnippet(code);
      if (r.exception) throw new Error(`${r.exception.type}: ${r.exception.message}`);
      return r.value as string;
    };
    const saved = { ...sortedIndexOptions };
    Object.assign(sortedIndexOptions, indexed ? { enabled: true, minRows: 0 } : { enabled: false });
    try {
      em.org.inTest = true;
      run(`${SEED}\nreturn '';`);
      const round = (n: number): string => orders.map((o) => run(queries(n, o))).join('\n');
      const rounds = [round(0)];
      CHANGES.forEach((change, i) => {
        run(change);
        rounds.push(round(i + 1));
      });
      return rounds.join('\n').split('\n');
    } finally {
      Object.assign(sortedIndexOptions, saved);
    }
  };

  it('the same rows in the same order for every order, filter, keyset and limit, through inserts, updates, deletes, undelete and rollback', () => {
    // Six orders at a time: each keeps its index from round to round (a table keeps eight), so the changes between
    // rounds go through the index's update, not a rebuild.
    const indexed = [...answers(true, ORDERS.slice(0, 6)), ...answers(true, ORDERS.slice(6))];
    const scanned = [...answers(false, ORDERS.slice(0, 6)), ...answers(false, ORDERS.slice(6))];
    expect(indexed.length).toBe(scanned.length);
    expect(indexed.length).toBeGreaterThan(1500);
    const differing = indexed.flatMap((line, i) => (line === scanned[i] ? [] : [`${i}: ${line.split(' -> ')[0]}`]));
    expect(differing).toEqual([]);
    // The answers are not trivially empty: most queries find rows, some fill their limit.
    expect(scanned.filter((l) => !l.includes('-> 0:')).length).toBeGreaterThan(scanned.length / 2);
    expect(scanned.some((l) => l.includes('LIMIT 650 -> 650'))).toBe(true);
  });
});
