/**
 * The preview's org: force-app loaded into the Apex emulator (emulator/), seeded with the sample users, Leads and
 * sync-log history, answering the components' `@salesforce/apex` calls by invoking the `@AuraEnabled` methods
 * themselves, the UI API from the emulator's records (with the running user's field-level security), and the Apex
 * REST webhook endpoint through `invokeRest`. Nothing here re-implements a controller: every answer comes from the
 * Apex. What is not Apex, and therefore stands in here: the platform's Aura serialisation (JSON in and out), the UI
 * API, the async queue's clock, the Metadata API deployment's completion, and the HTTP transport of callouts.
 *
 * Synchronous by design (the emulator is): it runs in a worker thread (worker.ts) so that a callout can block on a
 * loopback HTTP request to the mock Aloware API served by the main thread.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Emulator, describeThrow } from '../../../emulator/src/emulator';
import { loadProject } from '../../../emulator/src/metadata/loader';
import type { FieldModel, ObjectModel, ProjectModel, CustomMetadataRecord } from '../../../emulator/src/metadata/model';
import { resetLimits } from '../../../emulator/src/data/limits';
import { asyncState, runJob, type AsyncJob } from '../../../emulator/src/data/async';
import { deliverEvents } from '../../../emulator/src/data/eventBus';
import { isAccessibleField, isUpdateableField, canRead } from '../../../emulator/src/data/access';
import { executeDml } from '../../../emulator/src/data/dml';
import { invokeRest, guestUser, type RestCall, type RestResult } from '../../../emulator/src/stdlib/rest';
import { completeDeployment, deploymentsOf } from '../../../emulator/src/stdlib/metadataApi';
import type { TransportRequest, TransportResponse } from '../../../emulator/src/stdlib/callouts';
import { fault, str } from '../../../emulator/src/runtime/ops';
import type { ClassInfo } from '../../../emulator/src/runtime/interpreter';
import {
  ApexDate,
  ApexDatetime,
  ApexId,
  ApexList,
  ApexTime,
  NativeObject,
  SObjectValue,
  T,
  TypeValue
} from '../../../emulator/src/runtime/values';
import type { Tables } from '../../../emulator/src/data/org';
import { coerceFieldValue } from '../../../emulator/src/data/fieldValues';
import { SAMPLE_LEADS, SAMPLE_USERS, leadName, GENERATED_LEAD_NAMES, salesforceId } from '../sample-data';
import { generatedLogEntries } from '../sample-log';
import { subscriberLeadFields, type DescribeField } from '../sample-schema';

export type PreviewUserKind = 'admin' | 'rep' | 'none';

export interface OrgOptions {
  root: string;
  /** The mock Aloware API's base URL: the `Aloware` Named Credential's endpoint in this org. */
  alowareUrl: string;
  /** Epoch ms of the newest generated sync-log entry. */
  anchor: number;
  /** Generated sync-log entries (default 100,000). */
  logEntries?: number;
  /** The API token the admin saved. */
  apiToken: string;
  /** How long a delayed Queueable waits in the preview (ms), whatever its delay in minutes. */
  queueDelayMs?: number;
  /** A mapping deployment that maps a row to this Lead field fails (a subscriber-org failure, simulated). */
  deployFailureField?: string;
  /** Deployment completion delay (ms). */
  deployDelayMs?: number;
}

export interface ApexAnswer {
  status: number;
  body: unknown;
}

/** An `ApexAnswer` whose body is still the JSON text the Apex serialised (what the preview server sends as is). */
export interface ApexJsonAnswer {
  status: number;
  json: string;
}

export interface LeadSummary {
  id: string;
  name: string;
  company: string | null;
  title: string | null;
  phone: string | null;
  email: string | null;
  status: string | null;
  ownerName: string | null;
  doNotCall: boolean;
  note: string;
}

/** The callout helper (plain Node, blocking the caller until the answer). */
const HTTP_HELPER = path.join(__dirname, 'http-request.cjs');

/** Lead field types of the subscriber schema → emulator display types. */
const DISPLAY: Record<string, FieldModel['type']> = {
  string: 'STRING',
  textarea: 'TEXTAREA',
  phone: 'PHONE',
  email: 'EMAIL',
  picklist: 'PICKLIST',
  multipicklist: 'MULTIPICKLIST',
  boolean: 'BOOLEAN',
  double: 'DOUBLE',
  integer: 'INTEGER',
  long: 'LONG',
  currency: 'CURRENCY',
  percent: 'PERCENT',
  date: 'DATE',
  datetime: 'DATETIME',
  time: 'TIME',
  url: 'URL',
  reference: 'REFERENCE',
  id: 'ID',
  address: 'ADDRESS'
};

