import { LightningElement, api } from 'lwc';
import getLogPage from '@salesforce/apex/AlowareSyncLogController.getLogPage';
import getLogDetail from '@salesforce/apex/AlowareSyncLogController.getLogDetail';
import retryLogs from '@salesforce/apex/AlowareSyncLogController.retryLogs';
import retryByOutcome from '@salesforce/apex/AlowareSyncLogController.retryByOutcome';
import getFailureTotals from '@salesforce/apex/AlowareSyncLogController.getFailureTotals';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { downloadText, formatCount, reduceErrors, toCsv } from 'c/alowareUiUtils';

/** One log row as AlowareSyncLogController returns it. */
export interface LogRow {
  id: string;
  name: string | null;
  leadId: string | null;
  leadName: string | null;
  direction: string | null;
  source: string | null;
  status: string | null;
  attempts: number | null;
  httpStatus: number | null;
  outcome: string | null;
  errorMessage: string | null;
  correlationId: string | null;
  createdDate: string | null;
  completedAt: string | null;
  nextAttemptAt: string | null;
}

export interface LogDetail extends LogRow {
  requestSummary: string | null;
  responseSummary: string | null;
  canRetry: boolean;
}

interface LogCursor {
  value: string | null;
  recordId: string;
}

export interface LogPage {
  rows: LogRow[];
  hasNext: boolean;
  hasPrevious: boolean;
  firstCursor: LogCursor | null;
  lastCursor: LogCursor | null;
  totalCount: number;
  totalCapped: boolean;
  canRetry: boolean;
  sortBy: string;
  sortDirection: 'asc' | 'desc';
  pageSize: number;
}

type Navigation = 'first' | 'next' | 'previous';

/** What a retry did to one entry (Apex `AlowareSyncLogRetryItem`). */
export interface RetryItem {
  id: string;
  name: string | null;
  result: 'Queued' | 'Skipped' | 'Refused';
  reason: string | null;
  status: string | null;
}

/** The answer to a retry (Apex `AlowareSyncLogRetryResult`). */
export interface RetryResult {
  requested: number;
  queued: number;
  skipped: number;
  refused: number;
  items: RetryItem[];
  message: string;
}

/** Failed entries of one cause (Apex `AlowareSyncLogFailureTotal`). */
export interface FailureTotal {
  outcome: string | null;
  total: number;
  retryable: number;
}

/** A filter set from outside (the setup page's health header, an operation's result). */
export interface LogFilter {
  statuses?: string[];
  source?: string;
  direction?: string;
  fromDate?: string | null;
  /** Only entries created at or after this time (ISO), e.g. the health header's last 24 hours. */
  createdSince?: string | null;
}

/** Outcome classes (`AlowareOutcome`) in words. */
export const OUTCOME_LABELS: Record<string, string> = {
  INVALID: 'Refused by Aloware (invalid data)',
  UNAUTHORIZED: 'API token refused',
  RATE_LIMITED: 'Aloware rate limit',
  SERVER_ERROR: 'Aloware server error',
  TIMEOUT: 'Timeout or network error',
  MALFORMED: 'Unreadable answer',
  NOT_FOUND: 'Not found in Aloware',
  CONFLICT: 'Conflict in Aloware',
  SUCCESS: 'Success'
};

/** The three statuses of entries still to be sent, offered as one filter value. */
const OPEN_STATUSES = ['Pending', 'In Progress', 'Retrying'];
const OPEN = 'open';

interface TableRow extends LogRow {
  leadUrl: string | null;
  leadLabel: string | null;
  statusClass: string;
}

const PAGE_SIZE = 50;
/** The controller retries at most this many entries per call. */
const MAX_RETRY = 200;
const EXPORT_PAGE_SIZE = 1000;
/** The export stops here: beyond it, narrow the filters (a browser download of this size stays comfortable). */
export const EXPORT_LIMIT = 10000;

const ALL = '';
const STATUS_OPTIONS = ['Pending', 'In Progress', 'Retrying', 'Succeeded', 'Failed', 'Skipped', 'Ignored'];
const SOURCE_OPTIONS = ['Trigger', 'Manual', 'One-time Push', 'Webhook', 'Pull', 'Reconcile', 'User Sync'];

const DATE_TIME = {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit'
};

