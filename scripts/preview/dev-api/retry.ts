/**
 * `AlowareOutboundService.retry` in the preview: only Failed outbound entries of a Lead are retried. An entry whose
 * Lead already has an open outbound entry is superseded (Skipped: the open entry sends the current values); the
 * others reopen (Pending, 0 attempts) and a background "drain", as the Queueable would, pushes their Lead again
 * through the mock Aloware API.
 */
import { pushLead } from './outbound';
import type { LeadRecord, PreviewState } from './state';
import type { SyncLogEntry } from './sync-log';

/** Delay before the drain picks the entries up, so the table shows them Pending first. */
export const DRAIN_DELAY_MS = 1500;
const OPEN = new Set(['Pending', 'In Progress', 'Retrying']);
const SUPERSEDED = 'Superseded: the Lead already has an open outbound entry, which sends its current values.';

function syntheticLead(entry: SyncLogEntry): LeadRecord {
  const phone = /"phone_number":"([^"]+)"/.exec(entry.requestSummary ?? '')?.[1] ?? null;
  const [first, ...rest] = (entry.leadName ?? '').split(' ');
  return {
    Id: entry.leadId ?? '',
    Name: entry.leadName,
    FirstName: first ?? null,
    LastName: rest.join(' ') || null,
    Phone: phone
  };
}

/** Reopens the retryable entries; returns how many were requeued (superseded ones included, as in Apex). */
export function retryEntries(state: PreviewState, ids: string[]): number {
  const failed = ids
    .map((id) => state.syncLog.get(id))
    .filter(
      (e): e is SyncLogEntry =>
        e !== undefined && e.direction === 'Outbound' && e.status === 'Failed' && e.leadId !== null
    );
  if (failed.length === 0) return 0;
  const held = new Set(
    state.syncLog
      .all()
      .filter((e) => e.direction === 'Outbound' && OPEN.has(e.status) && e.leadId !== null)
      .map((e) => e.leadId as string)
  );
  const reopened: SyncLogEntry[] = [];
  for (const entry of failed) {
    const key = entry.leadId as string;
    if (held.has(key)) {
      state.syncLog.update(entry.id, { status: 'Skipped', errorMessage: SUPERSEDED });
      continue;
    }
    held.add(key);
    state.syncLog.update(entry.id, { status: 'Pending', attempts: 0, nextAttemptAt: Date.now(), completedAt: null });
    reopened.push(entry);
  }
  setTimeout(() => {
    void (async () => {
      for (const entry of reopened) {
        state.syncLog.update(entry.id, { status: 'In Progress' });
        const lead = state.lead(entry.leadId ?? '') ?? syntheticLead(entry);
        await pushLead(state, lead, entry.source, entry);
      }
    })().catch((error: unknown) => console.error('[dev-api] retry drain failed', error));
  }, DRAIN_DELAY_MS);
  return failed.length;
}
