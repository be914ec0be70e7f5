/**
 * Webhook events of the mock Aloware account, built by the project's event generator (scripts/webhook/events.ts)
 * for the mock's own contacts, so a delivered event names a phone, contact id and owner both sides know. Each
 * communication counts on the contact first (Aloware's own counters travel in `body.contact`), and `fanOut` emits
 * every delivery Aloware makes for one communication (e.g. six for a completed call, all sharing its id).
 */
import {
  EVENT_KINDS,
  WIRE_NAMES,
  buildEvent,
  buildFanOut,
  type EventKind,
  type FanOut,
  type WebhookEnvelope
} from '../../webhook/events';
import type { AlowareContact, AlowareDirectory } from './directory';

export type { EventKind, WebhookEnvelope };

/** Event kinds (`outbound-call`, `missed-call`, `inbound-sms`, `dnc-updated`, ...) with their wire names. */
export const WEBHOOK_EVENTS = EVENT_KINDS.map((kind) => ({ kind, ...WIRE_NAMES[kind] }));

/** Accepts an event kind or its wire name (case-insensitive). */
export function eventKind(name: string): EventKind | null {
  const lower = name.toLowerCase();
  return EVENT_KINDS.find((k) => k === lower || WIRE_NAMES[k].name.toLowerCase() === lower) ?? null;
}

/** The fan-out of the communication an event kind describes, or null for kinds that are not one. */
function fanOutOf(kind: EventKind): FanOut | null {
  switch (kind) {
    case 'outbound-call':
      return 'completed-call';
    case 'failed-call':
      return 'failed-call';
    case 'inbound-call':
      return 'inbound-call';
    case 'missed-call':
      return 'missed-call';
    case 'inbound-sms':
      return 'text';
    default:
      return null;
  }
}

/** Counts a new communication on the contact, as Aloware does before it sends the events. */
function count(contact: AlowareContact, kind: EventKind): void {
  if (kind === 'outbound-call' || kind === 'failed-call' || kind === 'outbound-call-started')
    contact.outbound_call_count += 1;
  else if (kind === 'inbound-call' || kind === 'missed-call' || kind === 'inbound-call-started')
    contact.inbound_call_count += 1;
  else if (kind === 'inbound-sms') contact.inbound_sms_count += 1;
  else if (kind === 'outbound-sms' || kind === 'invalid-sms') contact.outbound_sms_count += 1;
  else return;
  contact.nb_communications += 1;
}

export function generateEvents(
  directory: AlowareDirectory,
  kind: EventKind,
  options: { phone?: string | undefined; count?: number | undefined; fanOut?: boolean | undefined } = {}
): WebhookEnvelope[] {
  const total = Math.max(1, Math.min(options.count ?? 1, 500));
  const candidates = options.phone
    ? directory.contacts.filter((c) => c.phone_number === options.phone)
    : directory.contacts;
  if (candidates.length === 0) throw new Error(`The mock Aloware account has no contact ${options.phone ?? ''}`.trim());
  const envelopes: WebhookEnvelope[] = [];
  for (let i = 0; i < total; i++) {
    const contact = candidates[i % candidates.length];
    if (!contact) continue;
    count(contact, kind);
    const eventOptions = {
      contactId: contact.id,
      phone: contact.phone_number,
      email: contact.email ?? undefined,
      firstName: contact.first_name ?? undefined,
      lastName: contact.last_name ?? undefined,
      incomingNumber: contact.incoming_number ?? undefined,
      userId: contact.user_id ?? undefined,
      isDnc: kind === 'dnc-updated' ? !contact.is_dnc : contact.is_dnc,
      at: new Date(Date.now() - i * 60_000),
      counters: {
        inbound_call_count: contact.inbound_call_count,
        outbound_call_count: contact.outbound_call_count,
        inbound_sms_count: contact.inbound_sms_count,
        outbound_sms_count: contact.outbound_sms_count,
        nb_communications: contact.nb_communications
      }
    };
    const fanOut = options.fanOut ? fanOutOf(kind) : null;
    if (fanOut) envelopes.push(...buildFanOut(fanOut, eventOptions));
    else envelopes.push(buildEvent(kind, eventOptions));
  }
  return envelopes;
}
