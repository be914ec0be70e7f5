/**
 * `AlowareSettingsController` in the preview: the protected settings (API token, options, webhook credentials,
 * reconcile schedule) held in memory, with the same validation messages as `AlowareSettings`, the connection test
 * and the one-time operations running against the mock Aloware API. Secrets never leave this module except the one
 * time a newly generated webhook credential is revealed, as in the org.
 */
import { randomBytes } from 'node:crypto';
import { SAMPLE_USERS, salesforceId } from '../sample-data';
import { hasPermissions } from './context';
import { pullLead } from './inbound';
import { pushLead } from './outbound';
import type { PreviewState } from './state';
import { HandledError } from './sync-log';

export const SYNC_DIRECTIONS = ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware', 'None'] as const;
export const RECONCILE_INTERVALS = [15, 30, 60, 120, 180, 240, 360, 720, 1440] as const;
const TOKEN_MAX_LENGTH = 255;
/** Webhook REST resource path below /services/apexrest/ (AlowareSettingsController.WEBHOOK_PATH). */
export const WEBHOOK_PATH = '/services/apexrest/aloware/v1/webhooks';
/** The preview user (Avery Admin): the token owner when the account has several users. */
const PREVIEW_USER_EMAIL = SAMPLE_USERS[0]?.email ?? '';

export interface SyncOptions {
  createDirection: string;
  updateDirection: string;
  accountTimeZone: string;
  defaultPhoneCountry: string;
  allowDncClearing: boolean;
  maxAttempts: number;
  logRetentionDays: number;
}

export interface SettingsStateJson {
  canManage: boolean;
  hasApiToken: boolean;
  options: SyncOptions;
  webhook: {
    urls: { label: string; url: string }[];
    hasSecret: boolean;
    hasUrlToken: boolean;
    rotationPending: boolean;
    rotatedAt: string | null;
  };
  reconcileMinutes: number;
  lastReconcileAt: string | null;
  lastUserSyncAt: string | null;
  sweeperJobs: number;
  sweeperNextRunAt: string | null;
  sweeperLastRunAt: string | null;
}

export interface OperationStatus {
  operation: string;
  jobId: string | null;
  status: string;
  done: boolean;
  percent: number;
  processed: number;
  total: number;
  failures: number;
  message: string | null;
  counts: { label: string; value: number }[];
}

interface Job {
  operation: 'pull' | 'push';
  id: string;
  source: string;
  status: 'Queued' | 'Processing' | 'Completed';
  total: number;
  processed: number;
  failures: number;
  createdDate: number;
}

/** `AlowareAdminAccess.requireManage`. */
export function requireManage(action: string): void {
  if (!hasPermissions()) throw new HandledError(`You need the Aloware Admin permission set to ${action}.`);
}

function isTimeZone(zone: string): boolean {
  if (zone === '') return false;
  if (zone === 'UTC' || zone === 'GMT') return true;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone === zone;
  } catch {
    return false;
  }
}

