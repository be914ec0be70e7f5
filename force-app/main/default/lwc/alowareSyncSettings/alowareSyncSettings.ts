import { LightningElement } from 'lwc';
import getSettings from '@salesforce/apex/AlowareSettingsController.getSettings';
import saveSettings from '@salesforce/apex/AlowareSettingsController.saveSettings';
import saveApiToken from '@salesforce/apex/AlowareSettingsController.saveApiToken';
import testConnection from '@salesforce/apex/AlowareSettingsController.testConnection';
import rotateWebhookCredential from '@salesforce/apex/AlowareSettingsController.rotateWebhookCredential';
import finishWebhookRotation from '@salesforce/apex/AlowareSettingsController.finishWebhookRotation';
import scheduleReconcile from '@salesforce/apex/AlowareSettingsController.scheduleReconcile';
import scheduleSweeper from '@salesforce/apex/AlowareSettingsController.scheduleSweeper';
import startOperation from '@salesforce/apex/AlowareOperationsController.startOperation';
import getOperationStatus from '@salesforce/apex/AlowareOperationsController.getOperationStatus';
import getOperationScope from '@salesforce/apex/AlowareOperationsController.getOperationScope';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { cancelLater, formatCount, reduceErrors, runLater, type LaterHandle } from 'c/alowareUiUtils';
import type { LogFilter } from 'c/alowareSyncLog';

export type SyncDirection = 'Bidirectional' | 'SalesforceToAloware' | 'AlowareToSalesforce' | 'None';

/** The non-secret options an admin edits (Apex `AlowareSyncOptions`). */
export interface SyncOptions {
  createDirection: SyncDirection;
  updateDirection: SyncDirection;
  accountTimeZone: string;
  defaultPhoneCountry: string;
  allowDncClearing: boolean;
  maxAttempts: number;
  logRetentionDays: number;
  /** Aloware contact URL with `{id}`. */
  contactLinkTemplate?: string | null;
  logCallActivities?: boolean;
  logMissedCallActivities?: boolean;
  logTextActivities?: boolean;
  /** Id of the active user who owns logged Tasks when no agent matches (blank: the Lead's owner). */
  activityDefaultOwner?: string | null;
  activityDefaultOwnerName?: string | null;
}

/** What a pull or push would touch (Apex `AlowareOperationScope`). */
export interface OperationScope {
  operation: string;
  leadCount: number;
  capped: boolean;
  filter: string;
  effect: string;
  irreversible: string;
  logSource: string;
}

interface PendingConfirm {
  heading: string;
  lines: string[];
  warning: string;
  confirmLabel: string;
  variant: 'brand' | 'destructive';
  run: () => Promise<void>;
  returnFocusTo: string;
}

export interface WebhookState {
  urls: { label: string; url: string }[];
  hasSecret: boolean;
  hasUrlToken: boolean;
  rotationPending: boolean;
  rotatedAt: string | null;
}

/** What getSettings returns (never a secret). */
export interface SettingsState {
  canManage: boolean;
  hasApiToken: boolean;
  options: SyncOptions;
  webhook: WebhookState;
  reconcileMinutes: number | null;
  lastReconcileAt: string | null;
  lastUserSyncAt: string | null;
  /** Scheduled outbox sweeper jobs: 4 when fully scheduled. */
  sweeperJobs: number | null;
  sweeperNextRunAt: string | null;
  sweeperLastRunAt: string | null;
}

export interface ConnectionResult {
  ok: boolean;
  httpStatus: number | null;
  outcome: string | null;
  message: string;
  userCount: number | null;
  tokenOwnerName: string | null;
  tokenOwnerEmail: string | null;
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
  message: string;
  counts: { label: string; value: number }[];
}

/** The same wording as the mapping tab's directions ("Salesforce → Aloware", "Aloware → Salesforce", "Both ways"). */
const DIRECTION_OPTIONS = [
  { label: 'Both ways (Salesforce ↔ Aloware)', value: 'Bidirectional' },
  { label: 'Salesforce → Aloware', value: 'SalesforceToAloware' },
  { label: 'Aloware → Salesforce', value: 'AlowareToSalesforce' },
  { label: 'Off (neither way)', value: 'None' }
];

