/**
 * Asynchronous Apex and HTTP callouts as documented (each case cites its source in the Apex Developer Guide or
 * Apex Reference Guide).
 */
import { Emulator } from '../src/emulator';
import type { SnippetResult } from '../src/emulator';
import { loadProject } from '../src/metadata/loader';
import { Limits } from '../src/data/limits';
import { drainAsync, installFutureHook } from '../src/data/async';
import type { TransportRequest } from '../src/stdlib/callouts';

let emulator: Emulator;

beforeAll(() => {
  emulator = new Emulator(loadProject('/work/main'));
  installFutureHook(emulator.org);
});

/** A fresh test-method transaction (what the test runner does), then the snippet. */
function run(code: string, classes: string[] = [], inTest = true): SnippetResult {
  const { org } = emulator;
  for (const k of Object.keys(org.hooks)) delete org.hooks[k];
  org.limits = new Limits(false);
  org.inTest = inTest;
  installFutureHook(org);
  try {
    return emulator.runSnippet(code, classes);
  } finally {
    org.inTest = true;
  }
}

const ok = (r: SnippetResult): string => {
  if (r.exception) throw new Error(`${r.exception.type}: ${r.exception.message}\n${r.exception.stack}`);
  return r.value as string;
};

let n = 0;
const uniq = (base: string): string => `${base}${++n}`;

const QUEUEABLE = (name: string, body: string): string => `public class ${name} implements Queueable {
  public static Integer runs = 0;
  public static Boolean wasQueueable;
  public void execute(QueueableContext ctx) { runs++; wasQueueable = System.isQueueable(); ${body} }
}`;

const MOCK = (
  name: string,
  status = 200,
  body = '{"ok":true}'
): string => `public class ${name} implements HttpCalloutMock {
  public HttpResponse respond(HttpRequest req) {
    HttpResponse res = new HttpResponse();
    res.setStatusCode(${status});
    res.setStatus('OK');
    res.setHeader('Content-Type', 'application/json');
    res.setBody('${body}' + '|' + req.getMethod() + ' ' + req.getEndpoint());
    return res;
  }
}`;

