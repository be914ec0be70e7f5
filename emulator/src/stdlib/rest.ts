/**
 * Apex REST: `RestContext`, `RestRequest`, `RestResponse` (Apex Reference Guide: RestContext Class, RestRequest
 * Class, RestResponse Class) and `invokeRest`, an HTTP request arriving at `/services/apexrest/...` of the emulated
 * org (Apex Developer Guide: Exposing Apex Classes as REST Web Services, RestResource Annotation, Apex REST Methods).
 *
 * Modelled, with the documented rule each follows:
 * - RestRequest/RestResponse members are public properties (`req.requestBody = Blob.valueOf(..)`,
 *   `RestContext.response.statusCode = 400`); the Map properties start empty and are filled through `addHeader` /
 *   `addParameter` ("Although the RestRequest Map properties are read-only, their contents are read-write").
 * - `RestContext.request` / `RestContext.response` are per transaction (null in a test until the test sets them).
 * - URL mapping (RestResource Annotation): relative to `/services/apexrest/`, case-sensitive, `/ns/` first when the
 *   project has a namespace; "An exact match always wins. If no exact match is found, find all the patterns with
 *   wildcards that match, and then select the longest (by string length) of those. If no wildcard match is found,
 *   an HTTP response status code 404 is returned."
 * - Apex REST Methods: "If the Apex method has no parameters, Apex REST copies the HTTP request body into the
 *   RestRequest.requestBody property. If the method has parameters, then Apex REST attempts to deserialize the data
 *   into those parameters and the data won't be deserialized into the RestRequest.requestBody property."
 * - RestResponse.responseBody: "If the method returns void, then Apex REST returns the response in the responseBody
 *   property. If the method returns a value, then Apex REST serializes the return value as the response. If the
 *   return value contains fields with null value, those fields are not serialized in the response."
 * - RestResponse.statusCode: a value outside the documented table gives "HTTP status 500 and an error message
 *   'Invalid status code for HTTP response: nnn'".
 * - An uncaught exception: HTTP 500 with the body `[{"errorCode":"APEX_ERROR","message":"<Type>: <message>\n\n<stack>"}]`
 *   and the transaction's DML rolled back (the platform's error body; known from org runs, see the report / SOURCES).
 *
 * Knowledge rather than a fetched page (listed for fidelity/SOURCES.md section B): the 404 body
 * `[{"errorCode":"NOT_FOUND","message":"Could not find a match for URL <path>"}]`, the 405 body
 * `[{"errorCode":"METHOD_NOT_ALLOWED","message":"HTTP Method '<M>' not allowed. Allowed are <list>"}]`, the 400
 * `JSON_PARSER_ERROR` body for a body that does not bind, `requestURI` being the path after `/services/apexrest`,
 * and `resourcePath` being `/services/apexrest` + the urlMapping.
 *
 * Guest user (`asGuest`): the request runs as a Site guest user (UserType `Guest`, a profile named
 * `Emulated Site Guest Profile` with UserType `Guest`, both created on demand). The access model of
 * `data/access.ts` then treats it like any non-standard profile: no object permission on standard objects except
 * Read on User, custom objects and fields only through assigned permission sets, custom metadata and custom
 * settings readable; under `with sharing`, records of Private objects are visible only when owned by the guest.
 * Not modelled for guests: the guest sharing rules, the secure guest record access defaults (guests can't own or
 * update records), Site public access settings.
 */
import type { Emulator } from '../emulator';
import type { Org } from '../data/org';
import { Limits } from '../data/limits';
import { ApexThrow } from '../runtime/interpreter';
import type { ClassInfo, Interpreter } from '../runtime/interpreter';
import type { MethodDecl } from '../parse/ast';
import { RuntimeFault, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexBlob, ApexId, ApexMap, NativeObject, SObjectValue, STRING, TypeValue } from '../runtime/values';
import { parseJson } from './json';
import type { JNode } from './json';

