import { LightningElement, api, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import type { WiredRecord } from 'lightning/uiRecordApi';
import { refreshApex } from '@salesforce/apex';
import getRecentCommunications from '@salesforce/apex/AlowareRecentCommunicationsController.getRecentCommunications';
import LOCALE from '@salesforce/i18n/locale';
import LAST_MODIFIED from '@salesforce/schema/Lead.LastModifiedDate';
import { reduceErrors } from 'c/alowareUiUtils';

/** One communication as the controller answers it (`AlowareRecentCommunication`). */
export interface CommunicationItem {
  id: string;
  subject: string | null;
  channel: string | null;
  direction: string | null;
  disposition: string | null;
  occurredAt: string | null;
}

interface CommunicationsResult {
  canRead: boolean;
  items: CommunicationItem[];
}

interface Row {
  id: string;
  subject: string;
  kind: string;
  icon: string;
  disposition: string | null;
  relative: string;
  absolute: string;
  iso: string;
}

const UNITS: { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: 'year', seconds: 365 * 24 * 3600 },
  { unit: 'month', seconds: 30 * 24 * 3600 },
  { unit: 'week', seconds: 7 * 24 * 3600 },
  { unit: 'day', seconds: 24 * 3600 },
  { unit: 'hour', seconds: 3600 },
  { unit: 'minute', seconds: 60 }
];

/**
 * "5 min. ago", "yesterday", "in 2 hr." in the user's locale; under a minute "now" (the locale's word for it).
 * @param value ISO instant
 * @param now the current instant
 * @param locale the user's locale (`@salesforce/i18n/locale`)
 */
export function relativeTime(value: string, now: Date, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const seconds = Math.round((new Date(value).getTime() - now.getTime()) / 1000);
  for (const { unit, seconds: size } of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

function kindOf(item: CommunicationItem): { kind: string; icon: string } {
  const text = item.channel === 'SMS';
  const direction = item.direction === 'Inbound' ? 'Inbound' : 'Outbound';
  return {
    kind: `${direction} ${text ? 'text' : 'call'}`,
    icon: text
      ? direction === 'Inbound'
        ? 'utility:chat'
        : 'utility:send'
      : direction === 'Inbound'
        ? 'utility:incoming_call'
        : 'utility:outbound_call'
  };
}

/**
 * The last five Aloware calls and texts of a Lead, read from the Tasks the sync logs (Apex, user mode), with relative
 * times in the user's locale, the disposition, and a link to the Lead's activity timeline. Refreshes when the Lead
 * changes (a communication also updates the Lead's engagement fields).
 */
export default class AlowareRecentCommunications extends LightningElement {
  @api recordId: string | undefined;

  result: CommunicationsResult | null = null;
  errorMessage: string | null = null;
  /** The instant relative times are measured from (set on each answer). */
  now: Date = new Date();
  private wiredCommunications: unknown;

  @wire(getRecord, { recordId: '$recordId', fields: [LAST_MODIFIED] })
  wiredLead({ data }: WiredRecord): void {
    if (data && this.wiredCommunications) {
      refreshApex(this.wiredCommunications).catch((error: unknown) => {
        this.errorMessage = reduceErrors(error);
      });
    }
  }

  @wire(getRecentCommunications, { leadId: '$recordId' })
  wiredResult(value: { data?: unknown; error?: unknown }): void {
    this.wiredCommunications = value;
    const { data, error } = value;
    if (data) {
      this.result = data as CommunicationsResult;
      this.errorMessage = null;
      this.now = new Date();
    } else if (error) {
      this.result = null;
      this.errorMessage = reduceErrors(error);
    }
  }

  get isLoading(): boolean {
    return this.result === null && this.errorMessage === null;
  }

  get rows(): Row[] {
    const items = this.result?.items ?? [];
    const absolute = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
    return items.map((item) => {
      const { kind, icon } = kindOf(item);
      const iso = item.occurredAt ?? '';
      return {
        id: item.id,
        subject: item.subject ?? kind,
        kind,
        icon,
        disposition: item.disposition,
        relative: iso ? relativeTime(iso, this.now, LOCALE) : '',
        absolute: iso ? absolute.format(new Date(iso)) : '',
        iso
      };
    });
  }

  get showList(): boolean {
    return this.result?.canRead === true && this.result.items.length > 0;
  }

  get showEmpty(): boolean {
    return this.result?.canRead === true && this.result.items.length === 0;
  }

  get showNoAccess(): boolean {
    return this.result !== null && this.result.canRead !== true;
  }

  /** The Lead's activity history, where the timeline lists every logged call and text. */
  get timelineUrl(): string | null {
    return this.recordId
      ? `/lightning/r/Lead/${encodeURIComponent(this.recordId)}/related/ActivityHistories/view`
      : null;
  }
}
