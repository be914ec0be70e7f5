/**
 * The adversarial webhook suite's org: force-app loaded into the Apex emulator with the package configured (webhook
 * secret, URL token, API token, account time zone, creation from Aloware on), the Site guest user holding the
 * package's guest permission set, and a few Leads (user-owned, queue-owned, linked, converted). Each generated body
 * is POSTed through the Apex REST endpoint as the guest (`invokeRest`), then, as on the platform after the commit,
 * the published delivery events reach their trigger and the Queueables it enqueued run. Every answer and what it
 * left behind is checked against the invariants (see `checkDelivery` and `checkStored`).
 *
 * One emulator serves many bodies: the org is put back to its seeded state every `batchSize` bodies (a full sync log
 * makes every query slower, and bodies of one batch still meet each other: duplicates, order, fan-outs).
 */
import * as path from 'node:path';
import { Emulator, describeThrow } from '../../../emulator/src/emulator';
import { loadProject } from '../../../emulator/src/metadata/loader';
import { invokeRest, guestUser } from '../../../emulator/src/stdlib/rest';
import { deliverEvents } from '../../../emulator/src/data/eventBus';
import { asyncState, runJob } from '../../../emulator/src/data/async';
import type { TransportRequest, TransportResponse } from '../../../emulator/src/stdlib/callouts';
import type { FieldModel } from '../../../emulator/src/metadata/model';
import { ApexDate, ApexDatetime, ApexDecimal, ApexId, SObjectValue } from '../../../emulator/src/runtime/values';
import { basicAuthHeader } from '../../../scripts/webhook/events';
import { BodyGenerator, Random, type GeneratedBody, type Secrets, type SeededContacts } from './generator';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const ENDPOINT = '/services/apexrest/aloware/v1/webhooks';

export const SECRETS: Secrets = {
  apiToken: 'adv-api-token-7Qm2Lx9Vb4',
  webhookSecret: 'adv-webhook-secret-Zr8Kp3Wn6Ty1',
  urlToken: 'adv-url-token-Hd5Fs2Jq8Lc7'
};

/** Statuses a delivery may end in. */
const FINAL = new Set(['Succeeded', 'Skipped', 'Failed', 'Ignored']);
/** Statuses whose row must say why. */
const NEEDS_REASON = new Set(['Skipped', 'Failed']);

export interface Violation {
  index: number;
  label: string;
  invariant: string;
  detail: string;
}

export interface RunFigures {
  seed: number;
  bodies: number;
  /** Invariant checks made (several per body). */
  checks: number;
  violations: Violation[];
  byStatus: Record<string, number>;
  millis: number;
}

type Row = Map<string, unknown>;

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : String(v);
}

/**
 * A text ending with half a surrogate pair: what a cut that splits an emoji leaves. (A lone surrogate elsewhere is
 * one Aloware sent, escaped in its JSON, and is kept as sent; the generator never sends one at the end of a value.)
 */
function endsWithHalfAPair(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
}

const TEXT_TYPES = new Set([
  'STRING',
  'TEXTAREA',
  'PHONE',
  'EMAIL',
  'URL',
  'PICKLIST',
  'MULTIPICKLIST',
  'ENCRYPTEDSTRING'
]);

