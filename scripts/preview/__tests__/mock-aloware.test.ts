/**
 * The mock Aloware API answers as aloware-api.md documents (token checks, upsert by phone, lookup), switches to each
 * failure mode on demand, and the dev API's client classifies every answer as the Apex client does.
 */
import { AlowareClient, classify } from '../dev-api/aloware-client';
import { DEFAULT_TOKEN, startMockAloware, type MockAloware } from '../mock-aloware/server';

let mock: MockAloware;
let client: AlowareClient;

beforeAll(async () => {
  process.env.PREVIEW_ALOWARE_TIMEOUT_MS = '300';
  mock = await startMockAloware({ port: 0, hangMs: 5000 });
  client = new AlowareClient(mock.url);
});

afterAll(async () => {
  await mock.close();
  delete process.env.PREVIEW_ALOWARE_TIMEOUT_MS;
});

beforeEach(() => mock.reset());

describe('mock Aloware API', () => {
  it('should list users with a valid token and record the call with the token redacted', async () => {
    const users = await client.users(DEFAULT_TOKEN);
    expect(users.outcome).toBe('SUCCESS');
    expect(Array.isArray(users.body)).toBe(true);
    expect(mock.requests.at(-1)?.query.api_token).toBe('[REDACTED]');
  });

  it('should answer 401 without a token and its HTML login page for a wrong one', async () => {
    const missing = await fetch(`${mock.url}/api/v1/webhook/users`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: 'Unauthenticated.' });
    const wrong = await client.users('not-a-token');
    expect(wrong.outcome).toBe('UNAUTHORIZED');
    expect(wrong.message).toMatch(/HTML page instead of JSON/);
  });

  it('should create a contact (201), update it (200), and refuse an update without force_update (409)', async () => {
    const created = await client.upsert(DEFAULT_TOKEN, { phone_number: '(512) 555-0199', first_name: 'Ada' });
    expect(created.status).toBe(201);
    const updated = await client.upsert(DEFAULT_TOKEN, { phone_number: '+15125550199', first_name: 'Ada L.' });
    expect(updated.status).toBe(200);
    expect(mock.directory.findByPhone('+15125550199')?.first_name).toBe('Ada L.');
    const raw = await fetch(`${mock.url}/api/v1/webhook/forms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ api_token: DEFAULT_TOKEN, phone_number: '+15125550199' })
    });
    expect(raw.status).toBe(409);
  });

  it('should refuse a contact without a phone or with a bad email (400) and find contacts by phone', async () => {
    expect((await client.upsert(DEFAULT_TOKEN, { first_name: 'x' })).outcome).toBe('INVALID');
    const badEmail = await client.upsert(DEFAULT_TOKEN, { phone_number: '+15125550111', email: 'nope' });
    expect(badEmail.message).toBe('HTTP 400: The email must be a valid email address.');
    expect((await client.contactByPhone(DEFAULT_TOKEN, '+19999999999')).outcome).toBe('NOT_FOUND');
    expect((await client.contactByPhone(DEFAULT_TOKEN, '12')).outcome).toBe('INVALID');
    const found = await client.contactByPhone(DEFAULT_TOKEN, '+14155550101');
    expect(found.outcome).toBe('SUCCESS');
    expect((found.body as { id: number }).id).toBe(5001);
  });

  it.each([
    ['429', 'RATE_LIMITED', 429],
    ['500', 'SERVER_ERROR', 500],
    ['html', 'UNAUTHORIZED', 200]
  ])('should answer with failure %s until switched back', async (mode, outcome, status) => {
    mock.setFailure(mode);
    const failed = await client.users(DEFAULT_TOKEN);
    expect(failed.outcome).toBe(outcome);
    expect(failed.status).toBe(status);
    if (mode === '429') expect(failed.retryAfterSeconds).toBe(2);
    mock.setFailure('none');
    expect((await client.users(DEFAULT_TOKEN)).outcome).toBe('SUCCESS');
  });

  it('should fail only the given number of calls, and a single call with ?__fail=', async () => {
    mock.setFailure('500', 1);
    expect((await client.users(DEFAULT_TOKEN)).outcome).toBe('SERVER_ERROR');
    expect((await client.users(DEFAULT_TOKEN)).outcome).toBe('SUCCESS');
    const once = await fetch(`${mock.url}/api/v1/webhook/users?api_token=${DEFAULT_TOKEN}&__fail=429`);
    expect(once.status).toBe(429);
    expect(once.headers.get('retry-after')).toBe('2');
  });

  it('should hold a request in timeout mode until the client gives up', async () => {
    mock.setFailure('timeout');
    const result = await client.users(DEFAULT_TOKEN);
    expect(result.outcome).toBe('TIMEOUT');
    expect(result.message).toMatch(/^Timeout or transport error after \d+ ms/);
  });
});

describe('classify (mirror of AlowareResponseClassifier)', () => {
  it.each([
    [200, '[]', true, 'SUCCESS'],
    [200, '', true, 'MALFORMED'],
    [200, '', false, 'SUCCESS'],
    [200, 'not json', false, 'MALFORMED'],
    [200, '<!DOCTYPE html>', true, 'UNAUTHORIZED'],
    [302, '', false, 'UNAUTHORIZED'],
    [400, '{"error":"x"}', false, 'INVALID'],
    [400, '<html>', false, 'UNAUTHORIZED'],
    [401, '', false, 'UNAUTHORIZED'],
    [404, '{}', false, 'NOT_FOUND'],
    [409, '{}', false, 'CONFLICT'],
    [429, '', false, 'RATE_LIMITED'],
    [503, '<html>', false, 'SERVER_ERROR']
  ])('should classify %i %j (body required: %s) as %s', (status, body, required, outcome) => {
    expect(classify(status, body, required)).toBe(outcome);
  });
});
