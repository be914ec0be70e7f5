/**
 * Realistic Aloware webhook envelopes (`{"event", "body"}`) for every event kind the package handles, and a sender
 * that POSTs them with HTTP Basic authentication (the webhook secret as password) or the URL-token fallback.
 * Body shapes follow docs/inbound-sync.md: the communication body is the one observed in production; contact and DNC
 * bodies and most wire names are unconfirmed guesses, flagged in WIRE_NAMES.
 */

export type EventKind =
  | 'outbound-call'
  | 'inbound-call'
  | 'inbound-sms'
  | 'outbound-sms'
  | 'contact-created'
  | 'contact-updated'
  | 'dnc-updated'
  | 'call-summarized'
  | 'unknown';

export interface WireName {
  readonly name: string;
  readonly confirmed: boolean;
}

/** Event kind → wire name; `confirmed` = seen on the wire (see aloware-api.md). */
export const WIRE_NAMES: Readonly<Record<EventKind, WireName>> = {
  'outbound-call': { name: 'OutboundPhoneCall-DispositionCompleted', confirmed: true },
  'inbound-call': { name: 'InboundPhoneCall-DispositionCompleted', confirmed: false },
  'inbound-sms': { name: 'InboundSMS-DispositionCompleted', confirmed: true },
  'outbound-sms': { name: 'OutboundSMS-DispositionCompleted', confirmed: false },
  'contact-created': { name: 'Contact-Created', confirmed: false },
  'contact-updated': { name: 'Contact-Updated', confirmed: false },
  'dnc-updated': { name: 'Contact-DNCUpdated', confirmed: false },
  'call-summarized': { name: 'transcription.call.summarized', confirmed: true },
  unknown: { name: 'Appointment-Rescheduled', confirmed: false }
};

export const EVENT_KINDS = Object.keys(WIRE_NAMES) as EventKind[];

export interface EventOptions {
  communicationId?: number;
  contactId?: number;
  phone?: string;
  incomingNumber?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  /** When the communication happened / the contact changed. */
  at?: Date;
  /** Aloware account time zone used to write the zone-less `created_at` (IANA id, default UTC). */
  timeZone?: string;
  disposition?: string;
  text?: string;
  isDnc?: boolean;
  userId?: number;
}

export interface WebhookEnvelope {
  event: string;
  body: Record<string, unknown>;
}

/** `YYYY-MM-DD HH:MM:SS` wall-clock time in `timeZone`, without a zone: Aloware's `created_at` format. */
export function formatAlowareTime(at: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

function communicationBody(kind: EventKind, o: Required<EventOptions>): Record<string, unknown> {
  const inbound = kind === 'inbound-call' || kind === 'inbound-sms';
  const sms = kind === 'inbound-sms' || kind === 'outbound-sms';
  return {
    id: o.communicationId,
    direction: inbound ? 1 : 2,
    type: sms ? 2 : 1,
    body: sms ? o.text : null,
    created_at: formatAlowareTime(o.at, o.timeZone),
    contact_id: o.contactId,
    lead_number: o.phone,
    incoming_number: o.incomingNumber,
    contact: { id: o.contactId, first_name: o.firstName, last_name: o.lastName, phone_number: o.phone },
    // Telephony outcome and the agent's disposition are separate keys (aloware-api.md); texts carry no agent disposition.
    disposition_status: 'completed',
    call_disposition: sms ? null : o.disposition,
    talk_time: sms ? 0 : 95,
    duration: sms ? 0 : 120,
    user_id: o.userId
  };
}

function contactBody(o: Required<EventOptions>): Record<string, unknown> {
  return {
    id: o.contactId,
    first_name: o.firstName,
    last_name: o.lastName,
    phone_number: o.phone,
    email: o.email,
    company_name: 'Acme Corp',
    city: 'Austin',
    state: 'TX',
    is_dnc: o.isDnc,
    user_id: o.userId,
    updated_at: formatAlowareTime(o.at, o.timeZone)
  };
}

let sequence = 0;

/** Builds the envelope of one event; unset options get realistic, unique values. */
export function buildEvent(kind: EventKind, options: EventOptions = {}): WebhookEnvelope {
  sequence += 1;
  const o: Required<EventOptions> = {
    communicationId: 880000 + sequence,
    contactId: 4200,
    phone: '+15125550142',
    incomingNumber: '+15125550100',
    email: 'dana.lee@example.com',
    firstName: 'Dana',
    lastName: 'Lee',
    at: new Date(),
    timeZone: 'UTC',
    disposition: kind.endsWith('call') ? 'Interested' : 'Replied',
    text: 'Thanks, call me tomorrow at 10.',
    isDnc: kind === 'dnc-updated',
    userId: 17,
    ...stripUndefined(options)
  };
  const event = WIRE_NAMES[kind].name;
  switch (kind) {
    case 'outbound-call':
    case 'inbound-call':
    case 'inbound-sms':
    case 'outbound-sms':
      return { event, body: communicationBody(kind, o) };
    case 'contact-created':
    case 'contact-updated':
      return { event, body: contactBody(o) };
    case 'dnc-updated':
      return {
        event,
        body: {
          id: o.contactId,
          phone_number: o.phone,
          is_dnc: o.isDnc,
          updated_at: formatAlowareTime(o.at, o.timeZone)
        }
      };
    case 'call-summarized':
      return {
        event,
        body: { communication_id: o.communicationId, contact_id: o.contactId, summary: 'Asked for pricing.' }
      };
    case 'unknown':
      return { event, body: { id: o.communicationId, contact_id: o.contactId } };
  }
}

function stripUndefined(options: EventOptions): Partial<EventOptions> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined)
  ) as Partial<EventOptions>;
}

/** `Basic base64(user:secret)`: Aloware's "Basic" webhook authentication with the secret as password. */
export function basicAuthHeader(secret: string, user = 'aloware'): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;
}

export interface SendOptions {
  /** Webhook secret, sent as the Basic password. */
  secret?: string;
  /** URL token, sent as the `token` URL parameter (fallback). */
  urlToken?: string;
  /** Raw body to send instead of the envelope (malformed-input testing). */
  rawBody?: string;
  timeoutMs?: number;
}

export interface SendResult {
  status: number;
  body: string;
}

/** POSTs an envelope to the webhook URL. */
export async function postEvent(
  url: string,
  envelope: WebhookEnvelope,
  options: SendOptions = {}
): Promise<SendResult> {
  const target = new URL(url);
  if (options.urlToken) target.searchParams.set('token', options.urlToken);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (options.secret) headers.Authorization = basicAuthHeader(options.secret);
  const response = await fetch(target, {
    method: 'POST',
    headers,
    body: options.rawBody ?? JSON.stringify(envelope),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15000)
  });
  return { status: response.status, body: await response.text() };
}
