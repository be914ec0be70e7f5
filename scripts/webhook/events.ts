/**
 * Aloware webhook envelopes (`{"event", "body"}`) in the shapes Aloware sends (shared/reference/aloware-api.md:
 * public captures of real deliveries and Aloware's own published client), and a sender that POSTs them with HTTP
 * Basic authentication (the webhook secret as password) or the URL-token fallback. Also the "Test & Validate" ping
 * (`{"test_payload":true}`) and the fan-out of one communication (several deliveries sharing its `id`).
 * Contact and DNC wire names and bodies are unconfirmed guesses, flagged in WIRE_NAMES.
 */

export type EventKind =
  | 'outbound-call'
  | 'inbound-call'
  | 'missed-call'
  | 'failed-call'
  | 'outbound-call-started'
  | 'inbound-call-started'
  | 'call-disposed'
  | 'recording-saved'
  | 'call-summarized'
  | 'inbound-sms'
  | 'outbound-sms'
  | 'invalid-sms'
  | 'contact-created'
  | 'contact-updated'
  | 'dnc-updated'
  | 'unknown';

export interface WireName {
  readonly name: string;
  /** Seen on the wire or named in Aloware's own code (aloware-api.md). */
  readonly confirmed: boolean;
}

/** Event kind → wire name; `confirmed` = observed on the wire or named in Aloware's own code. */
export const WIRE_NAMES: Readonly<Record<EventKind, WireName>> = {
  'outbound-call': { name: 'OutboundPhoneCall-DispositionCompleted', confirmed: true },
  'inbound-call': { name: 'InboundPhoneCall-DispositionCompleted', confirmed: true },
  'missed-call': { name: 'InboundPhoneCall-DispositionMissed', confirmed: true },
  'failed-call': { name: 'OutboundPhoneCall-DispositionFailed', confirmed: true },
  'outbound-call-started': { name: 'OutboundPhoneCall', confirmed: true },
  'inbound-call-started': { name: 'InboundPhoneCall', confirmed: true },
  'call-disposed': { name: 'Call-Disposed', confirmed: true },
  'recording-saved': { name: 'Recording-Saved', confirmed: true },
  'call-summarized': { name: 'transcription.call.summarized', confirmed: true },
  'inbound-sms': { name: 'InboundSMS-DispositionCompleted', confirmed: true },
  'outbound-sms': { name: 'OutboundSMS-DispositionCompleted', confirmed: false },
  'invalid-sms': { name: 'OutboundSMS-DispositionInvalid', confirmed: true },
  'contact-created': { name: 'Contact-Created', confirmed: false },
  'contact-updated': { name: 'Contact-Updated', confirmed: false },
  'dnc-updated': { name: 'Contact-DNCUpdated', confirmed: false },
  unknown: { name: 'Appointment-Rescheduled', confirmed: false }
};

export const EVENT_KINDS = Object.keys(WIRE_NAMES) as EventKind[];

/** Aloware's own counters of the contact, carried in `body.contact` of communication events. */
export interface ContactCounters {
  inbound_call_count: number;
  outbound_call_count: number;
  inbound_sms_count: number;
  outbound_sms_count: number;
  nb_communications: number;
}

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
  /** The agent's disposition (`call_disposition`), e.g. "Appointment Set". */
  disposition?: string;
  dispositionId?: number;
  text?: string;
  isDnc?: boolean;
  /** The agent (`user_id`); Aloware sends null on call-started and missed-call events. */
  userId?: number;
  /** Aloware's counters for `body.contact` (omitted when not given). */
  counters?: ContactCounters;
  summary?: string;
}

export interface WebhookEnvelope {
  event: string;
  body: Record<string, unknown>;
}

/** Aloware's "Test & Validate" button sends exactly this body (no `event`, no `body`). */
export const TEST_PING = Object.freeze({ test_payload: true });

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

type Resolved = Required<Omit<EventOptions, 'counters' | 'dispositionId'>> &
  Pick<EventOptions, 'counters' | 'dispositionId'>;

const INBOUND_KINDS: readonly EventKind[] = ['inbound-call', 'missed-call', 'inbound-call-started', 'inbound-sms'];
const SMS_KINDS: readonly EventKind[] = ['inbound-sms', 'outbound-sms', 'invalid-sms'];
const STARTED_KINDS: readonly EventKind[] = ['outbound-call-started', 'inbound-call-started'];

/** Telephony outcome (`disposition_status`) of each kind. */
function telephonyOutcome(kind: EventKind): string {
  if (kind === 'missed-call') return 'no-answer';
  if (kind === 'failed-call' || kind === 'invalid-sms') return 'failed';
  return 'completed';
}

function contactOf(o: Resolved): Record<string, unknown> {
  return {
    id: o.contactId,
    first_name: o.firstName,
    last_name: o.lastName,
    name: `${o.firstName} ${o.lastName}`.trim(),
    phone_number: o.phone,
    email: o.email,
    is_dnc: o.isDnc,
    is_opted_out: false,
    text_authorized: true,
    lrn_type: 'mobile',
    intake_source: 'api',
    ...(o.counters ?? {})
  };
}