describe('Queueable Apex', () => {
  // Queueable Apex, "Testing Queueable Jobs": the job runs synchronously after Test.stopTest.
  it('runs the queueable at Test.stopTest, not before', () => {
    const q = uniq('Q');
    const r = run(
      `Test.startTest(); Id jobId = System.enqueueJob(new ${q}()); Integer before = ${q}.runs; Test.stopTest();
       return before + ',' + ${q}.runs + ',' + ${q}.wasQueueable + ',' + System.isQueueable();`,
      [QUEUEABLE(q, '')]
    );
    expect(ok(r)).toBe('0,1,true,false');
  });

  // Queueable Apex: "System.enqueueJob ... returns the ID of the new job. This ID corresponds to the ID of the
  // AsyncApexJob record."; AsyncApexJob status after the run.
  it('inserts an AsyncApexJob (Queueable, Queued) that is Completed after stopTest', () => {
    const q = uniq('Q');
    const r = run(
      `Test.startTest(); Id jobId = System.enqueueJob(new ${q}());
       AsyncApexJob before = [SELECT JobType, Status FROM AsyncApexJob WHERE Id = :jobId];
       Test.stopTest();
       AsyncApexJob after = [SELECT Status, NumberOfErrors FROM AsyncApexJob WHERE Id = :jobId];
       return String.valueOf(jobId).substring(0, 3) + ',' + before.JobType + ',' + before.Status + ',' + after.Status + ',' + after.NumberOfErrors;`,
      [QUEUEABLE(q, '')]
    );
    expect(ok(r)).toBe('707,Queueable,Queued,Completed,0');
  });

  // QueueableContext Interface: getJobId() returns the ID of the submitted job.
  it('passes the job Id in the QueueableContext', () => {
    const q = uniq('Q');
    const r = run(
      `Test.startTest(); Id jobId = System.enqueueJob(new ${q}()); Test.stopTest(); return jobId == ${q}.seen;`,
      [
        `public class ${q} implements Queueable { public static Id seen; public void execute(QueueableContext ctx) { seen = ctx.getJobId(); } }`
      ]
    );
    expect(ok(r)).toBe('true');
  });

  // Execution Governors and Limits: 50 queueable jobs per synchronous transaction.
  it('allows 50 enqueueJob calls in a synchronous transaction and fails the 51st', () => {
    const q = uniq('Q');
    const r = run(`Test.startTest(); for (Integer i = 0; i < 51; i++) System.enqueueJob(new ${q}()); return null;`, [
      QUEUEABLE(q, '')
    ]);
    expect(r.exception).toMatchObject({
      type: 'System.LimitException',
      message: 'Too many queueable jobs added to the queue: 51'
    });
  });

  // Execution Governors and Limits: "In asynchronous transactions (for example, from a batch Apex job), you can add
  // only one job to the queue with System.enqueueJob".
  it('allows one enqueueJob in an asynchronous transaction: Too many queueable jobs added to the queue: 2', () => {
    const q = uniq('Q');
    const b = uniq('B');
    const r = run(`Test.startTest(); Database.executeBatch(new ${b}()); Test.stopTest(); return null;`, [
      QUEUEABLE(q, ''),
      `public class ${b} implements Database.Batchable<SObject> {
        public Iterable<SObject> start(Database.BatchableContext bc) { return new List<Account>{ new Account(Name = 'a') }; }
        public void execute(Database.BatchableContext bc, List<SObject> scope) { System.enqueueJob(new ${q}()); System.enqueueJob(new ${q}()); }
        public void finish(Database.BatchableContext bc) {}
      }`
    ]);
    expect(r.exception).toMatchObject({
      type: 'System.LimitException',
      message: 'Too many queueable jobs added to the queue: 2'
    });
  });

  // Queueable Apex: "You can't chain queueable jobs in an Apex test" — the chained enqueue throws
  // System.AsyncException "Maximum stack depth has been reached." out of Test.stopTest.
  it('rejects chaining a queueable from a queueable in a test', () => {
    const q = uniq('Q');
    const r = run(`Test.startTest(); System.enqueueJob(new ${q}()); Test.stopTest(); return null;`, [
      QUEUEABLE(q, `System.enqueueJob(new ${q}());`)
    ]);
    expect(r.exception).toMatchObject({
      type: 'System.AsyncException',
      message: 'Maximum stack depth has been reached.'
    });
  });

  // Outside a test (preview server) the chained job runs in its own transaction with fresh statics.
  it('drains chained queueables outside a test, each in its own transaction', () => {
    const q = uniq('Q');
    const cls = `public class ${q} implements Queueable {
      public Integer depth;
      public ${q}(Integer d) { depth = d; }
      public void execute(QueueableContext ctx) { insert new Account(Name = 'chain ' + depth); if (depth < 3) System.enqueueJob(new ${q}(depth + 1)); }
    }`;
    const r = run(
      `System.enqueueJob(new ${q}(1)); return [SELECT COUNT() FROM Account WHERE Name LIKE 'chain %'];`,
      [cls],
      false
    );
    expect(ok(r)).toBe('0');
    emulator.org.inTest = false;
    const ran = drainAsync(emulator.org);
    emulator.org.inTest = true;
    expect(ran.map((j) => j.status)).toEqual(['Completed', 'Completed', 'Completed']);
    expect(ok(run(`return [SELECT COUNT() FROM Account WHERE Name LIKE 'chain %'];`, [], false))).toBe('3');
  });

  // Detecting Duplicate Queueable Jobs: "Attempting to add more than one Queueable job to the processing queue with
  // the same signature results in a DuplicateMessageException" — 'Attempt to enqueue job with duplicate queueable signature'.
  it('throws DuplicateMessageException for a duplicate pending signature', () => {
    const q = uniq('Q');
    const r = run(
      `AsyncOptions options = new AsyncOptions();
       options.DuplicateSignature = QueueableDuplicateSignature.Builder().addId(UserInfo.getUserId()).addString('MyQueueable').build();
       System.enqueueJob(new ${q}(), options);
       AsyncOptions again = new AsyncOptions();
       again.DuplicateSignature = new System.QueueableDuplicateSignature.Builder().addId(UserInfo.getUserId()).addString('MyQueueable').build();
       try { System.enqueueJob(new ${q}(), again); return 'no exception'; }
       catch (DuplicateMessageException ex) { return ex.getMessage(); }`,
      [QUEUEABLE(q, '')]
    );
    expect(ok(r)).toBe('Attempt to enqueue job with duplicate queueable signature');
  });

  // Detecting Duplicate Queueable Jobs: a different signature is accepted.
  it('accepts a different signature', () => {
    const q = uniq('Q');
    const r = run(
      `AsyncOptions a = new AsyncOptions(); a.DuplicateSignature = QueueableDuplicateSignature.Builder().addInteger(1).build();
       AsyncOptions b = new AsyncOptions(); b.DuplicateSignature = QueueableDuplicateSignature.Builder().addInteger(2).build();
       System.enqueueJob(new ${q}(), a); System.enqueueJob(new ${q}(), b); return Limits.getQueueableJobs();`,
      [QUEUEABLE(q, '')]
    );
    expect(ok(r)).toBe('2');
  });

  // Queueable Apex: "If an unhandled exception occurs" the job fails; in a test the exception surfaces from stopTest.
  it('rethrows an unhandled queueable exception from Test.stopTest and marks the job Failed', () => {
    const q = uniq('Q');
    const r = run(
      `Test.startTest(); Id jobId = System.enqueueJob(new ${q}());
       try { Test.stopTest(); } catch (MathException e) { }
       AsyncApexJob j = [SELECT Status, NumberOfErrors, ExtendedStatus FROM AsyncApexJob WHERE Id = :jobId];
       return j.Status + ',' + j.NumberOfErrors + ',' + j.ExtendedStatus;`,
      [QUEUEABLE(q, 'Integer x = 1 / 0;')]
    );
    expect(ok(r)).toBe('Failed,1,System.MathException: Divide by 0');
  });
});