export const REST_REQUEST = 'System.RestRequest';
export const REST_RESPONSE = 'System.RestResponse';

/** Response status codes RestResponse.statusCode may take (RestResponse Class, Status Codes). */
export const VALID_STATUS_CODES = new Set([
  200, 201, 202, 204, 206, 300, 301, 302, 304, 400, 401, 403, 404, 405, 406, 409, 410, 412, 413, 414, 415, 417, 500, 503
]);

const HTTP_ANNOTATIONS: Record<string, string> = {
  GET: 'httpget',
  POST: 'httppost',
  PUT: 'httpput',
  PATCH: 'httppatch',
  DELETE: 'httpdelete'
};

/** RestContext's two statics, per transaction (keyed by the interpreter's transaction state object). */
const contexts = new WeakMap<object, { request: unknown; response: unknown }>();

function contextOf(interp: Interpreter): { request: unknown; response: unknown } {
  let c = contexts.get(interp.state);
  if (!c) {
    c = { request: null, response: null };
    contexts.set(interp.state, c);
  }
  return c;
}

const stringMap = (): ApexMap => new ApexMap(STRING, STRING);

export function newRestRequest(): NativeObject {
  return new NativeObject(REST_REQUEST, {
    requesturi: null,
    httpmethod: null,
    requestbody: null,
    headers: stringMap(),
    params: stringMap(),
    remoteaddress: null,
    resourcepath: null
  });
}

export function newRestResponse(): NativeObject {
  return new NativeObject(REST_RESPONSE, { statuscode: null, responsebody: null, headers: stringMap() });
}

function self(ctx: { self: unknown }): NativeObject {
  return ctx.self as NativeObject;
}

function mapOf(obj: NativeObject, key: string): ApexMap {
  let m = obj.data[key];
  if (!(m instanceof ApexMap)) {
    m = stringMap();
    obj.data[key] = m;
  }
  return m as ApexMap;
}

export function registerRest(r: Registry): void {
  r.type('System.RestContext');
  r.type(REST_REQUEST);
  r.type(REST_RESPONSE);

  r.staticProp('System.RestContext', 'request', (interp) => contextOf(interp).request);
  r.staticProp('System.RestContext', 'response', (interp) => contextOf(interp).response);
  r.static('System.RestContext', '$set_request', ({ interp }, [v]) => {
    contextOf(interp).request = v ?? null;
  });
  r.static('System.RestContext', '$set_response', ({ interp }, [v]) => {
    contextOf(interp).response = v ?? null;
  });

  r.ctor(REST_REQUEST, () => newRestRequest());
  r.ctor(REST_RESPONSE, () => newRestResponse());

  // RestRequest.addHeader(name, value) / addParameter(name, value): put into the headers / params maps.
  r.method(REST_REQUEST, 'addHeader', (ctx, [k, v]) => {
    ctx.interp.mapPut(mapOf(self(ctx), 'headers'), k, v);
    return null;
  });
  r.method(REST_REQUEST, 'addParameter', (ctx, [k, v]) => {
    ctx.interp.mapPut(mapOf(self(ctx), 'params'), k, v);
    return null;
  });
  r.method(REST_RESPONSE, 'addHeader', (ctx, [k, v]) => {
    ctx.interp.mapPut(mapOf(self(ctx), 'headers'), k, v);
    return null;
  });
  for (const t of [REST_REQUEST, REST_RESPONSE]) {
    r.method(
      t,
      'toString',
      ({ self: s }) => `${(s as NativeObject).type.replace(/^System\./, '')}:[${describeData(s as NativeObject)}]`
    );
  }
}

function describeData(o: NativeObject): string {
  return Object.entries(o.data)
    .filter(([, v]) => !(v instanceof ApexMap))
    .map(([k, v]) => `${k}=${v instanceof ApexBlob ? `Blob[${v.bytes.length}]` : str(v ?? null)}`)
    .join(', ');
}

