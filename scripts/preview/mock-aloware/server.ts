/**
 * Mock Aloware API on loopback: the endpoints in `shared/reference/aloware-api.md` with their documented answers,
 * `api_token` checks, and switchable failures, plus an admin API for tests and the preview's footer.
 *
 * Endpoints (as documented): `GET /api/v1/webhook/users`, `POST /api/v1/webhook/forms`,
 * `GET /api/v1/webhook/contact/phone-number`. Tokens: `MOCK_ALOWARE_TOKENS` (default `preview-token`).
 * A missing token is a 401 JSON error; a wrong token gets Aloware's login page as HTML (status 200) — the
 * "body starting with `<`" case the reference warns about.
 *
 * Failures (`none`, `429`, `500`, `timeout`, `html`): `POST /__admin/failure {"mode", "count"?}` for the next `count`
 * calls (default: until reset), or `?__fail=<mode>` on a single call. 429 carries `Retry-After`.
 *
 * Admin: `GET /__admin/requests` (recorded calls, tokens redacted), `GET /__admin/contacts`, `POST /__admin/reset`,
 * `POST /__admin/emit {"event", "phone"?, "count"?, "fanOut"?, "url"?, "secret"?}` (builds events with
 * scripts/webhook/events.ts in Aloware's shapes and delivers them to the configured webhook URL with Basic
 * authentication, as Aloware's webhook settings would; `fanOut` sends every delivery of the communication),
 * `POST /__admin/test-ping` (the "Test & Validate" button: `{"test_payload":true}`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, readJsonObject, sendJson, sendText } from '../http-util';
import { TEST_PING, postEvent } from '../../webhook/events';
import { WEBHOOK_EVENTS, eventKind, generateEvents } from './events';
import { AlowareDirectory, type AlowareContact, type AlowareUser } from './directory';

export const FAILURE_MODES = ['none', '429', '500', 'timeout', 'html'] as const;
export type FailureMode = (typeof FAILURE_MODES)[number];

export const DEFAULT_TOKEN = 'preview-token';

export interface RecordedRequest {
  at: string;
  method: string;
  path: string;
  status: number;
  /** Query and body with `api_token` replaced by `[REDACTED]`. */
  query: Record<string, string>;
  body: Record<string, unknown> | null;
  failure: FailureMode | null;
}

export interface MockAlowareOptions {
  port?: number;
  host?: string;
  tokens?: readonly string[];
  /** How long a `timeout` failure holds the request before dropping the connection (ms). */
  hangMs?: number;
  /** `Retry-After` seconds on 429. */
  retryAfterSeconds?: number;
}

export interface WebhookTarget {
  url: string;
  /** Webhook secret Aloware sends as the Basic password (null: authentication "None"). */
  secret: string | null;
}

export interface MockAloware {
  url: string;
  port: number;
  directory: AlowareDirectory;
  requests: RecordedRequest[];
  /** Fails the next `count` calls (all when omitted), only those to `path` when given. */
  setFailure(mode: string, count?: number, path?: string): void;
  failureMode(): FailureMode;
  setWebhookTarget(target: WebhookTarget | null): void;
  /** Generates and delivers events (`event`: a kind such as `outbound-call`, or a wire name); resolves with each delivery's HTTP status. */
  emit(
    event: string,
    options?: { phone?: string | undefined; count?: number | undefined; fanOut?: boolean | undefined }
  ): Promise<{ event: string; status: number }[]>;
  /** Sends Aloware's "Test & Validate" ping (`{"test_payload":true}`); resolves with the answer's status. */
  testPing(): Promise<{ status: number; body: string }>;
  /**
   * Delivers the last emitted events again, unchanged (a repeated delivery such as `Call-Disposed`: a duplicate;
   * Aloware itself never redelivers an event it failed to deliver).
   */
  redeliver(): Promise<{ event: string; status: number }[]>;
  reset(): void;
  close(): Promise<void>;
}

function isFailureMode(value: string): value is FailureMode {
  return (FAILURE_MODES as readonly string[]).includes(value);
}

function redact(value: Record<string, unknown>): Record<string, unknown> {
  return 'api_token' in value ? { ...value, api_token: '[REDACTED]' } : value;
}

const LOGIN_PAGE =
  '<!DOCTYPE html><html lang="en"><head><title>Aloware | Login</title></head>' +
  '<body><form action="/login" method="post"><input name="email"><input name="password" type="password"></form></body></html>';

