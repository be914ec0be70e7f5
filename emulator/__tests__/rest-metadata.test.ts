/**
 * Apex REST (RestContext / RestRequest / RestResponse, invokeRest) and the Metadata namespace (DeployContainer,
 * CustomMetadata, DeployResult, DeployCallback, enqueueDeployment, completeDeployment), each case citing the
 * documented behaviour it checks. Sources:
 * - RA: Apex Developer Guide, RestResource Annotation (developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_annotation_rest_resource.htm)
 * - RM: Apex Developer Guide, Apex REST Methods (…/apexcode/apex_rest_methods.htm)
 * - RQ / RS: Apex Reference Guide, RestRequest Class / RestResponse Class (…/apexref/apex_methods_system_restrequest.htm, …_restresponse.htm)
 * - TR: Apex Developer Guide, Testing Apex REST Classes
 * - MO / MC / MB / MX: Apex Reference Guide, Metadata.Operations / DeployContainer / DeployCallback / DeployCallbackContext
 * - MT: Apex Developer Guide, Testing Metadata Deployments (…/apexcode/apex_metadata_testing.htm)
 */
import * as path from 'node:path';
import { Emulator } from '../src/emulator';
import { loadProject } from '../src/metadata/loader';
import type { FieldModel, ObjectModel, ProjectModel } from '../src/metadata/model';
import { invokeRest } from '../src/stdlib/rest';
import { completeDeployment, deploymentsOf, parseFullName } from '../src/stdlib/metadataApi';

const ROOT = path.resolve(__dirname, '..', '..');

let baseProject: ProjectModel;
beforeAll(() => {
  baseProject = loadProject(ROOT);
});

/** A fresh copy of the project with a custom metadata type of our own (`Emu_Setting__mdt` with `Value__c`). */
function project(namespace = ''): ProjectModel {
  const p: ProjectModel = {
    ...baseProject,
    namespace,
    objects: { ...baseProject.objects },
    customMetadata: [...baseProject.customMetadata]
  };
  const template = Object.values(p.objects).find((o) => o.kind === 'custom-metadata') as ObjectModel;
  const textField = Object.values(template.fields).find((f) => f.custom && f.type === 'STRING') as FieldModel;
  const mdt: ObjectModel = {
    ...template,
    name: 'Emu_Setting__mdt',
    label: 'Emu Setting',
    labelPlural: 'Emu Settings',
    keyPrefix: 'm0Z',
    fields: {
      ...Object.fromEntries(Object.entries(template.fields).filter(([, f]) => !f.custom)),
      value__c: { ...textField, name: 'Value__c', label: 'Value', length: 255 }
    }
  };
  p.objects['Emu_Setting__mdt'] = mdt;
  p.customMetadata.push({
    type: 'Emu_Setting__mdt',
    developerName: 'Existing',
    label: 'Existing',
    protected: false,
    values: { Value__c: 'old' }
  });
  return p;
}

function emulator(namespace = ''): Emulator {
  return new Emulator(project(namespace));
}

const REST_CLASS = `
@RestResource(urlMapping='/emu/things/*')
global with sharing class EmuThings {
  public static Integer calls = 0;
  public class EmuFault extends Exception {}
  @HttpPost
  global static void create() {
    calls++;
    RestRequest req = RestContext.request;
    RestResponse res = RestContext.response;
    String auth = req.headers.get('Authorization');
    res.statusCode = 201;
    res.addHeader('X-Calls', String.valueOf(calls));
    res.responseBody = Blob.valueOf(auth + '|' + req.requestBody.toString() + '|' + req.requestURI + '|' + req.httpMethod + '|' + req.resourcePath);
  }
  global class Shown { public String id; public String nothing; public String q; }
  @HttpGet
  global static Shown show() {
    RestRequest req = RestContext.request;
    Shown s = new Shown();
    s.id = req.requestURI.substring(req.requestURI.lastIndexOf('/') + 1);
    s.q = req.params.get('q');
    return s;
  }
  @HttpDelete
  global static void remove() {
    insert new Account(Name = 'doomed');
    String s;
    s.length();
  }
  @HttpPatch
  global static void patchIt() {
    throw new EmuFault('bad patch');
  }
  @HttpPut
  global static void putIt() {
    RestContext.response.statusCode = 299;
  }
}`;

const EXACT_CLASS = `
@RestResource(urlMapping='/emu/things/special')
global class EmuSpecial {
  @HttpGet
  global static String get() { return 'exact'; }
}`;

