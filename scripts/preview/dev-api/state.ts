/**
 * The dev API's in-memory org: Leads, users, the Lead describe, the sync log, and the client to the mock Aloware API.
 * One state per preview server; route handlers reach it through {@link currentState}. Importing this module has no
 * side effects (the reference gate imports routes.ts, which imports this).
 */
import { WEBHOOK_EVENTS } from '../mock-aloware/events';
import { DEFAULT_TOKEN, FAILURE_MODES, type MockAloware } from '../mock-aloware/server';
import { SAMPLE_LEADS, SAMPLE_USERS, leadName, type SampleLead } from '../sample-data';
import { AlowareClient } from './aloware-client';
import { describeField, leadDescribe, type DescribeField } from './describe';
import { applyWebhook, type WebhookResult } from './inbound';
import { PreviewMappings } from './mappings';
import { pushLead } from './outbound';
import { PreviewSettings } from './settings';
import { HandledError, SyncLogStore } from './sync-log';

export type LeadRecord = Record<string, unknown> & { Id: string };

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

export interface PreviewStateOptions {
  alowareBaseUrl: string;
  mock?: MockAloware;
  /** Sync-log anchor (epoch ms of the newest generated entry); default: now. */
  anchor?: number;
  /** Number of generated sync-log entries (default 100,000). */
  generatedLogEntries?: number;
}

