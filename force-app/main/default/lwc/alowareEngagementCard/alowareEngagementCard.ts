import { LightningElement, api, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import type { RecordRepresentation, WiredRecord } from 'lightning/uiRecordApi';
import DO_NOT_CALL from '@salesforce/schema/Lead.DoNotCall';
import DNC from '@salesforce/schema/Lead.Aloware_DNC__c';
import TCPA from '@salesforce/schema/Lead.Aloware_TCPA_Approved__c';
import LEAD_LINK from '@salesforce/schema/Lead.Aloware_Lead_Link__c';
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
import { reduceErrors } from 'c/alowareUiUtils';

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
export const OPTIONAL_FIELDS: FieldRef[] = [DO_NOT_CALL, DNC, TCPA, LEAD_LINK, ...ENGAGEMENT_FIELDS];

/** Longest message preview shown on the card; the full text stays on the record. */
export const PREVIEW_LENGTH = 140;

/** A rendered activity block. */
interface Activity {
  key: string;
  label: string;
  icon: string;
  date: string | null;
  time: string | null;
  disposition: string | null;
  preview: string | null;
  hasValue: boolean;
  showDisposition: boolean;
  showPreview: boolean;
}

/**
 * Aloware engagement on the Lead record page: last calls and texts, totals, last engagement, a DNC warning, the TCPA
 * badge and a link to the contact in Aloware. Reads the record through the UI API (no Apex), so field-level security
 * applies: unreadable fields are absent and their parts of the card are not shown.
 */
export default class AlowareEngagementCard extends LightningElement {
  @api recordId: string | undefined;

  record: RecordRepresentation | null = null;
  errorMessage: string | null = null;
  loaded = false;

  @wire(getRecord, { recordId: '$recordId', optionalFields: OPTIONAL_FIELDS })
  wiredRecord({ data, error }: WiredRecord): void {
    if (data) {
      this.record = data;
      this.errorMessage = null;
      this.loaded = true;
    } else if (error) {
      this.record = null;
      this.errorMessage = reduceErrors(error);
      this.loaded = true;
    }
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

  /** Only https links are offered: a stored value is never trusted to be a safe URL. */
  get alowareLink(): string | null {
    const link = this.text(LEAD_LINK);
    if (!link) return null;
    try {
      const url = new URL(link);
      return url.protocol === 'https:' ? url.href : null;
    } catch (error) {
      // new URL throws a TypeError for a link that is not a URL (by name: jsdom's and the page's realms differ): no
      // link then; anything else is a defect.
      if ((error as { name?: unknown } | null)?.name === 'TypeError') return null;
      throw error;
    }
  }

  get activities(): Activity[] {
    return ACTIVITIES.filter((spec) =>
      [spec.date, spec.time, spec.disposition, spec.text].some((f) => f && this.readable(f))
    ).map((spec) => {
      const date = this.text(spec.date);
      const time = this.text(spec.time);
      const disposition = spec.disposition ? this.text(spec.disposition) : null;
      const fullText = spec.text ? this.text(spec.text) : null;
      const preview =
        fullText && fullText.length > PREVIEW_LENGTH ? `${fullText.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…` : fullText;
      return {
        key: spec.key,
        label: spec.label,
        icon: spec.icon,
        date,
        time,
        disposition,
        preview,
        hasValue: date !== null || time !== null || disposition !== null || preview !== null,
        showDisposition: disposition !== null,
        showPreview: preview !== null
      };
    });
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

  get lastEngagement(): string | null {
    return this.text(LAST_ENGAGEMENT);
  }

  get showLastEngagement(): boolean {
    return this.readable(LAST_ENGAGEMENT);
  }

  get lastCallDisposition(): string | null {
    return this.text(LAST_CALL_DISPOSITION);
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

  get showNoAccess(): boolean {
    return this.hasRecord && !this.canReadEngagement;
  }
}