describe('Transaction Finalizers', () => {
  const FIN = (q: string, f: string, body: string): string[] => [
    `public class ${q} implements Queueable { public void execute(QueueableContext ctx) { System.attachFinalizer(new ${f}()); ${body} } }`,
    `public class ${f} implements Finalizer {
      public static String result; public static String message; public static Id jobId; public static Boolean queueable;
      public void execute(FinalizerContext ctx) {
        result = String.valueOf(ctx.getResult()); jobId = ctx.getAsyncApexJobId(); queueable = System.isQueueable();
        message = ctx.getException() == null ? null : ctx.getException().getMessage();
      }
    }`
  ];

  // FinalizerContext Interface: getResult() → ParentJobResult.UNHANDLED_EXCEPTION, getException() the exception.
  it('gives the finalizer UNHANDLED_EXCEPTION and the exception when the queueable fails', () => {
    const q = uniq('Q');
    const f = uniq('F');
    const r = run(
      `Test.startTest(); Id jobId = System.enqueueJob(new ${q}());
       try { Test.stopTest(); } catch (Exception e) { }
       return ${f}.result + ',' + ${f}.message + ',' + (${f}.jobId == jobId);`,
      FIN(q, f, `throw new IllegalArgumentException('boom');`)
    );
    expect(ok(r)).toBe('UNHANDLED_EXCEPTION,boom,true');
  });

  // FinalizerContext Interface: SUCCESS, getException() null.
  it('gives the finalizer SUCCESS when the queueable completes', () => {
    const q = uniq('Q');
    const f = uniq('F');
    const r = run(
      `Test.startTest(); System.enqueueJob(new ${q}()); Test.stopTest(); return ${f}.result + ',' + ${f}.message + ',' + ${f}.queueable;`,
      FIN(q, f, '')
    );
    expect(ok(r)).toBe('SUCCESS,null,false');
  });

  // Transaction Finalizers Error Messages: "System.attachFinalizer(Finalizer) is not allowed in this context".
  it('rejects attachFinalizer outside a queueable', () => {
    const f = uniq('F');
    const r = run(`System.attachFinalizer(new ${f}()); return null;`, [FIN('Unused' + f, f, '')[1]]);
    expect(r.exception).toMatchObject({
      type: 'System.AsyncException',
      message: 'System.attachFinalizer(Finalizer) is not allowed in this context'
    });
  });

  // Transaction Finalizers Error Messages: "More than one Finalizer cannot be attached to same Async Apex Job".
  it('rejects a second finalizer', () => {
    const q = uniq('Q');
    const f = uniq('F');
    const r = run(
      `Test.startTest(); System.enqueueJob(new ${q}()); Test.stopTest(); return null;`,
      FIN(q, f, `System.attachFinalizer(new ${f}());`)
    );
    expect(r.exception).toMatchObject({
      type: 'System.AsyncException',
      message: 'More than one Finalizer cannot be attached to same Async Apex Job'
    });
  });
});