const LONGER_CLASS = `
@RestResource(urlMapping='/emu/things/deep/*')
global class EmuDeep {
  @HttpGet
  global static String get() { return 'deep'; }
}`;

const PARAMS_CLASS = `
@RestResource(urlMapping='/emu/contacts')
global class EmuContacts {
  global class Info { public String city; public Integer age; }
  @HttpPost
  global static String make(String name, Integer count, Info info) {
    return name + ':' + count + ':' + (info == null ? 'null' : info.city + '/' + info.age) + ':' + (RestContext.request.requestBody == null);
  }
}`;

const WHO_CLASS = `
@RestResource(urlMapping='/emu/who')
global class EmuWho {
  @HttpGet
  global static String who() {
    return UserInfo.getUserType() + ':' + Schema.sObjectType.Account.isAccessible() + ':' + Test.isRunningTest();
  }
}`;

function restEmulator(namespace = ''): Emulator {
  const e = emulator(namespace);
  e.addClass(REST_CLASS, 'EmuThings');
  e.addClass(EXACT_CLASS, 'EmuSpecial');
  e.addClass(LONGER_CLASS, 'EmuDeep');
  e.addClass(PARAMS_CLASS, 'EmuContacts');
  e.addClass(WHO_CLASS, 'EmuWho');
  return e;
}