export async function startMockAloware(options: MockAlowareOptions = {}): Promise<MockAloware> {
  const tokens = new Set(options.tokens ?? (process.env.MOCK_ALOWARE_TOKENS?.split(',') || [DEFAULT_TOKEN]));
  const hangMs = options.hangMs ?? 60_000;
  const retryAfter = options.retryAfterSeconds ?? 2;
  let directory = new AlowareDirectory();
  const requests: RecordedRequest[] = [];
  let failure: FailureMode = 'none';
  let failureCount = Infinity;
  let failurePath: string | null = null;
  let webhook: WebhookTarget | null = null;
  let lastEmitted: ReturnType<typeof generateEvents> = [];
  const hanging = new Set<http.ServerResponse>();

  /** The failure for this call, consuming one from a counted failure. */
  function takeFailure(query: URLSearchParams, path: string): FailureMode | null {
    const flag = query.get('__fail');
    if (flag && isFailureMode(flag) && flag !== 'none') return flag;
    if (failure === 'none') return null;
    if (failurePath !== null && failurePath !== path) return null;
    const mode = failure;
    failureCount -= 1;
    if (failureCount <= 0) {
      failure = 'none';
      failureCount = Infinity;
    }
    return mode;
  }

  function fail(res: http.ServerResponse, mode: FailureMode): number {
    switch (mode) {
      case '429':
        sendJson(res, 429, { message: 'Too Many Attempts.' }, { 'Retry-After': String(retryAfter) });
        return 429;
      case '500':
        sendJson(res, 500, { message: 'Server Error' });
        return 500;
      case 'html':
        // What Aloware does with a token it does not accept: its login page, status 200.
        sendText(res, 200, LOGIN_PAGE, 'text/html; charset=utf-8');
        return 200;
      case 'timeout': {
        hanging.add(res);
        const timer = setTimeout(() => {
          hanging.delete(res);
          res.socket?.destroy();
        }, hangMs);
        res.on('close', () => {
          clearTimeout(timer);
          hanging.delete(res);
        });
        return 0;
      }
      default:
        return 0;
    }
  }

  /** Checks the token: null when it is valid, else the status written. */
  function authorize(res: http.ServerResponse, token: unknown): number | null {
    if (typeof token !== 'string' || token === '') {
      sendJson(res, 401, { error: 'Unauthenticated.' });
      return 401;
    }
    if (!tokens.has(token)) {
      sendText(res, 200, LOGIN_PAGE, 'text/html; charset=utf-8');
      return 200;
    }
    return null;
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<RecordedRequest | null> {
    const path = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const record = (
      status: number,
      body: Record<string, unknown> | null,
      mode: FailureMode | null
    ): RecordedRequest => ({
      at: new Date().toISOString(),
      method: req.method ?? 'GET',
      path,
      status,
      query: redact(query) as Record<string, string>,
      body: body ? redact(body) : null,
      failure: mode
    });

    if (path.startsWith('/__admin/')) {
      await admin(req, res, path);
      return null;
    }
    const isUsers = req.method === 'GET' && path === '/api/v1/webhook/users';
    const isLookup = req.method === 'GET' && path === '/api/v1/webhook/contact/phone-number';
    const isForms = req.method === 'POST' && path === '/api/v1/webhook/forms';
    if (!isUsers && !isLookup && !isForms) {
      sendJson(res, 404, { error: 'Not Found' });
      return record(404, null, null);
    }
    const body = isForms ? await readJsonObject(req) : null;
    const mode = takeFailure(url.searchParams, path);
    if (mode) return record(fail(res, mode), body, mode);
    const denied = authorize(res, isForms ? body?.api_token : url.searchParams.get('api_token'));
    if (denied !== null) return record(denied, body, null);

    if (isUsers) {
      sendJson(res, 200, directory.users);
      return record(200, null, null);
    }
    if (isLookup) {
      const phone = AlowareDirectory.normalizePhone(url.searchParams.get('phone_number') ?? '');
      if (!phone) {
        sendJson(res, 400, { error: 'Phone number is empty or invalid.' });
        return record(400, null, null);
      }
      const contact = directory.findByPhone(phone);
      if (!contact) {
        sendJson(res, 404, { error: 'Contact not found.' });
        return record(404, null, null);
      }
      sendJson(res, 200, contact);
      return record(200, null, null);
    }
    const result = directory.upsertFromForm(body ?? {});
    sendJson(res, result.status, result.body);
    return record(result.status, body, null);
  }

  async function admin(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    if (req.method === 'GET' && path === '/__admin/requests') return sendJson(res, 200, requests);
    if (req.method === 'GET' && path === '/__admin/contacts') return sendJson(res, 200, directory.contacts);
    if (req.method === 'GET' && path === '/__admin/failure') return sendJson(res, 200, { mode: failure });
    if (req.method === 'GET' && path === '/__admin/events') return sendJson(res, 200, WEBHOOK_EVENTS);
    if (req.method !== 'POST') return sendJson(res, 404, { error: 'Not Found' });
    const body = await readJsonObject(req);
    if (path === '/__admin/failure') {
      const mode = typeof body.mode === 'string' ? body.mode : '';
      if (!isFailureMode(mode)) throw new HttpError(400, `mode must be one of ${FAILURE_MODES.join(', ')}`);
      api.setFailure(mode, typeof body.count === 'number' ? body.count : undefined);
      return sendJson(res, 200, { mode: failure });
    }
    if (path === '/__admin/reset') {
      api.reset();
      return sendJson(res, 200, { reset: true });
    }
    if (path === '/__admin/test-ping') {
      return sendJson(res, 200, await api.testPing());
    }
    if (path === '/__admin/emit') {
      if (typeof body.url === 'string') {
        webhook = { url: body.url, secret: typeof body.secret === 'string' ? body.secret : null };
      }
      const delivered = await api.emit(typeof body.event === 'string' ? body.event : 'outbound-call', {
        phone: typeof body.phone === 'string' ? body.phone : undefined,
        count: typeof body.count === 'number' ? body.count : undefined,
        fanOut: body.fanOut === true
      });
      return sendJson(res, 200, { delivered });
    }
    sendJson(res, 404, { error: 'Not Found' });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://aloware.local');
    route(req, res, url)
      .then((recorded) => {
        if (recorded) requests.push(recorded);
        if (requests.length > 1000) requests.splice(0, requests.length - 1000);
      })
      .catch((error: unknown) => {
        const status = error instanceof HttpError ? error.status : 500;
        if (!res.headersSent) sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const api: MockAloware = {
    url: `http://127.0.0.1:${port}`,
    port,
    get directory() {
      return directory;
    },
    requests,
    setFailure(mode: string, count?: number, path?: string) {
      failurePath = path ?? null;
      failure = isFailureMode(mode) ? mode : 'none';
      failureCount = count !== undefined && count > 0 ? count : Infinity;
    },
    failureMode: () => failure,
    setWebhookTarget(target) {
      webhook = target;
    },
    async emit(event, emitOptions = {}) {
      if (!webhook) throw new HttpError(409, 'No webhook URL configured (Aloware has nowhere to send events).');
      const target = webhook;
      const kind = eventKind(event);
      if (!kind)
        throw new HttpError(400, `Unknown event ${event}: use one of ${WEBHOOK_EVENTS.map((e) => e.kind).join(', ')}`);
      const events = generateEvents(directory, kind, {
        phone: emitOptions.phone,
        count: emitOptions.count ?? 1,
        fanOut: emitOptions.fanOut
      });
      lastEmitted = events;
      const delivered: { event: string; status: number }[] = [];
      for (const envelope of events) {
        const result = await postEvent(target.url, envelope, target.secret ? { secret: target.secret } : {});
        delivered.push({ event: envelope.event, status: result.status });
      }
      return delivered;
    },
    async testPing() {
      if (!webhook) throw new HttpError(409, 'No webhook URL configured (Aloware has nowhere to send events).');
      const target = webhook;
      return postEvent(
        target.url,
        { event: '', body: {} },
        {
          ...(target.secret ? { secret: target.secret } : {}),
          rawBody: JSON.stringify(TEST_PING)
        }
      );
    },
    async redeliver() {
      if (!webhook) throw new HttpError(409, 'No webhook URL configured (Aloware has nowhere to send events).');
      const target = webhook;
      const delivered: { event: string; status: number }[] = [];
      for (const envelope of lastEmitted) {
        const result = await postEvent(target.url, envelope, target.secret ? { secret: target.secret } : {});
        delivered.push({ event: envelope.event, status: result.status });
      }
      return delivered;
    },
    reset() {
      lastEmitted = [];
      directory = new AlowareDirectory();
      requests.length = 0;
      failure = 'none';
      failureCount = Infinity;
    },
    close: async () => {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
  return api;
}

export type { AlowareContact, AlowareUser };
