/**
 * The preview's sync log: {@link GENERATED_ENTRIES} entries generated deterministically on first use (entry `i` is a
 * pure function of `i` and the anchor time), plus entries the preview itself writes (pushes, pulls, webhooks,
 * retries). Reads mirror `AlowareSyncLogController.getLogPage`: the same filters and validation messages, keyset
 * ("seek") paging on (sort field, Id) with nulls last ascending / first descending, and a total capped at 2,000.
 * Per sort field an ascending index is kept (as the database's index would be), so a page costs the same at row 50
 * and at row 99,950.
 */
import { GENERATED_LEAD_NAMES, SAMPLE_LEADS, idSuffix, leadName, salesforceId } from '../sample-data';

export const GENERATED_ENTRIES = 100_000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
export const COUNT_CAP = 2000;
export const MAX_RETRY = 200;
const LEAD_MATCH_LIMIT = 200;
const TABLE_TEXT_LENGTH = 255;

export const STATUSES = ['Pending', 'In Progress', 'Retrying', 'Succeeded', 'Failed', 'Skipped', 'Ignored'] as const;
export const DIRECTIONS = ['Outbound', 'Inbound'] as const;
export const SOURCES = ['Trigger', 'Manual', 'One-time Push', 'Webhook', 'Pull', 'Reconcile', 'User Sync'] as const;
const SORT_FIELDS = ['createdDate', 'completedAt', 'nextAttemptAt', 'attempts', 'httpStatus'] as const;
type SortKey = (typeof SORT_FIELDS)[number];

/** Key prefix of `Aloware_Sync_Log__c` ids in the preview. */
export const SYNC_LOG_PREFIX = 'a01';

export interface SyncLogEntry {
  id: string;
  name: string;
  leadId: string | null;
  leadName: string | null;
  direction: string;
  source: string;
  status: string;
  attempts: number;
  httpStatus: number | null;
  outcome: string | null;
  errorMessage: string | null;
  correlationId: string | null;
  /** Epoch milliseconds. */
  createdDate: number;
  completedAt: number | null;
  nextAttemptAt: number | null;
  requestSummary: string | null;
  responseSummary: string | null;
  eventName: string | null;
}

/** An `AuraHandledException` of the controller: its message reaches the component as `error.body.message`. */
export class HandledError extends Error {}

