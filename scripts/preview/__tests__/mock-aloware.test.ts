/**
 * The mock Aloware API answers as aloware-api.md documents (token checks, upsert by phone, lookup) and switches to
 * each failure mode on demand. (How the product classifies these answers is the Apex's job: AlowareResponseClassifier
 * and its tests; the preview runs that Apex.)
 */
import { generateEvents } from '../mock-aloware/events';
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

  it("should carry Aloware's counters in the contact JSON and count a generated communication on its contact", async () => {
    const lookup = async (): Promise<Record<string, unknown>> =>
      (await (
        await fetch(
          `${mock.url}/api/v1/webhook/contact/phone-number?api_token=${DEFAULT_TOKEN}&phone_number=%2B14155550101`
        )
      ).json()) as Record<string, unknown>;
    const before = await lookup();
    for (const key of ['inbound_call_count', 'outbound_call_count', 'inbound_sms_count', 'outbound_sms_count']) {
      expect(typeof before[key]).toBe('number');
    }
    expect(before).not.toHaveProperty('tracking');
    expect(before).not.toHaveProperty('computed');
    generateEvents(mock.directory, 'inbound-sms', { phone: '+14155550101' });
    const after = await lookup();
    expect(after.inbound_sms_count).toBe((before.inbound_sms_count as number) + 1);
    expect(after.nb_communications).toBe((before.nb_communications as number) + 1);
    expect(after.outbound_call_count).toBe(before.outbound_call_count);
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
});