/** URL-safe base64 of 256 random bits without padding (43 characters), as `AlowareWebhookSecrets.newSecret`. */
function newSecret(): string {
  return randomBytes(32).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function intOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

export class PreviewSettings {
  options: SyncOptions = {
    createDirection: 'SalesforceToAloware',
    updateDirection: 'Bidirectional',
    accountTimeZone: 'UTC',
    defaultPhoneCountry: 'US',
    allowDncClearing: false,
    maxAttempts: 8,
    logRetentionDays: 30
  };
  reconcileMinutes = 0;
  lastReconcileAt: number | null = null;
  lastUserSyncAt: number | null = null;
  /** Scheduled outbox sweeper jobs (the post-install handler schedules four in an org). */
  sweeperJobs = 0;
  /** Accepted webhook secrets: current first, then the previous one during a rotation. */
  secrets: string[];
  urlTokens: string[] = [];
  rotatedAt: number | null = null;
  private readonly jobs = new Map<string, Job>();
  private jobNumber = 0;

  constructor(
    private readonly state: PreviewState,
    initialSecret: string
  ) {
    this.secrets = [initialSecret];
  }

  json(): SettingsStateJson {
    const base = this.state.webhookUrl ? new URL(this.state.webhookUrl).origin : 'http://localhost:3000';
    return {
      canManage: hasPermissions(),
      hasApiToken: this.state.apiToken !== null,
      options: { ...this.options },
      webhook: {
        urls: [{ label: `Webhook URL (${new URL(base).host})`, url: base + WEBHOOK_PATH }],
        hasSecret: this.secrets.length > 0,
        hasUrlToken: this.urlTokens.length > 0,
        rotationPending: this.secrets.length > 1 || this.urlTokens.length > 1,
        rotatedAt: this.rotatedAt === null ? null : new Date(this.rotatedAt).toISOString()
      },
      reconcileMinutes: this.reconcileMinutes,
      lastReconcileAt: this.lastReconcileAt === null ? null : new Date(this.lastReconcileAt).toISOString(),
      lastUserSyncAt: this.lastUserSyncAt === null ? null : new Date(this.lastUserSyncAt).toISOString(),
      sweeperJobs: this.sweeperJobs,
      sweeperNextRunAt: this.sweeperJobs === 0 ? null : nextQuarterHour(Date.now()),
      sweeperLastRunAt: null
    };
  }

  /** `saveSettings(options)`: every invalid value listed, nothing saved when one is invalid; null leaves a value. */
  save(input: unknown): SettingsStateJson {
    requireManage('change the sync settings');
    if (!input || typeof input !== 'object')
      throw new HandledError('No settings were sent. Reload the page and try again.');
    const o = input as Record<string, unknown>;
    const errors: string[] = [];
    const text = (key: string): string | null => (typeof o[key] === 'string' ? (o[key] as string) : null);
    const zone = text('accountTimeZone');
    if (zone !== null && !isTimeZone(zone.trim())) {
      errors.push(`Account time zone "${zone}" is not an IANA time zone such as America/New_York.`);
    }
    const country = text('defaultPhoneCountry');
    if (country !== null && !/^[A-Z]{2}$/.test(country.trim().toUpperCase())) {
      errors.push('Default phone country must be a two-letter ISO country code such as US.');
    }
    const range = (label: string, value: number | null, min: number, max: number): void => {
      if (value !== null && (value < min || value > max))
        errors.push(`${label} must be between ${min} and ${max} (was ${value}).`);
    };
    range('Max attempts', intOrNull(o.maxAttempts), 1, 10);
    range('Log retention days', intOrNull(o.logRetentionDays), 1, 365);
    for (const [label, key] of [
      ['Creation direction', 'createDirection'],
      ['Update direction', 'updateDirection']
    ] as const) {
      const value = text(key);
      if (value !== null && !(SYNC_DIRECTIONS as readonly string[]).includes(value)) {
        errors.push(`${label} must be one of ${SYNC_DIRECTIONS.join(', ')} (was "${value}").`);
      }
    }
    if (errors.length > 0) throw new HandledError(errors.join(' '));
    if (zone !== null) this.options.accountTimeZone = zone.trim();
    if (country !== null) this.options.defaultPhoneCountry = country.trim().toUpperCase();
    if (typeof o.allowDncClearing === 'boolean') this.options.allowDncClearing = o.allowDncClearing;
    const attempts = intOrNull(o.maxAttempts);
    if (attempts !== null) this.options.maxAttempts = attempts;
    const retention = intOrNull(o.logRetentionDays);
    if (retention !== null) this.options.logRetentionDays = retention;
    if (text('createDirection') !== null) this.options.createDirection = text('createDirection') as string;
    if (text('updateDirection') !== null) this.options.updateDirection = text('updateDirection') as string;
    return this.json();
  }

  /** `saveApiToken(token)`. */
  saveApiToken(token: unknown): SettingsStateJson {
    requireManage('change the Aloware API token');
    const trimmed = typeof token === 'string' ? token.trim() : '';
    if (trimmed === '') throw new HandledError('Enter the Aloware API token.');
    if (trimmed.length > TOKEN_MAX_LENGTH) {
      throw new HandledError(`The API token is longer than ${TOKEN_MAX_LENGTH} characters.`);
    }
    if (/\s/.test(trimmed)) throw new HandledError('The API token cannot contain spaces or line breaks.');
    this.state.apiToken = trimmed;
    return this.json();
  }

  /** `testConnection()` (AlowareOutboundService.testConnection): the users endpoint with the stored token. */
  async testConnection(): Promise<Record<string, unknown>> {
    requireManage('test the Aloware connection');
    const token = this.state.apiToken;
    if (token === null) {
      return { ok: false, httpStatus: null, outcome: null, message: 'No Aloware API token is configured yet.' };
    }
    const response = await this.state.aloware.users(token);
    const result: Record<string, unknown> = {
      ok: response.outcome === 'SUCCESS' && Array.isArray(response.body),
      httpStatus: response.status || null,
      outcome: response.outcome,
      userCount: null,
      tokenOwnerName: null,
      tokenOwnerEmail: null
    };
    if (!result.ok) {
      result.message =
        response.outcome === 'SUCCESS' ? 'HTTP 200: Aloware did not return a list of users.' : response.message;
      return result;
    }
    const users = response.body as { name?: string; email?: string }[];
    const owner =
      users.length === 1
        ? users[0]
        : users.find((u) => typeof u.email === 'string' && u.email.toLowerCase() === PREVIEW_USER_EMAIL.toLowerCase());
    result.userCount = users.length;
    result.tokenOwnerName = owner?.name ?? null;
    result.tokenOwnerEmail = owner?.email ?? null;
    result.message = `Connected to Aloware: ${users.length}${users.length === 1 ? ' user' : ' users'} in the account.`;
    return result;
  }

  /** `rotateWebhookCredential(kind)`: the previous credential stays valid until the rotation is finished. */
  rotate(kind: unknown): { value: string; state: SettingsStateJson } {
    requireManage('generate webhook credentials');
    const value = newSecret();
    if (kind === 'secret') {
      this.secrets = [value, ...this.secrets.slice(0, 1)];
      this.state.setWebhookSecret(value);
    } else if (kind === 'urlToken') {
      this.urlTokens = [value, ...this.urlTokens.slice(0, 1)];
    } else {
      throw new HandledError('Choose "secret" or "urlToken" as the credential to generate.');
    }
    this.rotatedAt = Date.now();
    return { value, state: this.json() };
  }

  /** `finishWebhookRotation()`. */
  finishRotation(): SettingsStateJson {
    requireManage('finish a webhook credential rotation');
    this.secrets = this.secrets.slice(0, 1);
    this.urlTokens = this.urlTokens.slice(0, 1);
    return this.json();
  }

  /** `scheduleSweeper()`: the four quarter-hour jobs, each at most once. */
  scheduleSweeper(): SettingsStateJson {
    requireManage('schedule the outbox sweeper');
    this.sweeperJobs = 4;
    return this.json();
  }

  /** `scheduleReconcile(intervalMinutes)`. */
  scheduleReconcile(minutes: unknown): SettingsStateJson {
    requireManage('schedule the reconcile');
    if (minutes === null || minutes === undefined || minutes === 0) {
      this.reconcileMinutes = 0;
      return this.json();
    }
    if (typeof minutes !== 'number' || !(RECONCILE_INTERVALS as readonly number[]).includes(minutes)) {
      throw new HandledError(
        `The reconcile interval must be one of ${RECONCILE_INTERVALS.join(', ')} minutes, or 0 to stop it.`
      );
    }
    this.reconcileMinutes = minutes;
    return this.json();
  }

  /** `startOperation(operation)`: syncUsers runs now; pull and push start a job over the Leads. */
  async startOperation(operation: unknown): Promise<OperationStatus> {
    requireManage('run one-time operations');
    if (this.state.apiToken === null)
      throw new HandledError('Save the Aloware API token first: every operation calls Aloware.');
    if (operation === 'syncUsers') return this.userSync();
    if (operation !== 'pull' && operation !== 'push') {
      throw new HandledError(`Unknown operation "${String(operation)}". Use pull, push or syncUsers.`);
    }
    const leads = [...this.state.leads.values()];
    const job: Job = {
      operation,
      id: salesforceId('707', ++this.jobNumber),
      source: operation === 'pull' ? 'Pull' : 'One-time Push',
      status: 'Queued',
      total: leads.length,
      processed: 0,
      failures: 0,
      createdDate: Date.now()
    };
    this.jobs.set(job.id, job);
    void (async () => {
      job.status = 'Processing';
      for (const lead of leads) {
        // One Lead per batch, paced so the progress bar moves visibly.
        await new Promise((resolve) => setTimeout(resolve, 400));
        try {
          if (operation === 'push') await pushLead(this.state, lead, job.source);
          else await pullLead(this.state, lead);
        } catch (error) {
          job.failures += 1;
          console.error('[dev-api] operation batch failed', error);
        }
        job.processed += 1;
      }
      if (operation === 'pull') this.lastReconcileAt = Date.now();
      job.status = 'Completed';
    })();
    return {
      operation,
      jobId: job.id,
      status: 'Queued',
      done: false,
      percent: 0,
      processed: 0,
      total: 0,
      failures: 0,
      message: 'Started. Progress appears below; results go to the sync log.',
      counts: []
    };
  }

  /** `getOperationStatus(operation, jobId)`. */
  operationStatus(operation: unknown, jobId: unknown): OperationStatus {
    if ((operation !== 'pull' && operation !== 'push') || typeof jobId !== 'string' || jobId === '') {
      throw new HandledError('Unknown operation or job. Start the operation again.');
    }
    const job = this.jobs.get(jobId);
    if (!job || job.operation !== operation)
      throw new HandledError('This job no longer exists. Start the operation again.');
    const done = job.status === 'Completed';
    const status: OperationStatus = {
      operation,
      jobId: job.id,
      status: job.status,
      done,
      percent: done ? 100 : job.total === 0 ? 0 : Math.floor((job.processed * 100) / job.total),
      processed: job.processed,
      total: job.total,
      failures: job.failures,
      message: 'Running.',
      counts: []
    };
    if (!done) return status;
    const byStatus = new Map<string, number>();
    for (const entry of this.state.syncLog.all()) {
      if (entry.source === job.source && entry.createdDate >= job.createdDate) {
        byStatus.set(entry.status, (byStatus.get(entry.status) ?? 0) + 1);
      }
    }
    status.counts = [...byStatus.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, value]) => ({ label, value }));
    status.message = `Finished${job.failures > 0 ? `: ${job.failures} batch(es) failed` : ''}. Details are in the sync log.`;
    return status;
  }

  private async userSync(): Promise<OperationStatus> {
    const response = await this.state.aloware.users(this.state.apiToken ?? '');
    const ok = response.outcome === 'SUCCESS' && Array.isArray(response.body);
    const users = ok ? (response.body as { id: number; email?: string }[]) : [];
    const emails = new Set(SAMPLE_USERS.map((u) => u.email.toLowerCase()));
    const matched = users.filter((u) => typeof u.email === 'string' && emails.has(u.email.toLowerCase())).length;
    const unmatched = users.length - matched;
    if (ok) this.lastUserSyncAt = Date.now();
    this.state.syncLog.append({
      leadId: null,
      leadName: null,
      direction: 'Inbound',
      source: 'User Sync',
      status: ok ? 'Succeeded' : 'Failed',
      attempts: 1,
      httpStatus: response.status || null,
      outcome: response.outcome,
      errorMessage: ok ? null : response.message,
      correlationId: null,
      completedAt: Date.now(),
      nextAttemptAt: null,
      requestSummary: response.request,
      responseSummary: `${response.status} ${response.raw}`.trim(),
      eventName: null
    });
    return {
      operation: 'syncUsers',
      jobId: null,
      status: ok ? 'Completed' : 'Failed',
      done: true,
      percent: 100,
      processed: 0,
      total: 0,
      failures: ok ? 0 : 1,
      message: ok
        ? `${users.length} Aloware users: ${matched} matched by email, ${unmatched} without an active Salesforce user.`
        : `The user sync failed: ${response.message}`,
      counts: [
        { label: 'Aloware users', value: users.length },
        { label: 'Matched to Salesforce users', value: matched },
        { label: 'Without a Salesforce user', value: unmatched }
      ]
    };
  }
}

/** The next quarter hour after a time (the sweeper's next run), as ISO text. */
function nextQuarterHour(now: number): string {
  const quarter = 15 * 60 * 1000;
  return new Date(Math.floor(now / quarter) * quarter + quarter).toISOString();
}
