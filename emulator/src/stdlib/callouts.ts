/**
 * HTTP callouts: Http, HttpRequest, HttpResponse, Test.setMock with HttpCalloutMock / StaticResourceCalloutMock /
 * MultiStaticResourceCalloutMock, Named Credentials (`callout:Name/path`).
 *
 * Sources (Apex Developer Guide / Apex Reference Guide): Invoking HTTP Callouts; HttpRequest, HttpResponse and Http
 * Classes; Testing HTTP Callouts ("By default, test methods don't support HTTP callouts, so tests that perform
 * callouts fail"); Performing DML Operations and Mock Callouts; Callout Limits and Limitations ("A single Apex
 * transaction can make a maximum of 100 callouts", "The default timeout is 10 seconds ... the maximum is 120,000
 * milliseconds", "You can't make a callout when there are pending operations in the same transaction");
 * Named Credentials as Callout Endpoints.
 *
 * Outside a test the request goes to `org.hooks.httpTransport` (synchronous; the preview server plugs one in).
 */
import type { Org } from '../data/org';
import { asyncContext } from '../data/async';
import type { Interpreter } from '../runtime/interpreter';
import { fault, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexBlob, ApexList, ApexObject, NativeObject, T, TypeValue } from '../runtime/values';
import { orgOf } from './sobjects';

/** A request as the transport sees it (Named Credential resolved). */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

/** `org.hooks.httpTransport`: performs a real request synchronously. */
export type HttpTransport = (req: TransportRequest) => TransportResponse;

interface Headers {
  /** By lower-case name: [declared name, value]. */
  map: Map<string, [string, string]>;
}

const newHeaders = (): Headers => ({ map: new Map() });
const d = (self: unknown): Record<string, unknown> => (self as NativeObject).data;
const headers = (self: unknown): Headers => d(self).headers as Headers;

export const DEFAULT_TIMEOUT_MS = 10000;
export const MAX_TIMEOUT_MS = 120000;

function newRequest(): NativeObject {
  return new NativeObject('System.HttpRequest', {
    endpoint: null,
    method: null,
    headers: newHeaders(),
    body: null,
    blob: null,
    timeout: DEFAULT_TIMEOUT_MS,
    compressed: false
  });
}

export function newResponse(
  status = 0,
  statusText: string | null = null,
  body: string | null = null,
  hdrs: Record<string, string> = {}
): NativeObject {
  const h = newHeaders();
  for (const [k, v] of Object.entries(hdrs)) h.map.set(k.toLowerCase(), [k, v]);
  return new NativeObject('System.HttpResponse', {
    statusCode: status,
    status: statusText,
    headers: h,
    body,
    blob: null
  });
}

const bodyText = (data: Record<string, unknown>): string | null => {
  if (data.body !== null && data.body !== undefined) return data.body as string;
  if (data.blob instanceof ApexBlob) return data.blob.bytes.toString('utf8');
  return null;
};

/** `callout:Name/path` → the Named Credential's endpoint + path (Named Credentials as Callout Endpoints). */
export function resolveEndpoint(o: Org, endpoint: string): string {
  const m = /^callout:([^/?]+)(.*)$/i.exec(endpoint);
  if (!m) return endpoint;
  const creds = o.project?.namedCredentials ?? {};
  const cred = creds[m[1]] ?? Object.values(creds).find((c) => c.name.toLowerCase() === m[1].toLowerCase());
  if (!cred) {
    throw fault(
      'System.CalloutException',
      `The callout couldn't access the endpoint. You might not have the required permissions, or the named credential "${m[1]}" might not exist.`
    );
  }
  return cred.endpoint.replace(/\/+$/, '') + m[2];
}

