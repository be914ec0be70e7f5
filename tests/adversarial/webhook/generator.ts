/**
 * Generated adversarial webhook bodies: valid Aloware shapes (scripts/webhook/events.ts, the shapes of
 * shared/reference/aloware-api.md and the inbound test fixtures) with mutated types, sizes, encodings, nesting,
 * duplicates, order, timestamps and ids, and secrets planted where Aloware-like payloads carry them. Deterministic:
 * the same seed gives the same bodies, in the same order.
 */
import { buildEvent, buildFanOut, EVENT_KINDS, formatAlowareTime, TEST_PING } from '../../../scripts/webhook/events';
import type { EventKind, EventOptions, FanOut, WebhookEnvelope } from '../../../scripts/webhook/events';

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

/** The secrets of the org under test: the package must never store them anywhere. */
export interface Secrets {
  apiToken: string;
  webhookSecret: string;
  urlToken: string;
}

/** The Leads seeded in the org: bodies name them (and others) so that matching, linking and creation all run. */
export interface SeededContacts {
  /** Phone numbers of seeded Leads (as stored). */
  phones: string[];
  /** Aloware contact ids held by seeded Leads. */
  contactIds: number[];
  emails: string[];
}

/** One generated delivery. */
export interface GeneratedBody {
  /** Index in the run (reproduce with the same seed). */
  index: number;
  /** What was done to it (for the failure report). */
  label: string;
  /** The raw body (a Buffer for invalid UTF-8). */
  body: string | Buffer;
  /** Authentication: `basic` (the secret), `token` (URL token), `none`, `wrong`. */
  auth: 'basic' | 'token' | 'none' | 'wrong';
  /** Planted marker tokens (in patterns the redaction must remove from the sync log). */
  markers: string[];
}

const RAW = '__RAW__';

/** JSON text with raw number tokens (`__RAW__4242.0__` → 4242.0) that JSON.stringify cannot write. */
function serialize(value: unknown): string {
  return JSON.stringify(value).replace(/"__RAW__([^"]*?)__"/g, '$1');
}

const raw = (text: string): string => `${RAW}${text}__`;

const WEIRD_NUMBERS = [
  '99999999999',
  '2147483648',
  '-2147483649',
  '9223372036854775808',
  '1e309',
  '-0',
  '0.5',
  '4242.0',
  '4.242E3',
  '1E+2',
  '123456789012345678901234567890123456789012345',
  '0.000000000000000000001'
];
const WEIRD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\t\r\n',
  'null',
  'true',
  "' OR 1=1 --",
  "\\'; DELETE FROM Lead",
  '%27%22',
  '<script>alert(1)</script>',
  '\u202eevil\u202c',
  '\u200b\u200b',
  '\uFEFF',
  '\ud83d\ude00'.repeat(3),
  '\ud800 lone high',
  '\udfff lone low',
  'Zo\u00eb \u00e9\u00e8 \u4e2d\u6587 \u0627\u0644\u0639\u0631\u0628\u064a\u0629',
  'x'.repeat(256),
  '\ud83d\ude00'.repeat(130)
];
const WEIRD_TIMES = [
  '2024-02-30 10:00:00',
  '2024-13-01 10:00:00',
  '0001-01-01 00:00:00',
  '1699-12-31 23:59:59',
  '4001-01-01 00:00:00',
  '9999-12-31 23:59:59',
  '2024-03-10 02:30:00',
  '2024-11-03 01:30:00',
  '2024-07-01T14:03:22Z',
  '2024-07-01T14:03:22+05:30',
  '2024-07-01 14:03:22 -0800',
  '2024-07-01',
  '14:03:22',
  'yesterday',
  '',
  '2024-07-01 24:00:00',
  '2024-07-01 14:03:22.123456'
];
const PHONE_FORMATS = (digits: string): string[] => [
  `+1${digits}`,
  `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`,
  `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
  digits,
  `1${digits}`,
  `+1 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
];
const EVENT_NAME_MUTATIONS = [
  (n: string) => n.toUpperCase(),
  (n: string) => n.toLowerCase(),
  (n: string) => `  ${n}  `,
  (n: string) => n.replace(/-/g, '.'),
  (n: string) => n + '\u0000',
  () => 'x'.repeat(300),
  (n: string) => n + '\ud83d\ude00',
  (n: string) => `İ${n}`
];
const FAN_OUTS: FanOut[] = ['completed-call', 'failed-call', 'inbound-call', 'missed-call', 'text'];

export class BodyGenerator {
  private readonly rnd: Random;
  private index = 0;
  private markerCount = 0;
  private readonly baseTime = Date.parse('2024-07-01T12:00:00Z');