/** Why a stored value does not fit its field (type, length, range, picklist), or null when it fits. */
export function fieldProblem(f: FieldModel, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (TEXT_TYPES.has(f.type)) {
    if (typeof v !== 'string') return `${f.type} holds a ${typeof v}`;
    if (f.length > 0 && v.length > f.length) return `${v.length} characters in a field of ${f.length}`;
    if (endsWithHalfAPair(v)) return 'ends with half a surrogate pair (a cut split an emoji)';
    if (f.type === 'PICKLIST' && f.restrictedPicklist && !f.picklistValues.some((p) => p.value === v))
      return `"${v}" is not a value of the restricted picklist`;
    return null;
  }
  if (f.type === 'BOOLEAN') return typeof v === 'boolean' ? null : `Boolean holds ${typeof v}`;
  if (f.type === 'INTEGER') {
    const n = typeof v === 'number' ? v : Number(text(v));
    return Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 ? null : `Integer holds ${text(v)}`;
  }
  if (f.type === 'DOUBLE' || f.type === 'CURRENCY' || f.type === 'PERCENT') {
    const n = v instanceof ApexDecimal ? Number(v.toString()) : Number(text(v));
    if (!Number.isFinite(n)) return `number holds ${text(v)}`;
    const whole = Math.trunc(Math.abs(n)).toString().replace(/^0$/, '').length;
    const precision = f.precision ?? 18;
    const scale = f.scale ?? 0;
    return whole > precision - scale ? `${text(v)} exceeds ${precision - scale} whole digits` : null;
  }
  if (f.type === 'DATE' || f.type === 'DATETIME') {
    const year =
      v instanceof ApexDate ? v.year : v instanceof ApexDatetime ? new Date(v.ms).getUTCFullYear() : Number.NaN;
    if (!Number.isFinite(year)) return `${f.type} holds ${text(v)}`;
    // Salesforce dates run from 1700-01-01 to 4000-12-31.
    return year < 1700 || year > 4000 ? `year ${year} is outside 1700–4000` : null;
  }
  return null;
}

export class AdversarialOrg {
  readonly emulator: Emulator;
  readonly contacts: SeededContacts;
  private readonly baseline: ReturnType<Emulator['org']['snapshot']>;
  /** Users Aloware lists (`GET /users`): agents 1–3 match Salesforce users by email. */
  private readonly users: string;

  constructor(root = ROOT) {
    this.emulator = new Emulator(loadProject(root));
    const { org } = this.emulator;
    org.inTest = false;
    this.users = JSON.stringify([
      { id: 1, name: 'Admin', email: 'admin@emulated.example.com' },
      { id: 2.0, name: 'Nobody', email: 'nobody@example.com' },
      { id: 3, name: 'Odd', email: null },
      { id: '4', name: 'Str', email: 'x@y' }
    ]);
    org.hooks.httpTransport = (req: TransportRequest): TransportResponse => this.transport(req);
    const guestId = (guestUser(org).values.get('id') as ApexId).value;
    this.apex(
      `insert new PermissionSetAssignment(AssigneeId = '${guestId}', ` +
        `PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'Aloware_Webhook_Guest'].Id);` +
        `Group queue = new Group(Name = 'Inbound Leads', Type = 'Queue'); insert queue; return queue.Id;`
    );
    const queueId = this.apex(`return [SELECT Id FROM Group WHERE Name = 'Inbound Leads'].Id;`);
    this.apex(
      `insert new Aloware_Settings__c(SetupOwnerId = UserInfo.getOrganizationId(), API_Token__c = '${SECRETS.apiToken}', ` +
        `Webhook_Secret_Hash__c = AlowareWebhookAuthenticator.hash('${SECRETS.webhookSecret}'), ` +
        `Webhook_Url_Token_Hash__c = AlowareWebhookAuthenticator.hash('${SECRETS.urlToken}'), ` +
        `Aloware_Time_Zone__c = 'America/Chicago', Creation_Direction__c = 'Bidirectional');` +
        `AlowareSyncContext.beginInboundWrite();` +
        `insert new List<Lead>{` +
        `new Lead(LastName = 'Lee', Company = 'Acme', Phone = '+15125550142', Email = 'dana.lee@example.com', Aloware_Contact_ID__c = '4200'),` +
        `new Lead(LastName = 'Queue', Company = 'Acme', Phone = '(512) 555-0143', OwnerId = '${String(queueId)}'),` +
        `new Lead(LastName = 'Twin', Company = 'Acme', Phone = '512-555-0144'),` +
        `new Lead(LastName = 'Twin2', Company = 'Acme', MobilePhone = '5125550144'),` +
        `new Lead(LastName = 'Mail', Company = 'Acme', Email = 'c7@example.com', Aloware_Contact_ID__c = '4242')};` +
        `Lead converted = new Lead(LastName = 'Old', Company = 'Acme', Phone = '+15125550145', Aloware_Contact_ID__c = '5001', Status = 'Closed - Converted');` +
        `try { insert converted; } catch (Exception e) { }` +
        `AlowareSyncContext.endInboundWrite(); return null;`
    );
    this.contacts = {
      phones: ['+15125550142', '(512) 555-0143', '512-555-0144', '5125550144', '+15125550145'],
      contactIds: [4200, 4242, 5001],
      emails: ['dana.lee@example.com', 'c7@example.com']
    };
    this.baseline = org.snapshot();
  }