/** The default Aloware contact link (a blank setting means this). */
export const DEFAULT_CONTACT_LINK = 'https://app.aloware.com/contacts/{id}';

/**
 * IANA time zones for the picker: the browser's list (`Intl.supportedValuesOf`), with UTC, and the saved zone even
 * when this browser does not know it (so the saved value is always shown).
 * @param current the saved zone
 * @returns sorted combobox options
 */
export function timeZoneOptions(current: string | null | undefined): { label: string; value: string }[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const zones = new Set<string>(typeof supported === 'function' ? supported('timeZone') : []);
  zones.add('UTC');
  if (current) zones.add(current);
  return Array.from(zones)
    .sort((a, b) => a.localeCompare(b))
    .map((zone) => ({ label: zone.replace(/_/g, ' '), value: zone }));
}

/** The sweeper's quarter-hour jobs when fully scheduled. */
const SWEEPER_JOBS = 4;

const RECONCILE_OPTIONS = [
  { label: 'Off', value: '0' },
  ...[15, 30, 60, 120, 180, 240, 360, 720, 1440].map((m) => ({
    label: m < 60 ? `Every ${m} minutes` : m === 60 ? 'Every hour' : `Every ${m / 60} hours`,
    value: String(m)
  }))
];

const OPERATION_LABELS: Record<string, string> = {
  pull: 'Pull from Aloware',
  push: 'Push Leads to Aloware',
  syncUsers: 'Sync users'
};

/** Milliseconds between two progress checks of a running operation. */
export const POLL_INTERVAL_MS = 2000;

/**
 * Checks the non-secret options before they are sent (Apex checks them again).
 * @param options the edited options
 * @returns one message per problem, keyed by the option name
 */
export function validateOptions(options: SyncOptions): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isValidTimeZone(options.accountTimeZone)) {
    problems.accountTimeZone = `"${options.accountTimeZone}" is not a time zone. Use an IANA name such as America/New_York or UTC.`;
  }
  if (!/^[A-Z]{2}$/.test(options.defaultPhoneCountry ?? '')) {
    problems.defaultPhoneCountry = 'Use a two-letter ISO country code, such as US or GB.';
  }
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1 || options.maxAttempts > 10) {
    problems.maxAttempts = 'Retry attempts must be a whole number from 1 to 10.';
  }
  if (!Number.isInteger(options.logRetentionDays) || options.logRetentionDays < 1 || options.logRetentionDays > 365) {
    problems.logRetentionDays = 'Keep the log from 1 to 365 days.';
  }
  const template = (options.contactLinkTemplate ?? '').trim();
  if (template && !/^https:\/\//i.test(template)) {
    problems.contactLinkTemplate = 'The contact link must start with https://.';
  } else if (template && !template.includes('{id}')) {
    problems.contactLinkTemplate = 'The contact link must contain {id}, where the Aloware contact id goes.';
  }
  const owner = (options.activityDefaultOwner ?? '').trim();
  if (owner && !/^005[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/.test(owner)) {
    problems.activityDefaultOwner = 'Enter a user Id (15 or 18 characters, starting with 005), or leave it blank.';
  }
  return problems;
}

function isValidTimeZone(zone: string | null | undefined): boolean {
  if (!zone) return false;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch (error) {
    // Intl throws a RangeError for an unknown time zone; anything else is a defect.
    if ((error as { name?: unknown } | null)?.name === 'RangeError') return false;
    throw error;
  }
}

/**
 * The Aloware settings page: connection and API token, object module, creation and update directions, account time
 * zone, default phone country, DNC clearing policy, retry limit, log retention, the webhook URL with its credential
 * (generated and shown once), the reconcile schedule, and one-time pull / push / user sync with progress.
 */
export default class AlowareSyncSettings extends LightningElement {
  directionOptions = DIRECTION_OPTIONS;
  timeZones: { label: string; value: string }[] = [];
  reconcileOptions = RECONCILE_OPTIONS;
  moduleOptions = [{ label: 'Leads', value: 'Lead' }];
  moduleValue = 'Lead';
  dncOptions = [
    { label: 'Never clear DNC automatically (most restrictive wins)', value: 'keep' },
    { label: 'Clear DNC when the other side clears it', value: 'allow' }
  ];