describe('Apex REST: invokeRest', () => {
  // RM: "If the Apex method has no parameters, Apex REST copies the HTTP request body into the RestRequest.requestBody
  // property"; RQ: headers "Returns the headers that are received by the request"; RS: statusCode and responseBody
  // of a void method are the response ("If the method returns void, then Apex REST returns the response in the
  // responseBody property").
  it('delivers a POST to the @HttpPost method with its body and headers, and returns what Apex set', () => {
    const e = restEmulator();
    const r = invokeRest(e, {
      method: 'POST',
      path: '/services/apexrest/emu/things/42',
      headers: { Authorization: 'Bearer t0k' },
      body: '{"a":1}'
    });
    expect(r.status).toBe(201);
    expect(r.headers['X-Calls']).toBe('1');
    expect(r.body).toBe('Bearer t0k|{"a":1}|/emu/things/42|POST|/services/apexrest/emu/things/*');
  });

  // RM: each request is its own transaction; statics start fresh (Apex Developer Guide, Static and Instance).
  it('runs each request in a fresh transaction (statics re-initialised)', () => {
    const e = restEmulator();
    invokeRest(e, { method: 'POST', path: '/emu/things/1', body: 'x' });
    const r = invokeRest(e, { method: 'POST', path: '/emu/things/2', body: 'y' });
    expect(r.headers['X-Calls']).toBe('1');
  });

  // RS: "If the method returns a value, then Apex REST serializes the return value as the response. If the return
  // value contains fields with null value, those fields are not serialized in the response." RQ: params.
  it('serialises a return value as JSON without null fields; query parameters reach RestRequest.params', () => {
    const e = restEmulator();
    const r = invokeRest(e, { method: 'GET', path: '/services/apexrest/emu/things/001ABC?q=a%20b' });
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toMatch(/^application\/json/);
    expect(JSON.parse(r.body)).toEqual({ id: '001ABC', q: 'a b' });
  });

  // RA: "The URL mapping can contain a wildcard (*)"; "/x/*" also serves "/x" and deeper paths.
  it('matches a wildcard mapping across several segments and without a trailing segment', () => {
    const e = restEmulator();
    expect(JSON.parse(invokeRest(e, { method: 'GET', path: '/emu/things/a/b/c' }).body).id).toBe('c');
    expect(invokeRest(e, { method: 'GET', path: '/emu/things' }).status).toBe(200);
  });

  // RA: "An exact match always wins. If no exact match is found, find all the patterns with wildcards that match,
  // and then select the longest (by string length) of those."
  it('prefers an exact mapping, then the longest wildcard mapping', () => {
    const e = restEmulator();
    expect(invokeRest(e, { method: 'GET', path: '/emu/things/special' }).body).toBe('"exact"');
    expect(invokeRest(e, { method: 'GET', path: '/emu/things/deep/1' }).body).toBe('"deep"');
  });

  // RA: "The URL mapping is case-sensitive"; "If no wildcard match is found, an HTTP response status code 404 is
  // returned."
  it('answers 404 for an unmapped or differently-cased URL', () => {
    const e = restEmulator();
    const r = invokeRest(e, { method: 'GET', path: '/services/apexrest/EMU/things/1' });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)[0].errorCode).toBe('NOT_FOUND');
  });

  // RM: a class has at most one method per HTTP annotation; a verb without one is not allowed (405).
  it('answers 405 when the class has no method for the HTTP verb', () => {
    const e = restEmulator();
    const r = invokeRest(e, { method: 'PUT', path: '/emu/contacts' });
    expect(r.status).toBe(405);
    expect(JSON.parse(r.body)[0]).toEqual({
      errorCode: 'METHOD_NOT_ALLOWED',
      message: "HTTP Method 'PUT' not allowed. Allowed are POST"
    });
  });

  // An uncaught exception: HTTP 500 with [{"errorCode":"APEX_ERROR","message":"Type: message\n\nstack"}] (the
  // platform's error body; stackexchange 54010 "By default it returns a 500 error").
  it('maps an uncaught platform exception to 500 APEX_ERROR and rolls back the DML', () => {
    const e = restEmulator();
    const before = e.org.table('Account').size;
    const r = invokeRest(e, { method: 'DELETE', path: '/emu/things/1' });
    expect(r.status).toBe(500);
    const [err] = JSON.parse(r.body) as { errorCode: string; message: string }[];
    expect(err.errorCode).toBe('APEX_ERROR');
    expect(err.message).toMatch(
      /^System\.NullPointerException: Attempt to de-reference a null object\n\nClass\.EmuThings\.remove: line \d+, column 1/
    );
    expect(e.org.table('Account').size).toBe(before);
  });

  it('names a custom exception type in the 500 body', () => {
    const e = restEmulator();
    const r = invokeRest(e, { method: 'PATCH', path: '/emu/things/1', body: '' });
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body)[0].message).toMatch(/^EmuThings\.EmuFault: bad patch/);
  });

  // RS: "If you set the RestResponse.statusCode property to a value that's not listed in the table, then an HTTP
  // status of 500 is returned with the error message 'Invalid status code for HTTP response: nnn'".
  it('answers 500 for a status code outside the documented table', () => {
    const e = restEmulator();
    const r = invokeRest(e, { method: 'PUT', path: '/emu/things/1' });
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body)[0].message).toBe('Invalid status code for HTTP response: 299');
  });

  // RM: "If parameters are defined in the Apex method, an attempt is made to deserialize the request body into
  // those parameters" and "the data won't be deserialized into the RestRequest.requestBody property".
  it('binds a JSON body to the method parameters by name', () => {
    const e = restEmulator();
    const r = invokeRest(e, {
      method: 'POST',
      path: '/emu/contacts',
      body: '{"name":"Ann","count":3,"info":{"city":"Oslo","age":40}}'
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toBe('Ann:3:Oslo/40:true');
    expect(JSON.parse(invokeRest(e, { method: 'POST', path: '/emu/contacts', body: '{"name":"Bo"}' }).body)).toBe(
      'Bo:null:null:true'
    );
  });

  it('answers 400 JSON_PARSER_ERROR for a body key that names no parameter', () => {
    const e = restEmulator();
    const r = invokeRest(e, { method: 'POST', path: '/emu/contacts', body: '{"nom":"Ann"}' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)[0].errorCode).toBe('JSON_PARSER_ERROR');
  });

  // RA: "if your class is in namespace abc and the class is mapped to your_url, then the API URL is modified as
  // follows: https://instance.salesforce.com/services/apexrest/abc/your_url/".
  it('puts the namespace segment before the mapping when the project has one', () => {
    const e = restEmulator('emuns');
    expect(invokeRest(e, { method: 'GET', path: '/services/apexrest/emuns/emu/things/special' }).body).toBe('"exact"');
    expect(invokeRest(e, { method: 'GET', path: '/services/apexrest/emu/things/special' }).status).toBe(404);
  });

  // A request is not a test (Test.isRunningTest false); a guest runs with the guest profile's access (access.ts:
  // no standard-object permission beyond Read on User).
  it('runs as the Site guest user when asked, with its limited object access', () => {
    const e = restEmulator();
    expect(JSON.parse(invokeRest(e, { method: 'GET', path: '/emu/who' }).body)).toBe('Standard:true:false');
    expect(JSON.parse(invokeRest(e, { method: 'GET', path: '/emu/who', asGuest: true }).body)).toBe(
      'Guest:false:false'
    );
    expect(e.org.user.record.values.get('usertype')).toBe('Standard');
  });
});

