/**
 * The preview's outbound sync: the Aloware `forms` payload of a Lead comes from the TypeScript mapping engine
 * (`previewPayload`: the active mappings, the owner directory, the settings), is pushed to the mock Aloware API, and
 * the attempt is written to the sync log (a retry re-runs the same push on its entry).
 */
import { previewPayload } from '../../../force-app/main/default/lwc/alowareMappingRules/alowareMappingRules';
import type { AlowareResponse } from './aloware-client';
import type { LeadRecord, PreviewState } from './state';
import type { SyncLogEntry } from './sync-log';

/** Backoff before the next attempt (ms): Retry-After when Aloware sends it, else exponential. */
function backoff(response: AlowareResponse, attempts: number): number {
  if (response.retryAfterSeconds) return response.retryAfterSeconds * 1000;
  return Math.min(3600, 30 * 2 ** (attempts - 1)) * 1000;
}

/** Pushes one Lead through the mock and records the attempt in `entry` (or a new Outbound entry). */
export async function pushLead(
  state: PreviewState,
  lead: LeadRecord,
  source: string,
  entry?: SyncLogEntry
): Promise<SyncLogEntry> {
  const base = {
    leadId: lead.Id,
    leadName: typeof lead.Name === 'string' ? lead.Name : null,
    direction: 'Outbound',
    source,
    correlationId: `preview-${Date.now().toString(36)}`,
    eventName: null
  };
  const write = (changes: Omit<SyncLogEntry, 'id' | 'name' | 'createdDate' | keyof typeof base>): SyncLogEntry =>
    entry ? (state.syncLog.update(entry.id, changes) ?? entry) : state.syncLog.append({ ...base, ...changes });
  const settled = { completedAt: Date.now(), nextAttemptAt: null, requestSummary: null, responseSummary: null };
  if (state.apiToken === null) {
    return write({
      ...settled,
      status: 'Skipped',
      attempts: entry?.attempts ?? 0,
      httpStatus: null,
      outcome: null,
      errorMessage: 'No Aloware API token: save one in Sync Settings.'
    });
  }
  const owners = await state.mappings.engineOwners();
  const options = state.settings.options;
  const built = previewPayload(lead, state.mappings.active(), owners, {
    accountTimeZone: options.accountTimeZone,
    defaultPhoneCountry: options.defaultPhoneCountry,
    allowDncClearing: options.allowDncClearing
  });
  if (built.skipped) {
    return write({
      ...settled,
      status: 'Skipped',
      attempts: entry?.attempts ?? 0,
      httpStatus: null,
      outcome: null,
      errorMessage: built.skipMessage
    });
  }
  const response = await state.aloware.upsert(state.apiToken, built.payload);
  const attempts = (entry?.attempts ?? 0) + 1;
  const transient = ['RATE_LIMITED', 'SERVER_ERROR', 'TIMEOUT'].includes(response.outcome);
  const status =
    response.outcome === 'SUCCESS' ? 'Succeeded' : transient && attempts < state.maxAttempts ? 'Retrying' : 'Failed';
  return write({
    status,
    attempts,
    httpStatus: response.status || null,
    outcome: response.outcome,
    errorMessage: response.outcome === 'SUCCESS' ? null : response.message,
    completedAt: status === 'Retrying' ? null : Date.now(),
    nextAttemptAt: status === 'Retrying' ? Date.now() + backoff(response, attempts) : null,
    requestSummary: `POST /api/v1/webhook/forms ${JSON.stringify({ api_token: '[REDACTED]', ...built.payload, force_update: true })}`,
    responseSummary: `${response.status} ${response.raw}`.trim()
  });
}