function fieldModel(d: DescribeField): FieldModel {
  const type = DISPLAY[d.type] ?? 'STRING';
  return {
    name: d.name,
    label: d.label,
    type,
    length: d.length,
    precision: d.precision,
    scale: d.scale,
    digits: type === 'INTEGER' ? 9 : 0,
    required: false,
    nillable: d.nillable,
    unique: d.unique,
    caseSensitive: false,
    externalId: d.externalId,
    calculated: d.calculated,
    autoNumber: false,
    createable: d.createable,
    updateable: d.updateable,
    filterable: !(type === 'TEXTAREA' && d.length > 255),
    sortable: !(type === 'TEXTAREA' && d.length > 255),
    defaultValue: null,
    picklistValues: d.picklistValues,
    restrictedPicklist: d.restrictedPicklist,
    referenceTo: d.referenceTo,
    relationshipName: d.relationshipName,
    custom: true,
    longText: type === 'TEXTAREA' && d.length > 255,
    ...(d.calculated ? { formula: 'null' } : {})
  };
}

/** A JSON scalar as the value of field `f` (dates and times from their ISO text). */
function jsonToField(f: FieldModel | undefined, v: unknown): unknown {
  if (v === null || v === undefined || !f || typeof v !== 'string') return v;
  if (f.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const [y, m, d] = v.split('-').map(Number);
    return new ApexDate(y ?? 0, m ?? 1, d ?? 1);
  }
  if (f.type === 'DATETIME') return new ApexDatetime(Date.parse(v));
  if (f.type === 'TIME') {
    const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z?$/.exec(v);
    if (m) return new ApexTime(((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4] ?? 0));
  }
  return v;
}

interface Snapshot {
  tables: Tables;
  idCounter: number;
  customMetadata: CustomMetadataRecord[];
}

export class PreviewOrg {
  readonly emulator: Emulator;
  readonly users: Record<PreviewUserKind, SObjectValue>;
  private readonly baseline: Snapshot;
  /** The webhook secret of the baseline (generated by `configure`, before the snapshot). */
  private readonly baselineSecret: string | null;
  /** When each delayed job was first seen (the preview's clock for `MinimumQueueableDelayInMinutes`). */
  private readonly seen = new WeakMap<AsyncJob, number>();
  private readonly deployStarted = new Map<string, number>();
  /** The webhook secret the mock Aloware account sends (the admin pasted it into Aloware). */
  webhookSecret: string | null = null;
  readonly loadMillis: number;
  readonly seedMillis: number;

  constructor(private readonly options: OrgOptions) {
    const started = performance.now();
    const project = loadProject(options.root);
    this.customizeSchema(project);
    this.emulator = new Emulator(project);
    this.loadMillis = performance.now() - started;
    const seeding = performance.now();
    const { org } = this.emulator;
    org.inTest = false;
    org.hooks.httpTransport = (req: TransportRequest): TransportResponse => this.transport(req);
    this.users = this.seedUsers();
    this.seedLeads();
    this.seedLog();
    this.configure();
    this.baseline = this.snapshot();
    this.baselineSecret = this.webhookSecret;
    this.seedMillis = performance.now() - seeding;
  }

  // ------------------------------------------------------------------ schema and data

  /**
   * The subscriber org's Lead: the package's fields and the standard ones come from force-app and the emulator's
   * standard-object descriptions; a mature org's own custom fields of every type are added (sample schema), and
   * the `Aloware` Named Credential points at the mock Aloware API.
   */
  private customizeSchema(project: ProjectModel): void {
    const lead = Object.values(project.objects).find((o) => o.name === 'Lead') as ObjectModel | undefined;
    const target = lead ?? null;
    if (target) {
      for (const d of subscriberLeadFields()) {
        const key = d.name.toLowerCase();
        if (!target.fields[key]) target.fields[key] = fieldModel(d);
      }
    }
    const cred = Object.values(project.namedCredentials).find((c) => c.name === 'Aloware');
    if (cred) cred.endpoint = this.options.alowareUrl;
  }