  state: SettingsState | null = null;
  options: SyncOptions | null = null;
  problems: Record<string, string> = {};
  isLoading = true;
  loadError: string | null = null;
  isSaving = false;
  isDirty = false;

  tokenInput = '';
  isSavingToken = false;
  isTesting = false;
  connection: ConnectionResult | null = null;

  revealedCredential: { kind: string; value: string } | null = null;
  isRotating = false;

  reconcileValue = '0';
  isScheduling = false;
  isSchedulingSweeper = false;

  operation: OperationStatus | null = null;
  operationError: string | null = null;
  /** The sync log source and start day of the running or last operation (its "view in the sync log" link). */
  private operationLog: LogFilter | null = null;
  private pollHandle: LaterHandle | null = null;

  /** The open confirmation (scope of a bulk or destructive action), or null. */
  confirm: PendingConfirm | null = null;
  /** The operation whose scope is being counted. */
  countingOperation: string | null = null;

  override connectedCallback(): void {
    this.load();
  }

  override disconnectedCallback(): void {
    this.stopPolling();
  }

  async load(): Promise<void> {
    this.isLoading = true;
    this.loadError = null;
    try {
      this.applyState((await getSettings()) as SettingsState);
    } catch (error) {
      this.loadError = reduceErrors(error);
    } finally {
      this.isLoading = false;
    }
  }

  private applyState(state: SettingsState): void {
    this.state = state;
    this.timeZones = timeZoneOptions(state.options.accountTimeZone);
    this.options = { ...state.options };
    this.reconcileValue = String(state.reconcileMinutes ?? 0);
    this.problems = {};
    this.isDirty = false;
  }

  // ---- view state -------------------------------------------------------------------------------------------------

  get hasState(): boolean {
    return this.state !== null && this.options !== null;
  }

  get readOnly(): boolean {
    return !this.state?.canManage;
  }

  /** Whether a token is stored (never whether it works: the connection's state is the health header's, verified). */
  get tokenStoredText(): string {
    return this.state?.hasApiToken
      ? 'An API token is stored. Test the connection to verify it.'
      : 'No API token yet: paste one from Aloware.';
  }

  get tokenLabel(): string {
    return this.state?.hasApiToken ? 'Replace the API token' : 'Aloware API token';
  }

  get saveTokenDisabled(): boolean {
    return this.readOnly || this.isSavingToken || this.tokenInput.trim().length === 0;
  }

  get testDisabled(): boolean {
    return this.readOnly || this.isTesting || !this.state?.hasApiToken;
  }

  get connectionClass(): string {
    return this.connection?.ok ? 'slds-text-color_success' : 'slds-text-color_error';
  }

  get connectionOwner(): string | null {
    const c = this.connection;
    if (!c?.ok || !c.tokenOwnerName) return null;
    return c.tokenOwnerEmail ? `${c.tokenOwnerName} (${c.tokenOwnerEmail})` : c.tokenOwnerName;
  }

  get dncValue(): string {
    return this.options?.allowDncClearing ? 'allow' : 'keep';
  }

  get saveDisabled(): boolean {
    return this.readOnly || this.isSaving || !this.isDirty;
  }

  get timeZoneError(): string | undefined {
    return this.problems.accountTimeZone;
  }

  get countryError(): string | undefined {
    return this.problems.defaultPhoneCountry;
  }

  get attemptsError(): string | undefined {
    return this.problems.maxAttempts;
  }

  get retentionError(): string | undefined {
    return this.problems.logRetentionDays;
  }

  get contactLinkError(): string | undefined {
    return this.problems.contactLinkTemplate;
  }

  get ownerError(): string | undefined {
    return this.problems.activityDefaultOwner;
  }

  get contactLinkExample(): string {
    const template = (this.options?.contactLinkTemplate ?? '').trim() || DEFAULT_CONTACT_LINK;
    return template.replace('{id}', '12345');
  }

  get hasProblems(): boolean {
    return Object.keys(this.problems).length > 0;
  }

  get problemList(): string[] {
    return Object.values(this.problems);
  }

