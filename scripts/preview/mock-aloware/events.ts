/**
 * Generates Aloware webhook envelopes (`{"event", "body"}`) for the mock's contacts. Communication bodies follow the
 * shape observed in production (aloware-api.md): `id`, `direction` (1 inbound, 2 outbound), `type` (2 = SMS),
 * `body`, `created_at` with no zone, `contact_id`, `lead_number`, `incoming_number`, `contact {...}`,
 * `disposition_status`, `user_id`. Names other than the three seen on the wire are unconfirmed guesses (the same
 * ones `AlowareEventRouter` accepts by default).
 */
import type { AlowareDirectory } from './directory';

export interface WebhookEnvelope {
  event: string;
  body: Record<string, unknown>;
}

/** Event names the generator knows; the first three are confirmed on the wire. */
export const WEBHOOK_EVENT_NAMES = [
  'OutboundPhoneCall-DispositionCompleted',
  'InboundSMS-DispositionCompleted',
  'transcription.call.summarized',
  'InboundPhoneCall-DispositionCompleted',
  'OutboundSMS-DispositionCompleted',
  'Contact-Updated',
  'Contact-DNCUpdated',
  'Unknown-PreviewEvent'
] as const;

const DISPOSITIONS = ['Appointment Set', 'Left Voicemail', 'Callback Requested', 'Not Interested', 'Connected'];
const TEXTS = [
  'Thanks for reaching out. Can we talk tomorrow morning?',
  'Please send over the proposal.',
  'Confirmed for 2pm.',
  'STOP'
];

let sequence = 700_000;

/** `YYYY-MM-DD HH:MM:SS` in UTC (Aloware sends no zone; the account zone defaults to UTC). */
function naive(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function generateEvents(
  directory: AlowareDirectory,
  event: string,
  options: { phone?: string | undefined; count?: number | undefined } = {}
): WebhookEnvelope[] {
  const count = Math.max(1, Math.min(options.count ?? 1, 500));
  const candidates = options.phone
    ? directory.contacts.filter((c) => c.phone_number === options.phone)
    : directory.contacts;
  if (candidates.length === 0) throw new Error(`The mock Aloware account has no contact ${options.phone ?? ''}`.trim());
  const lower = event.toLowerCase();
  const envelopes: WebhookEnvelope[] = [];
  for (let i = 0; i < count; i++) {
    const contact = candidates[i % candidates.length];
    if (!contact) continue;
    const id = ++sequence;
    if (lower.includes('contact-dnc') || lower.includes('contact.dnc')) {
      envelopes.push({ event, body: { id: contact.id, phone_number: contact.phone_number, is_dnc: !contact.is_dnc } });
      continue;
    }
    if (lower.startsWith('contact')) {
      envelopes.push({ event, body: { ...contact, updated_at: naive(new Date()) } });
      continue;
    }
    const sms = lower.includes('sms');
    const inbound = lower.startsWith('inbound');
    envelopes.push({
      event,
      body: {
        id,
        direction: inbound ? 1 : 2,
        type: sms ? 2 : 1,
        body: sms ? TEXTS[id % TEXTS.length] : null,
        created_at: naive(new Date(Date.now() - i * 60_000)),
        contact_id: contact.id,
        lead_number: contact.phone_number,
        incoming_number: contact.incoming_number ?? '+14155550999',
        contact: {
          id: contact.id,
          first_name: contact.first_name,
          last_name: contact.last_name,
          phone_number: contact.phone_number,
          email: contact.email
        },
        disposition_status: sms ? null : DISPOSITIONS[id % DISPOSITIONS.length],
        user_id: contact.user_id
      }
    });
  }
  return envelopes;
}
