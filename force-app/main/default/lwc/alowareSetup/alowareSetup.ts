import { LightningElement } from 'lwc';
import getHealth from '@salesforce/apex/AlowareSetupHealthController.getHealth';
import { reduceErrors, runAfterPaint } from 'c/alowareUiUtils';
import type { LogFilter } from 'c/alowareSyncLog';

/** The tabs of the setup page, in order. */
export const SETUP_TABS = [
  { value: 'mapping', label: 'Lead Property Mapping' },
  { value: 'settings', label: 'Sync Settings' },
  { value: 'log', label: 'Sync Log' }
] as const;

export type SetupTab = (typeof SETUP_TABS)[number]['value'];

/** The health header's data (Apex `AlowareSetupHealth`). */
export interface SetupHealth {
  hasApiToken: boolean;
  connectionState: 'none' | 'unverified' | 'verified' | 'failing';
  checkedAt: string | null;
  checkedBy: string | null;
  connectionError: string | null;
  canReadLog: boolean;
  lastWebhookAt: string | null;
  lastTestPingAt: string | null;
  pendingLast24h: number | null;
  failedLast24h: number | null;
  windowStart: string | null;
  lastReconcileAt: string | null;
  reconcileMinutes: number | null;
}

const CONNECTION: Record<SetupHealth['connectionState'], { icon: string; variant: string; title: string }> = {
  none: { icon: 'utility:warning', variant: 'warning', title: 'No API token' },
  unverified: { icon: 'utility:warning', variant: 'warning', title: 'Not verified' },
  verified: { icon: 'utility:success', variant: 'success', title: 'Connected' },
  failing: { icon: 'utility:error', variant: 'error', title: 'Connection failing' }
};

/**
 * The "Aloware Setup" tab of the Aloware app (admin permission set only): a health header (connection as last
 * verified, webhook, open and failed entries of the last 24 hours, reconcile) above the mapping panel, the settings
 * and the sync log in a tabset. Each tab's component loads its own data when the tab is first shown.
 */
export default class AlowareSetup extends LightningElement {
  activeTab: SetupTab = 'mapping';
  /** Tabs shown at least once: their component stays mounted, so unsaved mapping edits survive a tab switch. */
  visited: SetupTab[] = ['mapping'];

  health: SetupHealth | null = null;
  healthError: string | null = null;
  /** The filter handed to the sync log when a link asks for one. */
  logFilter: LogFilter | null = null;

  private healthRequested = false;

  /**
   * The health header loads once the mapping panel has its state, not beside it: Apex actions of one page are
   * answered one after another (Aura sends them in one request), and the health figures count the sync log, so
   * asking first would hold back the panel the admin came for. It is asked in the task after the frame that paints
   * the panel: the header is secondary, and the panel's first paint does not share the page's time with it.
   */
  handleMappingStateLoad(): void {
    if (this.healthRequested) return;
    this.healthRequested = true;
    runAfterPaint(() => this.loadHealth());
  }

  async loadHealth(): Promise<void> {
    this.healthRequested = true;
    try {
      this.health = (await getHealth()) as SetupHealth;
      this.healthError = null;
    } catch (error) {
      this.healthError = reduceErrors(error);
    }
  }

  /** Until the first answer or error: neither is ever cleared afterwards. */
  get showHealthLoading(): boolean {
    return !this.health && !this.healthError;
  }

  get healthBusy(): string {
    return String(this.showHealthLoading);
  }

  get showMapping(): boolean {
    return this.visited.includes('mapping');
  }

  get showSettings(): boolean {
    return this.visited.includes('settings');
  }

  get showLog(): boolean {
    return this.visited.includes('log');
  }

  // ---- health header ----------------------------------------------------------------------------------------------

  get connection(): { icon: string; variant: string; title: string } {
    return CONNECTION[this.health?.connectionState ?? 'none'];
  }

  get connectionText(): string {
    const h = this.health;
    if (!h || h.connectionState === 'none') return 'Save the Aloware API token on Sync Settings.';
    if (h.connectionState === 'unverified') return 'A token is saved but not verified: run Test connection.';
    if (h.connectionState === 'failing') return h.connectionError ?? 'The last connection test failed.';
    return 'The API token works.';
  }

  get connectionTextClass(): string {
    return this.health?.connectionState === 'failing' ? 'slds-text-color_error' : '';
  }

  get checkedByText(): string {
    const by = this.health?.checkedBy;
    return by ? `by ${by}` : '';
  }

  get hasLogFigures(): boolean {
    return this.health?.canReadLog === true;
  }

  get pendingLabel(): string {
    const n = this.health?.pendingLast24h ?? 0;
    return `${n} pending`;
  }

  get failedLabel(): string {
    const n = this.health?.failedLast24h ?? 0;
    return `${n} failed`;
  }

  get failedClass(): string {
    return (this.health?.failedLast24h ?? 0) > 0 ? 'slds-text-color_error' : '';
  }

  get reconcileText(): string {
    const minutes = this.health?.reconcileMinutes;
    if (!minutes) return 'Not scheduled';
    return minutes < 60 ? `Every ${minutes} minutes` : minutes === 60 ? 'Every hour' : `Every ${minutes / 60} hours`;
  }

  handleRefreshHealth(): void {
    this.loadHealth();
  }

  handleShowPending(): void {
    this.openLog({
      statuses: ['Pending', 'In Progress', 'Retrying'],
      createdSince: this.health?.windowStart ?? null
    });
  }

  handleShowFailed(): void {
    this.openLog({ statuses: ['Failed'], createdSince: this.health?.windowStart ?? null });
  }

  handleShowWebhooks(): void {
    this.openLog({ direction: 'Inbound', source: 'Webhook' });
  }

  /** An operation's result on Sync Settings asks for its entries. */
  handleViewLog(event: CustomEvent<LogFilter>): void {
    this.openLog({ ...event.detail });
  }

  handleHealthChange(): void {
    this.loadHealth();
  }

  private openLog(filter: LogFilter): void {
    this.logFilter = filter;
    this.activate('log');
  }

  handleTabActive(event: Event): void {
    const value = (event.target as HTMLElement & { value?: string }).value;
    if (SETUP_TABS.some((tab) => tab.value === value)) {
      this.activate(value as SetupTab);
    }
  }

  private activate(tab: SetupTab): void {
    this.activeTab = tab;
    if (!this.visited.includes(tab)) this.visited = [...this.visited, tab];
  }
}
