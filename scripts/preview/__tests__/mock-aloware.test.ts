/**
 * The mock Aloware API answers as aloware-api.md documents (token checks, upsert by phone, lookup) and switches to
 * each failure mode on demand. (How the product classifies these answers is the Apex's job: AlowareResponseClassifier
 * and its tests; the preview runs that Apex.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_TOKEN, startMockAloware, type MockAloware } from '../mock-aloware/server';

let mock: MockAloware;

beforeAll(async () => {
  mock = await startMockAloware({ port: 0, hangMs: 5000 });
});

afterAll(async () => {
  await mock.close();
});

beforeEach(() => mock.reset());

function users(token: string, extra = ''): Promise<Response> {
  return fetch(`${mock.url}/api/v1/webhook/users?api_token=${encodeURIComponent(token)}${extra}`);
}

function upsert(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${mock.url}/api/v1/webhook/forms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_token: DEFAULT_TOKEN, force_update: true, ...body })
  });
}

describe('mock Aloware API', () => {
  it('should list users with a valid token and record the call with the token redacted', async () => {
    const answer = await users(DEFAULT_TOKEN);
    expect(answer.status).toBe(200);
    expect(Array.isArray(await answer.json())).toBe(true);
    expect(mock.requests.at(-1)?.query.api_token).toBe('[REDACTED]');
  });

  it('should answer 401 without a token and its HTML login page for a wrong one', async () => {
    const missing = await fetch(`${mock.url}/api/v1/webhook/users`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: 'Unauthenticated.' });
    const wrong = await users('not-a-token');
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toMatch(/<html/i);
  });

  it('should create a contact (201), update it (200), and refuse an update without force_update (409)', async () => {
    expect((await upsert({ phone_number: '(512) 555-0199', first_name: 'Ada' })).status).toBe(201);
    expect((await upsert({ phone_number: '+15125550199', first_name: 'Ada L.' })).status).toBe(200);
    expect(mock.directory.findByPhone('+15125550199')?.first_name).toBe('Ada L.');
    expect((await upsert({ phone_number: '+15125550199', force_update: false })).status).toBe(409);
  });

  it('should refuse a contact without a phone or with a bad email (400) and find contacts by phone', async () => {
    expect((await upsert({ first_name: 'x' })).status).toBe(400);
    const badEmail = await upsert({ phone_number: '+15125550111', email: 'nope' });
    expect(badEmail.status).toBe(400);
    expect(JSON.stringify(await badEmail.json())).toMatch(/The email must be a valid email address\./);
    const lookup = (phone: string): Promise<Response> =>
      fetch(`${mock.url}/api/v1/webhook/contact/phone-number?api_token=${DEFAULT_TOKEN}&phone_number=${phone}`);
    expect((await lookup('%2B19999999999')).status).toBe(404);
    expect((await lookup('12')).status).toBe(400);
    const found = await lookup('%2B14155550101');
    expect(found.status).toBe(200);
    expect(((await found.json()) as { id: number }).id).toBe(5001);
  });

  it.each([
    ['429', 429],
    ['500', 500],
    ['html', 200]
  ])('should answer with failure %s until switched back', async (mode, status) => {
    mock.setFailure(mode);
    const failed = await users(DEFAULT_TOKEN);
    expect(failed.status).toBe(status);
    if (mode === '429') expect(failed.headers.get('retry-after')).toBe('2');
    mock.setFailure('none');
    expect((await users(DEFAULT_TOKEN)).status).toBe(200);
  });

  it('should fail only the given number of calls, and a single call with ?__fail=', async () => {
    mock.setFailure('500', 1);
    expect((await users(DEFAULT_TOKEN)).status).toBe(500);
    expect((await users(DEFAULT_TOKEN)).status).toBe(200);
    const once = await users(DEFAULT_TOKEN, '&__fail=429');
    expect(once.status).toBe(429);
    expect(once.headers.get('retry-after')).toBe('2');
  });

  it('should hold a request in timeout mode until the client gives up', async () => {
    mock.setFailure('timeout');
    const held = fetch(`${mock.url}/api/v1/webhook/users?api_token=${DEFAULT_TOKEN}`, {
      signal: AbortSignal.timeout(300)
    });
    await expect(held).rejects.toThrow(/abort|timeout/i);
  });

  it("should accept force_update and booleans as 1 (as Aloware's own client sends them) and answer without an id", async () => {
    const created = await upsert({ phone_number: '+15125550177', force_update: 1, is_dnc: 1 });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ message: 'Contact has been created.' });
    expect((await upsert({ phone_number: '+15125550177', force_update: 1, is_dnc: 0 })).status).toBe(200);
    expect(mock.directory.findByPhone('+15125550177')?.is_dnc).toBe(false);
    mock.directory.formsReturnsId = true;
    const withId = (await (await upsert({ phone_number: '+15125550177', force_update: 1 })).json()) as {
      contact_id?: number;
    };
    expect(withId.contact_id).toBe(mock.directory.findByPhone('+15125550177')?.id);
  });

  it("should return contacts in Aloware's shape: counters, no invented link or tracking keys", async () => {
    const found = await fetch(
      `${mock.url}/api/v1/webhook/contact/phone-number?api_token=${DEFAULT_TOKEN}&phone_number=%2B14155550101`
    );
    const contact = (await found.json()) as Record<string, unknown>;
    expect(contact).not.toHaveProperty('computed');
    expect(contact).not.toHaveProperty('tracking');
    for (const key of ['inbound_call_count', 'outbound_call_count', 'inbound_sms_count', 'outbound_sms_count'])
      expect(typeof contact[key]).toBe('number');
    expect(contact).toHaveProperty('is_opted_out', false);
  });
});

describe('mock Aloware webhook deliveries', () => {
  let receiver: Server;
  let received: { authorization: string | undefined; body: Record<string, unknown> }[];

  beforeEach(async () => {
    received = [];
    receiver = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({
          authorization: request.headers.authorization,
          body: JSON.parse(text) as Record<string, unknown>
        });
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{"status":"succeeded"}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    const { port } = receiver.address() as AddressInfo;
    mock.setWebhookTarget({ url: `http://127.0.0.1:${port}/hook`, secret: 'hook-secret' });
  });

  afterEach(async () => {
    mock.setWebhookTarget(null);
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('should send the Test & Validate ping exactly as Aloware does', async () => {
    expect((await mock.testPing()).status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]?.body).toEqual({ test_payload: true });
    expect(received[0]?.authorization).toMatch(/^Basic /);
  });

  it("should fan a completed call out to six deliveries sharing the id, with the contact's counters", async () => {
    const contact = mock.directory.contacts[0];
    if (!contact) throw new Error('the mock has contacts');
    const before = contact.outbound_call_count;
    const delivered = await mock.emit('outbound-call', { phone: contact.phone_number, fanOut: true });
    expect(delivered.map((d) => d.event)).toEqual([
      'OutboundPhoneCall',
      'OutboundPhoneCall-DispositionCompleted',
      'Call-Disposed',
      'Recording-Saved',
      'transcription.call.summarized',
      'transcription.open_search.saved'
    ]);
    const ids = received.map((r) => {
      const body = r.body.body as Record<string, unknown>;
      return body.id ?? (body.communication as Record<string, unknown>).id;
    });
    expect(new Set(ids).size).toBe(1);
    expect(contact.outbound_call_count).toBe(before + 1);
    const disposition = received[1]?.body.body as Record<string, unknown>;
    expect((disposition.contact as Record<string, unknown>).outbound_call_count).toBe(before + 1);
    expect(disposition.call_disposition).toBe('Appointment Set');
    expect(disposition.disposition_status).toBe('completed');
  });

  it('should send a missed call with a null agent and the no-answer outcome', async () => {
    const delivered = await mock.emit('missed-call');
    expect(delivered).toEqual([{ event: 'InboundPhoneCall-DispositionMissed', status: 200 }]);
    const body = received[0]?.body.body as Record<string, unknown>;
    expect(body).toMatchObject({ direction: 1, type: 1, user_id: null, disposition_status: 'no-answer' });
    expect(body.call_disposition).toBeNull();
  });
});