  get webhookUrls(): { label: string; url: string; key: string }[] {
    return (this.state?.webhook.urls ?? []).map((u, i) => ({ ...u, key: `url-${i}` }));
  }

  get hasWebhookUrls(): boolean {
    return this.webhookUrls.length > 0;
  }

  get secretStatus(): string {
    const w = this.state?.webhook;
    if (!w?.hasSecret)
      return 'No webhook secret yet: generate one and paste it into Aloware (Basic authentication password).';
    return w.rotationPending
      ? 'A new secret was generated; the previous one still works until you finish the rotation. Generating again ' +
          'before then replaces only the new one (the previous keeps working): finish the rotation first if Aloware ' +
          'already uses the new one.'
      : 'A webhook secret is set.';
  }

  get secretButtonLabel(): string {
    return this.state?.webhook.hasSecret ? 'Rotate secret' : 'Generate secret';
  }

  get urlTokenStatus(): string {
    return this.state?.webhook.hasUrlToken
      ? 'A URL token is set: Aloware must call the URL with ?token=… (shown once when generated).'
      : 'No URL token: optional, for Aloware accounts that cannot send Basic authentication.';
  }

  get urlTokenButtonLabel(): string {
    return this.state?.webhook.hasUrlToken ? 'Rotate URL token' : 'Generate URL token';
  }

  /** The webhook URLs with the URL token just generated appended (only while it is shown). */
  get tokenUrls(): { key: string; url: string }[] {
    const revealed = this.revealedCredential;
    if (!revealed || revealed.kind !== 'URL token') return [];
    return this.webhookUrls.map((u) => ({
      key: `token-${u.key}`,
      url: `${u.url}?token=${encodeURIComponent(revealed.value)}`
    }));
  }

  get hasTokenUrls(): boolean {
    return this.tokenUrls.length > 0;
  }

  /** A URL token was just generated but there is no Site URL to append it to. */
  get showTokenUrlHint(): boolean {
    return this.revealedCredential?.kind === 'URL token' && !this.hasWebhookUrls;
  }

  get rotationPending(): boolean {
    return this.state?.webhook.rotationPending === true;
  }

  get rotateDisabled(): boolean {
    return this.readOnly || this.isRotating;
  }

  get scheduleDisabled(): boolean {
    return this.readOnly || this.isScheduling || this.reconcileValue === String(this.state?.reconcileMinutes ?? 0);
  }

  get sweeperScheduled(): boolean {
    return (this.state?.sweeperJobs ?? 0) >= SWEEPER_JOBS;
  }

  get sweeperStatus(): string {
    const jobs = this.state?.sweeperJobs ?? 0;
    if (jobs >= SWEEPER_JOBS) {
      return 'Scheduled every 15 minutes.';
    }
    return jobs === 0
      ? 'Not scheduled: orphaned entries are not recovered and the sync log is not purged.'
      : `Partly scheduled (${jobs} of ${SWEEPER_JOBS} jobs).`;
  }

  get sweeperDisabled(): boolean {
    return this.readOnly || this.isSchedulingSweeper || this.sweeperScheduled;
  }

  get operationRunning(): boolean {
    return this.operation !== null && !this.operation.done;
  }

  get operationDisabled(): boolean {
    return this.readOnly || this.operationRunning;
  }

  get operationTitle(): string {
    return this.operation ? (OPERATION_LABELS[this.operation.operation] ?? this.operation.operation) : '';
  }

  get operationProgressText(): string {
    const o = this.operation;
    if (!o) return '';
    return o.total > 0 ? `${o.status}: ${o.processed} of ${o.total} batches` : o.status;
  }

  get operationCounts(): { label: string; value: number; key: string }[] {
    return (this.operation?.counts ?? []).map((c) => ({ ...c, key: c.label }));
  }

  get showOperationLogLink(): boolean {
    return this.operation?.done === true && this.operationLog !== null;
  }

  get pullLabel(): string {
    return this.countingOperation === 'pull' ? 'Counting Leads…' : 'Pull from Aloware';
  }

  get pushLabel(): string {
    return this.countingOperation === 'push' ? 'Counting Leads…' : 'Push Leads to Aloware';
  }

  get operationButtonsDisabled(): boolean {
    return this.operationDisabled || this.countingOperation !== null;
  }

