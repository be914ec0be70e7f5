import { LightningElement } from 'lwc';

/** The tabs of the setup page, in order. */
export const SETUP_TABS = [
  { value: 'mapping', label: 'Lead Property Mapping' },
  { value: 'settings', label: 'Sync Settings' },
  { value: 'log', label: 'Sync Log' }
] as const;

export type SetupTab = (typeof SETUP_TABS)[number]['value'];

/**
 * The "Aloware Setup" tab of the Aloware app (admin permission set only): hosts the mapping panel, the settings and
 * the sync log in a tabset. Each tab's component loads its own data when the tab is first shown.
 */
export default class AlowareSetup extends LightningElement {
  activeTab: SetupTab = 'mapping';
  /** Tabs shown at least once: their component stays mounted, so unsaved mapping edits survive a tab switch. */
  visited: SetupTab[] = ['mapping'];

  get showMapping(): boolean {
    return this.visited.includes('mapping');
  }

  get showSettings(): boolean {
    return this.visited.includes('settings');
  }

  get showLog(): boolean {
    return this.visited.includes('log');
  }

  handleTabActive(event: Event): void {
    const value = (event.target as HTMLElement & { value?: string }).value;
    if (SETUP_TABS.some((tab) => tab.value === value)) {
      this.activeTab = value as SetupTab;
      if (!this.visited.includes(this.activeTab)) this.visited = [...this.visited, this.activeTab];
    }
  }
}
