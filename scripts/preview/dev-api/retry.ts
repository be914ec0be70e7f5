/**
 * `AlowareOutboundService.retry` in the preview: the entries go back to Pending at once, then a background "drain"
 * (as the Queueable would) re-runs each one against the mock Aloware API: outbound entries push their Lead again,
 * inbound entries look the contact up again.
 */
import type { LeadRecord, PreviewState } from './state';
import { pushLead } from './outbound';

/** Delay before the drain picks the entries up, so the table shows them Pending first. */
export const DRAIN_DELAY_MS = 1500;

function syntheticLead(id: string, name: string | null, requestSummary: string | null): LeadRecord {
  const phone = /"phone_number":"([^"]+)"/.exec(requestSummary ?? '')?.[1] ?? null;
  const [first, ...rest] = (name ?? '').split(' ');
  return { Id: id, Name: name, FirstName: first ?? null, LastName: rest.join(' ') || null, Phone: phone };
}

export function retryEntries(state: PreviewState, ids: string[]): void {
  const entries = ids.map((id) => state.syncLog.get(id)).filter((e) => e !== undefined);
  for (const entry of entries) {
    state.syncLog.update(entry.id, { status: 'Pending', nextAttemptAt: Date.now(), completedAt: null });
  }
  setTimeout(() => {
    void (async () => {
      for (const entry of entries) {
        state.syncLog.update(entry.id, { status: 'In Progress' });
        if (entry.direction === 'Outbound') {
          const lead =
            (entry.leadId ? state.lead(entry.leadId) : undefined) ??
            syntheticLead(entry.leadId ?? '', entry.leadName, entry.requestSummary);
          await pushLead(state, lead, entry.source, entry);
        } else {
          const phone = /"phone_number":"([^"]+)"/.exec(entry.requestSummary ?? '')?.[1] ?? '';
          const response = await state.aloware.contactByPhone(state.apiToken, phone);
          state.syncLog.update(entry.id, {
            status: response.outcome === 'SUCCESS' ? 'Succeeded' : 'Failed',
            attempts: entry.attempts + 1,
            outcome: response.outcome,
            errorMessage: response.outcome === 'SUCCESS' ? null : response.message,
            completedAt: Date.now(),
            nextAttemptAt: null,
            responseSummary: `${response.status} ${response.raw}`.trim()
          });
        }
      }
    })().catch((error: unknown) => console.error('[dev-api] retry drain failed', error));
  }, DRAIN_DELAY_MS);
}
