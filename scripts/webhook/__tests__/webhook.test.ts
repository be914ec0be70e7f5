/** @jest-environment node */
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  EVENT_KINDS,
  TEST_PING,
  WIRE_NAMES,
  basicAuthHeader,
  buildEvent,
  buildFanOut,
  formatAlowareTime,
  postEvent
} from '../events';
import { parseArguments } from '../send';

interface Received {
  method?: string;
  url?: string;
  authorization?: string;
  body: string;
}

function listen(status: number): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body });
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end('{"status":"succeeded"}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/services/apexrest/aloware/v1/webhooks`, received });
    });
  });
}

describe('webhook event generator', () => {
  it('should build an envelope with event and body for every kind', () => {
    for (const kind of EVENT_KINDS) {
      const envelope = buildEvent(kind);
      expect(envelope.event).toBe(WIRE_NAMES[kind].name);
      expect(typeof envelope.body).toBe('object');
      expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope);
    }
  });

  it("should mark the wire names seen on the wire or in Aloware's own code as confirmed, and no guesses", () => {
    const confirmed = EVENT_KINDS.filter((k) => WIRE_NAMES[k].confirmed).map((k) => WIRE_NAMES[k].name);
    expect(confirmed.sort()).toEqual(
      [
        'Call-Disposed',
        'InboundPhoneCall',
        'InboundPhoneCall-DispositionCompleted',
        'InboundPhoneCall-DispositionMissed',
        'InboundSMS-DispositionCompleted',
        'OutboundPhoneCall',
        'OutboundPhoneCall-DispositionCompleted',
        'OutboundPhoneCall-DispositionFailed',
        'OutboundSMS-DispositionInvalid',
        'Recording-Saved',
        'transcription.call.summarized'
      ].sort()
    );
    for (const guess of [
      'Contact-Created',
      'Contact-Updated',
      'Contact-DNCUpdated',
      'OutboundSMS-DispositionCompleted'
    ])
      expect(EVENT_KINDS.find((k) => WIRE_NAMES[k].name === guess && WIRE_NAMES[k].confirmed)).toBeUndefined();
  });

  it('should build the observed communication body shape', () => {
    const at = new Date(Date.UTC(2024, 6, 1, 18, 3, 22));
    const sms = buildEvent('inbound-sms', { communicationId: 9001, at, timeZone: 'America/New_York', text: 'Hi' });
    expect(sms.body).toMatchObject({ id: 9001, direction: 1, type: 2, body: 'Hi', created_at: '2024-07-01 14:03:22' });
    const call = buildEvent('outbound-call', { at });
    expect(call.body).toMatchObject({
      direction: 2,
      type: 1,
      body: null,
      created_at: '2024-07-01 18:03:22',
      disposition_status: 'completed',
      call_disposition: 'Appointment Set',
      call_disposition_id: 4411,
      user_id: 17,
      owner_id: -1
    });
    expect(call.body.contact).toMatchObject({ id: 4200, phone_number: '+15125550142' });
    expect(call.body).not.toHaveProperty('tracking');
    expect(call.body).not.toHaveProperty('computed');
  });

  it("should send the agent's disposition in call_disposition and the telephony outcome in disposition_status", () => {
    expect(buildEvent('missed-call').body).toMatchObject({
      direction: 1,
      disposition_status: 'no-answer',
      call_disposition: null,
      user_id: null
    });
    expect(buildEvent('failed-call').body).toMatchObject({ direction: 2, disposition_status: 'failed' });
    expect(buildEvent('invalid-sms').body).toMatchObject({ type: 2, disposition_status: 'failed' });
    const started = buildEvent('inbound-call-started').body;
    expect(started).toMatchObject({ direction: 1, user_id: null });
    for (const absent of ['current_status', 'disposition_status', 'call_disposition', 'direct_recording_url'])
      expect(started).not.toHaveProperty(absent);
  });

  it('should build the call summary with communication.id and no top-level id', () => {
    const summary = buildEvent('call-summarized', { communicationId: 5150, contactId: 77 });
    expect(summary.body).toMatchObject({ communication: { id: 5150 }, contact: { id: 77 } });
    expect(typeof summary.body.summary).toBe('string');
    expect(summary.body).not.toHaveProperty('id');
    expect(summary.body).not.toHaveProperty('communication_id');
  });

  it('should fan one communication out the way Aloware does, all sharing its id', () => {
    const idOf = (e: { body: Record<string, unknown> }): unknown =>
      e.body.id ?? (e.body.communication as Record<string, unknown>).id;
    const counters = {
      inbound_call_count: 1,
      outbound_call_count: 4,
      inbound_sms_count: 0,
      outbound_sms_count: 2,
      nb_communications: 7
    };
    const completed = buildFanOut('completed-call', { counters });
    expect(completed.map((e) => e.event)).toEqual([
      'OutboundPhoneCall',
      'OutboundPhoneCall-DispositionCompleted',
      'Call-Disposed',
      'Recording-Saved',
      'transcription.call.summarized',
      'transcription.open_search.saved'
    ]);
    expect(new Set(completed.map(idOf)).size).toBe(1);
    expect((completed[1]?.body.contact as Record<string, unknown>).outbound_call_count).toBe(4);
    expect(completed[2]?.body).toEqual(completed[1]?.body);
    expect(buildFanOut('failed-call')).toHaveLength(2);
    expect(buildFanOut('inbound-call')).toHaveLength(3);
    expect(buildFanOut('missed-call').map((e) => e.event)).toContain('InboundPhoneCall-DispositionMissed');
    expect(buildFanOut('text')).toHaveLength(1);
  });

  it('should offer the Test & Validate ping exactly as Aloware sends it', () => {
    expect(JSON.stringify(TEST_PING)).toBe('{"test_payload":true}');
  });

  it('should give every communication a new id unless one is set', () => {
    const first = buildEvent('outbound-call');
    const second = buildEvent('outbound-call');
    expect(first.body.id).not.toBe(second.body.id);
  });

  it('should write zone-less Aloware times in the account time zone', () => {
    const at = new Date(Date.UTC(2024, 0, 15, 14, 0, 0));
    expect(formatAlowareTime(at, 'America/New_York')).toBe('2024-01-15 09:00:00');
    expect(formatAlowareTime(at)).toBe('2024-01-15 14:00:00');
    expect(formatAlowareTime(new Date(Date.UTC(2024, 6, 1, 0, 0, 5)), 'UTC')).toBe('2024-07-01 00:00:05');
  });

  it('should encode the secret as the Basic password', () => {
    const header = basicAuthHeader('s3cr:et');
    expect(Buffer.from(header.replace('Basic ', ''), 'base64').toString('utf8')).toBe('aloware:s3cr:et');
  });

  it('should POST the envelope with Basic authentication', async () => {
    const { server, url, received } = await listen(200);
    try {
      const envelope = buildEvent('contact-updated', { contactId: 77 });
      const result = await postEvent(url, envelope, { secret: 'top-secret' });
      expect(result.status).toBe(200);
      expect(received).toHaveLength(1);
      expect(received[0].method).toBe('POST');
      expect(received[0].authorization).toBe(basicAuthHeader('top-secret'));
      expect(JSON.parse(received[0].body)).toEqual(envelope);
    } finally {
      server.close();
    }
  });

  it('should send the URL token as a parameter and pass non-2xx answers through', async () => {
    const { server, url, received } = await listen(401);
    try {
      const result = await postEvent(url, buildEvent('dnc-updated'), { urlToken: 'tok en', rawBody: 'not json' });
      expect(result.status).toBe(401);
      expect(received[0].url).toContain('token=tok+en');
      expect(received[0].authorization).toBeUndefined();
      expect(received[0].body).toBe('not json');
    } finally {
      server.close();
    }
  });

  it('should read command line arguments and refuse incomplete ones', () => {
    const args = parseArguments(
      ['--kind', 'inbound-sms', '--url', 'http://127.0.0.1:1/x', '--count', '3', '--duplicate'],
      {
        ALOWARE_WEBHOOK_SECRET: 'from-env'
      }
    );
    expect(args).toMatchObject({ kinds: ['inbound-sms'], count: 3, duplicate: true, secret: 'from-env' });
    expect(parseArguments(['--print']).kinds).toEqual(EVENT_KINDS);
    expect(() => parseArguments(['--kind', 'nope', '--print'])).toThrow(/Unknown --kind/);
    expect(() => parseArguments(['--url', 'http://x'])).toThrow(/--secret/);
    expect(() => parseArguments(['--count', '0', '--print'])).toThrow(/--count/);
    expect(() => parseArguments(['--url'])).toThrow(/needs a value/);
    expect(parseArguments(['--test-ping', '--print']).testPing).toBe(true);
    expect(parseArguments(['--fan-out', 'missed-call', '--print']).fanOut).toBe('missed-call');
    expect(() => parseArguments(['--fan-out', 'nope', '--print'])).toThrow(/Unknown --fan-out/);
  });
});