describe('Batch Apex', () => {
  const BATCH = (
    b: string,
    stateful: boolean,
    start: string
  ): string => `public class ${b} implements Database.Batchable<SObject>${stateful ? ', Database.Stateful' : ''} {
    public Integer seen = 0;
    public static Integer executes = 0;
    public static Integer finalSeen;
    public static Boolean wasBatch;
    public static Id contextJob;
    public Iterable<SObject> start(Database.BatchableContext bc) { ${start} }
    public void execute(Database.BatchableContext bc, List<SObject> scope) { executes++; seen += scope.size(); wasBatch = System.isBatch(); }
    public void finish(Database.BatchableContext bc) { finalSeen = seen; contextJob = bc.getJobId(); }
  }`;

  // Using Batch Apex, "Testing Batch Apex": in a test only one execute runs, with up to `scope` records; the job
  // runs at Test.stopTest; Database.Stateful keeps instance state into finish.
  it('runs start, one execute with the scope and finish at stopTest', () => {
    const b = uniq('B');
    const r = run(
      `List<Account> accts = new List<Account>(); for (Integer i = 0; i < 5; i++) accts.add(new Account(Name = 'b' + i));
       Test.startTest(); Id jobId = Database.executeBatch(new ${b}(accts), 10); Test.stopTest();
       AsyncApexJob j = [SELECT JobType, Status, TotalJobItems, JobItemsProcessed, NumberOfErrors FROM AsyncApexJob WHERE Id = :jobId];
       return ${b}.executes + ',' + ${b}.finalSeen + ',' + ${b}.wasBatch + ',' + (${b}.contextJob == jobId) + ',' + j.JobType + ',' + j.Status + ',' + j.TotalJobItems + ',' + j.JobItemsProcessed + ',' + j.NumberOfErrors;`,
      [
        BATCH(b, true, 'return records;').replace(
          'public Integer seen = 0;',
          `public Integer seen = 0; List<SObject> records; public ${b}(List<SObject> r) { records = r; }`
        )
      ]
    );
    expect(ok(r)).toBe('1,5,true,true,BatchApex,Completed,1,1,0');
  });

  // Using Batch Apex: without Database.Stateful instance variables are reset for each transaction.
  it('does not keep instance state without Database.Stateful', () => {
    const b = uniq('B');
    const r = run(`Test.startTest(); Database.executeBatch(new ${b}()); Test.stopTest(); return ${b}.finalSeen;`, [
      BATCH(b, false, `return new List<Account>{ new Account(Name = 'x'), new Account(Name = 'y') };`)
    ]);
    expect(ok(r)).toBe('0');
  });

  // Using Batch Apex, Testing Batch Apex: more records than the scope would mean a second execute, which a test
  // method cannot run ("No more than one executeBatch can be called from within a test method").
  it('fails when a test would need more than one execute', () => {
    const b = uniq('B');
    const r = run(`Test.startTest(); Database.executeBatch(new ${b}(), 1); Test.stopTest(); return null;`, [
      BATCH(b, true, `return new List<Account>{ new Account(Name = 'x'), new Account(Name = 'y') };`)
    ]);
    expect(r.exception?.type).toBe('System.UnexpectedException');
    expect(r.exception?.message).toMatch(/^No more than one executeBatch can be called from within a test method/);
  });
});