// ------------------------------------------------------------------ an HTTP request arriving at the org

export interface RestCall {
  method: string;
  /** `/services/apexrest/[ns/]x/y?a=b`, or the part after `/services/apexrest`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer | null;
  remoteAddress?: string;
  /** Run as the Site guest user instead of the org's running user. */
  asGuest?: boolean;
}

export interface RestResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

function errorResult(status: number, errorCode: string, message: string): RestResult {
  return { status, headers: { 'Content-Type': JSON_TYPE }, body: JSON.stringify([{ errorCode, message }]) };
}

function annotation(
  decl: { annotations: { name: string; params: Record<string, string> }[] } | null,
  name: string
): { name: string; params: Record<string, string> } | undefined {
  return decl?.annotations.find((a) => a.name.toLowerCase() === name);
}

function unquote(text: string): string {
  const t = text.trim();
  if (/^'.*'$/s.test(t) || /^".*"$/s.test(t)) return t.slice(1, -1).replace(/\\'/g, "'");
  return t;
}

/** Whether a urlMapping (with `*` wildcards) matches a path; `/x/*` also matches `/x`. Case-sensitive. */
export function mappingMatches(mapping: string, path: string): boolean {
  if (!mapping.includes('*')) return mapping === path;
  let re = '';
  for (let i = 0; i < mapping.length; i++) {
    const c = mapping[i];
    if (c === '*') {
      if (i === mapping.length - 1 && re.endsWith('/')) {
        re = re.slice(0, -1) + '(?:/.*)?';
      } else re += '.*';
    } else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$').test(path);
}

/** The @RestResource class for a path (exact match first, else the longest matching wildcard mapping). */
export function findRestResource(interp: Interpreter, path: string): { cls: ClassInfo; mapping: string } | null {
  let exact: { cls: ClassInfo; mapping: string } | null = null;
  let best: { cls: ClassInfo; mapping: string } | null = null;
  for (const cls of interp.classes.values()) {
    const a = annotation(cls.decl, 'restresource');
    if (!a) continue;
    const raw = a.params['urlmapping'] ?? Object.values(a.params)[0];
    if (!raw) continue;
    const mapping = unquote(raw);
    if (!mapping.includes('*')) {
      if (mapping === path) exact = { cls, mapping };
      continue;
    }
    if (mappingMatches(mapping, path) && (!best || mapping.length > best.mapping.length)) best = { cls, mapping };
  }
  return exact ?? best;
}

function httpMethodsOf(cls: ClassInfo): Map<string, MethodDecl> {
  const out = new Map<string, MethodDecl>();
  for (const list of cls.methods.values()) {
    for (const m of list) {
      for (const [verb, ann] of Object.entries(HTTP_ANNOTATIONS)) {
        if (m.annotations.some((a) => a.name.toLowerCase() === ann)) out.set(verb, m);
      }
    }
  }
  return out;
}

/** JSON text of a parsed node (numbers keep their written text). */
function nodeText(n: JNode): string {
  switch (n.k) {
    case 'obj':
      return '{' + n.entries.map(([k, v]) => JSON.stringify(k) + ':' + nodeText(v)).join(',') + '}';
    case 'arr':
      return '[' + n.items.map(nodeText).join(',') + ']';
    case 'str':
      return JSON.stringify(n.v);
    case 'num':
      return n.text;
    case 'bool':
      return n.v ? 'true' : 'false';
    case 'null':
      return 'null';
  }
}

class BindError {
  constructor(readonly message: string) {}
}

/** Binds a JSON object body to the method's parameters by name (Apex REST Methods). */
function bindParameters(interp: Interpreter, cls: ClassInfo, method: MethodDecl, body: string): unknown[] {
  if (body.trim() === '') return method.params.map(() => null);
  let root: JNode;
  try {
    root = parseJson(body);
  } catch (e) {
    throw new BindError(messageOf(interp, e));
  }
  if (root.k !== 'obj')
    throw new BindError(
      `Expected a JSON object for the parameters of ${method.name} at [line:${root.line}, column:${root.col}]`
    );
  const byName = new Map<string, JNode>();
  for (const [k, v] of root.entries) {
    const p =
      method.params.find((x) => x.name === k) ?? method.params.find((x) => x.name.toLowerCase() === k.toLowerCase());
    if (!p)
      throw new BindError(
        `Unexpected parameter encountered during deserialization: ${k} at [line:${v.line}, column:${v.col}]`
      );
    byName.set(p.name, v);
  }
  const deserialize = interp.registry.findStatic('JSON', 'deserialize');
  if (!deserialize) throw new Error('JSON.deserialize is not registered');
  return method.params.map((p) => {
    const node = byName.get(p.name);
    if (!node || node.k === 'null') return null;
    const type = interp.resolveType(p.type, cls);
    try {
      return deserialize({ interp, self: undefined }, [nodeText(node), new TypeValue(type, true)]);
    } catch (e) {
      throw new BindError(messageOf(interp, e));
    }
  });
}

function messageOf(interp: Interpreter, e: unknown): string {
  if (e instanceof RuntimeFault) return e.message;
  if (e instanceof ApexThrow) return str(e.exception.fields.get('$message') ?? null);
  if (e instanceof Error) return e.message;
  void interp;
  return String(e);
}

const GUEST_PROFILE = 'Emulated Site Guest Profile';

/** The Site guest user (created on demand) with its `Guest` profile. */
export function guestUser(org: Org): SObjectValue {
  for (const u of org.table('User').values()) if (u.values.get('usertype') === 'Guest') return u;
  let profile = [...org.table('Profile').values()].find((p) => p.values.get('name') === GUEST_PROFILE);
  if (!profile) profile = org.put(org.record('Profile', { Name: GUEST_PROFILE, UserType: 'Guest' }));
  return org.put(
    org.record('User', {
      FirstName: 'Site',
      LastName: 'Guest User',
      Alias: 'guest',
      Email: 'guest@emulated.example.com',
      Username: 'guest@emulated.example.com',
      ProfileId: profile.values.get('id'),
      TimeZoneSidKey: 'America/Los_Angeles',
      LocaleSidKey: 'en_US',
      LanguageLocaleKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      IsActive: true,
      UserType: 'Guest'
    })
  );
}

function blobText(v: unknown): string {
  if (v instanceof ApexBlob) return v.bytes.toString('utf8');
  if (v === null || v === undefined) return '';
  return str(v);
}

function mapToRecord(m: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (m instanceof ApexMap) for (const [k, v] of m.map.values()) out[str(k)] = str(v ?? null);
  return out;
}

/**
 * Serves one HTTP request to `/services/apexrest/...` as the platform does: finds the @RestResource class and the
 * method for the HTTP verb, runs it in a fresh transaction with fresh RestContext objects, and returns the
 * response (see the module comment for the rules and their sources).
 */
export function invokeRest(emulator: Emulator, call: RestCall): RestResult {
  const { interp, org } = emulator;
  const verb = call.method.toUpperCase();
  const [rawPath, query = ''] = call.path.split(/\?(.*)/s, 2) as [string, string?];
  let path = rawPath.startsWith('/services/apexrest') ? rawPath.substring('/services/apexrest'.length) : rawPath;
  if (!path.startsWith('/')) path = '/' + path;
  const fullPath = path;
  const ns = org.project?.namespace || '';
  if (ns) {
    if (!path.startsWith(`/${ns}/`)) return errorResult(404, 'NOT_FOUND', `Could not find a match for URL ${fullPath}`);
    path = path.substring(ns.length + 1);
  }
  const found = findRestResource(interp, path);
  if (!found) return errorResult(404, 'NOT_FOUND', `Could not find a match for URL ${fullPath}`);
  const methods = httpMethodsOf(found.cls);
  const method = methods.get(verb);
  if (!method) {
    const allowed = [...methods.keys()].join(', ');
    return errorResult(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${verb}' not allowed. Allowed are ${allowed}`);
  }

  // A fresh transaction, outside any test.
  interp.resetTransaction();
  const savedLimits = org.limits;
  const savedInTest = org.inTest;
  const savedUser = org.user;
  const savedLocale = { ...interp.user };
  org.limits = new Limits(false);
  org.inTest = false;
  const snapshot = org.snapshot();
  if (call.asGuest) {
    const guest = guestUser(org);
    org.user = { id: guest.values.get('id') as ApexId, record: guest };
    interp.user = {
      timeZone: String(guest.values.get('timezonesidkey') ?? savedLocale.timeZone),
      locale: String(guest.values.get('localesidkey') ?? savedLocale.locale),
      language: String(guest.values.get('languagelocalekey') ?? savedLocale.language)
    };
  }

  const bodyText =
    call.body === undefined || call.body === null
      ? ''
      : Buffer.isBuffer(call.body)
        ? call.body.toString('utf8')
        : call.body;
  const req = newRestRequest();
  req.data.httpmethod = verb;
  req.data.requesturi = fullPath;
  req.data.resourcepath = '/services/apexrest' + (ns ? `/${ns}` : '') + found.mapping;
  req.data.remoteaddress = call.remoteAddress ?? '127.0.0.1';
  for (const [k, v] of Object.entries(call.headers ?? {})) interp.mapPut(req.data.headers as ApexMap, k, v);
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const [k, v = ''] = pair.split(/=(.*)/s, 2) as [string, string?];
    const dec = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
    interp.mapPut(req.data.params as ApexMap, dec(k), dec(v));
  }
  const res = newRestResponse();
  const ctx = contextOf(interp);
  ctx.request = req;
  ctx.response = res;

  try {
    let args: unknown[] = [];
    if (method.params.length === 0) {
      req.data.requestbody = new ApexBlob(Buffer.from(bodyText, 'utf8'));
    } else {
      try {
        args = bindParameters(interp, found.cls, method, bodyText);
      } catch (e) {
        if (e instanceof BindError) return errorResult(400, 'JSON_PARSER_ERROR', e.message);
        throw e;
      }
    }
    let value: unknown;
    try {
      value = interp.invoke(found.cls, method, null, args);
    } catch (e) {
      if (!(e instanceof ApexThrow) && !(e instanceof RuntimeFault)) throw e;
      const err = e instanceof RuntimeFault ? (interp.materialize(e) as ApexThrow) : e;
      const ex = err.exception;
      org.restore(snapshot, true);
      const stack = str(ex.fields.get('$stack') ?? '');
      return errorResult(
        500,
        'APEX_ERROR',
        `${ex.cls.name}: ${str(ex.fields.get('$message') ?? null)}${stack ? '\n\n' + stack : ''}`
      );
    }
    const response = ctx.response instanceof NativeObject ? ctx.response : res;
    const headers = mapToRecord(response.data.headers);
    const code = response.data.statuscode;
    const status = typeof code === 'number' ? code : 200;
    if (!VALID_STATUS_CODES.has(status))
      return errorResult(500, 'APEX_ERROR', `Invalid status code for HTTP response: ${status}`);
    let body: string;
    if (method.returnType) {
      const serialize = interp.registry.findStatic('JSON', 'serialize');
      if (!serialize) throw new Error('JSON.serialize is not registered');
      body = str(serialize({ interp, self: undefined }, [value, true]));
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = JSON_TYPE;
    } else {
      body = blobText(response.data.responsebody);
    }
    return { status, headers, body };
  } finally {
    org.limits = savedLimits;
    org.inTest = savedInTest;
    org.user = savedUser;
    interp.user = savedLocale;
  }
}