/** Deterministic 32-bit hash (mulberry32 step) of an integer. */
function hash(n: number): number {
  let t = (n + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

const OUTCOME_BY_STATUS: Record<string, readonly (string | null)[]> = {
  Succeeded: ['SUCCESS'],
  Failed: ['INVALID', 'NOT_FOUND', 'UNAUTHORIZED', 'CONFLICT', 'MALFORMED'],
  Retrying: ['RATE_LIMITED', 'SERVER_ERROR', 'TIMEOUT'],
  Pending: [null],
  'In Progress': [null],
  Skipped: [null],
  Ignored: [null]
};

const ERRORS: Record<string, string> = {
  INVALID: 'Aloware refused the contact (400): The email must be a valid email address.',
  NOT_FOUND: 'Aloware has no contact with this phone number (404): Contact not found.',
  UNAUTHORIZED: 'Aloware did not accept the API token (the answer was an HTML login page). Check Aloware Setup.',
  CONFLICT: 'Aloware answered 409 Contact already exists although force_update was sent.',
  MALFORMED: 'Aloware answered 200 with a body that is not JSON.',
  RATE_LIMITED: 'Aloware rate limit (429); retrying after the Retry-After delay (2 s).',
  SERVER_ERROR: 'Aloware server error (500); retrying with backoff.',
  TIMEOUT: 'No answer from Aloware within 10 s; retrying with backoff.'
};

const STATUS_WEIGHTS: [string, number][] = [
  ['Succeeded', 70],
  ['Failed', 8],
  ['Retrying', 5],
  ['Pending', 4],
  ['In Progress', 1],
  ['Skipped', 7],
  ['Ignored', 5]
];

function pick<T>(values: readonly T[], h: number): T {
  const value = values[h % values.length];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

function weighted(h: number): string {
  let r = h % 100;
  for (const [status, weight] of STATUS_WEIGHTS) {
    if (r < weight) return status;
    r -= weight;
  }
  return 'Succeeded';
}

/**
 * Entry `i` of a generated log of `count` entries, `anchor` = epoch ms of the newest one (about 90 days for 100,000
 * entries, same spacing for other counts). Entry ids rise with creation time.
 */
export function generatedEntry(i: number, anchor: number, count: number = GENERATED_ENTRIES): SyncLogEntry {
  const h1 = hash(i);
  const h2 = hash(i ^ 0x5bd1e995);
  const h3 = hash(i + 7919);
  // Entry 0 is the oldest, entry count - 1 is at the anchor; 77.76 s apart (+ under 60 s of jitter): ids rise with time.
  const createdDate = anchor - (count - 1 - i) * 77_760 - (h1 % 60_000);
  const outbound = h2 % 10 < 6;
  const direction = outbound ? 'Outbound' : 'Inbound';
  const source = outbound
    ? pick(['Trigger', 'Trigger', 'Trigger', 'Manual', 'One-time Push', 'Reconcile'] as const, h3)
    : pick(['Webhook', 'Webhook', 'Webhook', 'Pull', 'User Sync'] as const, h3);
  const drawn = weighted(h1 >>> 8);
  const sample = h3 % 50 === 0 ? SAMPLE_LEADS[h3 % SAMPLE_LEADS.length] : undefined;
  // The sample Leads are live in the preview: their generated history is settled, never an open outbound entry.
  const status =
    sample && (drawn === 'Pending' || drawn === 'In Progress' || drawn === 'Retrying') ? 'Succeeded' : drawn;
  const outcome = pick(OUTCOME_BY_STATUS[status] ?? [null], h2 >>> 8);
  const leadIndex = h2 % 5000;
  const hasLead = source !== 'User Sync';
  const leadId = hasLead ? (sample?.id ?? salesforceId('00Q', 100_000 + leadIndex)) : null;
  const name = hasLead ? (sample ? leadName(sample) : pick(GENERATED_LEAD_NAMES, leadIndex)) : null;
  const finished = status === 'Succeeded' || status === 'Failed' || status === 'Skipped' || status === 'Ignored';
  const attempts =
    status === 'Pending' ? 0 : status === 'Retrying' ? 1 + (h1 % 4) : status === 'Failed' ? 1 + (h1 % 6) : 1;
  const httpStatus = outbound && outcome ? httpFor(outcome) : null;
  const correlationId = `corr-${(h1 ^ h2).toString(16).padStart(8, '0')}`;
  const eventName =
    source === 'Webhook'
      ? pick(['OutboundPhoneCall-DispositionCompleted', 'InboundSMS-DispositionCompleted'], h2)
      : null;
  const phone = `+1415555${String(leadIndex % 10_000).padStart(4, '0')}`;
  return {
    id: salesforceId(SYNC_LOG_PREFIX, i + 1),
    name: `SL-${String(i + 1).padStart(7, '0')}`,
    leadId,
    leadName: name,
    direction,
    source,
    status,
    attempts,
    httpStatus,
    outcome,
    errorMessage:
      outcome && outcome !== 'SUCCESS' ? (ERRORS[outcome] ?? null) : status === 'Skipped' ? skipReason(source) : null,
    correlationId,
    createdDate,
    completedAt: finished ? createdDate + 400 + (h3 % 20_000) : null,
    nextAttemptAt:
      status === 'Retrying' ? anchor + 60_000 * (1 + (h2 % 30)) : status === 'Pending' ? createdDate + 5_000 : null,
    requestSummary: outbound
      ? `POST /api/v1/webhook/forms {"api_token":"[REDACTED]","phone_number":"${phone}","first_name":"${(name ?? '').split(' ')[0] ?? ''}","force_update":true}`
      : `${eventName ?? source} {"contact":{"phone_number":"${phone}"}}`,
    responseSummary:
      outbound && httpStatus
        ? `${httpStatus} ${outcome === 'SUCCESS' ? '{"message":"Contact has been updated."}' : (ERRORS[outcome ?? ''] ?? '')}`
        : null,
    eventName
  };
}

/** Why a generated entry of this source was skipped (the reasons the services log). */
function skipReason(source: string): string {
  switch (source) {
    case 'Webhook':
      return "No Lead matches the event's contact (contact id, phone or email).";
    case 'Pull':
    case 'Reconcile':
      return 'Aloware has no contact with this phone number.';
    case 'User Sync':
      return 'The Aloware user has no active Salesforce user with the same email.';
    default:
      return 'The Lead has no Phone: Aloware identifies contacts by phone number. Add a phone number to sync it.';
  }
}

function httpFor(outcome: string): number | null {
  switch (outcome) {
    case 'SUCCESS':
      return 200;
    case 'INVALID':
      return 400;
    case 'NOT_FOUND':
      return 404;
    case 'UNAUTHORIZED':
      return 200;
    case 'CONFLICT':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'SERVER_ERROR':
      return 500;
    case 'MALFORMED':
      return 200;
    default:
      return null;
  }
}

/** The page request of `AlowareSyncLogQuery` (Apex). */
export interface LogQuery {
  statuses?: string[] | null;
  direction?: string | null;
  source?: string | null;
  fromDate?: string | null;
  toDate?: string | null;
  lead?: string | null;
  sortBy?: string | null;
  sortDirection?: string | null;
  pageSize?: number | null;
  navigation?: string | null;
  cursorValue?: string | null;
  cursorId?: string | null;
}

export interface LogCursor {
  value: string | null;
  recordId: string;
}

export interface LogRow {
  id: string;
  name: string;
  leadId: string | null;
  leadName: string | null;
  direction: string;
  source: string;
  status: string;
  attempts: number;
  httpStatus: number | null;
  outcome: string | null;
  errorMessage: string | null;
  correlationId: string | null;
  createdDate: string;
  completedAt: string | null;
  nextAttemptAt: string | null;
}

export interface LogDetail extends LogRow {
  requestSummary: string | null;
  responseSummary: string | null;
  canRetry: boolean;
}

export interface LogPage {
  rows: LogRow[];
  hasNext: boolean;
  hasPrevious: boolean;
  firstCursor: LogCursor | null;
  lastCursor: LogCursor | null;
  totalCount: number;
  totalCapped: boolean;
  canRetry: boolean;
  sortBy: string;
  sortDirection: string;
  pageSize: number;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

const ISO = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Apex `String.abbreviate(n)`: at most n characters, ending in "..." when cut. */
function abbreviate(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  return text.slice(0, max - 3) + '...';
}

/** `AlowareRedactor.redact`: api_token values (JSON and query string) and Authorization header values. */
export function redact(text: string | null): string | null {
  if (text === null || text.trim() === '') return text;
  return text
    .replace(/("api_token"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[REDACTED]"')
    .replace(/(api_token=)[^&\s"]+/gi, '$1[REDACTED]')
    .replace(/(authorization"?\s*[:=]\s*"?)(bearer|basic)\s+[^"\s,}]+/gi, '$1$2 [REDACTED]');
}

function sortValue(entry: SyncLogEntry, key: SortKey): number | null {
  return entry[key];
}

/** Ascending (value, Id) with nulls last: the controller's ascending order. */
function compareAsc(a: SyncLogEntry, b: SyncLogEntry, key: SortKey): number {
  const va = sortValue(a, key);
  const vb = sortValue(b, key);
  if (va !== vb) {
    if (va === null) return 1;
    if (vb === null) return -1;
    return va < vb ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Preview user's time zone offset is taken as UTC for date filters (the dev API runs with no user locale). */
function dayStart(date: string, field: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new HandledError(`The ${field} date "${date}" is not a date (YYYY-MM-DD).`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export class SyncLogStore {
  private entries: SyncLogEntry[] | null = null;
  private readonly byId = new Map<string, SyncLogEntry>();
  private readonly indexes = new Map<SortKey, SyncLogEntry[]>();
  private nextNumber = GENERATED_ENTRIES + 1;
  /** Leads the log can name (id → name), for the Lead filter. */
  private leadNames: Map<string, string> | null = null;
  readonly anchor: number;

  constructor(
    anchor: number = Date.now(),
    private readonly generated: number = GENERATED_ENTRIES
  ) {
    this.anchor = anchor;
  }

  /** All entries (generated on first use). */
  all(): SyncLogEntry[] {
    if (!this.entries) {
      this.entries = [];
      for (let i = 0; i < this.generated; i++) {
        const entry = generatedEntry(i, this.anchor, this.generated);
        this.entries.push(entry);
        this.byId.set(entry.id, entry);
      }
    }
    return this.entries;
  }

  get size(): number {
    return this.all().length;
  }

  /** Adds an entry written by the preview (a push, pull, webhook...); returns it. */
  append(entry: Omit<SyncLogEntry, 'id' | 'name' | 'createdDate'> & { createdDate?: number }): SyncLogEntry {
    const all = this.all();
    const n = this.nextNumber++;
    const full: SyncLogEntry = {
      ...entry,
      id: salesforceId(SYNC_LOG_PREFIX, n),
      name: `SL-${String(n).padStart(7, '0')}`,
      createdDate: entry.createdDate ?? Date.now()
    };
    all.push(full);
    this.byId.set(full.id, full);
    this.indexes.clear();
    this.leadNames = null;
    return full;
  }

  /** Updates an entry in place (status changes); sort indexes are rebuilt on next read. */
  update(id: string, changes: Partial<SyncLogEntry>): SyncLogEntry | undefined {
    this.all();
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    Object.assign(entry, changes);
    this.indexes.clear();
    return entry;
  }

  get(id: string): SyncLogEntry | undefined {
    this.all();
    return this.byId.get(id.length === 15 ? id + idSuffix(id) : id);
  }

  private index(key: SortKey): SyncLogEntry[] {
    let sorted = this.indexes.get(key);
    if (!sorted) {
      sorted = [...this.all()].sort((a, b) => compareAsc(a, b, key));
      this.indexes.set(key, sorted);
    }
    return sorted;
  }

  private leadsMatching(text: string): Set<string> {
    if (/^[a-zA-Z0-9]{15}$|^[a-zA-Z0-9]{18}$/.test(text) && text.startsWith('00Q')) {
      return new Set([text.length === 15 ? text + idSuffix(text) : text]);
    }
    if (text.length < 2) throw new HandledError('Type at least two characters of the Lead name, or paste its Id.');
    if (!this.leadNames) {
      this.leadNames = new Map();
      for (const e of this.all()) if (e.leadId && e.leadName) this.leadNames.set(e.leadId, e.leadName);
    }
    const lower = text.toLowerCase();
    const ids = new Set<string>();
    for (const [id, name] of this.leadNames) {
      if (name.toLowerCase().includes(lower)) ids.add(id);
      if (ids.size >= LEAD_MATCH_LIMIT) break;
    }
    return ids;
  }

  /** `getLogPage(query)`: validation, filters, keyset page, capped count. */
  page(query: LogQuery | null | undefined, canRetry = true): LogPage {
    const request = query ?? {};
    const sortBy = isBlank(request.sortBy) ? 'createdDate' : String(request.sortBy);
    if (!(SORT_FIELDS as readonly string[]).includes(sortBy)) {
      throw new HandledError(`The log cannot be sorted by "${sortBy}". Sort by one of: ${SORT_FIELDS.join(', ')}.`);
    }
    const key = sortBy as SortKey;
    const dir = isBlank(request.sortDirection) ? 'desc' : String(request.sortDirection).toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw new HandledError('Sort direction must be "asc" or "desc".');
    const descending = dir === 'desc';
    const size = request.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
      throw new HandledError(`Page size must be between 1 and ${MAX_PAGE_SIZE}.`);
    }
    const nav = isBlank(request.navigation) ? 'first' : String(request.navigation).toLowerCase();
    if (!['first', 'next', 'previous', 'last'].includes(nav)) {
      throw new HandledError('Navigation must be first, next, previous or last.');
    }
    if ((nav === 'next' || nav === 'previous') && isBlank(request.cursorId)) {
      throw new HandledError(`Moving to the ${nav} page needs the cursor of the current page. Reload the log.`);
    }
    const matches = this.filter(request);

    const reverse = nav === 'previous' || nav === 'last';
    const queryDescending = reverse ? !descending : descending;
    const sorted = this.index(key);
    // Walk the ascending index forwards (ascending query) or backwards (descending query).
    let start = queryDescending ? sorted.length - 1 : 0;
    if (nav === 'next' || nav === 'previous') {
      const cursor = this.cursorEntry(key, request.cursorValue ?? null, String(request.cursorId));
      const at = lowerBound(sorted, cursor, key);
      // `at`: first index >= cursor. Strictly after the cursor in query order.
      if (queryDescending) start = at - 1;
      else start = at < sorted.length && compareAsc(sorted[at] as SyncLogEntry, cursor, key) === 0 ? at + 1 : at;
    }
    const step = queryDescending ? -1 : 1;
    const picked: SyncLogEntry[] = [];
    for (let i = start; i >= 0 && i < sorted.length && picked.length <= size; i += step) {
      const entry = sorted[i] as SyncLogEntry;
      if (matches(entry)) picked.push(entry);
    }
    const more = picked.length > size;
    if (more) picked.pop();
    if (reverse) picked.reverse();

    let total = 0;
    for (const entry of this.all()) {
      if (matches(entry) && ++total > COUNT_CAP) break;
    }
    const cursorOf = (e: SyncLogEntry): LogCursor => {
      const v = sortValue(e, key);
      return { value: v === null ? null : String(v), recordId: e.id };
    };
    const first = picked[0];
    const last = picked[picked.length - 1];
    return {
      rows: picked.map((e) => this.row(e, true)),
      hasNext: reverse ? nav === 'previous' : more,
      hasPrevious: reverse ? more : nav === 'next',
      firstCursor: first ? cursorOf(first) : null,
      lastCursor: last ? cursorOf(last) : null,
      totalCount: Math.min(total, COUNT_CAP),
      totalCapped: total > COUNT_CAP,
      canRetry,
      sortBy,
      sortDirection: descending ? 'desc' : 'asc',
      pageSize: size
    };
  }

  private cursorEntry(key: SortKey, value: string | null, cursorId: string): SyncLogEntry {
    if (!/^[a-zA-Z0-9]{15}$|^[a-zA-Z0-9]{18}$/.test(cursorId)) {
      throw new HandledError('The page cursor is not valid. Reload the log.');
    }
    let parsed: number | null = null;
    if (value !== null) {
      parsed = Number(value);
      if (!Number.isFinite(parsed) || value.trim() === '') {
        throw new HandledError('The page cursor is not valid for this sort. Reload the log.');
      }
    }
    const id = cursorId.length === 15 ? cursorId + idSuffix(cursorId) : cursorId;
    const probe = { id } as SyncLogEntry;
    (probe as unknown as Record<string, number | null>)[key] = parsed;
    return probe;
  }

  private filter(request: LogQuery): (e: SyncLogEntry) => boolean {
    const tests: ((e: SyncLogEntry) => boolean)[] = [];
    if (request.statuses && request.statuses.length > 0) {
      for (const s of request.statuses) requireKnown('status', s, STATUSES);
      const set = new Set(request.statuses);
      tests.push((e) => set.has(e.status));
    }
    if (!isBlank(request.direction)) {
      const d = String(request.direction);
      requireKnown('direction', d, DIRECTIONS);
      tests.push((e) => e.direction === d);
    }
    if (!isBlank(request.source)) {
      const s = String(request.source);
      requireKnown('source', s, SOURCES);
      tests.push((e) => e.source === s);
    }
    const from = isBlank(request.fromDate) ? null : dayStart(String(request.fromDate), 'from');
    const to = isBlank(request.toDate) ? null : dayStart(String(request.toDate), 'to');
    if (from !== null && to !== null && from > to) {
      throw new HandledError('The "from" date must be on or before the "to" date.');
    }
    if (from !== null) tests.push((e) => e.createdDate >= from);
    if (to !== null) tests.push((e) => e.createdDate < to + 86_400_000);
    if (!isBlank(request.lead)) {
      const ids = this.leadsMatching(String(request.lead).trim());
      tests.push((e) => e.leadId !== null && ids.has(e.leadId));
    }
    return (e) => tests.every((t) => t(e));
  }

  row(e: SyncLogEntry, truncate: boolean): LogRow {
    const error = redact(e.errorMessage);
    return {
      id: e.id,
      name: e.name,
      leadId: e.leadId,
      leadName: e.leadName,
      direction: e.direction,
      source: e.source,
      status: e.status,
      attempts: e.attempts,
      httpStatus: e.httpStatus,
      outcome: e.outcome,
      errorMessage: truncate ? abbreviate(error, TABLE_TEXT_LENGTH) : error,
      correlationId: e.correlationId,
      createdDate: ISO(e.createdDate) ?? '',
      completedAt: ISO(e.completedAt),
      nextAttemptAt: ISO(e.nextAttemptAt)
    };
  }

  /** `getLogDetail(logId)`. */
  detail(logId: unknown, canRetry = true): LogDetail {
    if (
      typeof logId !== 'string' ||
      !logId.startsWith(SYNC_LOG_PREFIX) ||
      !/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(logId)
    ) {
      throw new HandledError('Choose a sync log entry to see its detail.');
    }
    const entry = this.get(logId);
    if (!entry) throw new HandledError('This sync log entry no longer exists, or you do not have access to it.');
    return {
      ...this.row(entry, false),
      requestSummary: redact(entry.requestSummary),
      responseSummary: redact(entry.responseSummary),
      canRetry
    };
  }
}

function requireKnown(label: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) {
    throw new HandledError(`Unknown ${label} "${value}". Use one of: ${allowed.join(', ')}.`);
  }
}

/** First index whose entry is >= probe in ascending (value, Id) order. */
function lowerBound(sorted: SyncLogEntry[], probe: SyncLogEntry, key: SortKey): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAsc(sorted[mid] as SyncLogEntry, probe, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