describe('Future methods', () => {
  // Future Methods / Testing Asynchronous Apex: the @future call is queued and runs at Test.stopTest, in a future
  // context (System.isFuture()).
  it('queues an @future call and runs it at stopTest', () => {
    const c = uniq('Fut');
    const r = run(
      `Test.startTest(); ${c}.doIt('x'); String before = ${c}.arg; Test.stopTest(); return before + ',' + ${c}.arg + ',' + ${c}.wasFuture + ',' + Limits.getFutureCalls();`,
      [
        `public class ${c} { public static String arg; public static Boolean wasFuture; @future public static void doIt(String a) { arg = a; wasFuture = System.isFuture(); } }`
      ]
    );
    expect(ok(r)).toBe('null,x,true,0');
  });

  // Future Methods: "You can't call a future method from a future method" (AsyncException).
  it('rejects a future call from a future method', () => {
    const c = uniq('Fut');
    const r = run(`Test.startTest(); ${c}.outer(); Test.stopTest(); return null;`, [
      `public class ${c} { @future public static void outer() { inner(); } @future public static void inner() { } }`
    ]);
    expect(r.exception?.type).toBe('System.AsyncException');
    expect(r.exception?.message).toMatch(/^Future method cannot be called from a future or batch method/);
  });
});

describe('Apex Scheduler', () => {
  const SCHED = (s: string): string => `public class ${s} implements Schedulable {
    public static Integer runs = 0; public static Id trig; public static Boolean wasScheduled;
    public void execute(SchedulableContext sc) { runs++; trig = sc.getTriggerId(); wasScheduled = System.isScheduled(); }
  }`;

  // Apex Scheduler, "Testing the Apex Scheduler": System.schedule returns the CronTrigger Id; the job's execute
  // runs at Test.stopTest; CronTrigger / CronJobDetail describe the job.
  it('schedules a job (CronTrigger WAITING) and runs it at stopTest', () => {
    const s = uniq('S');
    const r = run(
      `Test.startTest(); Id cronId = System.schedule('job ${s}', '0 0 0 15 3 ? 2099', new ${s}());
       CronTrigger ct = [SELECT CronExpression, TimesTriggered, State, CronJobDetailId FROM CronTrigger WHERE Id = :cronId];
       CronJobDetail cd = [SELECT Name, JobType FROM CronJobDetail WHERE Id = :ct.CronJobDetailId];
       Test.stopTest();
       return ct.CronExpression + ',' + ct.TimesTriggered + ',' + ct.State + ',' + cd.Name + ',' + cd.JobType + ',' + ${s}.runs + ',' + (${s}.trig == cronId) + ',' + ${s}.wasScheduled;`,
      [SCHED(s)]
    );
    expect(ok(r)).toBe(`0 0 0 15 3 ? 2099,0,WAITING,job ${s},7,1,true,true`);
  });

  // System Class, abortJob: a scheduled job is aborted by its CronTrigger Id and does not run.
  it('aborts a scheduled job by its CronTrigger Id', () => {
    const s = uniq('S');
    const r = run(
      `Test.startTest(); Id cronId = System.schedule('job ${s}', '0 0 0 15 3 ? 2099', new ${s}()); System.abortJob(cronId); Test.stopTest();
       return ${s}.runs + ',' + [SELECT COUNT() FROM CronTrigger WHERE Id = :cronId];`,
      [SCHED(s)]
    );
    expect(ok(r)).toBe('0,0');
  });

  // Apex Scheduler: a job name is unique — scheduling the same name again throws AsyncException.
  it('rejects a duplicate job name', () => {
    const s = uniq('S');
    const r = run(
      `System.schedule('dup ${s}', '0 0 0 15 3 ? 2099', new ${s}()); System.schedule('dup ${s}', '0 0 0 15 3 ? 2099', new ${s}()); return null;`,
      [SCHED(s)]
    );
    expect(r.exception).toMatchObject({
      type: 'System.AsyncException',
      message: `The Apex job named "dup ${s}" is already scheduled for execution.`
    });
  });
});