  private apex(code: string): string | undefined {
    const result = this.emulator.runSnippet(code);
    if (result.exception) throw new Error(`setup failed: ${result.exception.type}: ${result.exception.message}`);
    return result.value;
  }

  private transport(req: TransportRequest): TransportResponse {
    const json = { 'Content-Type': 'application/json' };
    if (/\/users/.test(req.url)) return { status: 200, statusText: 'OK', headers: json, body: this.users };
    return { status: 404, statusText: 'Not Found', headers: json, body: '{"message":"not found"}' };
  }

  /** Back to the seeded org (and an empty job queue). */
  reset(): void {
    const { org } = this.emulator;
    org.restore(this.baseline);
    asyncState(org).jobs.length = 0;
  }

  /**
   * POSTs one body as the Site guest (its transaction commits; the events it published wait for `deliver`, as the
   * platform delivers them in batches moments later).
   */
  post(b: GeneratedBody): { status: number; body: string } {
    const { interp } = this.emulator;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    let query = '';
    if (b.auth === 'basic') headers.Authorization = basicAuthHeader(SECRETS.webhookSecret);
    if (b.auth === 'wrong') headers.Authorization = basicAuthHeader('not-the-secret-0000000000');
    if (b.auth === 'token') query = `?token=${encodeURIComponent(SECRETS.urlToken)}`;
    interp.resetTransaction();
    const result = invokeRest(this.emulator, {
      method: 'POST',
      path: ENDPOINT + query,
      headers,
      body: b.body,
      asGuest: true
    });
    return { status: result.status, body: result.body };
  }

  /** What follows the commits: the published delivery events reach their trigger; the jobs it enqueued run. */
  deliver(): void {
    const { org, interp } = this.emulator;
    org.inTest = false;
    deliverEvents(org, interp, false);
    this.runJobs();
  }

  /** Runs queued Queueables (the subscriber's hand-overs to the retry job), each in its own transaction. */
  private runJobs(): void {
    const { org, interp } = this.emulator;
    const state = asyncState(org);
    for (let round = 0; round < 5; round++) {
      const due = state.jobs.filter((j) => j.status === 'Queued' && j.kind !== 'scheduled');
      if (due.length === 0) return;
      for (const job of due) {
        interp.resetTransaction();
        org.inTest = false;
        const error = runJob(org, interp, job, { test: false });
        if (error) throw new Error(`${job.cls.name} failed: ${describeThrow(interp, error).message}`);
      }
    }
  }

  rows(object: string): Row[] {
    return [...this.emulator.org.table(object).values()].map((r: SObjectValue) => r.values);
  }

  logRow(id: string): Row | undefined {
    return this.emulator.org.table('Aloware_Sync_Log__c').get(id)?.values;
  }

  fields(object: string): Record<string, FieldModel> {
    const model = this.emulator.org.object(object);
    if (!model) throw new Error(`${object} is not in the schema`);
    return model.fields;
  }

  now(): number {
    return this.emulator.interp.now();
  }
}

