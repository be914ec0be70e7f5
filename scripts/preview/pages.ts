/** The preview's pages: route, page title and the root component each one mounts. */
export interface PageSpec {
  /** Bundle name (`.preview-build/<name>.js`) and shell page id. */
  name: 'setup' | 'lead';
  /** Path served by the preview server. */
  route: string;
  /** Browser tab title. */
  title: string;
  /** Root component specifier (`c/name`). */
  component: string;
  /** Its tag in the page. */
  tag: string;
  /** Further components mounted under the root one, with the same record context (`c/name` and tag). */
  companions?: readonly { component: string; tag: string }[];
}

export const PAGES: readonly PageSpec[] = [
  {
    name: 'setup',
    route: '/',
    title: 'Aloware Setup | Salesforce',
    component: 'c/alowareSetup',
    tag: 'c-aloware-setup'
  },
  {
    name: 'lead',
    route: '/lead',
    title: 'Lead | Salesforce',
    component: 'c/alowareEngagementCard',
    tag: 'c-aloware-engagement-card',
    companions: [{ component: 'c/alowareRecentCommunications', tag: 'c-aloware-recent-communications' }]
  }
];