const COLUMNS = [
  {
    label: 'Created',
    fieldName: 'createdDate',
    type: 'date',
    typeAttributes: DATE_TIME,
    sortable: true,
    initialWidth: 170
  },
  {
    label: 'Lead',
    fieldName: 'leadUrl',
    type: 'url',
    typeAttributes: { label: { fieldName: 'leadLabel' }, target: '_self' }
  },
  { label: 'Direction', fieldName: 'direction', type: 'text', initialWidth: 110 },
  { label: 'Source', fieldName: 'source', type: 'text', initialWidth: 130 },
  {
    label: 'Status',
    fieldName: 'status',
    type: 'text',
    initialWidth: 120,
    cellAttributes: { class: { fieldName: 'statusClass' } }
  },
  { label: 'Attempts', fieldName: 'attempts', type: 'number', sortable: true, initialWidth: 100 },
  { label: 'HTTP', fieldName: 'httpStatus', type: 'number', sortable: true, initialWidth: 90 },
  { label: 'Outcome', fieldName: 'outcome', type: 'text', initialWidth: 130 },
  { label: 'Error', fieldName: 'errorMessage', type: 'text', wrapText: false },
  {
    label: 'Completed',
    fieldName: 'completedAt',
    type: 'date',
    typeAttributes: DATE_TIME,
    sortable: true,
    initialWidth: 170
  },
  {
    type: 'button-icon',
    initialWidth: 60,
    typeAttributes: {
      iconName: 'utility:preview',
      name: 'view_detail',
      title: 'View details',
      alternativeText: 'View details',
      variant: 'bare'
    }
  }
];

const CSV_COLUMNS = [
  { fieldName: 'createdDate', label: 'Created' },
  { fieldName: 'name', label: 'Entry' },
  { fieldName: 'leadId', label: 'Lead Id' },
  { fieldName: 'leadName', label: 'Lead' },
  { fieldName: 'direction', label: 'Direction' },
  { fieldName: 'source', label: 'Source' },
  { fieldName: 'status', label: 'Status' },
  { fieldName: 'attempts', label: 'Attempts' },
  { fieldName: 'httpStatus', label: 'HTTP Status' },
  { fieldName: 'outcome', label: 'Outcome' },
  { fieldName: 'errorMessage', label: 'Error (first 255 characters)' },
  { fieldName: 'correlationId', label: 'Correlation Id' },
  { fieldName: 'completedAt', label: 'Completed' },
  { fieldName: 'nextAttemptAt', label: 'Next Attempt' }
];

const STATUS_CLASSES: Record<string, string> = {
  Failed: 'slds-text-color_error',
  Succeeded: 'slds-text-color_success',
  Retrying: 'slds-text-color_weak'
};

/** Filters the user set, as sent to the controller. */
interface Filters {
  statuses: string[];
  direction: string;
  source: string;
  fromDate: string | null;
  toDate: string | null;
  lead: string;
  createdSince: string | null;
}

/**
 * The Aloware sync log: a server-paged, server-sorted table of `Aloware_Sync_Log__c` entries with filters, an entry's
 * redacted detail, retry of selected entries and CSV export.
 */
export default class AlowareSyncLog extends LightningElement {
  columns = COLUMNS;
  statusOptions = [
    { label: 'All statuses', value: ALL },
    { label: 'Open (Pending, In Progress, Retrying)', value: OPEN },
    ...STATUS_OPTIONS.map((s) => ({ label: s, value: s }))
  ];
  directionOptions = [
    { label: 'Both directions', value: ALL },
    { label: 'Outbound (Salesforce → Aloware)', value: 'Outbound' },
    { label: 'Inbound (Aloware → Salesforce)', value: 'Inbound' }
  ];
  sourceOptions = [{ label: 'All sources', value: ALL }, ...SOURCE_OPTIONS.map((s) => ({ label: s, value: s }))];

  status = ALL;
  direction = ALL;
  source = ALL;
  fromDate: string | null = null;
  toDate: string | null = null;
  lead = '';

  sortBy = 'createdDate';
  sortDirection: 'asc' | 'desc' = 'desc';

  page: LogPage | null = null;
  rows: TableRow[] = [];
  pageNumber = 1;
  selectedIds: string[] = [];
  isLoading = false;
  isExporting = false;
  isRetrying = false;
  errorMessage: string | null = null;
  detail: LogDetail | null = null;
  detailError: string | null = null;
  isDetailLoading = false;

  failureTotals: FailureTotal[] = [];
  retryResult: RetryResult | null = null;
  /** The "retry all of this cause" waiting for confirmation. */
  pendingCause: FailureTotal | null = null;
  private connected = false;
  /** Numbers each page request, so that only the latest one's answer is shown. */
  private loadTicket = 0;