  get confirmOpen(): boolean {
    return this.confirm !== null;
  }

  // ---- handlers: options ------------------------------------------------------------------------------------------

  private updateOption<K extends keyof SyncOptions>(name: K, value: SyncOptions[K]): void {
    if (!this.options) return;
    this.options = { ...this.options, [name]: value };
    this.isDirty = true;
    this.problems = validateOptions(this.options);
  }

  handleCreateDirection(event: CustomEvent<{ value: SyncDirection }>): void {
    this.updateOption('createDirection', event.detail.value);
  }

  handleUpdateDirection(event: CustomEvent<{ value: SyncDirection }>): void {
    this.updateOption('updateDirection', event.detail.value);
  }

  handleTimeZone(event: CustomEvent<{ value: string }>): void {
    this.updateOption('accountTimeZone', (event.detail.value ?? '').trim());
  }

  handleCountry(event: CustomEvent<{ value: string }>): void {
    this.updateOption('defaultPhoneCountry', (event.detail.value ?? '').trim().toUpperCase());
  }

  handleDncPolicy(event: CustomEvent<{ value: string }>): void {
    this.updateOption('allowDncClearing', event.detail.value === 'allow');
  }

  handleMaxAttempts(event: CustomEvent<{ value: string }>): void {
    this.updateOption('maxAttempts', Number(event.detail.value));
  }

  handleRetention(event: CustomEvent<{ value: string }>): void {
    this.updateOption('logRetentionDays', Number(event.detail.value));
  }

  handleContactLink(event: CustomEvent<{ value: string }>): void {
    this.updateOption('contactLinkTemplate', (event.detail.value ?? '').trim());
  }

  handleActivityToggle(event: CustomEvent<{ checked: boolean }>): void {
    const name = (event.currentTarget as HTMLElement).dataset.option as
      'logCallActivities' | 'logMissedCallActivities' | 'logTextActivities';
    this.updateOption(name, event.detail.checked === true);
  }

  handleOwner(event: CustomEvent<{ value: string }>): void {
    this.updateOption('activityDefaultOwner', (event.detail.value ?? '').trim());
  }

  async handleSave(): Promise<void> {
    if (!this.options) return;
    this.problems = validateOptions(this.options);
    if (this.hasProblems) return;
    this.isSaving = true;
    try {
      this.applyState((await saveSettings({ options: this.options })) as SettingsState);
      this.toast('Settings saved', 'The sync uses the new settings from now on.', 'success');
    } catch (error) {
      this.toast('Settings not saved', reduceErrors(error), 'error');
    } finally {
      this.isSaving = false;
    }
  }

  handleCancel(): void {
    if (this.state) this.applyState(this.state);
  }

  // ---- handlers: connection ---------------------------------------------------------------------------------------

  handleTokenInput(event: CustomEvent<{ value: string }>): void {
    this.tokenInput = event.detail.value ?? '';
  }

  async handleSaveToken(): Promise<void> {
    const token = this.tokenInput.trim();
    if (!token) return;
    this.isSavingToken = true;
    try {
      const state = (await saveApiToken({ token })) as SettingsState;
      this.tokenInput = '';
      this.applyState(state);
      this.connection = null;
      this.notifyHealth();
      this.toast(
        'API token saved',
        'The token is kept in the package\u2019s protected setting and is never shown again.',
        'success'
      );
    } catch (error) {
      this.toast('API token not saved', reduceErrors(error), 'error');
    } finally {
      this.isSavingToken = false;
    }
  }

  async handleTestConnection(): Promise<void> {
    this.isTesting = true;
    this.connection = null;
    try {
      this.connection = (await testConnection()) as ConnectionResult;
      this.notifyHealth();
    } catch (error) {
      this.connection = {
        ok: false,
        httpStatus: null,
        outcome: null,
        message: reduceErrors(error),
        userCount: null,
        tokenOwnerName: null,
        tokenOwnerEmail: null
      };
    } finally {
      this.isTesting = false;
    }
  }

  // ---- handlers: webhook ------------------------------------------------------------------------------------------

  async handleRotateSecret(): Promise<void> {
    await this.rotate('secret');
  }

