/**
 * The preview's outbound sync: builds the Aloware `forms` payload of a Lead from the active mappings and pushes it to
 * the mock Aloware API, writing an Outbound sync-log entry with the outcome (a retry re-runs the same push).
 */
import { CATALOG } from '../../../force-app/main/default/lwc/alowareCatalog/alowareCatalog';
import { SAMPLE_USERS } from '../sample-data';
import type { AlowareResponse } from './aloware-client';
import type { LeadRecord, PreviewState } from './state';
import type { SyncLogEntry } from './sync-log';

/** Backoff before the next attempt (ms), as the outbox does: honour Retry-After, else exponential. */
function backoff(response: AlowareResponse, attempts: number): number {
  if (response.retryAfterSeconds) return response.retryAfterSeconds * 1000;
  return Math.min(60, 2 ** attempts) * 60_000;
}

/** Payload of the default mappings that send Salesforce values (↔ and ←); null when the Lead has no phone. */
export function outboundPayload(lead: LeadRecord): Record<string, unknown> | null {
  if (typeof lead.Phone !== 'string' || lead.Phone === '') return null;
  const payload: Record<string, unknown> = {};
  const others: { label: string; phone_number: string }[] = [];
  for (const p of CATALOG) {
    if (!p.payloadKey || p.defaultDirection === 'AlowareToSalesforce') continue;
    const value = lead[p.defaultField];
    if (value === undefined || value === null || value === '') continue;
    if (p.payloadKey.startsWith('other_phone_numbers.')) {
      others.push({ label: p.payloadKey.slice('other_phone_numbers.'.length), phone_number: String(value) });
    } else if (p.alowareType === 'owner') {
      const user = SAMPLE_USERS.find((u) => u.id === value);
      if (user?.alowareUserId) payload.user_id = user.alowareUserId;
    } else {
      payload[p.payloadKey] = value;
    }
  }
  if (others.length) payload.other_phone_numbers = others;
  return payload;
}

/** Pushes one Lead through the mock and records the attempt in `entry` (or a new Outbound entry). */
export async function pushLead(
  state: PreviewState,
  lead: LeadRecord,
  source: string,
  entry?: SyncLogEntry
): Promise<SyncLogEntry> {
  const payload = outboundPayload(lead);
  const base = {
    leadId: lead.Id,
    leadName: typeof lead.Name === 'string' ? lead.Name : null,
    direction: 'Outbound',
    source,
    correlationId: `preview-${Date.now().toString(36)}`,
    eventName: null
  };
  if (!payload) {
    const skipped = {
      status: 'Skipped',
      attempts: entry?.attempts ?? 0,
      httpStatus: null,
      outcome: null,
      errorMessage: 'Lead has no usable phone number: skipped.',
      completedAt: Date.now(),
      nextAttemptAt: null,
      requestSummary: null,
      responseSummary: null
    };
    return entry ? (state.syncLog.update(entry.id, skipped) ?? entry) : state.syncLog.append({ ...base, ...skipped });
  }
  if (state.apiToken === null) {
    const noToken = { ...base, status: 'Skipped', attempts: entry?.attempts ?? 0, httpStatus: null, outcome: null };
    const skipped = { errorMessage: 'No Aloware API token: save one in Sync Settings.', completedAt: Date.now() };
    const rest = { nextAttemptAt: null, requestSummary: null, responseSummary: null };
    return entry
      ? (state.syncLog.update(entry.id, { ...noToken, ...skipped, ...rest }) ?? entry)
      : state.syncLog.append({ ...noToken, ...skipped, ...rest });
  }
  const response = await state.aloware.upsert(state.apiToken, payload);
  const attempts = (entry?.attempts ?? 0) + 1;
  const transient =
    response.outcome === 'RATE_LIMITED' || response.outcome === 'SERVER_ERROR' || response.outcome === 'TIMEOUT';
  const status =
    response.outcome === 'SUCCESS' ? 'Succeeded' : transient && attempts < state.maxAttempts ? 'Retrying' : 'Failed';
  const result = {
    status,
    attempts,
    httpStatus: response.status || null,
    outcome: response.outcome,
    errorMessage: response.outcome === 'SUCCESS' ? null : response.message,
    completedAt: status === 'Retrying' ? null : Date.now(),
    nextAttemptAt: status === 'Retrying' ? Date.now() + backoff(response, attempts) : null,
    requestSummary: `POST /api/v1/webhook/forms ${JSON.stringify({ api_token: '[REDACTED]', ...payload, force_update: true })}`,
    responseSummary: `${response.status} ${response.raw}`.trim()
  };
  return entry ? (state.syncLog.update(entry.id, result) ?? entry) : state.syncLog.append({ ...base, ...result });
}
