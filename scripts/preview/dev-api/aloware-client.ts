/**
 * The dev API's HTTP client to Aloware (the mock on loopback): the same endpoints, auth and outcome classes as the
 * package's Apex client (`AlowareOutcome`), so the preview's connection test, push and pull are real round trips.
 */
export type AlowareOutcome =
  | 'SUCCESS'
  | 'NOT_FOUND'
  | 'INVALID'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'TIMEOUT'
  | 'MALFORMED';

export interface AlowareResponse {
  outcome: AlowareOutcome;
  /** HTTP status (0: no answer). */
  status: number;
  /** Parsed JSON body, or null. */
  body: unknown;
  /** `HTTP <status>: OK` or the Apex client's error text (token-free). */
  message: string;
  retryAfterSeconds: number | null;
  /** `METHOD path` with the token redacted. */
  request: string;
  /** Raw body, cut to 500 characters. */
  raw: string;
  millis: number;
}

/** Callout timeout (Apex's default is 10 s); `PREVIEW_ALOWARE_TIMEOUT_MS` overrides it. */
export function calloutTimeoutMs(): number {
  const value = Number(process.env.PREVIEW_ALOWARE_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : 10_000;
}

const DEFAULT_MESSAGES: Record<AlowareOutcome, string> = {
  SUCCESS: 'OK',
  UNAUTHORIZED: 'Aloware rejected the API token.',
  RATE_LIMITED: 'Aloware is rate-limiting requests.',
  SERVER_ERROR: 'Aloware had a server error.',
  NOT_FOUND: 'Not found in Aloware.',
  CONFLICT: 'Aloware reported a conflict.',
  MALFORMED: 'Aloware returned an empty response where data was expected.',
  INVALID: 'Aloware rejected the request.',
  TIMEOUT: 'No answer from Aloware in time.'
};

function isHtml(raw: string): boolean {
  return raw.trim().startsWith('<');
}

function parse(raw: string): { ok: boolean; value: unknown } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, value: null };
  }
}

/** Mirror of `AlowareResponseClassifier.classify` (Apex): status first, then HTML, then JSON. */
export function classify(status: number, raw: string, bodyRequired: boolean): AlowareOutcome {
  if (status >= 500) return 'SERVER_ERROR';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status >= 400) return isHtml(raw) ? 'UNAUTHORIZED' : 'INVALID';
  if (status >= 300) return 'UNAUTHORIZED';
  if (status < 200) return 'MALFORMED';
  if (isHtml(raw)) return 'UNAUTHORIZED';
  if (raw.trim() === '') return bodyRequired ? 'MALFORMED' : 'SUCCESS';
  return parse(raw).ok ? 'SUCCESS' : 'MALFORMED';
}

/** Mirror of `AlowareResponseClassifier.errorText`: null on success, else `HTTP <status>: <why>` (≤ 500 chars). */
export function errorText(outcome: AlowareOutcome, status: number, raw: string): string | null {
  if (outcome === 'SUCCESS') return null;
  const prefix = `HTTP ${status}: `;
  if (isHtml(raw)) {
    return (
      prefix +
      'Aloware answered with an HTML page instead of JSON: the API token is wrong or the Named Credential URL does not point at the Aloware API.'
    );
  }
  if (raw.trim() === '') return prefix + DEFAULT_MESSAGES[outcome];
  let text = raw;
  const parsed = parse(raw);
  if (parsed.ok && parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value)) {
    const values = parsed.value as Record<string, unknown>;
    for (const key of ['error', 'message', 'errors']) {
      const value = values[key];
      if (typeof value === 'string') {
        text = value;
        break;
      }
      if (value !== undefined && value !== null) {
        text = JSON.stringify(value);
        break;
      }
    }
  }
  if (outcome === 'MALFORMED') text = `Aloware returned a response that is not valid JSON: ${raw}`;
  const full = prefix + text;
  return full.length > 500 ? full.slice(0, 497) + '...' : full;
}

export class AlowareClient {
  constructor(readonly baseUrl: string) {}

  private async call(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    params: Record<string, unknown>,
    bodyRequired: boolean
  ): Promise<AlowareResponse> {
    const started = performance.now();
    const url = new URL(path, this.baseUrl);
    let body: string | undefined;
    if (method === 'GET') {
      url.searchParams.set('api_token', token);
      for (const [k, v] of Object.entries(params))
        if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    } else {
      body = JSON.stringify({ api_token: token, ...params });
    }
    const request = `${method} ${path}${method === 'GET' ? url.search.replace(/api_token=[^&]*/, 'api_token=[REDACTED]') : ''}`;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), calloutTimeoutMs());
    try {
      const response = await fetch(url, {
        method,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body,
        signal: abort.signal
      });
      const raw = await response.text();
      const outcome = classify(response.status, raw, bodyRequired);
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        outcome,
        status: response.status,
        body: outcome === 'SUCCESS' && raw.trim() !== '' ? parse(raw).value : null,
        message: errorText(outcome, response.status, raw) ?? `HTTP ${response.status}: OK`,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
        request,
        raw: raw.slice(0, 500),
        millis: performance.now() - started
      };
    } catch (error) {
      // As AlowareClient: any transport failure (timeout included) is TIMEOUT, with the elapsed time.
      const millis = performance.now() - started;
      const why = abort.signal.aborted ? 'Read timed out' : error instanceof Error ? error.message : String(error);
      return {
        outcome: 'TIMEOUT',
        status: 0,
        body: null,
        message: `Timeout or transport error after ${Math.round(millis)} ms: ${why}`,
        retryAfterSeconds: null,
        request,
        raw: '',
        millis: performance.now() - started
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /** `GET /api/v1/webhook/users` (the connection test). */
  users(token: string): Promise<AlowareResponse> {
    return this.call('GET', '/api/v1/webhook/users', token, {}, true);
  }

  /** `POST /api/v1/webhook/forms` (create or update by phone; `force_update: true` always). */
  upsert(token: string, payload: Record<string, unknown>): Promise<AlowareResponse> {
    return this.call('POST', '/api/v1/webhook/forms', token, { ...payload, force_update: true }, false);
  }

  /** `GET /api/v1/webhook/contact/phone-number`. */
  contactByPhone(token: string, phone: string): Promise<AlowareResponse> {
    return this.call('GET', '/api/v1/webhook/contact/phone-number', token, { phone_number: phone }, true);
  }
}