  async handleRotateUrlToken(): Promise<void> {
    await this.rotate('urlToken');
  }

  private async rotate(kind: 'secret' | 'urlToken'): Promise<void> {
    this.isRotating = true;
    try {
      const result = (await rotateWebhookCredential({ kind })) as { value: string; state: SettingsState };
      this.applyState(result.state);
      this.revealedCredential = { kind: kind === 'secret' ? 'Webhook secret' : 'URL token', value: result.value };
    } catch (error) {
      this.toast('Credential not generated', reduceErrors(error), 'error');
    } finally {
      this.isRotating = false;
    }
  }

  handleHideCredential(): void {
    this.revealedCredential = null;
  }

  handleFinishRotation(): void {
    this.askConfirm({
      heading: 'Finish the webhook rotation?',
      lines: [
        'Only the newest webhook secret and URL token are accepted from now on.',
        'Aloware requests that still use the previous secret or URL token are refused (401 Unauthorized).',
        'Before you finish: paste the new secret into Aloware\u2019s webhook (Basic authentication password) and send a test event.'
      ],
      warning: 'This cannot be undone: the previous credential is deleted, and only its hash was ever stored.',
      confirmLabel: 'Finish rotation',
      variant: 'destructive',
      run: () => this.finishRotation(),
      returnFocusTo: 'finish-rotation'
    });
  }

  private async finishRotation(): Promise<void> {
    this.isRotating = true;
    try {
      this.applyState((await finishWebhookRotation()) as SettingsState);
      this.notifyHealth();
      this.focusLater('rotate-secret');
      this.toast('Rotation finished', 'Only the newest webhook credential is accepted now.', 'success');
    } catch (error) {
      this.toast('Rotation not finished', reduceErrors(error), 'error');
    } finally {
      this.isRotating = false;
    }
  }

  async handleCopy(event: Event): Promise<void> {
    const value = (event.currentTarget as HTMLElement).dataset.value ?? '';
    // No clipboard (an insecure context) or a refused write (no permission): the admin copies by hand.
    const copied = navigator.clipboard
      ? await navigator.clipboard.writeText(value).then(
          () => true,
          () => false
        )
      : false;
    if (copied) {
      this.toast('Copied', 'Paste it into Aloware’s webhook settings.', 'success');
    } else {
      this.toast('Copy not available', 'Select the text and copy it with your keyboard.', 'warning');
    }
  }

  // ---- handlers: reconcile ----------------------------------------------------------------------------------------

  handleReconcileChange(event: CustomEvent<{ value: string }>): void {
    this.reconcileValue = event.detail.value;
  }

  async handleSchedule(): Promise<void> {
    this.isScheduling = true;
    try {
      const minutes = Number(this.reconcileValue);
      this.applyState((await scheduleReconcile({ intervalMinutes: minutes })) as SettingsState);
      this.toast(
        minutes > 0 ? 'Reconcile scheduled' : 'Reconcile stopped',
        minutes > 0 ? `Recently changed contacts are pulled every ${minutes} minutes.` : 'No scheduled pull runs now.',
        'success'
      );
    } catch (error) {
      this.toast('Schedule not changed', reduceErrors(error), 'error');
    } finally {
      this.isScheduling = false;
    }
  }

  async handleScheduleSweeper(): Promise<void> {
    this.isSchedulingSweeper = true;
    try {
      this.applyState((await scheduleSweeper()) as SettingsState);
      this.toast('Sweeper scheduled', 'The outbox sweeper runs every 15 minutes.', 'success');
    } catch (error) {
      this.toast('Sweeper not scheduled', reduceErrors(error), 'error');
    } finally {
      this.isSchedulingSweeper = false;
    }
  }

  // ---- handlers: one-time operations ------------------------------------------------------------------------------

