/** @jest-environment node */
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { EVENT_KINDS, WIRE_NAMES, basicAuthHeader, buildEvent, formatAlowareTime, postEvent } from '../events';
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

  it('should mark exactly the three wire names seen in production as confirmed', () => {
    const confirmed = EVENT_KINDS.filter((k) => WIRE_NAMES[k].confirmed).map((k) => WIRE_NAMES[k].name);
    expect(confirmed.sort()).toEqual(
      [
        'InboundSMS-DispositionCompleted',
        'OutboundPhoneCall-DispositionCompleted',
        'transcription.call.summarized'
      ].sort()
    );
  });

  it('should build the observed communication body shape', () => {
    const at = new Date(Date.UTC(2024, 6, 1, 18, 3, 22));
    const sms = buildEvent('inbound-sms', { communicationId: 9001, at, timeZone: 'America/New_York', text: 'Hi' });
    expect(sms.body).toMatchObject({ id: 9001, direction: 1, type: 2, body: 'Hi', created_at: '2024-07-01 14:03:22' });
    const call = buildEvent('outbound-call', { at });
    expect(call.body).toMatchObject({ direction: 2, type: 1, body: null, created_at: '2024-07-01 18:03:22' });
    expect(call.body.contact).toMatchObject({ id: 4200, phone_number: '+15125550142' });
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
  });
});