  /**
   * A filter to show (from the health header or an operation's result): replaces the current filters and reloads.
   */
  @api
  get filter(): LogFilter | null {
    return this.appliedFilter;
  }
  set filter(value: LogFilter | null) {
    this.appliedFilter = value;
    if (!value) return;
    const statuses = value.statuses ?? [];
    this.status =
      statuses.length === 0
        ? ALL
        : statuses.length === 1
          ? statuses[0]
          : OPEN_STATUSES.every((s) => statuses.includes(s))
            ? OPEN
            : statuses[0];
    this.direction = value.direction ?? ALL;
    this.source = value.source ?? ALL;
    this.fromDate = value.fromDate ?? null;
    this.toDate = null;
    this.lead = '';
    this.createdSince = value.createdSince ?? null;
    if (this.connected) this.load('first');
  }
  private appliedFilter: LogFilter | null = null;
  /** Set only by an outside filter; cleared by any filter change here (the "since" note says so). */
  createdSince: string | null = null;

  get createdSinceNote(): boolean {
    return this.createdSince !== null;
  }

  override connectedCallback(): void {
    this.connected = true;
    this.load('first');
    this.loadTotals();
  }

  override disconnectedCallback(): void {
    this.connected = false;
  }

  // ---- view state -------------------------------------------------------------------------------------------------

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get showEmpty(): boolean {
    return !this.isLoading && !this.errorMessage && this.page !== null && this.rows.length === 0;
  }

  get canRetry(): boolean {
    return this.page?.canRetry === true;
  }

  get hideCheckboxColumn(): boolean {
    return !this.canRetry;
  }

  get retryDisabled(): boolean {
    return !this.canRetry || this.selectedIds.length === 0 || this.isRetrying;
  }

  get retryLabel(): string {
    return this.selectedIds.length > 0 ? `Retry selected (${this.selectedIds.length})` : 'Retry selected';
  }

  get previousDisabled(): boolean {
    return this.isLoading || !this.page?.hasPrevious;
  }

  get nextDisabled(): boolean {
    return this.isLoading || !this.page?.hasNext;
  }

  get exportDisabled(): boolean {
    return this.isExporting || this.isLoading || !this.hasRows;
  }

  get rangeText(): string {
    if (!this.page || this.rows.length === 0) return '';
    const start = (this.pageNumber - 1) * PAGE_SIZE + 1;
    const end = start + this.rows.length - 1;
    const total = formatCount(this.page.totalCount) + (this.page.totalCapped ? '+' : '');
    return `Showing ${formatCount(start)}–${formatCount(end)} of ${total}`;
  }

  get pageLabel(): string {
    return `Page ${this.pageNumber}`;
  }

  get permissionNote(): string | null {
    return this.page && !this.page.canRetry
      ? 'You can read the log but not retry entries. Retrying needs the Aloware Admin permission set.'
      : null;
  }

  get detailTitle(): string {
    return this.detail ? `Sync log entry ${this.detail.name ?? this.detail.id}` : 'Sync log entry';
  }

  /**
   * Failed outbound entries are sent again; Failed webhook deliveries are applied again from their stored body (the
   * server refuses, with the reason, an older delivery stored without one).
   */
  get detailRetryable(): boolean {
    return (
      this.detail?.status === 'Failed' && (this.detail.direction === 'Outbound' || this.detail.source === 'Webhook')
    );
  }

  get detailRetryDisabled(): boolean {
    return !this.detail?.canRetry || !this.detailRetryable || this.isRetrying;
  }

  get detailHasRequest(): boolean {
    return !!this.detail?.requestSummary;
  }

  get detailHasResponse(): boolean {
    return !!this.detail?.responseSummary;
  }

  get detailLeadUrl(): string | null {
    return this.detail?.leadId ? `/${this.detail.leadId}` : null;
  }

  get detailLeadLabel(): string {
    return this.detail?.leadName ?? this.detail?.leadId ?? '';
  }

  get detailOutcomeLabel(): string {
    const outcome = this.detail?.outcome;
    return outcome ? `${OUTCOME_LABELS[outcome] ?? outcome} (${outcome})` : '—';
  }

  /** With the detail open, the table takes two thirds of the width and the panel the rest (stacked when narrow). */
  get tableColumnClass(): string {
    return this.showDetailSection ? 'slds-col slds-size_1-of-1 slds-large-size_2-of-3' : 'slds-col slds-size_1-of-1';
  }

  get hasFailureTotals(): boolean {
    return this.failureTotals.length > 0;
  }