export function registerCallouts(r: Registry): void {
  r.type('System.Http');
  r.type('System.HttpRequest');
  r.type('System.HttpResponse');
  r.type('System.HttpCalloutMock', { isInterface: true });
  r.type('System.WebServiceMock', { isInterface: true });
  r.type('System.StaticResourceCalloutMock');
  r.type('System.MultiStaticResourceCalloutMock');

  // ---------------------------------------------------------------- HttpRequest
  r.ctor('System.HttpRequest', () => newRequest());
  r.method('System.HttpRequest', 'setEndpoint', ({ self }, [v]) => void (d(self).endpoint = v));
  r.method('System.HttpRequest', 'getEndpoint', ({ self }) => d(self).endpoint);
  r.method('System.HttpRequest', 'setMethod', ({ self }, [v]) => void (d(self).method = v));
  r.method('System.HttpRequest', 'getMethod', ({ self }) => d(self).method);
  r.method('System.HttpRequest', 'setBody', ({ self }, [v]) => {
    d(self).body = v;
    d(self).blob = null;
    return null;
  });
  r.method('System.HttpRequest', 'getBody', ({ self }) => bodyText(d(self)) ?? '');
  r.method('System.HttpRequest', 'setBodyAsBlob', ({ self }, [v]) => {
    d(self).blob = v;
    d(self).body = null;
    return null;
  });
  r.method(
    'System.HttpRequest',
    'getBodyAsBlob',
    ({ self }) =>
      (d(self).blob as ApexBlob | null) ??
      (d(self).body === null ? null : new ApexBlob(Buffer.from(String(d(self).body), 'utf8')))
  );
  r.method('System.HttpRequest', 'setTimeout', ({ self }, [v]) => void (d(self).timeout = v));
  r.method('System.HttpRequest', 'setCompressed', ({ self }, [v]) => void (d(self).compressed = v));
  r.method('System.HttpRequest', 'getCompressed', ({ self }) => d(self).compressed);
  r.method('System.HttpRequest', 'setClientCertificateName', () => null);
  // "System.HttpRequest[Endpoint=..., Method=...]" — the platform's String.valueOf of a request.
  r.method(
    'System.HttpRequest',
    'toString',
    ({ self }) => `System.HttpRequest[Endpoint=${str(d(self).endpoint ?? null)}, Method=${str(d(self).method ?? null)}]`
  );

  // ---------------------------------------------------------------- HttpResponse
  r.ctor('System.HttpResponse', () => newResponse());
  r.method('System.HttpResponse', 'setStatusCode', ({ self }, [v]) => void (d(self).statusCode = v));
  r.method('System.HttpResponse', 'getStatusCode', ({ self }) => d(self).statusCode);
  r.method('System.HttpResponse', 'setStatus', ({ self }, [v]) => void (d(self).status = v));
  r.method('System.HttpResponse', 'getStatus', ({ self }) => d(self).status);
  r.method('System.HttpResponse', 'setBody', ({ self }, [v]) => {
    d(self).body = v;
    d(self).blob = null;
    return null;
  });
  r.method('System.HttpResponse', 'getBody', ({ self }) => bodyText(d(self)) ?? '');
  r.method('System.HttpResponse', 'setBodyAsBlob', ({ self }, [v]) => {
    d(self).blob = v;
    d(self).body = null;
    return null;
  });
  r.method(
    'System.HttpResponse',
    'getBodyAsBlob',
    ({ self }) => (d(self).blob as ApexBlob | null) ?? new ApexBlob(Buffer.from(bodyText(d(self)) ?? '', 'utf8'))
  );
  r.method(
    'System.HttpResponse',
    'getHeaderKeys',
    ({ self }) =>
      new ApexList(
        T('String'),
        [...headers(self).map.values()].map(([k]) => k)
      )
  );
  r.method(
    'System.HttpResponse',
    'toString',
    ({ self }) =>
      `System.HttpResponse[Status=${str(d(self).status ?? null)}, StatusCode=${str(d(self).statusCode ?? null)}]`
  );

  for (const t of ['System.HttpRequest', 'System.HttpResponse']) {
    r.method(t, 'setHeader', ({ self }, [k, v]) => {
      if (k === null || k === undefined) throw fault('System.NullPointerException', 'Argument cannot be null.');
      headers(self).map.set(str(k).toLowerCase(), [str(k), v === null ? '' : str(v)]);
      return null;
    });
    // Header names are case-insensitive (RFC 9110); the platform's getHeader matches them so.
    r.method(t, 'getHeader', ({ self }, [k]) =>
      k === null ? null : (headers(self).map.get(str(k).toLowerCase())?.[1] ?? null)
    );
  }

  // ---------------------------------------------------------------- StaticResourceCalloutMock (Testing HTTP Callouts Using Static Resources)
  for (const t of ['System.StaticResourceCalloutMock', 'System.MultiStaticResourceCalloutMock']) {
    r.ctor(
      t,
      () =>
        new NativeObject(t, {
          resource: null,
          resources: new Map<string, string>(),
          statusCode: 200,
          status: null,
          headers: newHeaders()
        })
    );
    r.method(t, 'setStatusCode', ({ self }, [v]) => void (d(self).statusCode = v));
    r.method(t, 'setStatus', ({ self }, [v]) => void (d(self).status = v));
    r.method(t, 'setHeader', ({ self }, [k, v]) => void headers(self).map.set(str(k).toLowerCase(), [str(k), str(v)]));
  }
  r.method('System.StaticResourceCalloutMock', 'setStaticResource', ({ self }, [v]) => void (d(self).resource = v));
  r.method(
    'System.MultiStaticResourceCalloutMock',
    'setStaticResource',
    ({ self }, [url, v]) => void (d(self).resources as Map<string, string>).set(str(url), str(v))
  );

  // ---------------------------------------------------------------- Test.setMock
  r.static('Test', 'setMock', ({ interp }, [type, mock]) => {
    const o = orgOf(interp);
    const name = type instanceof TypeValue ? type.type.name.toLowerCase().replace(/^system\./, '') : '';
    if (name === 'webservicemock') {
      o.hooks.webServiceMock = mock;
      return null;
    }
    if (name !== 'httpcalloutmock')
      throw fault(
        'System.TypeException',
        `Test.setMock: unsupported mock type ${type instanceof TypeValue ? type.type.name : str(type)}`
      );
    o.hooks.httpMock = mock;
    return null;
  });

  // ---------------------------------------------------------------- Http.send
  r.ctor('System.Http', () => new NativeObject('System.Http', {}));
  r.method('System.Http', 'send', ({ interp }, [req]) => send(interp, req));
  r.method('System.Http', 'toString', () => 'System.Http');
}