/** A communication body as Aloware sends it (fields differ between events of one family, as captured). */
function communicationBody(kind: EventKind, o: Resolved): Record<string, unknown> {
  const inbound = INBOUND_KINDS.includes(kind);
  const sms = SMS_KINDS.includes(kind);
  const started = STARTED_KINDS.includes(kind);
  const missed = kind === 'missed-call';
  const failed = kind === 'failed-call';
  const stamp = formatAlowareTime(o.at, o.timeZone);
  const body: Record<string, unknown> = {
    id: o.communicationId,
    direction: inbound ? 1 : 2,
    type: sms ? 2 : 1,
    body: sms ? o.text : null,
    contact_id: o.contactId,
    lead_number: o.phone,
    incoming_number: o.incomingNumber,
    campaign_id: 301,
    user_id: started || missed ? null : o.userId,
    owner_id: -1,
    talk_time: started || missed || failed || sms ? 0 : 95,
    wait_time: started ? 0 : 12,
    duration: started || sms ? 0 : missed ? 25 : 107,
    has_recording: !(started || missed || failed || sms),
    has_transcription: false,
    created_at: stamp,
    updated_at: stamp,
    contact: contactOf(o)
  };
  if (started) return body;
  const agentDisposition = missed || failed || sms ? null : o.disposition;
  Object.assign(body, {
    current_status: 'completed',
    current_status2: 5,
    disposition_status: telephonyOutcome(kind),
    disposition_status2: missed ? 3 : failed ? 4 : 1,
    call_disposition: agentDisposition,
    call_disposition_id: agentDisposition === null ? null : (o.dispositionId ?? 4411),
    call_summary: null,
    direct_recording_url: body.has_recording
      ? `https://recordings.aloware.example/${String(o.communicationId)}.mp3?signature=capability`
      : null
  });
  return body;
}

function contactBody(o: Resolved): Record<string, unknown> {
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
  const o: Resolved = {
    communicationId: 880000 + sequence,
    contactId: 4200,
    phone: '+15125550142',
    incomingNumber: '+15125550100',
    email: 'dana.lee@example.com',
    firstName: 'Dana',
    lastName: 'Lee',
    at: new Date(),
    timeZone: 'UTC',
    disposition: 'Appointment Set',
    text: 'Thanks, call me tomorrow at 10.',
    isDnc: kind === 'dnc-updated',
    userId: 17,
    summary: 'The contact asked for pricing and booked a demo.',
    ...stripUndefined(options)
  };
  const event = WIRE_NAMES[kind].name;
  switch (kind) {
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
        body: {
          communication: { id: o.communicationId },
          summary: o.summary,
          json_summary: { topics: ['pricing'], next_steps: ['demo'] },
          transcription: { language: 'en', segments: [] },
          contact: { id: o.contactId }
        }
      };
    case 'call-disposed':
    case 'recording-saved':
      // Repeats of the outcome of the (outbound, completed) call with the same communication id.
      return { event, body: communicationBody('outbound-call', o) };
    case 'unknown':
      return { event, body: { id: o.communicationId, contact_id: o.contactId } };
    default:
      return { event, body: communicationBody(kind, o) };
  }
}

/** The deliveries Aloware makes for one communication (observed counts), all sharing its id. */
export type FanOut = 'completed-call' | 'failed-call' | 'inbound-call' | 'missed-call' | 'text';

const FAN_OUTS: Readonly<Record<FanOut, readonly (EventKind | 'open-search')[]>> = {
  'completed-call': [
    'outbound-call-started',
    'outbound-call',
    'call-disposed',
    'recording-saved',
    'call-summarized',
    'open-search'
  ],
  'failed-call': ['outbound-call-started', 'failed-call'],
  'inbound-call': ['inbound-call-started', 'inbound-call', 'call-disposed'],
  'missed-call': ['inbound-call-started', 'missed-call', 'call-disposed'],
  text: ['inbound-sms']
};

/** Builds every delivery of one communication (same `id`, same time, same contact counters). */
export function buildFanOut(fanOut: FanOut, options: EventOptions = {}): WebhookEnvelope[] {
  sequence += 1;
  const shared: EventOptions = { communicationId: 770000 + sequence, at: new Date(), ...stripUndefined(options) };
  const main = FAN_OUTS[fanOut].find((k) => k !== 'open-search' && !STARTED_KINDS.includes(k as EventKind));
  return FAN_OUTS[fanOut].map((kind) => {
    if (kind === 'open-search')
      return {
        event: 'transcription.open_search.saved',
        body: { communication: { id: shared.communicationId }, contact: { id: shared.contactId ?? 4200 } }
      };
    if (kind === 'call-disposed' && main) {
      // `Call-Disposed` repeats the disposition event of this communication.
      return { event: WIRE_NAMES['call-disposed'].name, body: buildEvent(main as EventKind, shared).body };
    }
    return buildEvent(kind, shared);
  });
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