  get failureTotalRows(): {
    key: string;
    outcome: string;
    label: string;
    total: string;
    retryable: number;
    retryLabel: string;
    retryDisabled: boolean;
  }[] {
    return this.failureTotals.map((t) => {
      const batch = Math.min(t.retryable, MAX_RETRY);
      return {
        key: t.outcome ?? 'none',
        outcome: t.outcome ?? '',
        label: t.outcome ? (OUTCOME_LABELS[t.outcome] ?? t.outcome) : 'No cause recorded',
        total: formatCount(t.total),
        retryable: t.retryable,
        retryLabel: t.retryable > 0 ? `Retry ${formatCount(batch)}` : 'Not retryable',
        retryDisabled: !this.canRetry || t.retryable === 0 || this.isRetrying
      };
    });
  }

  get retryItems(): (RetryItem & { key: string; label: string; resultClass: string })[] {
    return (this.retryResult?.items ?? []).map((item) => ({
      ...item,
      key: item.id,
      label: item.name ?? item.id,
      resultClass:
        item.result === 'Queued'
          ? 'slds-badge slds-theme_success'
          : item.result === 'Skipped'
            ? 'slds-badge slds-theme_warning'
            : 'slds-badge slds-theme_error'
    }));
  }

  get confirmCauseOpen(): boolean {
    return this.pendingCause !== null;
  }

  get confirmCauseHeading(): string {
    const cause = this.pendingCause;
    if (!cause) return '';
    const batch = Math.min(cause.retryable, MAX_RETRY);
    return `Retry ${formatCount(batch)} failed ${batch === 1 ? 'entry' : 'entries'}?`;
  }

  get confirmCauseLines(): string[] {
    const cause = this.pendingCause;
    if (!cause) return [];
    const label = cause.outcome ? (OUTCOME_LABELS[cause.outcome] ?? cause.outcome) : 'No cause recorded';
    const lines = [
      `Cause: ${label}. Failed outbound entries of this cause: ${formatCount(cause.retryable)}.`,
      'Each is sent again with its Lead\u2019s current values; an entry whose Lead already has a newer pending change is marked Skipped instead.'
    ];
    if (cause.retryable > MAX_RETRY) {
      lines.push(`At most ${MAX_RETRY} are retried at a time (the oldest first): repeat for the rest.`);
    }
    return lines;
  }

  get confirmCauseLabel(): string {
    const cause = this.pendingCause;
    return cause ? `Retry ${formatCount(Math.min(cause.retryable, MAX_RETRY))}` : 'Retry';
  }

  // ---- data -------------------------------------------------------------------------------------------------------

  private filters(): Filters {
    return {
      statuses: this.status === OPEN ? [...OPEN_STATUSES] : this.status ? [this.status] : [],
      direction: this.direction,
      source: this.source,
      fromDate: this.fromDate || null,
      toDate: this.toDate || null,
      lead: this.lead.trim(),
      createdSince: this.createdSince
    };
  }

  private buildQuery(navigation: Navigation, pageSize: number, cursor: LogCursor | null): Record<string, unknown> {
    return {
      ...this.filters(),
      sortBy: this.sortBy,
      sortDirection: this.sortDirection,
      pageSize,
      navigation,
      cursorValue: cursor ? cursor.value : null,
      cursorId: cursor ? cursor.recordId : null
    };
  }

  /**
   * Loads a page. `next` continues after the current page's last row, `previous` before its first row.
   */
  async load(navigation: Navigation): Promise<void> {
    const cursor =
      navigation === 'next'
        ? (this.page?.lastCursor ?? null)
        : navigation === 'previous'
          ? (this.page?.firstCursor ?? null)
          : null;
    const ticket = ++this.loadTicket;
    this.isLoading = true;
    this.errorMessage = null;
    try {
      const page = (await getLogPage({ query: this.buildQuery(navigation, PAGE_SIZE, cursor) })) as LogPage;
      // Filters changed while this request ran: a later request's answer shows (or will show) the current filters.
      if (ticket !== this.loadTicket) return;
      this.page = page;
      this.rows = page.rows.map((row) => toTableRow(row));
      // A reload keeps the selection of the entries it still lists; the table is bound to the same ids.
      const listed = new Set(page.rows.map((row) => row.id));
      this.selectedIds = this.selectedIds.filter((id) => listed.has(id));
      if (navigation === 'first') this.pageNumber = 1;
      else if (navigation === 'next') this.pageNumber += 1;
      else this.pageNumber = Math.max(1, this.pageNumber - 1);
    } catch (error) {
      if (ticket !== this.loadTicket) return;
      this.errorMessage = reduceErrors(error);
      this.rows = [];
    } finally {
      if (ticket === this.loadTicket) this.isLoading = false;
    }
  }