function send(interp: Interpreter, req: unknown): NativeObject {
  const o = orgOf(interp);
  if (req === null || req === undefined) throw fault('System.NullPointerException', 'Argument cannot be null.');
  const rd = d(req);
  const ctx = asyncContext(o);
  if (ctx?.noCallouts) throw fault('System.CalloutException', ctx.noCallouts);
  if (o.limits.uncommittedWork)
    throw fault(
      'System.CalloutException',
      'You have uncommitted work pending. Please commit or rollback before calling out'
    );
  o.limits.add('callouts');
  const endpoint = rd.endpoint;
  if (endpoint === null || endpoint === undefined || str(endpoint) === '')
    throw fault('System.CalloutException', 'Endpoint cannot be null');
  const timeout = Number(rd.timeout ?? DEFAULT_TIMEOUT_MS);
  if (!(timeout >= 1 && timeout <= MAX_TIMEOUT_MS)) {
    throw fault(
      'System.CalloutException',
      `Timeout value ${timeout} is outside of the valid range of 1 to ${MAX_TIMEOUT_MS} milliseconds`
    );
  }
  if (o.inTest) return mockResponse(interp, o, req as NativeObject);
  const transport = o.hooks.httpTransport as HttpTransport | undefined;
  const url = resolveEndpoint(o, str(endpoint));
  if (!/^https?:\/\//i.test(url)) throw fault('System.CalloutException', `no protocol: ${url}`);
  if (!transport) throw fault('System.CalloutException', 'Unable to connect');
  const hdrs: Record<string, string> = {};
  for (const [k, v] of headers(req).map.values()) hdrs[k] = v;
  const res = transport({
    method: str(rd.method ?? 'GET').toUpperCase(),
    url,
    headers: hdrs,
    body: bodyText(rd),
    timeoutMs: timeout
  });
  return newResponse(res.status, res.statusText, res.body, res.headers);
}

/** In a test: the mock set by Test.setMock answers; without one the callout fails (Testing HTTP Callouts). */
function mockResponse(interp: Interpreter, o: Org, req: NativeObject): NativeObject {
  const mock = o.hooks.httpMock;
  if (mock === undefined || mock === null) {
    throw fault('System.TypeException', 'Methods defined as TestMethod do not support Web service callouts');
  }
  if (mock instanceof ApexObject) {
    const res = interp.callMethod(mock, 'respond', [req]);
    if (res === null || res === undefined)
      throw fault('System.CalloutException', 'HttpCalloutMock.respond returned null');
    return res as NativeObject;
  }
  if (mock instanceof NativeObject) {
    const md = mock.data;
    let resource: string | null = null;
    if (mock.type === 'System.StaticResourceCalloutMock') resource = md.resource === null ? null : str(md.resource);
    else {
      const endpoint = str(req.data.endpoint);
      resource = (md.resources as Map<string, string>).get(endpoint) ?? null;
      if (resource === null)
        throw fault('System.CalloutException', `No static resource mock found for endpoint ${endpoint}`);
    }
    const body = resource === null ? '' : staticResourceBody(o, resource);
    const res = newResponse(md.statusCode as number, (md.status as string | null) ?? null, body);
    for (const [k, v] of headers(mock).map) headers(res).map.set(k, v);
    return res;
  }
  throw fault('System.TypeException', 'Test.setMock: the mock does not implement HttpCalloutMock');
}

function staticResourceBody(o: Org, name: string): string {
  for (const rec of o.table('StaticResource').values()) {
    if (String(rec.values.get('name') ?? '').toLowerCase() === name.toLowerCase()) {
      const b = rec.values.get('body');
      return b instanceof ApexBlob ? b.bytes.toString('utf8') : '';
    }
  }
  throw fault('System.CalloutException', `Static resource ${name} not found`);
}