/** Runs `count` generated bodies from `seed` through one org and checks every invariant. */
export function runAdversarial(options: {
  seed: number;
  count: number;
  batchSize?: number;
  /** Most requests committed before their events are delivered together (default 12). */
  maxPerDelivery?: number;
  org?: AdversarialOrg;
  onProgress?: (done: number) => void;
}): RunFigures {
  const started = Date.now();
  const org = options.org ?? new AdversarialOrg();
  const generator = new BodyGenerator(options.seed, SECRETS, org.contacts);
  const batchSize = options.batchSize ?? 250;
  const maxPerDelivery = options.maxPerDelivery ?? 12;
  const figures: RunFigures = {
    seed: options.seed,
    bodies: 0,
    checks: 0,
    violations: [],
    byStatus: {},
    millis: 0
  };
  const violate = (b: GeneratedBody, invariant: string, detail: string): void => {
    figures.violations.push({ index: b.index, label: b.label, invariant, detail: detail.slice(0, 400) });
  };
  const check = (b: GeneratedBody, ok: boolean, invariant: string, detail: () => string): void => {
    figures.checks += 1;
    if (!ok) violate(b, invariant, detail());
  };
  let inBatch: GeneratedBody[] = [];
  const markers: string[] = [];
  org.reset();
  const random = new Random(options.seed ^ 0x5bd1e995);
  while (figures.bodies < options.count) {
    // Several requests commit before their events are delivered: the subscriber applies them as one batch.
    const requests = random.int(1, maxPerDelivery);
    const answered: [GeneratedBody, { status: number; body: string }][] = [];
    for (let r = 0; r < requests && figures.bodies < options.count; r++) {
      for (const b of generator.nextGroup()) {
        if (figures.bodies >= options.count) break;
        figures.bodies += 1;
        inBatch.push(b);
        markers.push(...b.markers);
        try {
          answered.push([b, org.post(b)]);
        } catch (e) {
          violate(b, 'the request completes', (e as Error).message);
        }
      }
    }
    try {
      org.deliver();
    } catch (e) {
      violate(answered[0]?.[0] ?? inBatch[inBatch.length - 1]!, 'the delivery completes', (e as Error).message);
    }
    for (const [b, answer] of answered) checkDelivery(org, b, answer, figures, check);
    if (inBatch.length >= batchSize) {
      checkStored(org, inBatch, markers, check);
      inBatch = [];
      markers.length = 0;
      org.reset();
    }
    options.onProgress?.(figures.bodies);
  }
  if (inBatch.length) checkStored(org, inBatch, markers, check);
  figures.millis = Date.now() - started;
  return figures;
}

type Check = (b: GeneratedBody, ok: boolean, invariant: string, detail: () => string) => void;