  // ---- handlers ---------------------------------------------------------------------------------------------------

  handleStatusChange(event: CustomEvent<{ value: string }>): void {
    this.createdSince = null;
    this.status = event.detail.value;
    this.load('first');
  }

  handleDirectionChange(event: CustomEvent<{ value: string }>): void {
    this.createdSince = null;
    this.direction = event.detail.value;
    this.load('first');
  }

  handleSourceChange(event: CustomEvent<{ value: string }>): void {
    this.createdSince = null;
    this.source = event.detail.value;
    this.load('first');
  }

  handleFromDateChange(event: CustomEvent<{ value: string }>): void {
    this.createdSince = null;
    this.fromDate = event.detail.value || null;
    this.load('first');
  }

  handleToDateChange(event: CustomEvent<{ value: string }>): void {
    this.createdSince = null;
    this.toDate = event.detail.value || null;
    this.load('first');
  }

  handleLeadChange(event: CustomEvent<{ value: string }>): void {
    this.lead = event.detail.value ?? '';
  }

  handleLeadKeyUp(event: KeyboardEvent): void {
    if (event.key === 'Enter') this.load('first');
  }

  handleApplyFilters(): void {
    this.load('first');
  }

  handleClearFilters(): void {
    this.createdSince = null;
    this.status = ALL;
    this.direction = ALL;
    this.source = ALL;
    this.fromDate = null;
    this.toDate = null;
    this.lead = '';
    this.load('first');
  }

  handleRefresh(): void {
    this.load('first');
    this.loadTotals();
  }

  /** Failure totals by cause; a failure to read them leaves the list empty (the table shows its own error). */
  async loadTotals(): Promise<void> {
    this.failureTotals = await Promise.resolve()
      .then(() => getFailureTotals())
      .then(
        (totals) => (totals as FailureTotal[] | null | undefined) ?? [],
        () => []
      );
  }

  handleRetryCause(event: Event): void {
    const outcome = (event.currentTarget as HTMLElement).dataset.outcome ?? '';
    this.pendingCause = this.failureTotals.find((t) => (t.outcome ?? '') === outcome) ?? null;
  }

  handleCauseCancel(): void {
    const outcome = this.pendingCause?.outcome ?? '';
    this.pendingCause = null;
    this.focusSelector = `[data-id="retry-cause"][data-outcome="${outcome}"]`;
  }

  async handleCauseConfirmed(): Promise<void> {
    const cause = this.pendingCause;
    this.pendingCause = null;
    if (!cause) return;
    await this.runRetry(() => retryByOutcome({ outcome: cause.outcome ?? '' }) as Promise<RetryResult>);
  }

  handleCloseRetryResult(): void {
    this.retryResult = null;
  }

  handleSort(event: CustomEvent<{ fieldName: string; sortDirection: 'asc' | 'desc' }>): void {
    this.sortBy = event.detail.fieldName;
    this.sortDirection = event.detail.sortDirection;
    this.load('first');
  }

  handleFirst(): void {
    this.load('first');
  }

  handlePrevious(): void {
    this.load('previous');
  }

  handleNext(): void {
    this.load('next');
  }

  handleRowSelection(event: CustomEvent<{ selectedRows: LogRow[] }>): void {
    this.selectedIds = event.detail.selectedRows.map((row) => row.id);
  }

  async handleRowAction(event: CustomEvent<{ action: { name: string }; row: LogRow }>): Promise<void> {
    if (event.detail.action.name === 'view_detail') {
      await this.openDetail(event.detail.row.id);
    }
  }

  /** Set when an entry was opened: the next render moves focus (and the view) to its heading. */
  private focusDetail = false;

  /** A selector to focus after the next render (the control that opened a dialog, or the retry result). */
  private focusSelector: string | null = null;

  override renderedCallback(): void {
    if (this.focusSelector) {
      const target = this.template?.querySelector<HTMLElement>(this.focusSelector);
      if (target) {
        this.focusSelector = null;
        target.focus();
      }
    }
    if (!this.focusDetail) return;
    const heading = this.template?.querySelector<HTMLElement>('[data-id="detail-heading"]');
    if (heading) {
      this.focusDetail = false;
      heading.focus();
    }
  }