describe('Apex REST in Apex tests: RestContext, RestRequest, RestResponse', () => {
  // TR: a test builds a RestRequest/RestResponse, assigns them to RestContext and calls the method directly.
  it('lets Apex build the context and read what the method set (the Testing Apex REST pattern)', () => {
    const e = restEmulator();
    const r = e.runSnippet(`
      RestRequest req = new RestRequest();
      req.requestURI = '/services/apexrest/emu/things/7';
      req.httpMethod = 'POST';
      req.requestBody = Blob.valueOf('payload');
      req.addHeader('Authorization', 'Bearer x');
      req.addParameter('p', 'v');
      RestContext.request = req;
      RestContext.response = new RestResponse();
      EmuThings.create();
      return RestContext.response.statusCode + ' ' + RestContext.response.responseBody.toString() + ' ' +
        RestContext.response.headers.get('X-Calls') + ' ' + RestContext.request.params.get('p');`);
    expect(r.exception).toBeUndefined();
    expect(r.value).toBe('201 Bearer x|payload|/services/apexrest/emu/things/7|POST|null 1 v');
  });

  // RQ/RS: constructors create empty headers/params maps; RestContext.request is null until set in a test.
  it('starts with null context and empty maps on new objects', () => {
    const e = restEmulator();
    const r = e.runSnippet(`
      RestRequest req = new RestRequest();
      RestResponse res = new RestResponse();
      return (RestContext.request == null) + ' ' + req.headers.size() + ' ' + req.params.size() + ' ' + res.headers.size() + ' ' + res.statusCode;`);
    expect(r.value).toBe('true 0 0 0 null');
  });
});

const CALLBACK_CLASS = `
public class EmuCallback implements Metadata.DeployCallback {
  public static String seen;
  public void handleResult(Metadata.DeployResult result, Metadata.DeployCallbackContext context) {
    String failures = '';
    if (result.details != null) {
      for (Metadata.DeployMessage m : result.details.componentFailures) failures += m.fullName + '=' + m.problem + ';';
    }
    seen = result.status + ' ' + result.success + ' ' + context.getCallbackJobId() + ' ' + failures;
    if (!Test.isRunningTest()) insert new Account(Name = seen.left(80));
  }
}`;

const CONTEXT_CLASS = `
public class EmuTestContext extends Metadata.DeployCallbackContext {
  public override Id getCallbackJobId() { return '707000000000001AAA'; }
}`;

const BUILD = `
Metadata.CustomMetadata md = new Metadata.CustomMetadata();
md.fullName = 'Emu_Setting.Fresh';
md.label = 'Fresh one';
Metadata.CustomMetadataValue v = new Metadata.CustomMetadataValue();
v.field = 'Value__c';
v.value = 'new value';
md.values.add(v);
Metadata.DeployContainer c = new Metadata.DeployContainer();
c.addMetadata(md);`;

function metadataEmulator(namespace = ''): Emulator {
  const e = emulator(namespace);
  e.addClass(CALLBACK_CLASS, 'EmuCallback');
  e.addClass(CONTEXT_CLASS, 'EmuTestContext');
  return e;
}

