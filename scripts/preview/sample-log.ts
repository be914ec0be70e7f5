/**
 * The preview's sync-log history: entries generated deterministically (entry `i` is a pure function of `i` and the
 * anchor time, about 90 days for 100,000 entries), as `Aloware_Sync_Log__c` field values by API name. Sample data
 * only: the emulated Apex reads and pages them (scripts/preview/emulated-org/org.ts inserts them directly).
 */
import { GENERATED_LEAD_NAMES, SAMPLE_LEADS, idSuffix, leadName, salesforceId } from './sample-data';

/**
 * Id of history entry `n`: `prefix` + `L` + 11 digits. The emulator's own Ids are `prefix` + `000` + 9 base-62
 * digits, so history Ids never collide with the entries the Apex writes in the preview.
 */
export function historyId(prefix: string, n: number): string {
  const id15 = `${prefix}L${String(n).padStart(11, '0')}`;
  return id15 + idSuffix(id15);
}

export const GENERATED_ENTRIES = 100_000;

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
export function generatedEntry(
  i: number,
  anchor: number,
  count: number = GENERATED_ENTRIES,
  prefix = 'a01'
): SyncLogEntry {
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
    id: historyId(prefix, i + 1),
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

/** One generated entry. */
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

/** The generated entries as `Aloware_Sync_Log__c` field values (datetimes in epoch ms), oldest first. */
export function* generatedLogEntries(
  anchor: number,
  count: number = GENERATED_ENTRIES,
  prefix = 'a01'
): Generator<Record<string, string | number | null>> {
  for (let i = 0; i < count; i++) {
    const e = generatedEntry(i, anchor, count, prefix);
    yield {
      Id: e.id,
      Name: e.name,
      Lead__c: e.leadId,
      Direction__c: e.direction,
      Source__c: e.source,
      Status__c: e.status,
      Attempts__c: e.attempts,
      HTTP_Status__c: e.httpStatus,
      Outcome__c: e.outcome,
      Error_Message__c: e.errorMessage,
      Correlation_Id__c: e.correlationId,
      CreatedDate: e.createdDate,
      LastModifiedDate: e.completedAt ?? e.createdDate,
      Completed_At__c: e.completedAt,
      Next_Attempt_At__c: e.nextAttemptAt,
      Request_Summary__c: e.requestSummary,
      Response_Summary__c: e.responseSummary,
      Event_Name__c: e.eventName
    };
  }
}