  async openDetail(logId: string): Promise<void> {
    this.focusDetail = true;
    this.isDetailLoading = true;
    this.detailError = null;
    this.detail = null;
    try {
      this.detail = (await getLogDetail({ logId })) as LogDetail;
    } catch (error) {
      this.detailError = reduceErrors(error);
    } finally {
      this.isDetailLoading = false;
    }
  }

  get showDetailSection(): boolean {
    return this.isDetailLoading || this.detail !== null || this.detailError !== null;
  }

  handleCloseDetail(): void {
    this.detail = null;
    this.detailError = null;
    // Focus returns to the list the entry was opened from.
    this.template?.querySelector<HTMLElement>('[data-id="log-table"]')?.focus();
  }

  async handleRetrySelected(): Promise<void> {
    await this.retry(this.selectedIds);
  }

  async handleRetryDetail(): Promise<void> {
    if (this.detail) await this.retry([this.detail.id]);
  }

  private async retry(logIds: string[]): Promise<void> {
    if (logIds.length === 0) return;
    await this.runRetry(() => retryLogs({ logIds }) as Promise<RetryResult>);
  }

  /**
   * Runs a retry, then shows what happened to each entry and reloads what it changed: the page, the totals, and the
   * open detail (so it never shows a stale Failed with Retry enabled).
   */
  private async runRetry(call: () => Promise<RetryResult>): Promise<void> {
    this.isRetrying = true;
    try {
      const result = await call();
      this.retryResult = result;
      // The selected entries were handled; the result lists them.
      this.selectedIds = [];
      this.focusSelector = '[data-id="retry-result-heading"]';
      const clean = result.skipped === 0 && result.refused === 0;
      this.toast(clean ? 'Retry queued' : 'Retry done, with exceptions', result.message, clean ? 'success' : 'warning');
      const openId = this.detail?.id ?? null;
      await Promise.all([this.load('first'), this.loadTotals(), openId ? this.reloadDetail(openId) : undefined]);
      this.dispatchEvent(new CustomEvent('healthchange'));
    } catch (error) {
      this.toast('Retry failed', reduceErrors(error), 'error');
    } finally {
      this.isRetrying = false;
    }
  }

  private async reloadDetail(logId: string): Promise<void> {
    try {
      this.detail = (await getLogDetail({ logId })) as LogDetail;
      this.detailError = null;
    } catch (error) {
      this.detail = null;
      this.detailError = reduceErrors(error);
    }
  }

  /**
   * Keyset paging for the export: each page starts at the previous page's cursor, so the pages are fetched one after
   * another (each call awaits its page, then continues with the next).
   * @returns whether the export stopped at EXPORT_LIMIT with more rows left
   */
  private async collectExportPages(rows: LogRow[], navigation: Navigation, cursor: LogCursor | null): Promise<boolean> {
    const page = (await getLogPage({ query: this.buildQuery(navigation, EXPORT_PAGE_SIZE, cursor) })) as LogPage;
    rows.push(...page.rows);
    if (rows.length >= EXPORT_LIMIT) {
      const truncated = page.hasNext || rows.length > EXPORT_LIMIT;
      rows.length = Math.min(rows.length, EXPORT_LIMIT);
      return truncated;
    }
    if (!page.hasNext || !page.lastCursor) return false;
    return this.collectExportPages(rows, 'next', page.lastCursor);
  }

  async handleExport(): Promise<void> {
    this.isExporting = true;
    try {
      const rows: LogRow[] = [];
      const truncated = await this.collectExportPages(rows, 'first', null);
      downloadText(
        `aloware-sync-log-${new Date().toISOString().slice(0, 10)}.csv`,
        toCsv(rows as unknown as Record<string, unknown>[], CSV_COLUMNS)
      );
      this.toast(
        'Export ready',
        truncated
          ? `Exported the first ${formatCount(EXPORT_LIMIT)} entries. Narrow the filters to export the rest.`
          : `Exported ${formatCount(rows.length)} entries.`,
        truncated ? 'warning' : 'success'
      );
    } catch (error) {
      this.toast('Export failed', reduceErrors(error), 'error');
    } finally {
      this.isExporting = false;
    }
  }

  private toast(title: string, message: string, variant: 'success' | 'warning' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

function toTableRow(row: LogRow): TableRow {
  return {
    ...row,
    leadUrl: row.leadId ? `/${row.leadId}` : null,
    leadLabel: row.leadName ?? row.leadId,
    statusClass: STATUS_CLASSES[row.status ?? ''] ?? ''
  };
}
