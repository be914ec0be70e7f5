/**
 * Webhook events of the mock Aloware account, built by the project's event generator (scripts/webhook/events.ts)
 * for the mock's own contacts, so a delivered event names a phone, contact id and owner both sides know.
 */
import { EVENT_KINDS, WIRE_NAMES, buildEvent, type EventKind, type WebhookEnvelope } from '../../webhook/events';
import type { AlowareDirectory } from './directory';

export type { EventKind, WebhookEnvelope };

/** Event kinds (`outbound-call`, `inbound-sms`, `dnc-updated`, ...) with their wire names. */
export const WEBHOOK_EVENTS = EVENT_KINDS.map((kind) => ({ kind, ...WIRE_NAMES[kind] }));

/** Accepts an event kind or its wire name (case-insensitive). */
export function eventKind(name: string): EventKind | null {
  const lower = name.toLowerCase();
  return EVENT_KINDS.find((k) => k === lower || WIRE_NAMES[k].name.toLowerCase() === lower) ?? null;
}

/** Aloware's contact counter each communication kind adds to (Aloware counts the communication on the contact). */
const COUNTERS: Partial<
  Record<EventKind, 'inbound_call_count' | 'outbound_call_count' | 'inbound_sms_count' | 'outbound_sms_count'>
> = {
  'inbound-call': 'inbound_call_count',
  'outbound-call': 'outbound_call_count',
  'inbound-sms': 'inbound_sms_count',
  'outbound-sms': 'outbound_sms_count'
};

/** Builds `count` events of `kind` for the directory's contacts; a communication counts on its contact. */
export function generateEvents(
  directory: AlowareDirectory,
  kind: EventKind,
  options: { phone?: string | undefined; count?: number | undefined } = {}
): WebhookEnvelope[] {
  const count = Math.max(1, Math.min(options.count ?? 1, 500));
  const candidates = options.phone
    ? directory.contacts.filter((c) => c.phone_number === options.phone)
    : directory.contacts;
  if (candidates.length === 0) throw new Error(`The mock Aloware account has no contact ${options.phone ?? ''}`.trim());
  const envelopes: WebhookEnvelope[] = [];
  for (let i = 0; i < count; i++) {
    const contact = candidates[i % candidates.length];
    if (!contact) continue;
    const counter = COUNTERS[kind];
    if (counter) {
      contact[counter] += 1;
      contact.nb_communications += 1;
    }
    envelopes.push(
      buildEvent(kind, {
        contactId: contact.id,
        phone: contact.phone_number,
        email: contact.email ?? undefined,
        firstName: contact.first_name ?? undefined,
        lastName: contact.last_name ?? undefined,
        incomingNumber: contact.incoming_number ?? undefined,
        userId: contact.user_id ?? undefined,
        isDnc: kind === 'dnc-updated' ? !contact.is_dnc : undefined,
        at: new Date(Date.now() - i * 60_000)
      })
    );
  }
  return envelopes;
}