/** Secret the preview's webhook endpoint accepts until an admin rotates it in the settings. */
export const PREVIEW_WEBHOOK_SECRET = 'preview-webhook-secret';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export class PreviewState {
  readonly leads = new Map<string, LeadRecord>();
  readonly notes = new Map<string, string>();
  readonly syncLog: SyncLogStore;
  readonly aloware: AlowareClient;
  readonly mock: MockAloware | undefined;
  /** The Aloware API token (protected custom setting in the org), or null before an admin saves one. */
  apiToken: string | null = DEFAULT_TOKEN;
  /** `AlowareSettingsController`'s settings (options, webhook credentials, schedule, operations). */
  readonly settings: PreviewSettings;
  /** `AlowareMappingController`'s mapping records. */
  readonly mappings: PreviewMappings;
  webhookUrl: string | null = null;

  constructor(options: PreviewStateOptions) {
    this.mock = options.mock;
    this.aloware = new AlowareClient(options.alowareBaseUrl);
    this.syncLog = new SyncLogStore(options.anchor, options.generatedLogEntries);
    this.settings = new PreviewSettings(this, PREVIEW_WEBHOOK_SECRET);
    this.mappings = new PreviewMappings(this);
    const created = new Date('2025-10-01T15:00:00.000Z').toISOString();
    for (const l of SAMPLE_LEADS) this.addLead(l, created);
  }

  private addLead(l: SampleLead, created: string): void {
    const record: LeadRecord = { Id: l.id, Name: leadName(l), CreatedDate: created, LastModifiedDate: created };
    for (const f of leadDescribe()) {
      if (!(f.name in record)) record[f.name] = f.type === 'boolean' ? false : null;
    }
    Object.assign(record, l.fields);
    this.leads.set(l.id, record);
    this.notes.set(l.id, l.note);
  }

  lead(id: string): LeadRecord | undefined {
    return this.leads.get(id) ?? [...this.leads.values()].find((l) => l.Id.slice(0, 15) === id.slice(0, 15));
  }

  /** Lead whose Phone or MobilePhone is `phone` (E.164). */
  leadByPhone(phone: string): LeadRecord | undefined {
    return [...this.leads.values()].find((l) => l.Phone === phone || l.MobilePhone === phone);
  }

  ownerName(ownerId: unknown): string | null {
    if (typeof ownerId !== 'string') return null;
    if (ownerId.startsWith('00G')) return 'Inbound Leads (Queue)';
    return SAMPLE_USERS.find((u) => u.id === ownerId)?.name ?? null;
  }

  field(name: string): DescribeField | undefined {
    return describeField(name);
  }

  leadSummary(l: LeadRecord): LeadSummary {
    return {
      id: l.Id,
      name: text(l.Name) ?? l.Id,
      company: text(l.Company),
      title: text(l.Title),
      phone: text(l.Phone),
      email: text(l.Email),
      status: text(l.Status),
      ownerName: this.ownerName(l.OwnerId),
      doNotCall: l.DoNotCall === true,
      note: this.notes.get(l.Id) ?? ''
    };
  }

  previewInfo(): {
    mockAlowareUrl: string;
    failureMode: string;
    failureModes: readonly string[];
    events: typeof WEBHOOK_EVENTS;
    leads: LeadSummary[];
  } {
    return {
      mockAlowareUrl: this.aloware.baseUrl,
      failureMode: this.mock?.failureMode() ?? 'none',
      failureModes: FAILURE_MODES,
      events: WEBHOOK_EVENTS,
      leads: [...this.leads.values()].map((l) => this.leadSummary(l))
    };
  }

  /**
   * The footer's "Send webhook": the mock Aloware account delivers `kind` for the Lead's contact to the webhook
   * endpoint. A Lead Aloware does not know yet is pushed first (what the trigger would have done).
   */
  async simulateEvent(kind: string, leadId: string): Promise<{ status: number; message: string }> {
    const lead = this.lead(leadId);
    if (!lead || !this.mock) return { status: 404, message: 'No such Lead in the preview.' };
    const phone = typeof lead.Phone === 'string' ? lead.Phone : '';
    if (!phone) return { status: 400, message: 'This Lead has no phone: Aloware knows contacts by phone number.' };
    if (!this.mock.directory.findByPhone(phone)) {
      const pushed = await pushLead(this, lead, 'Manual');
      if (pushed.status !== 'Succeeded')
        return { status: 502, message: `The Lead could not be pushed first: ${pushed.errorMessage ?? pushed.status}` };
    }
    const delivered = await this.mock.emit(kind, { phone });
    const first = delivered[0];
    return first && first.status < 300
      ? { status: 200, message: `${first.event} → ${first.status}. See the card and the sync log.` }
      : { status: 502, message: `${first?.event ?? kind} → ${first?.status ?? 'not sent'}` };
  }

  /** Attempts before an outbound entry fails for good (settings). */
  get maxAttempts(): number {
    return this.settings.options.maxAttempts;
  }

  setWebhookUrl(url: string): void {
    this.webhookUrl = url;
    this.mock?.setWebhookTarget({ url, secret: this.settings.secrets[0] ?? null });
  }

  /** A new webhook secret (what an admin pastes into Aloware): the mock Aloware account starts sending it. */
  setWebhookSecret(secret: string): void {
    if (this.webhookUrl) this.mock?.setWebhookTarget({ url: this.webhookUrl, secret });
  }

  /** The Apex REST webhook endpoint's stand-in (authentication, envelope, handlers, sync log). */
  receiveWebhook(
    authorization: string,
    urlToken: string | null,
    body: Record<string, unknown>
  ): Promise<WebhookResult> {
    return applyWebhook(this, authorization, urlToken, body);
  }

  /** The error body a component receives for a failed Apex call (`error.body`). */
  errorBody(error: unknown): Record<string, unknown> {
    if (error instanceof HandledError) {
      return { message: error.message, exceptionType: 'System.AuraHandledException', isUserDefinedException: false };
    }
    console.error('[dev-api] unexpected error', error);
    return {
      message: error instanceof Error ? error.message : String(error),
      exceptionType: 'System.UnexpectedException',
      isUserDefinedException: false,
      stackTrace: error instanceof Error ? (error.stack ?? null) : null
    };
  }
}

let current: PreviewState | undefined;

/** Creates the state and makes it current (one preview server per process). */
export function createPreviewState(options: PreviewStateOptions): PreviewState {
  current = new PreviewState(options);
  return current;
}

/** The current state; route handlers use it. */
export function currentState(): PreviewState {
  if (!current) throw new Error('The dev API has no state: start it with startPreviewServer().');
  return current;
}

export { HandledError };
