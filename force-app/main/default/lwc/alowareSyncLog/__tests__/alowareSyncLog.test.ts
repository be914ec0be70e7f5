import { createElement } from 'lwc';
import AlowareSyncLog from 'c/alowareSyncLog';
import getLogPage from '@salesforce/apex/AlowareSyncLogController.getLogPage';
import getLogDetail from '@salesforce/apex/AlowareSyncLogController.getLogDetail';
import retryLogs from '@salesforce/apex/AlowareSyncLogController.retryLogs';
import retryByOutcome from '@salesforce/apex/AlowareSyncLogController.retryByOutcome';
import getFailureTotals from '@salesforce/apex/AlowareSyncLogController.getFailureTotals';
const ShowToastEventName = 'lightning__showtoast';

jest.mock('@salesforce/apex/AlowareSyncLogController.getLogPage', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareSyncLogController.getLogDetail', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareSyncLogController.retryLogs', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareSyncLogController.retryByOutcome', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareSyncLogController.getFailureTotals', () => ({ default: jest.fn() }), {
  virtual: true
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const PAGE = require('./data/logPage.json');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DETAIL = require('./data/logDetail.json');

const mockGetLogPage = getLogPage as unknown as jest.Mock;
const mockGetLogDetail = getLogDetail as unknown as jest.Mock;
const mockRetryLogs = retryLogs as unknown as jest.Mock;
const mockRetryByOutcome = retryByOutcome as unknown as jest.Mock;
const mockGetFailureTotals = getFailureTotals as unknown as jest.Mock;

/** A retry answer: one item per id, with the given results. */
function retryResult(items: [string, 'Queued' | 'Skipped' | 'Refused', string | null][], message: string): unknown {
  return {
    requested: items.length,
    queued: items.filter((i) => i[1] === 'Queued').length,
    skipped: items.filter((i) => i[1] === 'Skipped').length,
    refused: items.filter((i) => i[1] === 'Refused').length,
    items: items.map(([id, result, reason]) => ({ id, name: `SL-${id.slice(-6)}`, result, reason, status: null })),
    message
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function page(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...JSON.parse(JSON.stringify(PAGE)), ...overrides };
}

async function mount(): Promise<HTMLElement & { shadowRoot: ShadowRoot }> {
  const element = createElement('c-aloware-sync-log', { is: AlowareSyncLog }) as HTMLElement & {
    shadowRoot: ShadowRoot;
  };
  document.body.appendChild(element);
  await flush();
  return element;
}

function byId<T = HTMLElement & Record<string, any>>(element: HTMLElement, id: string): T {
  return element.shadowRoot!.querySelector(`[data-id="${id}"]`) as unknown as T;
}

function lastQuery(): Record<string, unknown> {
  const calls = mockGetLogPage.mock.calls;
  return calls[calls.length - 1][0].query;
}

describe('c-aloware-sync-log', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('should show a spinner while the first page loads', async () => {
    let resolve: (value: unknown) => void = () => undefined;
    mockGetLogPage.mockReturnValue(new Promise((r) => (resolve = r)));
    const element = createElement('c-aloware-sync-log', { is: AlowareSyncLog });
    document.body.appendChild(element);
    await Promise.resolve();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    resolve(page());
    await flush();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
  });

  it('should request the newest entries first and render the rows with lead links', async () => {
    mockGetLogPage.mockResolvedValue(page());
    const element = await mount();
    expect(mockGetLogPage).toHaveBeenCalledTimes(1);
    expect(Object.keys(mockGetLogPage.mock.calls[0][0])).toEqual(['query']);
    expect(lastQuery()).toMatchObject({
      sortBy: 'createdDate',
      sortDirection: 'desc',
      navigation: 'first',
      pageSize: 50,
      cursorId: null,
      statuses: []
    });
    const table = byId(element, 'log-table');
    expect(table.data).toHaveLength(2);
    expect(table.data[0]).toMatchObject({
      leadUrl: '/00Q000000000001AAA',
      leadLabel: 'Ada Lovelace',
      statusClass: 'slds-text-color_error'
    });
    expect(table.data[1]).toMatchObject({ leadUrl: null, statusClass: 'slds-text-color_success' });
    expect(table.hideCheckboxColumn).toBe(false);
    expect(byId(element, 'range').textContent).toMatch(/Showing 1–2 of 2,000\+/);
    expect(byId(element, 'page-next').disabled).toBe(false);
    expect(byId(element, 'page-previous').disabled).toBe(true);
    expect(byId(element, 'retry-selected').disabled).toBe(true);
  });

  it('should show the empty state when no entry matches', async () => {
    mockGetLogPage.mockResolvedValue(
      page({ rows: [], hasNext: false, totalCount: 0, totalCapped: false, firstCursor: null, lastCursor: null })
    );
    const element = await mount();
    expect(byId(element, 'empty')).not.toBeNull();
    expect(byId(element, 'log-table')).toBeNull();
    expect(byId(element, 'export-csv').disabled).toBe(true);
    expect(byId(element, 'range').textContent).toBe('');
  });

  it('should show the server error and no table when the log cannot be read', async () => {
    mockGetLogPage.mockRejectedValue({ body: { message: 'The sync log could not be read: no access' } });
    const element = await mount();
    expect(byId(element, 'error').textContent).toContain('The sync log could not be read: no access');
    expect(byId(element, 'log-table')).toBeNull();
    expect(byId(element, 'empty')).toBeNull();
  });

  it('should show a validation message from the server for a bad filter', async () => {
    mockGetLogPage.mockResolvedValueOnce(page());
    const element = await mount();
    mockGetLogPage.mockRejectedValueOnce({ body: { message: 'The "from" date must be on or before the "to" date.' } });
    byId(element, 'filter-from').dispatchEvent(new CustomEvent('change', { detail: { value: '2026-11-21' } }));
    await flush();
    expect(lastQuery()).toMatchObject({ fromDate: '2026-11-21' });
    expect(byId(element, 'error').textContent).toContain('"from" date must be on or before');
  });

  it('should send every filter and reset to the first page', async () => {
    mockGetLogPage.mockResolvedValue(page());
    const element = await mount();
    byId(element, 'filter-status').dispatchEvent(new CustomEvent('change', { detail: { value: 'Failed' } }));
    byId(element, 'filter-direction').dispatchEvent(new CustomEvent('change', { detail: { value: 'Outbound' } }));
    byId(element, 'filter-source').dispatchEvent(new CustomEvent('change', { detail: { value: 'Trigger' } }));
    byId(element, 'filter-to').dispatchEvent(new CustomEvent('change', { detail: { value: '2026-11-22' } }));
    const leadInput = byId(element, 'filter-lead');
    leadInput.dispatchEvent(new CustomEvent('change', { detail: { value: '  Ada ' } }));
    leadInput.dispatchEvent(new KeyboardEvent('keyup', { key: 'a' }));
    const before = mockGetLogPage.mock.calls.length;
    leadInput.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
    await flush();
    expect(mockGetLogPage.mock.calls.length).toBe(before + 1);
    expect(lastQuery()).toMatchObject({
      statuses: ['Failed'],
      direction: 'Outbound',
      source: 'Trigger',
      toDate: '2026-11-22',
      lead: 'Ada',
      navigation: 'first'
    });
    byId(element, 'apply-filters').click();
    await flush();
    expect(lastQuery()).toMatchObject({ lead: 'Ada' });
    byId(element, 'clear-filters').click();
    await flush();
    expect(lastQuery()).toMatchObject({
      statuses: [],
      direction: '',
      source: '',
      fromDate: null,
      toDate: null,
      lead: ''
    });
  });

  it('should page forward and back with the keyset cursors', async () => {
    mockGetLogPage.mockResolvedValue(page());
    const element = await mount();
    mockGetLogPage.mockResolvedValue(page({ hasPrevious: true, hasNext: false }));
    byId(element, 'page-next').click();
    await flush();
    expect(lastQuery()).toMatchObject({
      navigation: 'next',
      cursorValue: '1795165200000',
      cursorId: 'a01000000000002AAA'
    });
    expect(byId(element, 'range').textContent).toMatch(/Showing 51–52/);
    expect(element.shadowRoot!.textContent).toContain('Page 2');
    expect(byId(element, 'page-next').disabled).toBe(true);
    mockGetLogPage.mockResolvedValue(page());
    byId(element, 'page-previous').click();
    await flush();
    expect(lastQuery()).toMatchObject({ navigation: 'previous', cursorId: 'a01000000000001AAA' });
    expect(element.shadowRoot!.textContent).toContain('Page 1');
    byId(element, 'page-first').click();
    await flush();
    expect(lastQuery()).toMatchObject({ navigation: 'first', cursorId: null });
    byId(element, 'refresh').click();
    await flush();
    expect(lastQuery()).toMatchObject({ navigation: 'first' });
  });

  it('should sort on the server when a column header is sorted', async () => {
    mockGetLogPage.mockResolvedValue(page());
    const element = await mount();
    byId(element, 'log-table').dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'attempts', sortDirection: 'asc' } })
    );
    await flush();
    expect(lastQuery()).toMatchObject({ sortBy: 'attempts', sortDirection: 'asc', navigation: 'first' });
    expect(byId(element, 'log-table').sortedBy).toBe('attempts');
  });

  it('should retry the selected entries and report what happened to each', async () => {
    mockGetLogPage.mockResolvedValue(page());
    mockRetryLogs.mockResolvedValue(
      retryResult(
        [
          ['a01000000000001AAA', 'Queued', null],
          ['a01000000000002AAA', 'Skipped', 'Superseded: a newer pending change of this Lead sends its current values.']
        ],
        '1 entry queued for retry, 1 entry skipped (superseded by a newer pending change of the same Lead).'
      )
    );
    const element = await mount();
    const toasts: any[] = [];
    element.addEventListener(ShowToastEventName, (e: Event) => toasts.push((e as CustomEvent).detail));
    byId(element, 'log-table').dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: PAGE.rows } }));
    await flush();
    const retry = byId(element, 'retry-selected');
    expect(retry.disabled).toBe(false);
    expect(retry.label).toBe('Retry selected (2)');
    retry.click();
    await flush();
    expect(mockRetryLogs).toHaveBeenCalledWith({ logIds: ['a01000000000001AAA', 'a01000000000002AAA'] });
    expect(toasts[0]).toMatchObject({ variant: 'warning', title: 'Retry done, with exceptions' });
    expect(toasts[0].message).toContain('1 entry skipped (superseded');
    const items = Array.from(element.shadowRoot!.querySelectorAll('[data-id="retry-item"]')).map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim()
    );
    expect(items[0]).toMatch(/^Queued\W*SL-001AAA$/);
    expect(items[1]).toMatch(/^Skipped\W*SL-002AAA: Superseded/);
    expect(byId(element, 'retry-selected').disabled).toBe(true);
    expect(mockGetFailureTotals).toHaveBeenCalledTimes(2);
    byId(element, 'retry-result-close').click();
    await flush();
    expect(byId(element, 'retry-result')).toBeNull();
  });

  it('should keep the selection of entries a reload still lists, and bind it to the table', async () => {
    mockGetLogPage.mockResolvedValue(page());
    const element = await mount();
    byId(element, 'log-table').dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: [PAGE.rows[0]] } })
    );
    await flush();
    expect(byId(element, 'log-table').selectedRows).toEqual([PAGE.rows[0].id]);
    // A reload (here a status filter) that still lists the entry keeps it selected.
    byId(element, 'filter-status').dispatchEvent(new CustomEvent('change', { detail: { value: 'Failed' } }));
    await flush();
    expect(byId(element, 'log-table').selectedRows).toEqual([PAGE.rows[0].id]);
    expect(byId(element, 'retry-selected').disabled).toBe(false);
    expect(byId(element, 'retry-selected').label).toBe('Retry selected (1)');
    // A reload that no longer lists it drops it.
    mockGetLogPage.mockResolvedValue(page({ rows: [PAGE.rows[1]] }));
    byId(element, 'filter-status').dispatchEvent(new CustomEvent('change', { detail: { value: 'Succeeded' } }));
    await flush();
    expect(byId(element, 'log-table').selectedRows).toEqual([]);
    expect(byId(element, 'retry-selected').disabled).toBe(true);
  });

  it("should show only the latest request's page when an earlier answer arrives last", async () => {
    mockGetLogPage.mockResolvedValue(page());
    const element = await mount();
    const answers: ((value: unknown) => void)[] = [];
    mockGetLogPage.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    byId(element, 'filter-status').dispatchEvent(new CustomEvent('change', { detail: { value: 'Failed' } }));
    byId(element, 'filter-status').dispatchEvent(new CustomEvent('change', { detail: { value: 'Succeeded' } }));
    expect(answers).toHaveLength(2);
    answers[1](page({ rows: [PAGE.rows[1]] }));
    await flush();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
    // The stale answer (the "Failed" filter) comes last and changes nothing.
    answers[0](page({ rows: [PAGE.rows[0]] }));
    await flush();
    const table = byId(element, 'log-table');
    expect(table.data).toHaveLength(1);
    expect(table.data[0].id).toBe(PAGE.rows[1].id);
  });

  it('should report a failed retry', async () => {
    mockGetLogPage.mockResolvedValue(page());
    mockRetryLogs.mockRejectedValue({ body: { message: 'You do not have permission to retry sync log entries.' } });
    const element = await mount();
    const toasts: any[] = [];
    element.addEventListener(ShowToastEventName, (e: Event) => toasts.push((e as CustomEvent).detail));
    byId(element, 'log-table').dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: [PAGE.rows[0]] } })
    );
    await flush();
    byId(element, 'retry-selected').click();
    await flush();
    expect(toasts[0]).toMatchObject({ variant: 'error', title: 'Retry failed' });
    expect(toasts[0].message).toContain('do not have permission');
  });

  it('should limit the view for users who cannot retry', async () => {
    mockGetLogPage.mockResolvedValue(page({ canRetry: false }));
    const element = await mount();
    expect(byId(element, 'log-table').hideCheckboxColumn).toBe(true);
    expect(byId(element, 'retry-selected').disabled).toBe(true);
    expect(byId(element, 'permission-note').textContent).toContain('Aloware Admin permission set');
  });

  it('should open an entry beside the list with its Lead link and full error, retry it and refresh it', async () => {
    mockGetLogPage.mockResolvedValue(page());
    mockGetLogDetail.mockResolvedValueOnce(DETAIL).mockResolvedValueOnce({ ...DETAIL, status: 'Skipped' });
    mockRetryLogs.mockResolvedValue(
      retryResult([['a01000000000001AAA', 'Skipped', 'Superseded: a newer pending change.']], '0 entries queued.')
    );
    const element = await mount();
    byId(element, 'log-table').dispatchEvent(
      new CustomEvent('rowaction', { detail: { action: { name: 'view_detail' }, row: PAGE.rows[0] } })
    );
    await flush();
    expect(mockGetLogDetail).toHaveBeenCalledWith({ logId: 'a01000000000001AAA' });
    expect(byId(element, 'detail').getAttribute('aria-label')).toBe('Sync log entry SL-000001');
    expect(byId(element, 'detail-request').textContent).toContain('[REDACTED]');
    expect(byId(element, 'detail-response').textContent).toContain('400');
    expect(byId(element, 'detail-status').textContent).toBe('Failed');
    expect(element.shadowRoot!.activeElement).toBe(byId(element, 'detail-heading'));
    expect(byId(element, 'detail-lead').getAttribute('href')).toBe('/00Q000000000001AAA');
    expect(byId(element, 'detail-lead').textContent).toBe('Ada Lovelace');
    expect(byId(element, 'detail-error-message').textContent).toContain('Phone number is empty or invalid.');
    expect(byId(element, 'detail-outcome').textContent).toBe('Refused by Aloware (invalid data) (INVALID)');
    expect(byId(element, 'detail').parentElement!.className).toContain('slds-large-size_1-of-3');
    expect(byId(element, 'detail-retry').disabled).toBe(false);
    byId(element, 'detail-retry').click();
    await flush();
    expect(mockRetryLogs).toHaveBeenCalledWith({ logIds: ['a01000000000001AAA'] });
    expect(mockGetLogDetail).toHaveBeenCalledTimes(2);
    expect(byId(element, 'detail-status').textContent).toBe('Skipped');
    expect(byId(element, 'detail-retry').disabled).toBe(true);
    byId(element, 'detail-close').click();
    await flush();
    expect(byId(element, 'detail')).toBeNull();
  });

  it('should not offer a retry for an entry that did not fail', async () => {
    mockGetLogPage.mockResolvedValue(page());
    mockGetLogDetail.mockResolvedValue({ ...DETAIL, status: 'Succeeded' });
    const element = await mount();
    byId(element, 'log-table').dispatchEvent(
      new CustomEvent('rowaction', { detail: { action: { name: 'view_detail' }, row: PAGE.rows[0] } })
    );
    await flush();
    expect(byId(element, 'detail-retry').disabled).toBe(true);
  });

  it('should offer a retry for a failed webhook delivery but not for another failed inbound entry', async () => {
    mockGetLogPage.mockResolvedValue(page());
    mockGetLogDetail.mockResolvedValue({ ...DETAIL, status: 'Failed', direction: 'Inbound', source: 'Webhook' });
    const element = await mount();
    const table = byId(element, 'log-table');
    table.dispatchEvent(
      new CustomEvent('rowaction', { detail: { action: { name: 'view_detail' }, row: PAGE.rows[0] } })
    );
    await flush();
    expect(byId(element, 'detail-retry').disabled).toBe(false);
    mockGetLogDetail.mockResolvedValue({ ...DETAIL, status: 'Failed', direction: 'Inbound', source: 'Pull' });
    table.dispatchEvent(
      new CustomEvent('rowaction', { detail: { action: { name: 'view_detail' }, row: PAGE.rows[0] } })
    );
    await flush();
    expect(byId(element, 'detail-retry').disabled).toBe(true);
  });

  it('should ignore unknown row actions and show a detail error', async () => {
    mockGetLogPage.mockResolvedValue(page());
    mockGetLogDetail.mockRejectedValue({ body: { message: 'This sync log entry no longer exists.' } });
    const element = await mount();
    const table = byId(element, 'log-table');
    table.dispatchEvent(new CustomEvent('rowaction', { detail: { action: { name: 'other' }, row: PAGE.rows[0] } }));
    await flush();
    expect(mockGetLogDetail).not.toHaveBeenCalled();
    table.dispatchEvent(
      new CustomEvent('rowaction', { detail: { action: { name: 'view_detail' }, row: PAGE.rows[0] } })
    );
    await flush();
    expect(byId(element, 'detail-error').textContent).toContain('no longer exists');
    expect(byId(element, 'detail-retry').disabled).toBe(true);
  });

  it('should export every page of the filtered log as CSV', async () => {
    mockGetLogPage.mockResolvedValueOnce(page());
    const element = await mount();
    const clicked: string[] = [];
    const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(decodeURIComponent(this.href));
    });
    const toasts: any[] = [];
    element.addEventListener(ShowToastEventName, (e: Event) => toasts.push((e as CustomEvent).detail));
    mockGetLogPage
      .mockResolvedValueOnce(page({ hasNext: true }))
      .mockResolvedValueOnce(page({ hasNext: false, rows: [PAGE.rows[0]] }));
    byId(element, 'export-csv').click();
    await flush();
    await flush();
    spy.mockRestore();
    const calls = mockGetLogPage.mock.calls.slice(1).map((c) => c[0].query);
    expect(calls[0]).toMatchObject({ navigation: 'first', pageSize: 1000 });
    expect(calls[1]).toMatchObject({ navigation: 'next', cursorId: 'a01000000000002AAA', pageSize: 1000 });
    expect(clicked).toHaveLength(1);
    const csv = clicked[0].split(',').slice(1).join(',');
    expect(csv.split('\r\n').filter((l) => l)).toHaveLength(4);
    expect(csv).toContain('Created,Entry,Lead Id,Lead,Direction');
    expect(toasts[0]).toMatchObject({ variant: 'success', message: 'Exported 3 entries.' });
  });

  it('should stop the export at the limit and say so', async () => {
    mockGetLogPage.mockResolvedValueOnce(page());
    const element = await mount();
    const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const toasts: any[] = [];
    element.addEventListener(ShowToastEventName, (e: Event) => toasts.push((e as CustomEvent).detail));
    const bigRows = Array.from({ length: 1000 }, (_, i) => ({
      ...PAGE.rows[0],
      id: `a0100000000${String(i).padStart(4, '0')}AAA`
    }));
    mockGetLogPage.mockResolvedValue(page({ rows: bigRows, hasNext: true }));
    byId(element, 'export-csv').click();
    for (let i = 0; i < 12; i++) {
      // eslint-disable-next-line no-await-in-loop -- lets each sequential page request settle
      await flush();
    }
    spy.mockRestore();
    expect(mockGetLogPage.mock.calls.length - 1).toBe(10);
    expect(toasts[0]).toMatchObject({ variant: 'warning' });
    expect(toasts[0].message).toContain('first 10,000 entries');
  });

  it('should report a failed export', async () => {
    mockGetLogPage.mockResolvedValueOnce(page());
    const element = await mount();
    const toasts: any[] = [];
    element.addEventListener(ShowToastEventName, (e: Event) => toasts.push((e as CustomEvent).detail));
    mockGetLogPage.mockRejectedValueOnce(new Error('Network down'));
    byId(element, 'export-csv').click();
    await flush();
    expect(toasts[0]).toMatchObject({ variant: 'error', title: 'Export failed', message: 'Network down' });
  });

  it('should be accessible with data, when empty and on error', async () => {
    mockGetLogPage.mockResolvedValue(page());
    mockGetLogDetail.mockResolvedValue(DETAIL);
    const element = await mount();
    byId(element, 'log-table').dispatchEvent(
      new CustomEvent('rowaction', { detail: { action: { name: 'view_detail' }, row: PAGE.rows[0] } })
    );
    await flush();
    await expect(element).toBeAccessible();
    document.body.removeChild(element);
    mockGetLogPage.mockRejectedValue({ body: { message: 'No access' } });
    const failed = await mount();
    await expect(failed).toBeAccessible();
  });

  it('should be keyboard operable: every control is a focusable base component and Enter applies the Lead filter', async () => {
    mockGetLogPage.mockResolvedValue(page());
    const element = await mount();
    const controls = element.shadowRoot!.querySelectorAll(
      'lightning-button, lightning-button-icon, lightning-input, lightning-combobox'
    );
    expect(controls.length).toBeGreaterThanOrEqual(12);
    controls.forEach((control) => expect(control.getAttribute('tabindex')).not.toBe('-1'));
    const before = mockGetLogPage.mock.calls.length;
    byId(element, 'filter-lead').dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
    await flush();
    expect(mockGetLogPage.mock.calls.length).toBe(before + 1);
  });

  it('should total failures by cause and retry one cause after confirming its count', async () => {
    mockGetLogPage.mockResolvedValue(page());
    mockGetFailureTotals.mockResolvedValue([
      { outcome: 'RATE_LIMITED', total: 260, retryable: 250 },
      { outcome: null, total: 3, retryable: 0 }
    ]);
    mockRetryByOutcome.mockResolvedValue(
      retryResult([['a01000000000001AAA', 'Queued', null]], '1 entry queued for retry.')
    );
    const element = await mount();
    const labels = Array.from(element.shadowRoot!.querySelectorAll('[data-id="failure-cause-label"]')).map(
      (e) => e.textContent
    );
    expect(labels).toEqual(['Aloware rate limit', 'No cause recorded']);
    const buttons = element.shadowRoot!.querySelectorAll<HTMLElement & Record<string, any>>('[data-id="retry-cause"]');
    expect(buttons[0].label).toBe('Retry 200');
    expect(buttons[1].disabled).toBe(true);
    buttons[0].click();
    await flush();
    const dialog = byId(element, 'confirm-cause').shadowRoot!;
    expect(dialog.querySelector('[data-id="heading"]')!.textContent).toBe('Retry 200 failed entries?');
    expect(dialog.textContent).toContain('Failed outbound entries of this cause: 250');
    expect(dialog.textContent).toContain('At most 200 are retried at a time');
    expect(mockRetryByOutcome).not.toHaveBeenCalled();
    const focus = jest.spyOn(buttons[0], 'focus');
    (dialog.querySelector('[data-id="cancel"]') as HTMLButtonElement).click();
    await flush();
    expect(byId(element, 'confirm-cause')).toBeNull();
    expect(focus).toHaveBeenCalled();
    buttons[0].click();
    await flush();
    (byId(element, 'confirm-cause').shadowRoot!.querySelector('[data-id="confirm"]') as HTMLButtonElement).click();
    await flush();
    expect(mockRetryByOutcome).toHaveBeenCalledWith({ outcome: 'RATE_LIMITED' });
    expect(byId(element, 'retry-result-message').textContent).toBe('1 entry queued for retry.');
    expect(element.shadowRoot!.activeElement).toBe(byId(element, 'retry-result-heading'));
    await expect(element).toBeAccessible();
  });

  it('should apply a filter set from outside, such as the open entries of the last day', async () => {
    mockGetLogPage.mockResolvedValue(page());
    const element = (await mount()) as any;
    element.filter = { statuses: ['Pending', 'In Progress', 'Retrying'], createdSince: '2026-12-01T04:00:00.000Z' };
    await flush();
    expect(lastQuery()).toMatchObject({
      statuses: ['Pending', 'In Progress', 'Retrying'],
      createdSince: '2026-12-01T04:00:00.000Z',
      source: '',
      navigation: 'first'
    });
    expect(byId(element, 'filter-status').value).toBe('open');
    expect(byId(element, 'created-since').textContent).toContain('the last 24 hours');
    byId(element, 'filter-direction').dispatchEvent(new CustomEvent('change', { detail: { value: 'Outbound' } }));
    await flush();
    expect(lastQuery()).toMatchObject({ createdSince: null, direction: 'Outbound' });
    expect(byId(element, 'created-since')).toBeNull();
    element.filter = { statuses: ['Failed'], source: 'Pull' };
    await flush();
    expect(lastQuery()).toMatchObject({ statuses: ['Failed'], source: 'Pull', fromDate: null, direction: '' });
    expect(element.filter).toMatchObject({ source: 'Pull' });
  });
});