describe('Metadata: DeployContainer, CustomMetadata, DeployResult', () => {
  // MC: addMetadata / getMetadata / removeMetadata ("Returns true if the container changed") /
  // removeMetadataByFullName; MO deploy example: customMetadata.values.add(customField).
  it('assembles a DeployContainer that tests can inspect', () => {
    const e = metadataEmulator();
    const r = e.runSnippet(
      `${BUILD}
      List<Metadata.Metadata> contents = c.getMetadata();
      Metadata.CustomMetadata got = (Metadata.CustomMetadata) contents.get(0);
      String s = contents.size() + ' ' + got.fullName + ' ' + got.label + ' ' + got.values.get(0).field + '=' + got.values.get(0).value;
      Metadata.CustomMetadata other = new Metadata.CustomMetadata();
      other.fullName = 'Emu_Setting.Other';
      c.addMetadata(other);
      s += ' ' + c.removeMetadata(new Metadata.CustomMetadata()) + ' ' + c.removeMetadataByFullName('Emu_Setting.Other') + ' ' + c.getMetadata().size();
      s += ' ' + c.removeMetadata(md) + ' ' + c.getMetadata().size();
      return s;`
    );
    expect(r.exception).toBeUndefined();
    expect(r.value).toBe('1 Emu_Setting.Fresh Fresh one Value__c=new value false true 1 true 0');
  });

  // MT: "create tests that use your callback class directly ... create test DeployResults and DeployCallbackContext
  // instances"; "subclass DeployCallbackContext and provide your own implementation of getCallbackJobId()".
  it('drives a callback with a DeployResult built in Apex and a DeployCallbackContext subclass', () => {
    const e = metadataEmulator();
    const r = e.runSnippet(`
      Metadata.DeployResult result = new Metadata.DeployResult();
      result.status = Metadata.DeployStatus.Succeeded;
      result.success = true;
      new EmuCallback().handleResult(result, new EmuTestContext());
      return EmuCallback.seen;`);
    expect(r.exception).toBeUndefined();
    expect(r.value).toBe('Succeeded true 707000000000001AAA ');
  });

  // MB/MT: a failed result carries DeployDetails.componentFailures (DeployMessage fullName/problem).
  it('passes component failures through DeployDetails to the callback', () => {
    const e = metadataEmulator();
    const r = e.runSnippet(`
      Metadata.DeployMessage m = new Metadata.DeployMessage();
      m.fullName = 'Emu_Setting.Bad';
      m.problem = 'boom';
      m.success = false;
      Metadata.DeployDetails d = new Metadata.DeployDetails();
      d.componentFailures.add(m);
      Metadata.DeployResult result = new Metadata.DeployResult();
      result.status = Metadata.DeployStatus.Failed;
      result.success = false;
      result.details = d;
      new EmuCallback().handleResult(result, new EmuTestContext());
      return EmuCallback.seen + ' ' + Metadata.DeployStatus.values().size();`);
    expect(r.exception).toBeUndefined();
    expect(r.value).toBe('Failed false 707000000000001AAA Emu_Setting.Bad=boom; 7');
  });

  // MT / Trailhead "Test Your Metadata Deployment": "You can't actually test how the org looks after the
  // deployment"; the platform throws System.AsyncException in a test (knowledge, SOURCES section B).
  it('refuses enqueueDeployment inside a test', () => {
    const e = metadataEmulator();
    const r = e.runSnippet(`${BUILD}
      return Metadata.Operations.enqueueDeployment(c, new EmuCallback());`);
    expect(r.exception?.type).toBe('System.AsyncException');
    expect(r.exception?.message).toBe('Metadata cannot be deployed from within a test');
  });

  it('does not support Metadata.Operations.retrieve', () => {
    const e = metadataEmulator();
    const r = e.runSnippet(
      `return Metadata.Operations.retrieve(Metadata.MetadataType.CustomMetadata, new List<String>{'Emu_Setting.Existing'});`
    );
    expect(r.exception?.type).toBe('System.UnexpectedException');
  });
});

