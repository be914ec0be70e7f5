/**
 * Running another project's suite (issue 25): the runner's report of failures grouped by cause, and the platform
 * APIs such suites need that the fidelity runner (which has no project) cannot show: Platform Cache partitions from
 * metadata, custom metadata in SOQL with metadata relationships, DataWeave failing loudly and counted apart.
 * Sources are listed in emulator/fidelity/SOURCES.md, "Issue 25: platform APIs for peer suites":
 * - Cache Org Class: https://developer.salesforce.com/docs/atlas.en-us.200.0.apexcode.meta/apexcode/apex_class_cache_Org.htm
 * - Cache Partition Class: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apex/apex_class_cache_Partition.htm
 * - Cache Exceptions: https://developer.salesforce.com/docs/platform/apex-ref/references/apex-ref/apex-cache-exceptions.html
 * - Custom Metadata Relationships: https://help.salesforce.com/s/articleView?id=sf.custommetadatatypes_relationships.htm
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emulator } from '../src/emulator';
import { loadProject } from '../src/metadata/loader';
import { causeOf, failureReport, reportJson, reportMarkdown } from '../src/testing/report';
import { runTests } from '../src/testing/runner';

const ROOT = path.resolve(__dirname, '..', '..');
const STANDARD_OBJECTS = path.join(ROOT, 'emulator', 'standard-objects');
const META = (tag: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${tag} xmlns="http://soap.sforce.com/2006/04/metadata">${body}</${tag}>`;
const CLASS_META = META('ApexClass', '<apiVersion>62.0</apiVersion><status>Active</status>');

const CLASSES: Record<string, string> = {
  PeerPassTest: `@IsTest private class PeerPassTest {
    @IsTest static void adds() { Assert.areEqual(2, 1 + 1); }
    @IsTest static void caches() {
      Cache.OrgPartition p = Cache.Org.getPartition('local.Peer');
      p.put('k1', 'v1');
      Assert.areEqual('v1', p.get('k1'));
      Assert.isTrue(p.contains('k1'));
      Assert.isTrue(Cache.Org.contains('local.Peer.k1'));
    }
    @IsTest static void startsWithAnEmptyCache() { Assert.isFalse(Cache.Org.getPartition('local.Peer').contains('k1')); }
  }`,
  PeerFailTest: `@IsTest private class PeerFailTest {
    @IsTest static void assertsA() { Assert.areEqual('a', 'b', 'differs'); }
    @IsTest static void assertsB() { Assert.areEqual('a', 'b', 'differs'); }
    @IsTest static void weaves() {
      try { DataWeave.Script.createScript('x'); } catch (Exception e) { Assert.fail('caught ' + e); }
    }
    @IsTest static void unknownType() { Object o = Type.forName('Nope').newInstance(); }
  }`,
  PeerMailHandler: `public class PeerMailHandler implements Messaging.InboundEmailHandler {
    public Messaging.InboundEmailResult handleInboundEmail(Messaging.InboundEmail email, Messaging.InboundEnvelope envelope) {
      Messaging.InboundEmailResult result = new Messaging.InboundEmailResult();
      result.success = email.fromAddress == envelope.fromAddress;
      result.message = email.subject;
      return result;
    }
  }`
};

let tmp: string;
let emulator: Emulator;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peer-suite-'));
  fs.writeFileSync(
    path.join(tmp, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '62.0' })
  );
  const base = path.join(tmp, 'force-app', 'main', 'default');
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    fs.writeFileSync(path.join(base, rel), text);
  };
  for (const [name, source] of Object.entries(CLASSES)) {
    write(`classes/${name}.cls`, source);
    write(`classes/${name}.cls-meta.xml`, CLASS_META);
  }
  write(
    'cachePartitions/Peer.cachePartition-meta.xml',
    META(
      'PlatformCachePartition',
      '<isDefaultPartition>true</isDefaultPartition><masterLabel>Peer</masterLabel>' +
        '<platformCachePartitionTypes><allocatedCapacity>1</allocatedCapacity><cacheType>Organization</cacheType></platformCachePartitionTypes>'
    )
  );
  // Two custom metadata types: Rule__mdt → Kind__mdt (record Id) and → EntityDefinition (object API name).
  for (const type of ['Rule__mdt', 'Kind__mdt']) {
    write(
      `objects/${type}/${type}.object-meta.xml`,
      META('CustomObject', `<label>${type}</label><pluralLabel>${type}s</pluralLabel>`)
    );
  }
  write(
    'objects/Rule__mdt/fields/Kind__c.field-meta.xml',
    META(
      'CustomField',
      '<fullName>Kind__c</fullName><label>Kind</label><referenceTo>Kind__mdt</referenceTo>' +
        '<relationshipLabel>Rules</relationshipLabel><relationshipName>Rules</relationshipName><type>MetadataRelationship</type>'
    )
  );
  write(
    'objects/Rule__mdt/fields/Object__c.field-meta.xml',
    META(
      'CustomField',
      '<fullName>Object__c</fullName><label>Object</label><referenceTo>EntityDefinition</referenceTo>' +
        '<relationshipLabel>Rules</relationshipLabel><relationshipName>Rules</relationshipName><type>MetadataRelationship</type>'
    )
  );
  const record = (label: string, values: [string, string][]): string =>
    META(
      'CustomMetadata',
      `<label>${label}</label><protected>false</protected>` +
        values.map(([f, v]) => `<values><field>${f}</field><value>${v}</value></values>`).join('')
    );
  write('customMetadata/Kind.Hot.md-meta.xml', record('Hot', []));
  write(
    'customMetadata/Rule.First.md-meta.xml',
    record('First', [
      ['Kind__c', 'Hot'],
      ['Object__c', 'Account']
    ])
  );
  emulator = new Emulator(loadProject(tmp, { standardObjectsDir: STANDARD_OBJECTS }));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('grouped failure report', () => {
  it('groups failures by cause, counts unmodelled features apart and renders Markdown and JSON', () => {
    const result = runTests(emulator, { tests: ['PeerPassTest', 'PeerFailTest'] });
    const report = failureReport(result);
    expect(report).toMatchObject({ total: 7, passed: 3, failed: 4, skipped: 0, excluded: 1 });
    // 3 passed of 7 − 1 counted apart.
    expect(report.passRate).toBe(50);
    const causes = Object.fromEntries(report.groups.map((g) => [g.cause, g]));
    expect(causes['System.AssertException: Assertion Failed: differs. Expected: a, Actual: b']).toMatchObject({
      kind: 'exception',
      count: 2,
      tests: ['PeerFailTest.assertsA', 'PeerFailTest.assertsB']
    });
    // DataWeave fails loudly (no catch clause hides it) and is counted apart.
    expect(causes['not supported by the emulator: DataWeave']).toMatchObject({
      kind: 'unsupported',
      excluded: true,
      tests: ['PeerFailTest.weaves']
    });
    expect(report.groups[0].count).toBe(2);
    const markdown = reportMarkdown(report);
    expect(markdown).toContain('3 passed, 4 failed, 0 skipped of 7 test methods; 1 failures counted apart');
    expect(markdown).toContain('| 2 | exception | System.AssertException: Assertion Failed: differs.');
    expect(markdown).toContain('- PeerFailTest.weaves');
    expect(JSON.parse(reportJson(report)).groups).toHaveLength(report.groups.length);
  });

  it('names the cause of a message: unsupported feature, unknown type or name, normalised exception', () => {
    expect(causeOf('System.UnexpectedException: SOSL is not supported by the emulator')).toEqual({
      cause: 'not supported by the emulator: SOSL',
      kind: 'unsupported'
    });
    expect(causeOf('@TestSetup failed: System.TypeException: Invalid type: Foo.Bar')).toEqual({
      cause: 'Invalid type: Foo.Bar',
      kind: 'unknown'
    });
    expect(
      causeOf('System.DmlException: Insert failed. First exception on row 3 with id 001000000000001AAA').cause
    ).toBe('System.DmlException: Insert failed. First exception on row <n> with id <id>');
  });
});

describe('platform APIs a peer suite needs', () => {
  const run = (code: string): unknown => {
    const r = emulator.runSnippet(code);
    if (r.exception) throw new Error(`${r.exception.type}: ${r.exception.message}`);
    return r.value;
  };

  it('Platform Cache: default partition keys, TTL expiry, CacheBuilder, key rules', () => {
    expect(run("Cache.Org.put('k2', 'v2'); return Cache.Org.get('local.Peer.k2') + ' ' + Cache.Org.get('k2');")).toBe(
      'v2 v2'
    );
    emulator.interp.clock = Date.parse('2026-01-01T00:00:00Z');
    run("Cache.Org.getPartition('local.Peer').put('t', 'x', 300);");
    emulator.interp.clock = Date.parse('2026-01-01T00:04:59Z');
    expect(run("return String.valueOf(Cache.Org.getPartition('local.Peer').get('t'));")).toBe('x');
    emulator.interp.clock = Date.parse('2026-01-01T00:05:01Z');
    expect(run("return String.valueOf(Cache.Org.getPartition('local.Peer').get('t'));")).toBe('null');
    emulator.interp.clock = null;
    const r = emulator.runSnippet("Cache.Org.getPartition('local.Peer').put('not-ok', 'x'); return 'put';");
    expect(r.exception?.type).toBe('Cache.InvalidParamException');
    // The session cache has no capacity in this partition.
    expect(emulator.runSnippet("Cache.Session.getPartition('local.Peer'); return 'got';").exception?.type).toBe(
      'Cache.Session.SessionCacheException'
    );
  });

  it('custom metadata: SOQL rows, relationship to another type (Id) and to EntityDefinition (API name)', () => {
    expect(
      run(
        "Rule__mdt r = [SELECT DeveloperName, Kind__c, Kind__r.DeveloperName, Object__c, Object__r.QualifiedApiName FROM Rule__mdt WHERE Object__r.QualifiedApiName = 'Account'];" +
          " Kind__mdt k = [SELECT Id FROM Kind__mdt WHERE DeveloperName = 'Hot'];" +
          " return r.DeveloperName + ' ' + r.Kind__r.DeveloperName + ' ' + r.Object__c + ' ' + r.Object__r.QualifiedApiName + ' ' + (r.Kind__c == k.Id);"
      )
    ).toBe('First Hot Account Account true');
    expect(
      run(
        "return [SELECT Id FROM Rule__mdt WHERE Kind__c IN (SELECT Id FROM Kind__mdt)].size() + ' ' + [SELECT Id, (SELECT Id FROM Rules__r) FROM Kind__mdt][0].Rules__r.size();"
      )
    ).toBe('1 1');
  });

  // Apex Reference Guide, InboundEmailHandler Interface: a class implementing it is called with an InboundEmail and
  // an InboundEnvelope and returns an InboundEmailResult (a test calls handleInboundEmail itself).
  it('Messaging.InboundEmailHandler: a class implements it and is called with an email and an envelope', () => {
    expect(
      run(
        "Messaging.InboundEmail e = new Messaging.InboundEmail(); e.fromAddress = 'a@example.com'; e.subject = 'Hi';" +
          " Messaging.InboundEnvelope env = new Messaging.InboundEnvelope(); env.fromAddress = 'a@example.com';" +
          ' Object h = new PeerMailHandler(); Messaging.InboundEmailResult r = ((Messaging.InboundEmailHandler) h).handleInboundEmail(e, env);' +
          " return (h instanceof Messaging.InboundEmailHandler) + ' ' + r.success + ' ' + r.message;"
      )
    ).toBe('true true Hi');
  });
});