  /** Pull and push first count their Leads and ask for confirmation; the user sync runs at once. */
  async handleOperation(event: Event): Promise<void> {
    const operation = (event.currentTarget as HTMLElement).dataset.operation ?? '';
    this.operationError = null;
    if (operation !== 'pull' && operation !== 'push') {
      await this.runOperation(operation, null);
      return;
    }
    this.countingOperation = operation;
    let scope: OperationScope;
    try {
      scope = (await getOperationScope({ operation })) as OperationScope;
    } catch (error) {
      this.operationError = reduceErrors(error);
      return;
    } finally {
      this.countingOperation = null;
    }
    const count = formatCount(scope.leadCount) + (scope.capped ? '+' : '');
    const leads = scope.leadCount === 1 && !scope.capped ? 'Lead' : 'Leads';
    const pull = operation === 'pull';
    this.askConfirm({
      heading: pull ? `Pull ${count} ${leads} from Aloware?` : `Push ${count} ${leads} to Aloware?`,
      lines: [`Which Leads: ${scope.filter}`, scope.effect, 'Progress shows here; every Lead gets a sync log entry.'],
      warning: scope.irreversible,
      confirmLabel: pull ? `Pull ${count} ${leads}` : `Push ${count} ${leads}`,
      variant: 'destructive',
      run: () => this.runOperation(operation, scope.logSource),
      returnFocusTo: pull ? 'op-pull' : 'op-push'
    });
  }

  private async runOperation(operation: string, logSource: string | null): Promise<void> {
    this.stopPolling();
    this.operationLog = logSource ? { source: logSource, fromDate: localDay(new Date()) } : null;
    try {
      this.operation = (await startOperation({ operation })) as OperationStatus;
      this.schedulePoll();
    } catch (error) {
      this.operation = null;
      this.operationError = reduceErrors(error);
    }
  }

  /** Asks the parent (alowareSetup) to show the sync log filtered to the operation's entries. */
  handleViewOperationLog(): void {
    if (this.operationLog) {
      this.dispatchEvent(new CustomEvent<LogFilter>('viewlog', { detail: { ...this.operationLog } }));
    }
  }

  // ---- confirmation -----------------------------------------------------------------------------------------------

  private askConfirm(pending: PendingConfirm): void {
    this.confirm = pending;
  }

  async handleConfirmed(): Promise<void> {
    const pending = this.confirm;
    this.confirm = null;
    if (!pending) return;
    this.focusLater(pending.returnFocusTo);
    await pending.run();
  }

  handleConfirmCancel(): void {
    const pending = this.confirm;
    this.confirm = null;
    if (pending) this.focusLater(pending.returnFocusTo);
  }

  /** Focus goes back to the control that opened the dialog once the dialog is gone. */
  private focusTarget: string | null = null;

  private focusLater(dataId: string): void {
    this.focusTarget = dataId;
  }

  override renderedCallback(): void {
    if (!this.focusTarget) return;
    const target = this.template?.querySelector<HTMLElement>(`[data-id="${this.focusTarget}"]`);
    this.focusTarget = null;
    target?.focus();
  }

  /** Tells alowareSetup's health header that the connection or webhook state changed. */
  private notifyHealth(): void {
    this.dispatchEvent(new CustomEvent('healthchange'));
  }

  private schedulePoll(): void {
    if (!this.operation || this.operation.done || !this.operation.jobId) {
      this.finishOperation();
      return;
    }
    // Polls the Apex job's progress until it finishes.
    this.pollHandle = runLater(() => {
      this.poll();
    }, POLL_INTERVAL_MS);
  }

  async poll(): Promise<void> {
    this.pollHandle = null;
    if (!this.operation?.jobId) return;
    try {
      this.operation = (await getOperationStatus({
        operation: this.operation.operation,
        jobId: this.operation.jobId
      })) as OperationStatus;
      this.schedulePoll();
    } catch (error) {
      this.operationError = reduceErrors(error);
    }
  }

  private finishOperation(): void {
    if (this.operation?.done) {
      const failed = this.operation.failures > 0 || this.operation.status === 'Failed';
      this.toast(this.operationTitle, this.operation.message, failed ? 'warning' : 'success');
      if (this.operation.operation === 'syncUsers') this.load();
    }
  }

  private stopPolling(): void {
    if (this.pollHandle !== null) {
      cancelLater(this.pollHandle);
      this.pollHandle = null;
    }
  }

  private toast(title: string, message: string, variant: 'success' | 'warning' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

/** The local calendar day of a time, as `YYYY-MM-DD` (the sync log's date filter). */
export function localDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