  constructor(
    readonly seed: number,
    private readonly secrets: Secrets,
    private readonly contacts: SeededContacts
  ) {
    this.rnd = new Random(seed);
  }

  /** The next group of deliveries (one body, or a fan-out / duplicate / reordered set). */
  nextGroup(): GeneratedBody[] {
    const r = this.rnd;
    const roll = r.next();
    if (roll < 0.12) return this.fanOut();
    if (roll < 0.18) return this.duplicates();
    if (roll < 0.23) return [this.envelopeMutation()];
    if (roll < 0.26) return [this.encodingMutation()];
    if (roll < 0.28) return [this.sizeMutation()];
    if (roll < 0.29) return [this.make('test ping', serialize(TEST_PING))];
    if (roll < 0.3) return [this.authMutation()];
    const envelope = this.baseEvent();
    const labels = [`${envelope.event}`];
    const mutations = r.int(0, 3);
    const markers: string[] = [];
    for (let i = 0; i < mutations; i++) labels.push(this.mutate(envelope, markers));
    if (this.rnd.chance(0.25)) labels.push(this.plantSecrets(envelope, markers));
    return [this.make(labels.join(' + '), serialize(envelope), markers)];
  }

  private make(
    label: string,
    body: string | Buffer,
    markers: string[] = [],
    auth?: GeneratedBody['auth']
  ): GeneratedBody {
    this.index += 1;
    return { index: this.index, label, body, auth: auth ?? (this.rnd.chance(0.1) ? 'token' : 'basic'), markers };
  }

  private options(): EventOptions {
    const r = this.rnd;
    const known = r.chance(0.6);
    const digits = `512555${String(r.int(0, 9999)).padStart(4, '0')}`;
    const phone = known && this.contacts.phones.length ? r.pick(this.contacts.phones) : r.pick(PHONE_FORMATS(digits));
    return {
      communicationId: r.int(1, 400),
      contactId: known && this.contacts.contactIds.length ? r.pick(this.contacts.contactIds) : r.int(5000, 5400),
      phone,
      email:
        r.chance(0.3) && this.contacts.emails.length ? r.pick(this.contacts.emails) : `c${r.int(1, 300)}@example.com`,
      at: new Date(this.baseTime + r.int(-86400, 86400) * 1000),
      timeZone: r.pick(['UTC', 'America/Chicago', 'Asia/Kolkata']),
      userId: r.chance(0.3) ? r.int(1, 5) : undefined,
      disposition: r.pick(['Appointment Set', 'No Answer', 'Left Voicemail', 'x'.repeat(300), '\ud83d\ude00 Hot']),
      text: r.pick(['Thanks!', 'Call me at 10', '\ud83d\ude00'.repeat(40), 'Stop', 'y'.repeat(2000)]),
      counters: r.chance(0.4)
        ? {
            inbound_call_count: r.int(0, 50),
            outbound_call_count: r.int(0, 50),
            inbound_sms_count: r.int(0, 50),
            outbound_sms_count: r.int(0, 50),
            nb_communications: r.int(0, 200)
          }
        : undefined
    };
  }

  private baseEvent(): WebhookEnvelope {
    const kind = this.rnd.pick(EVENT_KINDS) as EventKind;
    return buildEvent(kind, this.options());
  }