describe('Metadata: enqueueDeployment outside tests and completeDeployment', () => {
  // MO: enqueueDeployment "Deploys custom metadata components asynchronously" and returns the job Id; MB: "Salesforce
  // calls your DeployCallback.handleResult() method asynchronously once the queued deployment completes".
  it('queues the deployment, then applies the records to getAll() and calls the callback', () => {
    const e = metadataEmulator();
    e.org.inTest = false;
    const r = e.runSnippet(`${BUILD}
      Id jobId = Metadata.Operations.enqueueDeployment(c, new EmuCallback());
      c.addMetadata(new Metadata.CustomMetadata());
      return jobId;`);
    expect(r.exception).toBeUndefined();
    const queued = deploymentsOf(e.org);
    expect(queued).toHaveLength(1);
    expect(queued[0].id).toBe(r.value);
    expect(queued[0].status).toBe('Pending');
    expect(e.runSnippet(`return Emu_Setting__mdt.getAll().containsKey('Fresh');`).value).toBe('false');

    const done = completeDeployment(e, String(r.value), { success: true });
    expect(done.callbackError).toBeUndefined();
    expect(queued[0].status).toBe('Succeeded');
    const names = [...e.org.table('Account').values()].map((a) => String(a.values.get('name')));
    // The stored Name has no trailing space: saved text is trimmed (Apex Developer Guide, Primitive Data Types).
    expect(names.some((n) => /^Succeeded true 707\w{15}$/.test(n))).toBe(true);
    const read = e.runSnippet(`
      Map<String, Emu_Setting__mdt> all = Emu_Setting__mdt.getAll();
      return all.get('Fresh').Value__c + ' ' + all.get('Fresh').MasterLabel + ' ' + Emu_Setting__mdt.getInstance('Existing').Value__c + ' ' + all.size();`);
    expect(read.value).toBe('new value Fresh one old 2');
  });

  // Upsert by type + developer name: a record with the fullName of an existing one replaces its values.
  it('replaces an existing record with the same fullName', () => {
    const e = metadataEmulator();
    e.org.inTest = false;
    const r = e.runSnippet(`
      Metadata.CustomMetadata md = new Metadata.CustomMetadata();
      md.fullName = 'Emu_Setting__mdt.Existing';
      md.label = 'Existing';
      Metadata.CustomMetadataValue v = new Metadata.CustomMetadataValue();
      v.field = 'Value__c';
      v.value = 'updated';
      md.values.add(v);
      Metadata.DeployContainer c = new Metadata.DeployContainer();
      c.addMetadata(md);
      return Metadata.Operations.enqueueDeployment(c, null);`);
    completeDeployment(e, String(r.value));
    expect(
      e.runSnippet(`return Emu_Setting__mdt.getInstance('Existing').Value__c + ' ' + Emu_Setting__mdt.getAll().size();`)
        .value
    ).toBe('updated 1');
  });

  // A component that can't deploy fails the deployment (DeployResult.status Failed, componentFailures) and nothing is
  // applied.
  it('fails the deployment for an unknown field and applies nothing', () => {
    const e = metadataEmulator();
    e.org.inTest = false;
    const r = e.runSnippet(`${BUILD}
      Metadata.CustomMetadataValue bad = new Metadata.CustomMetadataValue();
      bad.field = 'Nope__c';
      bad.value = 1;
      md.values.add(bad);
      return Metadata.Operations.enqueueDeployment(c, new EmuCallback());`);
    const done = completeDeployment(e, String(r.value));
    expect(done.result.data.success).toBe(false);
    expect(String(done.result.data.status)).toBe('Failed');
    expect(deploymentsOf(e.org)[0].status).toBe('Failed');
    expect(e.runSnippet(`return Emu_Setting__mdt.getAll().containsKey('Fresh');`).value).toBe('false');
    const names = [...e.org.table('Account').values()].map((a) => String(a.values.get('name')));
    expect(names.some((n) => n.startsWith('Failed false 707') && n.includes('Emu_Setting.Fresh='))).toBe(true);
  });

  it('reports a failure chosen by the caller to the callback', () => {
    const e = metadataEmulator();
    e.org.inTest = false;
    const r = e.runSnippet(`${BUILD} return Metadata.Operations.enqueueDeployment(c, new EmuCallback());`);
    const done = completeDeployment(e, String(r.value), {
      success: false,
      messages: [{ fullName: 'Emu_Setting.Fresh', problem: 'locked' }]
    });
    expect(done.result.data.numbercomponenterrors).toBe(1);
    expect(() => completeDeployment(e, String(r.value))).toThrow(/already Failed/);
  });

  // MO: fullName "MyNamespace__MyMetadataTypeName.MyMetadataRecordName"; "prefix the developer name with recordNs__".
  it('reads namespaced fullNames', () => {
    expect(parseFullName('emuns__Emu_Setting.emuns__Rec', 'emuns')).toEqual({
      type: 'Emu_Setting__mdt',
      developerName: 'Rec'
    });
    expect(parseFullName('Emu_Setting__mdt.Rec', '')).toEqual({ type: 'Emu_Setting__mdt', developerName: 'Rec' });
    expect(parseFullName('NoDot', '')).toBeNull();
    const e = metadataEmulator('emuns');
    e.org.inTest = false;
    const r = e.runSnippet(`
      Metadata.CustomMetadata md = new Metadata.CustomMetadata();
      md.fullName = 'emuns__Emu_Setting.emuns__Rec';
      md.label = 'Rec';
      Metadata.DeployContainer c = new Metadata.DeployContainer();
      c.addMetadata(md);
      return Metadata.Operations.enqueueDeployment(c, null);`);
    completeDeployment(e, String(r.value));
    expect(e.runSnippet(`return Emu_Setting__mdt.getInstance('Rec') != null;`).value).toBe('true');
  });
});
