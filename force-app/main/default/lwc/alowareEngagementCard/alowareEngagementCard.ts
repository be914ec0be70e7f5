import { LightningElement, api, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { refreshApex } from '@salesforce/apex';
import getEngagementStatus from '@salesforce/apex/AlowareEngagementController.getEngagementStatus';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import type { RecordRepresentation, WiredRecord } from 'lightning/uiRecordApi';
import DO_NOT_CALL from '@salesforce/schema/Lead.DoNotCall';
import DNC from '@salesforce/schema/Lead.Aloware_DNC__c';
import TCPA from '@salesforce/schema/Lead.Aloware_TCPA_Approved__c';
import LEAD_LINK from '@salesforce/schema/Lead.Aloware_Lead_Link__c';
import CONTACT_ID from '@salesforce/schema/Lead.Aloware_Contact_ID__c';
import LAST_INBOUND_CALL_DATE from '@salesforce/schema/Lead.Aloware_Last_Inbound_Call_Date__c';
import LAST_INBOUND_CALL_TIME from '@salesforce/schema/Lead.Aloware_Last_Inbound_Call_Time__c';
import LAST_INBOUND_CALL_DISPOSITION from '@salesforce/schema/Lead.Aloware_Last_Inbound_Call_Disposition__c';
import LAST_OUTBOUND_CALL_DATE from '@salesforce/schema/Lead.Aloware_Last_Outbound_Call_Date__c';
import LAST_OUTBOUND_CALL_TIME from '@salesforce/schema/Lead.Aloware_Last_Outbound_Call_Time__c';
import LAST_OUTBOUND_CALL_DISPOSITION from '@salesforce/schema/Lead.Aloware_Last_Outbound_Call_Disposition__c';
import LAST_CALL_DISPOSITION from '@salesforce/schema/Lead.Aloware_Last_Call_Disposition__c';
import LAST_INBOUND_TEXT_DATE from '@salesforce/schema/Lead.Aloware_Last_Inbound_Text_Date__c';
import LAST_INBOUND_TEXT_TIME from '@salesforce/schema/Lead.Aloware_Last_Inbound_Message_Time__c';
import LAST_INBOUND_TEXT from '@salesforce/schema/Lead.Aloware_Last_Inbound_Text__c';
import LAST_OUTBOUND_TEXT_DATE from '@salesforce/schema/Lead.Aloware_Last_Outbound_Text_Date__c';
import LAST_OUTBOUND_TEXT_TIME from '@salesforce/schema/Lead.Aloware_Last_Outbound_Message_Time__c';
import LAST_OUTBOUND_TEXT from '@salesforce/schema/Lead.Aloware_Last_Outbound_Text__c';
import TOTAL_INBOUND_CALLS from '@salesforce/schema/Lead.Aloware_Total_Inbound_Calls__c';
import TOTAL_OUTBOUND_CALLS from '@salesforce/schema/Lead.Aloware_Total_Outbound_Calls__c';
import TOTAL_INBOUND_TEXTS from '@salesforce/schema/Lead.Aloware_Total_Inbound_Texts__c';
import TOTAL_OUTBOUND_TEXTS from '@salesforce/schema/Lead.Aloware_Total_Outbound_Texts__c';
import LAST_ENGAGEMENT from '@salesforce/schema/Lead.Aloware_Last_Engagement__c';
import { cancelEvery, reduceErrors, runEvery, type LaterHandle } from 'c/alowareUiUtils';
import { showDateTime, showRecorded } from './engagementTimes';
import type { ShownTime, Viewer } from './engagementTimes';
import { contactLink, httpsUrl, syncLine } from './syncStatus';
import type { EngagementStatus, SyncLine } from './syncStatus';

type FieldRef = { fieldApiName: string; objectApiName: string };

/** One activity block (last inbound call, ...): its fields, any of which may be unreadable for this user. */
interface ActivitySpec {
  key: string;
  label: string;
  icon: string;
  date: FieldRef;
  time: FieldRef;
  disposition?: FieldRef;
  text?: FieldRef;
}

const ACTIVITIES: ActivitySpec[] = [
  {
    key: 'inbound-call',
    label: 'Last inbound call',
    icon: 'utility:incoming_call',
    date: LAST_INBOUND_CALL_DATE,
    time: LAST_INBOUND_CALL_TIME,
    disposition: LAST_INBOUND_CALL_DISPOSITION
  },
  {
    key: 'outbound-call',
    label: 'Last outbound call',
    icon: 'utility:outbound_call',
    date: LAST_OUTBOUND_CALL_DATE,
    time: LAST_OUTBOUND_CALL_TIME,
    disposition: LAST_OUTBOUND_CALL_DISPOSITION
  },
  {
    key: 'inbound-text',
    label: 'Last inbound text',
    icon: 'utility:chat',
    date: LAST_INBOUND_TEXT_DATE,
    time: LAST_INBOUND_TEXT_TIME,
    text: LAST_INBOUND_TEXT
  },
  {
    key: 'outbound-text',
    label: 'Last outbound text',
    icon: 'utility:send',
    date: LAST_OUTBOUND_TEXT_DATE,
    time: LAST_OUTBOUND_TEXT_TIME,
    text: LAST_OUTBOUND_TEXT
  }
];

const TOTALS: { key: string; label: string; field: FieldRef }[] = [
  { key: 'inbound-calls', label: 'Inbound calls', field: TOTAL_INBOUND_CALLS },
  { key: 'outbound-calls', label: 'Outbound calls', field: TOTAL_OUTBOUND_CALLS },
  { key: 'inbound-texts', label: 'Inbound texts', field: TOTAL_INBOUND_TEXTS },
  { key: 'outbound-texts', label: 'Outbound texts', field: TOTAL_OUTBOUND_TEXTS }
];

const ENGAGEMENT_FIELDS: FieldRef[] = [
  ...ACTIVITIES.flatMap((a) => [
    a.date,
    a.time,
    ...(a.disposition ? [a.disposition] : []),
    ...(a.text ? [a.text] : [])
  ]),
  LAST_CALL_DISPOSITION,
  ...TOTALS.map((t) => t.field),
  LAST_ENGAGEMENT
];

/**
 * Every field is optional: the UI API leaves out the fields the user cannot read (field-level security), and the card
 * then simply does not show them.
 */
export const OPTIONAL_FIELDS: FieldRef[] = [DO_NOT_CALL, DNC, TCPA, LEAD_LINK, CONTACT_ID, ...ENGAGEMENT_FIELDS];

/** Longest message preview shown on the card; the full text stays on the record. */
export const PREVIEW_LENGTH = 140;

/** How often the relative times ("2 minutes ago") are brought up to date while the card is shown. */
export const CLOCK_TICK_MS = 60_000;

/** The rep's locale and time zone (Salesforce user settings, through `@salesforce/i18n`). */
export const VIEWER_LOCALE: string = LOCALE;
export const VIEWER_TIME_ZONE: string = TIME_ZONE;

/** A rendered activity block. */
interface Activity {
  key: string;
  label: string;
  icon: string;
  when: (ShownTime & { recordedTitle: string }) | null;
  disposition: string | null;
  preview: string | null;
  hasValue: boolean;
  showDisposition: boolean;
  showPreview: boolean;
  isCall: boolean;
}

/** The wired Apex result, kept for `refreshApex`. */
type WiredStatus = { data?: unknown; error?: unknown };

const SYNC_ICONS: Record<SyncLine['kind'], string> = {
  success: 'utility:success',
  waiting: 'utility:clock',
  failed: 'utility:error',
  blocked: 'utility:warning',
  info: 'utility:info'
};

function sameDisposition(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Aloware engagement on the Lead record page: DNC first, then the sync status, last calls and texts (each call with
 * its own disposition), totals and last engagement, all times in the rep's locale and time zone with "x ago", the
 * TCPA badge and "Open in Aloware". Reads the record through the UI API, so field-level security applies (unreadable
 * fields are absent and their parts of the card are not shown); the sync status and link template come from
 * `AlowareEngagementController` (user mode: a rep who may not read the sync log sees no sync line).
 */
export default class AlowareEngagementCard extends LightningElement {
  @api recordId: string | undefined;

  record: RecordRepresentation | null = null;
  errorMessage: string | null = null;
  loaded = false;
  status: EngagementStatus | null = null;
  /** Epoch milliseconds the relative times are counted from; advanced by the clock tick. */
  now: number = Date.now();

  private wiredStatusResult: WiredStatus | undefined;
  private recordSeen = false;
  private clock: LaterHandle | undefined;

  override connectedCallback(): void {
    this.now = Date.now();
    // A minute tick keeps "x minutes ago" true while the page stays open; cleared on disconnect.
    this.clock = runEvery(() => this.tick(), CLOCK_TICK_MS);
  }

  override disconnectedCallback(): void {
    if (this.clock !== undefined) cancelEvery(this.clock);
    this.clock = undefined;
  }

  /** Advances "now"; while the latest entry is open (waiting, retrying, sending) its outcome is fetched again. */
  private tick(): void {
    this.now = Date.now();
    const open = ['Pending', 'In Progress', 'Retrying'].includes(this.status?.sync?.status ?? '');
    if (open && this.wiredStatusResult) refreshApex(this.wiredStatusResult).catch(() => undefined);
  }

  @wire(getRecord, { recordId: '$recordId', optionalFields: OPTIONAL_FIELDS })
  wiredRecord({ data, error }: WiredRecord): void {
    if (data) {
      this.record = data;
      this.errorMessage = null;
      this.loaded = true;
      this.now = Date.now();
      // The record changed (a sync wrote it, the rep edited it): the sync status may have changed too.
      // A failed refresh reaches wiredStatus as its error too, which handles it: nothing more to do here.
      if (this.recordSeen && this.wiredStatusResult) refreshApex(this.wiredStatusResult).catch(() => undefined);
      this.recordSeen = true;
    } else if (error) {
      this.record = null;
      this.errorMessage = reduceErrors(error);
      this.loaded = true;
    }
  }

  @wire(getEngagementStatus, { leadId: '$recordId' })
  wiredStatus(result: WiredStatus): void {
    this.wiredStatusResult = result;
    if (result.data) {
      this.status = result.data as EngagementStatus;
      this.now = Date.now();
    } else if (result.error) {
      // The status is an extra: without it the card still shows the Lead's own fields (no sync line, stored link).
      this.status = null;
    }
  }

  private get viewer(): Viewer {
    return { locale: VIEWER_LOCALE, timeZone: VIEWER_TIME_ZONE, now: this.now };
  }

  private readable(field: FieldRef): boolean {
    return this.record?.fields[field.fieldApiName] !== undefined;
  }

  private value(field: FieldRef): unknown {
    const entry = this.record?.fields[field.fieldApiName];
    return entry === undefined || entry === null ? null : entry.value;
  }

  private text(field: FieldRef): string | null {
    const v = this.value(field);
    return v === null || v === undefined || v === '' ? null : String(v);
  }

  get isLoading(): boolean {
    return !this.loaded;
  }

  get hasRecord(): boolean {
    return this.record !== null;
  }

  /** DNC in Aloware, or Salesforce's own Do Not Call. */
  get isDnc(): boolean {
    return this.value(DNC) === true || this.value(DO_NOT_CALL) === true;
  }

  get dncMessage(): string {
    const sources: string[] = [];
    if (this.value(DNC) === true) sources.push('Aloware');
    if (this.value(DO_NOT_CALL) === true) sources.push('Salesforce');
    return `Do not call or text this Lead: it is marked Do Not Call in ${sources.join(' and ')}.`;
  }

  get showTcpa(): boolean {
    return this.readable(TCPA);
  }

  get tcpaApproved(): boolean {
    return this.value(TCPA) === true;
  }

  get tcpaLabel(): string {
    return this.tcpaApproved ? 'TCPA approved' : 'TCPA not approved';
  }

  get tcpaClass(): string {
    return this.tcpaApproved ? 'slds-theme_success' : 'slds-badge_lightest';
  }

  get tcpaIcon(): string {
    return this.tcpaApproved ? 'utility:check' : 'utility:warning';
  }

  /**
   * The stored link when it is an https URL; otherwise, whenever the contact id is known, the link built from the
   * admin's template (a Lead created in Aloware may have the id without the link).
   */
  get alowareLink(): string | null {
    return (
      httpsUrl(this.text(LEAD_LINK)) ?? contactLink(this.status?.contactLinkTemplate ?? null, this.text(CONTACT_ID))
    );
  }

  /** The sync status line, or null when nothing truthful can be said. */
  get sync(): (SyncLine & { icon: string }) | null {
    if (!this.hasRecord) return null;
    const line = syncLine(this.status, this.viewer);
    return line ? { ...line, icon: SYNC_ICONS[line.kind] } : null;
  }

  get syncClass(): string {
    const kind = this.sync?.kind;
    const color =
      kind === 'failed'
        ? 'slds-text-color_error'
        : kind === 'success'
          ? 'slds-text-color_success'
          : 'slds-text-color_default';
    return `slds-text-body_regular ${color}`;
  }

  /** The Lead has no phone: it can never sync, so no engagement can ever appear. */
  get hasNoPhone(): boolean {
    return this.status?.hasPhone === false;
  }

  get activities(): Activity[] {
    const viewer = this.viewer;
    return ACTIVITIES.filter((spec) =>
      [spec.date, spec.time, spec.disposition, spec.text].some((f) => f && this.readable(f))
    ).map((spec) => {
      const shown = showRecorded(this.text(spec.date), this.text(spec.time), viewer);
      const when = shown ? { ...shown, recordedTitle: `Recorded by Aloware as ${shown.recorded}` } : null;
      const disposition = spec.disposition ? this.text(spec.disposition) : null;
      const fullText = spec.text ? this.text(spec.text) : null;
      const preview =
        fullText && fullText.length > PREVIEW_LENGTH ? `${fullText.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…` : fullText;
      return {
        key: spec.key,
        label: spec.label,
        icon: spec.icon,
        when,
        disposition,
        preview,
        hasValue: when !== null || disposition !== null || preview !== null,
        showDisposition: disposition !== null,
        showPreview: preview !== null,
        isCall: spec.disposition !== undefined
      };
    });
  }

  /**
   * The generic "Last call disposition", only when it cannot contradict the calls shown: no call is shown with a
   * value, or it matches the latest call shown, or that call has no disposition of its own. When which call is latest
   * cannot be told (no zoned time, same day), it must match one of them.
   */
  get lastCallDisposition(): string | null {
    const generic = this.text(LAST_CALL_DISPOSITION);
    if (generic === null) return null;
    const calls = this.activities.filter((a) => a.isCall && a.hasValue);
    if (calls.length === 0) return generic;
    const latest = this.latestCall(calls);
    if (latest) return latest.disposition === null || sameDisposition(latest.disposition, generic) ? generic : null;
    return calls.some((c) => sameDisposition(c.disposition, generic)) ? generic : null;
  }

  private latestCall(calls: Activity[]): Activity | null {
    if (calls.length === 1) return calls[0] ?? null;
    const keyed = calls.map((c) => ({
      call: c,
      at: c.when?.instant ?? null,
      day: c.when?.machine?.slice(0, 10) ?? ''
    }));
    if (keyed.every((k) => k.at !== null)) {
      const sorted = [...keyed].sort((a, b) => (b.at ?? 0) - (a.at ?? 0));
      return sorted[0]?.at === sorted[1]?.at ? null : (sorted[0]?.call ?? null);
    }
    // Without an instant for each, only different days tell which call came last.
    const days = keyed.map((k) => k.day);
    if (days.some((d) => d === '') || new Set(days).size < days.length) return null;
    return [...keyed].sort((a, b) => b.day.localeCompare(a.day))[0]?.call ?? null;
  }

  get totals(): { key: string; label: string; value: number }[] {
    return TOTALS.filter((t) => this.readable(t.field)).map((t) => ({
      key: t.key,
      label: t.label,
      value: Number(this.value(t.field) ?? 0)
    }));
  }

  get hasTotals(): boolean {
    return this.totals.length > 0;
  }

  get lastEngagement(): ShownTime | null {
    return showDateTime(this.text(LAST_ENGAGEMENT), this.viewer);
  }

  get showLastEngagement(): boolean {
    return this.readable(LAST_ENGAGEMENT);
  }

  /** The user can read at least one engagement field. */
  get canReadEngagement(): boolean {
    return ENGAGEMENT_FIELDS.some((f) => this.readable(f));
  }

  /** At least one readable engagement field has a value (a total of 0 is no engagement). */
  get hasEngagement(): boolean {
    return ENGAGEMENT_FIELDS.some((f) => {
      const v = this.value(f);
      return v !== null && v !== '' && v !== 0 && v !== false;
    });
  }

  get showDetails(): boolean {
    return this.hasRecord && this.hasEngagement;
  }

  get showEmpty(): boolean {
    return this.hasRecord && this.canReadEngagement && !this.hasEngagement;
  }

  get emptyText(): string {
    return this.hasNoPhone
      ? 'This Lead has no phone number, so it cannot sync with Aloware and no calls or texts can appear here.'
      : 'Calls and texts with this Lead in Aloware will appear here.';
  }

  get showNoAccess(): boolean {
    return this.hasRecord && !this.canReadEngagement;
  }
}