  /** One random change of type, value, nesting, timestamp or id somewhere in the envelope. */
  private mutate(envelope: WebhookEnvelope, markers: string[]): string {
    const r = this.rnd;
    const body = envelope.body;
    const keys = Object.keys(body);
    const key = keys.length ? r.pick(keys) : 'id';
    switch (r.int(0, 11)) {
      case 0: {
        const value = r.pick<unknown>([
          null,
          true,
          false,
          0,
          -1,
          1.5,
          [],
          {},
          [1, 2],
          { nested: { deeper: 1 } },
          'text'
        ]);
        body[key] = value;
        return `type ${key}=${JSON.stringify(value)}`;
      }
      case 1: {
        const text = r.pick(WEIRD_NUMBERS);
        body[key] = r.chance(0.5) ? raw(text) : text;
        return `number ${key}=${text}`;
      }
      case 2: {
        const text = r.pick(WEIRD_STRINGS);
        body[key] = text;
        return `string ${key}`;
      }
      case 3: {
        const field = r.pick(['created_at', 'updated_at']);
        const value = r.chance(0.8) ? r.pick(WEIRD_TIMES) : r.pick<unknown>([0, 1719835402, -1, raw('1e20')]);
        body[field] = value;
        return `time ${field}=${String(value)}`;
      }
      case 4: {
        const field = r.pick(['id', 'contact_id', 'user_id', 'call_disposition_id', 'direction', 'type']);
        const value = r.pick<unknown>([
          -1,
          0,
          raw('4242.0'),
          raw('1e3'),
          '  42  ',
          'x'.repeat(41),
          '\u4e2d',
          raw('123456789012345678901234567890'),
          '',
          3,
          '2',
          true
        ]);
        body[field] = value;
        return `id ${field}=${String(value)}`;
      }
      case 5: {
        let nested: Record<string, unknown> = { leaf: 1 };
        const depth = r.int(5, 120);
        for (let i = 0; i < depth; i++) nested = { n: nested };
        body[key] = nested;
        return `nesting ${depth}`;
      }
      case 6: {
        // Wrapped shapes: the contact under `contact`, the communication under `communication`.
        const wrapped = r.pick(['contact', 'communication', 'data']);
        envelope.body = { [wrapped]: { ...body }, ...(r.chance(0.5) ? {} : { id: body.id }) };
        return `wrapped in ${wrapped}`;
      }
      case 7: {
        delete body[key];
        return `missing ${key}`;
      }
      case 8: {
        const len = r.pick([255, 256, 1000, 32001, 40000]);
        const emoji = r.chance(0.5);
        const text = emoji ? 'x'.repeat(len - 1) + '\ud83d\ude00' : 'z'.repeat(len);
        body[r.pick(['body', 'call_disposition', 'call_summary', 'incoming_number', 'first_name', 'last_name', key])] =
          text;
        return `long ${len}${emoji ? ' emoji at the end' : ''}`;
      }
      case 9: {
        const contact = (body.contact ?? {}) as Record<string, unknown>;
        const counter = r.pick([
          'inbound_call_count',
          'outbound_call_count',
          'inbound_sms_count',
          'outbound_sms_count'
        ]);
        contact[counter] = r.pick<unknown>([-5, raw('1e12'), '7', 'many', 2.5, raw('99999999999')]);
        body.contact = contact;
        return `counter ${counter}`;
      }
      case 10: {
        const field = r.pick(['lead_number', 'phone_number', 'email']);
        body[field] = r.pick<unknown>([
          '+1 (512) 555-0142 ext. 99',
          '555',
          'not a phone',
          '+'.repeat(50),
          '0'.repeat(60),
          'a@b',
          '@@',
          'DANA.LEE@EXAMPLE.COM',
          12125550100
        ]);
        return `contact key ${field}`;
      }
      default: {
        const event = r.pick(EVENT_NAME_MUTATIONS)(envelope.event);
        envelope.event = event;
        void markers;
        return `event name ${JSON.stringify(event.slice(0, 40))}`;
      }
    }
  }

  /** Plants secrets where Aloware-like payloads carry them (a token key, a URL parameter, a credential header). */
  private plantSecrets(envelope: WebhookEnvelope, markers: string[]): string {
    const r = this.rnd;
    const marker = `tok${this.seed.toString(36)}x${(this.markerCount += 1).toString(36)}QZ`;
    markers.push(marker);
    const realToken = this.secrets.apiToken;
    const where = r.int(0, 5);
    switch (where) {
      case 0:
        envelope.body[r.pick(['api_token', 'API_TOKEN', 'Api_Token'])] = r.chance(0.5) ? realToken : marker;
        break;
      case 1:
        envelope.body.recording_url = `https://app.aloware.example/r/1?api_token=${r.chance(0.5) ? realToken : marker}&x=1`;
        break;
      case 2:
        // In a text: a quote or a backslash right after the token (the escape the redaction must not eat).
        envelope.body.body = `see api_token=${marker}${r.pick(['"', '\\', '\\"', "'", ' ok', '&b=1'])} end`;
        break;
      case 3:
        envelope.body.headers = { Authorization: `${r.pick(['Bearer', 'Basic', 'bearer'])} ${marker}` };
        break;
      case 4:
        envelope.body.notes = `Authorization: Bearer ${marker}" and more`;
        break;
      default:
        envelope.body.meta = { api_token: r.chance(0.5) ? realToken : marker, nested: { api_token: marker } };
    }
    return `secret planted (${where})`;
  }

  private fanOut(): GeneratedBody[] {
    const r = this.rnd;
    const fan = r.pick(FAN_OUTS);
    const envelopes = buildFanOut(fan, { ...this.options(), communicationId: r.int(1, 400) });
    if (r.chance(0.5)) r.shuffle(envelopes);
    return envelopes.map((e) => this.make(`fan-out ${fan}: ${e.event}`, serialize(e)));
  }