/** The answer and the delivery's own row. */
function checkDelivery(
  org: AdversarialOrg,
  b: GeneratedBody,
  answer: { status: number; body: string },
  figures: RunFigures,
  check: Check
): void {
  let json: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(answer.body);
    json = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  const s = answer.status;
  check(b, s < 500, 'never 5xx (storage never fails here)', () => `${s} ${answer.body}`);
  check(b, json !== null, 'the answer is a JSON object', () => `${s} ${answer.body}`);
  if (s >= 400 && s < 500) {
    check(
      b,
      typeof json?.error === 'string' && /^[a-z_]+$/.test(json.error),
      '4xx answers carry an error code',
      () => answer.body
    );
  }
  if (b.auth === 'none' || b.auth === 'wrong') {
    check(b, s === 401, 'an unauthenticated call gets 401', () => `${s} ${answer.body}`);
    return;
  }
  if (s < 200 || s >= 300) {
    figures.byStatus[`${s} ${String(json?.error)}`] = (figures.byStatus[`${s} ${String(json?.error)}`] ?? 0) + 1;
    return;
  }
  const logId = typeof json?.logId === 'string' ? json.logId : null;
  check(b, logId !== null, 'every 2xx names its stored row', () => answer.body);
  const row = logId ? org.logRow(logId) : undefined;
  check(b, row !== undefined, 'every 2xx delivery is stored', () => `no row ${String(logId)}`);
  if (!row) return;
  const status = text(row.get('status__c')) ?? 'null';
  figures.byStatus[status] = (figures.byStatus[status] ?? 0) + 1;
  const error = text(row.get('error_message__c'));
  const due = row.get('next_attempt_at__c');
  const dueMs = due instanceof ApexDatetime ? due.ms : null;
  const retryingLater =
    status === 'Retrying' && dueMs !== null && dueMs > org.now() && Number(row.get('attempts__c')) > 0;
  check(
    b,
    FINAL.has(status) || retryingLater,
    'a 2xx delivery ends Succeeded, Skipped, Failed or Ignored (or waits for a scheduled retry after an attempt)',
    () => `status ${status}, attempts ${text(row.get('attempts__c'))}, due ${String(dueMs)}: ${String(error)}`
  );
  if (NEEDS_REASON.has(status) || retryingLater) {
    check(b, !!error && error.trim().length > 0, 'a Skipped or Failed row says why', () => `status ${status}`);
  }
  const eventName = text(row.get('event_name__c'));
  if (eventName !== 'test_payload') {
    const stored = text(row.get('request_body__c'));
    check(b, !!stored, 'a 2xx delivery keeps its body', () => `status ${status}`);
    const original = typeof b.body === 'string' ? b.body : null;
    if (stored && original !== null && stored.length < 131071 && isJson(original)) {
      check(b, isJson(stored), 'a stored body stays readable JSON', () => stored.slice(0, 300));
    }
  }
  check(b, !(error ?? '').includes('invalid_json'), 'an accepted delivery never becomes unreadable', () =>
    String(error)
  );
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

/** After a batch: every stored value fits its field, and no secret or planted token is stored anywhere. */
function checkStored(org: AdversarialOrg, batch: GeneratedBody[], markers: string[], check: Check): void {
  const last = batch[batch.length - 1] as GeneratedBody;
  const secrets = [SECRETS.apiToken, SECRETS.webhookSecret, SECRETS.urlToken];
  for (const row of org.rows('Aloware_Sync_Log__c')) {
    if (row.get('direction__c') !== 'Inbound') continue;
    const status = text(row.get('status__c'));
    const due = row.get('next_attempt_at__c');
    const waiting =
      status === 'Retrying' && due instanceof ApexDatetime && due.ms > org.now() && Number(row.get('attempts__c')) > 0;
    check(
      last,
      (status !== null && FINAL.has(status)) || waiting,
      'no inbound row is left In Progress, or Retrying past its schedule or never attempted',
      () => `${text(row.get('id'))}: ${String(status)}, attempts ${text(row.get('attempts__c'))}`
    );
  }
  for (const object of ['Lead', 'Task', 'Aloware_Sync_Log__c']) {
    const fields = org.fields(object);
    for (const row of org.rows(object)) {
      for (const [name, value] of row) {
        const f = fields[name];
        if (f) {
          const problem = fieldProblem(f, value);
          check(
            last,
            problem === null,
            `no ${object} field holds a value its type or length refuses`,
            () => `${object}.${f.name} (${text(row.get('id'))}): ${String(problem)}`
          );
        }
        if (typeof value !== 'string') continue;
        for (const secret of secrets) {
          check(last, !value.includes(secret), 'no secret in any stored field', () => `${object}.${name}`);
        }
        if (object === 'Aloware_Sync_Log__c') {
          for (const marker of markers) {
            check(
              last,
              !value.includes(marker),
              'no planted token in the sync log',
              () =>
                `${object}.${name}: …${value.slice(Math.max(0, value.indexOf(marker) - 80), value.indexOf(marker) + 40)}…`
            );
          }
        }
      }
    }
  }
}