describe('Test.startTest / stopTest limits', () => {
  // Using Limits, startTest, and stopTest: code between startTest and stopTest gets a fresh set of limits; after
  // stopTest the original limits (and their counters) are back.
  it('gives fresh limits between startTest and stopTest and restores the original ones after', () => {
    const r = run(
      `Integer a = [SELECT COUNT() FROM Account]; a = [SELECT COUNT() FROM Account];
       Test.startTest(); Integer inside = Limits.getQueries(); a = [SELECT COUNT() FROM Account]; Test.stopTest();
       return inside + ',' + Limits.getQueries();`
    );
    expect(ok(r)).toBe('0,2');
  });

  // Using Limits, startTest, and stopTest: each test method calls startTest once.
  it('rejects a second Test.startTest', () => {
    const r = run(`Test.startTest(); Test.startTest(); return null;`);
    expect(r.exception?.type).toBe('System.FinalException');
  });
});

describe('HTTP callouts', () => {
  // Testing HTTP Callouts: Test.setMock(HttpCalloutMock.class, mock) — the mock's respond(req) answers send().
  it('answers a callout with the HttpCalloutMock', () => {
    const m = uniq('Mock');
    const r = run(
      `Test.setMock(HttpCalloutMock.class, new ${m}());
       HttpRequest req = new HttpRequest(); req.setEndpoint('https://example.com/x'); req.setMethod('POST'); req.setBody('{}');
       HttpResponse res = new Http().send(req);
       return res.getStatusCode() + ',' + res.getHeader('content-type') + ',' + res.getBody() + ',' + Limits.getCallouts() + ',' + res.toString();`,
      [MOCK(m)]
    );
    expect(ok(r)).toBe(
      '200,application/json,{"ok":true}|POST https://example.com/x,1,System.HttpResponse[Status=OK, StatusCode=200]'
    );
  });

  // Testing HTTP Callouts: "By default, test methods don't support HTTP callouts, so tests that perform callouts fail."
  it('fails a callout in a test without a mock', () => {
    const r = run(
      `HttpRequest req = new HttpRequest(); req.setEndpoint('https://example.com'); req.setMethod('GET'); new Http().send(req); return null;`
    );
    expect(r.exception).toMatchObject({
      type: 'System.TypeException',
      message: 'Methods defined as TestMethod do not support Web service callouts'
    });
  });

  // Performing DML Operations and Mock Callouts: "By default, callouts aren't allowed after DML operations in the
  // same transaction because DML operations result in pending uncommitted work".
  it('fails a callout after DML with uncommitted work pending', () => {
    const m = uniq('Mock');
    const r = run(
      `insert new Account(Name = 'dml first'); Test.setMock(HttpCalloutMock.class, new ${m}());
       HttpRequest req = new HttpRequest(); req.setEndpoint('https://example.com'); req.setMethod('GET'); new Http().send(req); return null;`,
      [MOCK(m)]
    );
    expect(r.exception).toMatchObject({
      type: 'System.CalloutException',
      message: 'You have uncommitted work pending. Please commit or rollback before calling out'
    });
  });

  // Performing DML Operations and Mock Callouts: DML before Test.startTest, the callout between startTest and stopTest.
  it('allows the callout after DML when it is between startTest and stopTest', () => {
    const m = uniq('Mock');
    const r = run(
      `insert new Account(Name = 'dml first'); Test.startTest(); Test.setMock(HttpCalloutMock.class, new ${m}());
       HttpRequest req = new HttpRequest(); req.setEndpoint('https://example.com'); req.setMethod('GET');
       Integer code = new Http().send(req).getStatusCode(); Test.stopTest(); return code;`,
      [MOCK(m)]
    );
    expect(ok(r)).toBe('200');
  });

  // Callout Limits and Limitations: "A single Apex transaction can make a maximum of 100 callouts".
  it('fails the 101st callout with a LimitException', () => {
    const m = uniq('Mock');
    const r = run(
      `Test.setMock(HttpCalloutMock.class, new ${m}()); HttpRequest req = new HttpRequest(); req.setEndpoint('https://example.com'); req.setMethod('GET');
       for (Integer i = 0; i < 101; i++) new Http().send(req); return null;`,
      [MOCK(m)]
    );
    expect(r.exception).toMatchObject({ type: 'System.LimitException', message: 'Too many callouts: 101' });
  });

  // Callout Limits and Limitations: the timeout maximum is 120,000 milliseconds.
  it('rejects a timeout above 120,000 ms', () => {
    const m = uniq('Mock');
    const r = run(
      `Test.setMock(HttpCalloutMock.class, new ${m}()); HttpRequest req = new HttpRequest(); req.setEndpoint('https://example.com'); req.setMethod('GET');
       req.setTimeout(120001); new Http().send(req); return null;`,
      [MOCK(m)]
    );
    expect(r.exception?.type).toBe('System.CalloutException');
  });

  // Named Credentials as Callout Endpoints: `callout:Name/path` goes to the credential's URL plus the path.
  it('resolves a Named Credential endpoint for the transport outside tests', () => {
    const seen: TransportRequest[] = [];
    const { org } = emulator;
    const r = (() => {
      for (const k of Object.keys(org.hooks)) delete org.hooks[k];
      org.limits = new Limits(false);
      org.inTest = false;
      org.hooks.httpTransport = (req: TransportRequest) => {
        seen.push(req);
        return { status: 201, statusText: 'Created', headers: { 'X-Id': '7' }, body: 'made' };
      };
      try {
        return emulator.runSnippet(
          `HttpRequest req = new HttpRequest(); req.setEndpoint('callout:Aloware/api/v1?q=1'); req.setMethod('post'); req.setHeader('Accept', 'text/plain'); req.setBody('b');
           HttpResponse res = new Http().send(req); return res.getStatusCode() + ',' + res.getStatus() + ',' + res.getBody() + ',' + res.getHeader('x-id');`
        );
      } finally {
        org.inTest = true;
      }
    })();
    expect(ok(r)).toBe('201,Created,made,7');
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: 'https://app.aloware.com/api/v1?q=1',
      headers: { Accept: 'text/plain' },
      body: 'b',
      timeoutMs: 10000
    });
  });

  // Named Credentials as Callout Endpoints: an unknown credential name fails the callout.
  it('fails a callout to an unknown Named Credential', () => {
    const r = run(
      `HttpRequest req = new HttpRequest(); req.setEndpoint('callout:NoSuchCredential/x'); req.setMethod('GET'); new Http().send(req); return null;`,
      [],
      false
    );
    expect(r.exception?.type).toBe('System.CalloutException');
    expect(r.exception?.message).toContain('NoSuchCredential');
  });

  // HttpRequest Class: setters and getters; toString.
  it('keeps HttpRequest fields', () => {
    const r = run(
      `HttpRequest req = new HttpRequest(); req.setEndpoint('https://e.com'); req.setMethod('PUT'); req.setHeader('X-A', '1'); req.setBodyAsBlob(Blob.valueOf('hi'));
       return req.getMethod() + ',' + req.getEndpoint() + ',' + req.getHeader('X-A') + ',' + req.getBody() + ',' + req.toString();`
    );
    expect(ok(r)).toBe('PUT,https://e.com,1,hi,System.HttpRequest[Endpoint=https://e.com, Method=PUT]');
  });

  // Testing HTTP Callouts Using Static Resources: StaticResourceCalloutMock answers with the resource's body.
  it('answers with a StaticResourceCalloutMock', () => {
    const res = emulator.org.table('StaticResource').values().next().value;
    if (!res) return;
    const name = String(res.values.get('name'));
    const r = run(
      `StaticResourceCalloutMock mock = new StaticResourceCalloutMock(); mock.setStaticResource('${name}'); mock.setStatusCode(202);
       Test.setMock(HttpCalloutMock.class, mock); HttpRequest req = new HttpRequest(); req.setEndpoint('https://e.com'); req.setMethod('GET');
       HttpResponse r = new Http().send(req); return r.getStatusCode() + ',' + (r.getBody().length() > 0);`
    );
    expect(ok(r)).toBe('202,true');
  });
});