  private put(object: string, values: Record<string, unknown>): SObjectValue {
    const { org } = this.emulator;
    const converted: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) converted[k] = jsonToField(org.field(object, k), v);
    const rec = org.record(object, converted);
    const id = rec.values.get('id');
    if (id instanceof ApexId && org.table(object).has(id.value)) throw new Error(`${object} ${id.value} exists`);
    return org.put(rec);
  }

  private permissionSetId(name: string): ApexId {
    for (const ps of this.emulator.org.table('PermissionSet').values()) {
      if (ps.values.get('name') === name) return ps.values.get('id') as ApexId;
    }
    throw new Error(`No permission set ${name}`);
  }

  private profileId(name: string): ApexId {
    for (const p of this.emulator.org.table('Profile').values()) {
      if (p.values.get('name') === name) return p.values.get('id') as ApexId;
    }
    throw new Error(`No profile ${name}`);
  }

  private seedUsers(): Record<PreviewUserKind, SObjectValue> {
    const { org } = this.emulator;
    const profileOf = (i: number): string => (i === 0 ? 'System Administrator' : 'Standard User');
    const records = SAMPLE_USERS.map((u, i) => {
      const [first, ...rest] = u.name.split(' ');
      const rec = this.put('User', {
        Id: u.id,
        FirstName: first,
        LastName: rest.join(' ') || first,
        // The compound Name the platform derives on insert (put() bypasses DML, which derives it).
        Name: u.name,
        Alias: (first ?? 'user').slice(0, 8).toLowerCase(),
        Email: u.email,
        Username: u.email,
        ProfileId: this.profileId(profileOf(i)),
        TimeZoneSidKey: 'America/Los_Angeles',
        LocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        IsActive: true,
        UserType: 'Standard'
      });
      org.onRecordSaved(rec, 'insert');
      return rec;
    });
    const assign = (user: SObjectValue | undefined, set: string): void => {
      if (!user) return;
      this.put('PermissionSetAssignment', {
        AssigneeId: user.values.get('id'),
        PermissionSetId: this.permissionSetId(set)
      });
    };
    const [admin, rep, , none] = records;
    if (!admin || !rep || !none) throw new Error('sample users missing');
    assign(admin, 'Aloware_Admin');
    assign(admin, 'Aloware_User');
    assign(rep, 'Aloware_User');
    assign(records[2], 'Aloware_User');
    // The Site guest user that Aloware's webhook calls run as, with the package's guest permission set.
    assign(guestUser(org), 'Aloware_Webhook_Guest');
    this.put('Group', { Id: salesforceId('00G', 1), Name: 'Inbound Leads', Type: 'Queue' });
    this.runAsUser(admin);
    return { admin, rep, none };
  }

  private seedLeads(): void {
    const created = '2025-10-01T15:00:00.000Z';
    for (const l of SAMPLE_LEADS) {
      this.put('Lead', {
        Id: l.id,
        Name: leadName(l),
        IsConverted: false,
        CreatedDate: created,
        LastModifiedDate: created,
        ...l.fields
      });
    }
  }

  /** The sync-log history (and the 5,000 past Leads it names), inserted directly: no triggers, no DML. */
  private seedLog(): void {
    const count = this.options.logEntries ?? 100_000;
    const { org } = this.emulator;
    const leadModel = org.object('Lead');
    const logModel = org.object('Aloware_Sync_Log__c');
    if (!leadModel || !logModel) throw new Error('Lead or Aloware_Sync_Log__c missing');
    const leads = org.table('Lead');
    const adminId = this.users.admin.values.get('id');
    const created = new ApexDatetime(Date.parse('2025-09-01T15:00:00.000Z'));
    for (let i = 0; i < 5000; i++) {
      const id = salesforceId('00Q', 100_000 + i);
      const [first, last] = (GENERATED_LEAD_NAMES[i % GENERATED_LEAD_NAMES.length] ?? 'Sample Lead').split(' ');
      const rec = new SObjectValue('Lead');
      const set = (name: string, v: unknown): void => {
        rec.values.set(name.toLowerCase(), v);
        rec.names.set(name.toLowerCase(), name);
      };
      set('Id', ApexId.parse(id));
      set('FirstName', first);
      set('Name', `${first} ${last}`);
      set('LastName', last);
      set('Company', `${last} Holdings`);
      // Past Leads (converted since): the log's history names them; a one-time push leaves them out.
      set('Status', 'Closed - Converted');
      set('IsConverted', true);
      set('DoNotCall', false);
      set('OwnerId', adminId);
      set('CreatedDate', created);
      set('LastModifiedDate', created);
      leads.set(id, rec);
    }
    const table = org.table('Aloware_Sync_Log__c');
    const prefix = logModel.keyPrefix;
    for (const e of generatedLogEntries(this.options.anchor, count, prefix)) {
      const rec = new SObjectValue(logModel.name);
      for (const [name, v] of Object.entries(e)) {
        if (v === null) continue;
        const f = logModel.fields[name.toLowerCase()];
        const value =
          name === 'Id' || name === 'Lead__c'
            ? ApexId.parse(String(v))
            : typeof v === 'number' && (name === 'CreatedDate' || name === 'LastModifiedDate' || f?.type === 'DATETIME')
              ? new ApexDatetime(v)
              : f
                ? coerceFieldValue(f, v)
                : v;
        rec.values.set(name.toLowerCase(), value);
        rec.names.set(name.toLowerCase(), f?.name ?? name);
      }
      if (!rec.values.has('ownerid')) {
        rec.values.set('ownerid', adminId);
        rec.names.set('ownerid', 'OwnerId');
      }
      table.set((rec.values.get('id') as ApexId).value, rec);
    }
  }

  /** What the admin did once after installing: saved the API token and generated the webhook secret (real Apex). */
  private configure(): void {
    const token = this.callAura('AlowareSettingsController.saveApiToken', { token: this.options.apiToken }, 'admin');
    if (token.status !== 200) throw new Error(`saveApiToken failed: ${JSON.stringify(token.body)}`);
    const secret = this.callAura('AlowareSettingsController.rotateWebhookCredential', { kind: 'secret' }, 'admin');
    if (secret.status !== 200) throw new Error(`rotateWebhookCredential failed: ${JSON.stringify(secret.body)}`);
    this.webhookSecret = String((secret.body as { value?: unknown }).value ?? '');
    this.callAura('AlowareSettingsController.finishWebhookRotation', {}, 'admin');
  }

  private snapshot(): Snapshot {
    const s = this.emulator.org.snapshot();
    const customMetadata = (this.emulator.org.project?.customMetadata ?? []).map((r) => structuredClone(r));
    return { ...s, customMetadata };
  }

  /** Back to the org as seeded (the browser suite's fresh org per scenario). */
  reset(): void {
    const { org, interp } = this.emulator;
    org.restore(this.baseline);
    const project = org.project;
    if (project)
      project.customMetadata.splice(
        0,
        project.customMetadata.length,
        ...this.baseline.customMetadata.map((r) => structuredClone(r))
      );
    delete org.hooks.async;
    delete org.hooks.deployments;
    delete org.hooks.eventBus;
    this.deployStarted.clear();
    interp.resetTransaction();
    // The baseline was taken after `configure` (token saved, webhook secret generated and its rotation finished):
    // restoring it restores that set-up too, so only the secret the mock sends goes back to the baseline's.
    this.webhookSecret = this.baselineSecret;
  }

  // ------------------------------------------------------------------ users and transactions

  private runAsUser(user: SObjectValue): void {
    const { org, interp } = this.emulator;
    org.user = {
      id: user.values.get('id') as ApexId,
      record: org.table('User').get((user.values.get('id') as ApexId).value) ?? user
    };
    interp.user = {
      timeZone: String(user.values.get('timezonesidkey') ?? 'America/Los_Angeles'),
      locale: String(user.values.get('localesidkey') ?? 'en_US'),
      language: String(user.values.get('languagelocalekey') ?? 'en_US')
    };
  }

  /** A new transaction as `kind`. */
  private begin(kind: PreviewUserKind): void {
    const { org, interp } = this.emulator;
    interp.resetTransaction();
    resetLimits(org);
    org.inTest = false;
    this.runAsUser(this.users[kind]);
  }

  /** `value` as Apex's `JSON.serialize` writes it. */
  private jsonText(value: unknown): string {
    const { interp } = this.emulator;
    const serialize = interp.registry.findStatic('JSON', 'serialize');
    if (!serialize) throw new Error('JSON.serialize is not registered');
    return str(serialize({ interp, self: undefined } as never, [value]));
  }

  private json(value: unknown): unknown {
    return JSON.parse(this.jsonText(value)) as unknown;
  }

  private errorBody(e: unknown): { status: number; body: Record<string, unknown> } {
    const d = describeThrow(this.emulator.interp, e);
    if (d.type === 'EmulatorError') console.error('[preview org] emulator error', d.message, d.stack);
    const handled = d.type === 'System.AuraHandledException' || d.type === 'AuraHandledException';
    return {
      status: handled ? 400 : 500,
      body: {
        message: d.message,
        exceptionType: handled ? 'System.AuraHandledException' : d.type,
        isUserDefinedException: false,
        ...(handled ? {} : { stackTrace: d.stack })
      }
    };
  }

  /** Whether `Class.method` is a static `@AuraEnabled` method of force-app. */
  hasAuraMethod(route: string): boolean {
    return this.auraMethod(route) !== null;
  }

  /** The `@AuraEnabled` static method behind `Class.method`, or null. */
  auraMethod(route: string): { cls: ClassInfo; params: { name: string; type: unknown }[] } | null {
    const [className, methodName] = route.split('.');
    if (!className || !methodName) return null;
    const cls = this.emulator.interp.classByName(className);
    if (!cls) return null;
    for (const list of cls.methods.values()) {
      for (const m of list) {
        if (m.name.toLowerCase() !== methodName.toLowerCase()) continue;
        if (!m.annotations.some((a) => a.name.toLowerCase() === 'auraenabled')) continue;
        if (![...m.modifiers].some((x) => x.toLowerCase() === 'static')) continue;
        return { cls, params: m.params.map((p) => ({ name: p.name, type: p.type })) };
      }
    }
    return null;
  }

  /**
   * `@salesforce/apex/Class.method`: binds the JSON parameters to the Apex parameter types (as Aura does), invokes
   * the method as `user` in a new transaction, answers its return value as JSON; an exception answers the error
   * body the component sees as `error.body`. Async work it queued then runs (each job its own transaction).
   */
  callAura(route: string, params: Record<string, unknown>, user: PreviewUserKind): ApexAnswer {
    const answer = this.callAuraJson(route, params, user);
    return { status: answer.status, body: JSON.parse(answer.json) as unknown };
  }

  /**
   * `callAura` with the body left as the JSON text the Apex wrote: the preview server sends it as is, instead of a
   * parse here, a copy of the object to the main thread and a serialisation there (~180 KB for the mapping state).
   */
  callAuraJson(route: string, params: Record<string, unknown>, user: PreviewUserKind): ApexJsonAnswer {
    const answer = this.invokeAura(route, params, user);
    return 'json' in answer ? answer : { status: answer.status, json: JSON.stringify(answer.body ?? null) };
  }

  private invokeAura(
    route: string,
    params: Record<string, unknown>,
    user: PreviewUserKind
  ): ApexAnswer | ApexJsonAnswer {
    const target = this.auraMethod(route);
    if (!target) {
      return {
        status: 404,
        body: {
          message: `${route} is not a static @AuraEnabled method in force-app.`,
          exceptionType: 'System.NoSuchMethodException'
        }
      };
    }
    const unknown = Object.keys(params).filter((k) => !target.params.some((p) => p.name === k));
    if (unknown.length > 0) {
      return {
        status: 400,
        body: {
          message: `${route} has no parameter ${unknown.join(', ')} (parameters: ${target.params.map((p) => p.name).join(', ') || 'none'}).`,
          exceptionType: 'System.TypeException'
        }
      };
    }
    const { interp } = this.emulator;
    this.begin(user);
    try {
      const deserialize = interp.registry.findStatic('JSON', 'deserialize');
      if (!deserialize) throw new Error('JSON.deserialize is not registered');
      const args = target.params.map((p) => {
        const v = params[p.name];
        if (v === null || v === undefined) return null;
        const type = interp.resolveType(p.type as never, target.cls);
        return deserialize({ interp, self: undefined } as never, [JSON.stringify(v), new TypeValue(type, true)]);
      });
      const [, methodName] = route.split('.');
      const value = interp.callStatic(target.cls, methodName ?? '', args);
      const json = value === undefined ? 'null' : this.jsonText(value);
      if (route === 'AlowareSettingsController.rotateWebhookCredential' && params.kind === 'secret') {
        // The admin pastes the new secret into Aloware: the mock account sends it from now on.
        const body = JSON.parse(json) as { value?: unknown } | null;
        this.webhookSecret = String(body?.value ?? this.webhookSecret);
      }
      this.noteDeployments();
      return { status: 200, json };
    } catch (e) {
      // Not modelled: the platform rolls the transaction back on an uncaught exception (the controllers validate
      // before they write, so their handled errors leave nothing behind).
      return this.errorBody(e);
    }
  }

  // ------------------------------------------------------------------ async, deployments

  /** Runs the queued jobs that are due (a delayed Queueable waits `queueDelayMs`), each in its own transaction. */
  runDueJobs(now = Date.now()): number {
    const { org, interp } = this.emulator;
    const state = asyncState(org);
    const delay = this.options.queueDelayMs ?? 3000;
    let ran = 0;
    for (let i = 0; i < state.jobs.length && ran < 50; i++) {
      const job = state.jobs[i];
      if (!job || job.status !== 'Queued' || job.kind === 'scheduled') continue;
      if ((job.delayMinutes ?? 0) > 0) {
        const first = this.seen.get(job) ?? now;
        this.seen.set(job, first);
        if (now - first < delay) continue;
      }
      interp.resetTransaction();
      org.inTest = false;
      const error = runJob(org, interp, job, { test: false });
      if (error) console.error(`[preview org] ${job.cls.name} failed: ${describeThrow(interp, error).message}`);
      ran++;
    }
    return ran;
  }

  private noteDeployments(): void {
    for (const d of deploymentsOf(this.emulator.org)) {
      if (d.status === 'Pending' && !this.deployStarted.has(d.id)) this.deployStarted.set(d.id, Date.now());
    }
  }

  /** The Metadata API's side: completes a pending deployment after `deployDelayMs`. */
  completeDueDeployments(now = Date.now()): number {
    const delay = this.options.deployDelayMs ?? 2000;
    let done = 0;
    for (const d of deploymentsOf(this.emulator.org)) {
      if (d.status !== 'Pending') continue;
      const started = this.deployStarted.get(d.id) ?? now;
      this.deployStarted.set(d.id, started);
      if (now - started < delay) continue;
      const failing = this.options.deployFailureField;
      const culprit =
        failing === undefined ? undefined : componentsOf(d.container).find((c) => containsText(c, failing));
      this.emulator.interp.resetTransaction();
      completeDeployment(
        this.emulator,
        d.id,
        culprit
          ? {
              success: false,
              messages: [
                {
                  fullName: str(culprit.data.fullname ?? null),
                  componentType: 'CustomMetadata',
                  problem: `Field ${failing} is not available for mapping in this org (simulated deployment failure).`
                }
              ]
            }
          : { success: true }
      );
      done++;
    }
    return done;
  }

  /** Due jobs and deployments, and platform events published by jobs (the worker calls it on a timer). */
  tick(): number {
    return this.completeDueDeployments() + this.runDueJobs() + this.deliverPublishedEvents();
  }

  /**
   * The platform delivers a committed transaction's platform events soon after the commit, each trigger batch in a
   * transaction of its own as its subscriber user (Automated Process here: the preview ships no
   * PlatformEventSubscriberConfig). Returns the number of trigger runs.
   */
  private deliverPublishedEvents(): number {
    const { org, interp } = this.emulator;
    org.inTest = false;
    return deliverEvents(org, interp, false);
  }

  // ------------------------------------------------------------------ callouts and REST

  private transport(req: TransportRequest): TransportResponse {
    let out: string;
    try {
      out = execFileSync(process.execPath, [HTTP_HELPER], {
        input: JSON.stringify(req),
        encoding: 'utf8',
        timeout: req.timeoutMs + 5000,
        maxBuffer: 64 * 1024 * 1024
      });
    } catch (e) {
      throw fault('System.CalloutException', `Unable to reach ${req.url}: ${(e as Error).message.split('\n')[0]}`);
    }
    const answer = JSON.parse(out) as TransportResponse & { error?: string };
    if (answer.error === 'timeout') throw fault('System.CalloutException', 'Read timed out');
    if (answer.error) throw fault('System.CalloutException', answer.error);
    return answer;
  }

  /** An HTTP request to `/services/apexrest/...` (the Site: Aloware's webhooks arrive as the guest user). */
  rest(call: RestCall): RestResult {
    this.emulator.interp.resetTransaction();
    const result = invokeRest(this.emulator, { ...call, asGuest: true });
    // After the request's commit: the stored delivery's event reaches its trigger, and the retry Queueable the trigger
    // enqueues for a delivery that needs a callout runs, before the answer is sent (on the platform both follow the
    // answer within moments; doing it here keeps the page's next read deterministic).
    this.deliverPublishedEvents();
    this.runDueJobs();
    return result;
  }

  // ------------------------------------------------------------------ UI API

  private displayValue(f: FieldModel, v: unknown): string | null {
    if (v === null || v === undefined) return null;
    if (f.type === 'PICKLIST') return f.picklistValues.find((p) => p.value === v)?.label ?? String(v);
    if (f.type === 'REFERENCE' && f.name === 'OwnerId' && v instanceof ApexId) {
      const owner = this.emulator.org.table('User').get(v.value) ?? this.emulator.org.table('Group').get(v.value);
      return owner ? str(owner.values.get('name') ?? null) || null : null;
    }
    if (f.type === 'DATE' && v instanceof ApexDate) return `${v.month}/${v.day}/${v.year}`;
    return null;
  }

  /** `getRecord`: fields the user cannot read are left out of optionalFields and fail `fields`, as the UI API does. */
  uiApi(route: string, body: Record<string, unknown>, user: PreviewUserKind): ApexAnswer {
    const { org } = this.emulator;
    this.begin(user);
    const error = (status: number, errorCode: string, message: string): ApexAnswer => ({
      status,
      body: { errorCode, message }
    });
    const names = (value: unknown): string[] =>
      (Array.isArray(value) ? value : [])
        .filter((v): v is string => typeof v === 'string')
        .map((v) => (v.includes('.') ? v.slice(v.indexOf('.') + 1) : v));
    const find = (id: string): SObjectValue | undefined => {
      const parsed = ApexId.parse(id);
      return parsed ? org.table('Lead').get(parsed.value) : undefined;
    };
    const record = (rec: SObjectValue, fields: string[], optional: string[]): ApexAnswer => {
      if (!canRead(org, 'Lead')) return error(403, 'INSUFFICIENT_ACCESS', 'You do not have access to Leads.');
      const out: Record<string, { value: unknown; displayValue: string | null }> = {};
      const add = (name: string, required: boolean): ApexAnswer | null => {
        const f = org.field('Lead', name);
        if (!f || !isAccessibleField(org, 'Lead', f.name)) {
          return required
            ? error(
                400,
                'INVALID_FIELD',
                `No such column '${name}' on entity 'Lead'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
              )
            : null;
        }
        const raw =
          f.name === 'Name'
            ? [rec.values.get('firstname'), rec.values.get('lastname')].filter(Boolean).join(' ')
            : rec.values.get(f.name.toLowerCase());
        const v = raw === undefined ? null : raw;
        out[f.name] = { value: v === null ? null : this.json(v), displayValue: this.displayValue(f, v) };
        return null;
      };
      for (const n of fields) {
        const failed = add(n, true);
        if (failed) return failed;
      }
      for (const n of optional) add(n, false);
      const modified = rec.values.get('lastmodifieddate');
      const stamp = modified ? this.json(modified) : null;
      return {
        status: 200,
        body: {
          apiName: 'Lead',
          id: (rec.values.get('id') as ApexId).value,
          childRelationships: {},
          eTag: String(stamp ?? ''),
          lastModifiedById: null,
          lastModifiedDate: stamp,
          recordTypeId: '012000000000000AAA',
          recordTypeInfo: null,
          systemModstamp: stamp,
          weakEtag: 0,
          fields: out
        }
      };
    };
    switch (route) {
      case 'record': {
        const rec = find(String(body.recordId ?? ''));
        if (!rec) return error(404, 'NOT_FOUND', 'The requested resource does not exist');
        return record(rec, names(body.fields), names(body.optionalFields));
      }
      case 'record/update': {
        const input = body.fields && typeof body.fields === 'object' ? (body.fields as Record<string, unknown>) : {};
        const existing = find(String(input.Id ?? ''));
        if (!existing) return error(404, 'NOT_FOUND', 'The requested resource does not exist');
        const update = new SObjectValue('Lead');
        update.values.set('id', existing.values.get('id'));
        update.names.set('id', 'Id');
        for (const [name, value] of Object.entries(input)) {
          if (name === 'Id') continue;
          const f = org.field('Lead', name);
          if (!f || !isUpdateableField(org, 'Lead', f.name))
            return error(400, 'INVALID_FIELD', `Unable to update field '${name}'.`);
          update.values.set(
            f.name.toLowerCase(),
            org.record('Lead', { [f.name]: jsonToField(f, value) }).values.get(f.name.toLowerCase())
          );
          update.names.set(f.name.toLowerCase(), f.name);
        }
        // The UI API saves in user mode: the real trigger runs (and queues the outbox drain).
        const saved = org.snapshot();
        try {
          executeDml(org, this.emulator.interp, 'update', new ApexList(T('Lead'), [update]), {
            allOrNone: true,
            accessLevel: 'user',
            externalId: null,
            second: null,
            statement: true
          });
        } catch (e) {
          org.restore(saved, true);
          const d = this.errorBody(e);
          return { status: 400, body: { errorCode: 'INVALID_INPUT', message: String(d.body.message) } };
        }
        const after = find(String(input.Id)) ?? existing;
        return record(after, [], Object.keys(input));
      }
      case 'object-info':
        return { status: 200, body: this.objectInfo() };
      case 'picklist-values': {
        const raw = body.fieldApiName;
        const name =
          raw && typeof raw === 'object'
            ? String((raw as { fieldApiName?: unknown }).fieldApiName ?? '')
            : String(raw ?? '');
        const f = org.field('Lead', name.includes('.') ? name.slice(name.indexOf('.') + 1) : name);
        if (!f || (f.type !== 'PICKLIST' && f.type !== 'MULTIPICKLIST'))
          return error(400, 'INVALID_FIELD', `${name} is not a picklist field of Lead.`);
        return {
          status: 200,
          body: {
            controllerValues: {},
            defaultValue: f.picklistValues.find((p) => p.defaultValue) ?? null,
            url: `/ui-api/object-info/Lead/picklist-values/012000000000000AAA/${f.name}`,
            values: f.picklistValues
              .filter((p) => p.active)
              .map((p) => ({ attributes: null, label: p.label, validFor: [], value: p.value }))
          }
        };
      }
      default:
        return error(404, 'NOT_FOUND', `No UI API stand-in for ${route}`);
    }
  }

  private objectInfo(): Record<string, unknown> {
    const { org } = this.emulator;
    const model = org.object('Lead');
    const fields: Record<string, unknown> = {};
    for (const f of Object.values(model?.fields ?? {})) {
      if (!isAccessibleField(org, 'Lead', f.name)) continue;
      fields[f.name] = {
        apiName: f.name,
        label: f.label,
        dataType: f.type.charAt(0) + f.type.slice(1).toLowerCase(),
        length: f.length,
        precision: f.precision,
        scale: f.scale,
        custom: f.custom,
        createable: f.createable,
        updateable: f.updateable,
        required: f.required,
        calculated: f.calculated,
        externalId: f.externalId,
        unique: f.unique,
        referenceToInfos: f.referenceTo.map((apiName) => ({ apiName, nameFields: ['Name'] })),
        relationshipName: f.relationshipName
      };
    }
    return {
      apiName: 'Lead',
      label: 'Lead',
      labelPlural: 'Leads',
      keyPrefix: '00Q',
      custom: false,
      createable: true,
      updateable: true,
      queryable: true,
      defaultRecordTypeId: '012000000000000AAA',
      nameFields: ['Name'],
      fields
    };
  }

  // ------------------------------------------------------------------ the preview bar

  leadSummaries(): LeadSummary[] {
    const { org } = this.emulator;
    return SAMPLE_LEADS.map((l) => {
      const rec = org.table('Lead').get(l.id);
      const text = (name: string): string | null => {
        const v = rec?.values.get(name.toLowerCase());
        return v === null || v === undefined || v === '' ? null : str(v);
      };
      const ownerId = rec?.values.get('ownerid');
      const owner =
        ownerId instanceof ApexId
          ? (org.table('User').get(ownerId.value) ?? org.table('Group').get(ownerId.value))
          : undefined;
      const ownerName = owner
        ? owner.object === 'Group'
          ? `${str(owner.values.get('name') ?? null)} (Queue)`
          : (SAMPLE_USERS.find((u) => u.id === ownerId?.toString())?.name ?? null)
        : null;
      return {
        id: l.id,
        name: [text('FirstName'), text('LastName')].filter(Boolean).join(' ') || leadName(l),
        company: text('Company'),
        title: text('Title'),
        phone: text('Phone'),
        email: text('Email'),
        status: text('Status'),
        ownerName,
        doNotCall: rec?.values.get('donotcall') === true,
        note: l.note
      };
    });
  }

  /** Anonymous Apex as the admin (the Developer Console's "Execute Anonymous"); the exception text, or null. */
  executeAnonymous(code: string): string | null {
    this.begin('admin');
    const result = this.emulator.runSnippet(`${code}\nreturn null;`);
    return result.exception ? `${result.exception.type}: ${result.exception.message}` : null;
  }

  /** Runs SOQL as the admin, system mode (tests inspect the org with it); rows as JSON. */
  query(soql: string): Record<string, unknown>[] {
    this.begin('admin');
    const { org, interp } = this.emulator;
    const rows = org.query(soql, new Map(), interp) as ApexList;
    return rows.items.map((r) => this.json(r) as Record<string, unknown>);
  }
}

/** The components of a `Metadata.DeployContainer`. */
function componentsOf(container: NativeObject): NativeObject[] {
  const items = container.data.__items;
  return Array.isArray(items) ? items.filter((i): i is NativeObject => i instanceof NativeObject) : [];
}

function containsText(value: unknown, text: string, depth = 0): boolean {
  if (depth > 12) return false;
  if (typeof value === 'string') return value.includes(text);
  if (value instanceof NativeObject) return Object.values(value.data).some((v) => containsText(v, text, depth + 1));
  if (value instanceof ApexList) return value.items.some((v) => containsText(v, text, depth + 1));
  if (Array.isArray(value)) return value.some((v) => containsText(v, text, depth + 1));
  if (value instanceof Map) return [...value.values()].some((v) => containsText(v, text, depth + 1));
  if (value && typeof value === 'object' && 'fields' in value) {
    return containsText((value as { fields: unknown }).fields, text, depth + 1);
  }
  return false;
}