  private duplicates(): GeneratedBody[] {
    const r = this.rnd;
    const text = serialize(this.baseEvent());
    const copies = r.int(2, 4);
    const bodies = [];
    for (let i = 0; i < copies; i++) {
      // The same delivery again, or the same JSON with other whitespace / key order.
      const body = i > 0 && r.chance(0.4) ? JSON.stringify(JSON.parse(text), null, 2) : text;
      bodies.push(this.make(`duplicate ${i + 1}/${copies}`, body));
    }
    return bodies;
  }

  private envelopeMutation(): GeneratedBody {
    const r = this.rnd;
    const e = this.baseEvent();
    const bodyText = serialize(e.body);
    const variants: [string, string][] = [
      ['no event', serialize({ body: e.body })],
      ['no body', serialize({ event: e.event })],
      ['event is a number', serialize({ event: 42, body: e.body })],
      ['event is blank', serialize({ event: '  ', body: e.body })],
      ['body is an array', serialize({ event: e.event, body: [e.body] })],
      ['body is text', serialize({ event: e.event, body: bodyText })],
      ['body is null', serialize({ event: e.event, body: null })],
      ['top-level array', serialize([e])],
      ['top-level string', JSON.stringify('hello')],
      ['not JSON', 'event=x&body=y'],
      ['truncated JSON', serialize(e).slice(0, r.int(1, 40))],
      ['duplicate keys', `{"event":"Contact-Updated","event":${JSON.stringify(e.event)},"body":${bodyText},"body":{}}`],
      ['trailing garbage', serialize(e) + '}}'],
      ['extra keys', serialize({ ...e, test_payload: true, extra: { a: 1 } })],
      ['test ping with event', serialize({ test_payload: true, event: e.event, body: e.body })],
      ['test ping false', serialize({ test_payload: false })],
      ['empty', ''],
      ['whitespace only', ' \n\t '],
      ['empty object', '{}'],
      ['JSON with comments', `// c\n${serialize(e)}`],
      ['single quotes', serialize(e).replace(/"/g, "'")],
      ['NaN literal', `{"event":${JSON.stringify(e.event)},"body":{"id":NaN}}`]
    ];
    const [label, body] = r.pick(variants);
    return this.make(`envelope: ${label}`, body);
  }

  private encodingMutation(): GeneratedBody {
    const r = this.rnd;
    const text = serialize(this.baseEvent());
    const variants: [string, string | Buffer][] = [
      ['BOM', '\uFEFF' + text],
      [
        'invalid UTF-8',
        Buffer.concat([Buffer.from(text.slice(0, -2), 'utf8'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')])
      ],
      ['Latin-1 bytes', Buffer.from(text.replace('}', ',"n":"caf\u00e9"}'), 'latin1')],
      ['escaped NUL', text.replace('{', '{"nul":"a\\u0000b",')],
      ['escaped lone surrogate', text.replace('{', '{"s":"\\ud800x",')],
      [
        'escaped unicode everywhere',
        text.replace(/[a-z]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`).replace(/^\\u00/, '')
      ],
      ['CRLF pretty', JSON.stringify(JSON.parse(text), null, '\r\n')],
      ['UTF-16LE', Buffer.from(text, 'utf16le')]
    ];
    const [label, body] = r.pick(variants);
    return this.make(`encoding: ${label}`, body);
  }

  private sizeMutation(): GeneratedBody {
    const r = this.rnd;
    const e = this.baseEvent();
    const target = r.pick([131000, 131072, 131100, 200000, 262100, 262144, 262200, 400000]);
    const base = serialize(e);
    const markers: string[] = [];
    if (r.chance(0.5)) this.plantSecrets(e, markers);
    const fill = Math.max(0, target - serialize(e).length - 12);
    e.body.padding = r.chance(0.3) ? '\ud83d\ude00'.repeat(Math.floor(fill / 4)) : 'p'.repeat(fill);
    // A token at the very end: the cut must not leave half of it behind.
    if (r.chance(0.3)) e.body.zz_api = { api_token: markers[0] ?? this.secrets.apiToken };
    void base;
    return this.make(`size ~${target}`, serialize(e), markers);
  }

  private authMutation(): GeneratedBody {
    const r = this.rnd;
    const auth = r.pick<GeneratedBody['auth']>(['none', 'wrong']);
    return this.make(`auth ${auth}`, serialize(this.baseEvent()), [], auth);
  }
}

/** Aloware's `created_at` for a Date (re-exported for the harness's seeded Leads). */
export { formatAlowareTime };
