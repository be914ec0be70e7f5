/**
 * The preview's sync log mirrors AlowareSyncLogController.getLogPage: keyset pages visit every matching entry exactly
 * once in (sort value, Id) order, both ways; filters, caps and validation messages match the controller.
 */
import { COUNT_CAP, HandledError, SyncLogStore, redact, type LogPage, type LogQuery } from '../dev-api/sync-log';

const ANCHOR = Date.UTC(2025, 10, 27, 17, 0, 0);

function walk(store: SyncLogStore, query: LogQuery, forward: boolean): string[] {
  const ids: string[] = [];
  let page: LogPage = store.page({ ...query, navigation: forward ? 'first' : 'last' });
  for (let guard = 0; guard < 10_000; guard++) {
    const rows = page.rows.map((r) => r.id);
    ids.push(...(forward ? rows : rows.reverse()));
    const more = forward ? page.hasNext : page.hasPrevious;
    if (!more) break;
    const cursor = forward ? page.lastCursor : page.firstCursor;
    page = store.page({
      ...query,
      navigation: forward ? 'next' : 'previous',
      cursorValue: cursor?.value ?? null,
      cursorId: cursor?.recordId ?? null
    });
  }
  return forward ? ids : ids.reverse();
}

describe('sync log keyset paging', () => {
  const store = new SyncLogStore(ANCHOR, 3000);

  it.each([
    ['createdDate', 'desc'],
    ['createdDate', 'asc'],
    ['attempts', 'asc'],
    ['httpStatus', 'desc'],
    ['completedAt', 'asc'],
    ['nextAttemptAt', 'desc']
  ])('should visit every entry once when walking %s %s pages both ways', (sortBy, sortDirection) => {
    const query: LogQuery = { sortBy, sortDirection, pageSize: 97 };
    const forward = walk(store, query, true);
    const backward = walk(store, query, false);
    expect(new Set(forward).size).toBe(3000);
    expect(forward).toHaveLength(3000);
    expect(backward).toEqual(forward);
  });

  it('should keep nulls last ascending and first descending', () => {
    const asc = store.page({ sortBy: 'httpStatus', sortDirection: 'asc', navigation: 'last', pageSize: 5 });
    expect(asc.rows.every((r) => r.httpStatus === null)).toBe(true);
    const desc = store.page({ sortBy: 'httpStatus', sortDirection: 'desc', pageSize: 5 });
    expect(desc.rows.every((r) => r.httpStatus === null)).toBe(true);
  });

  it('should apply status, direction and source filters on every page', () => {
    const query: LogQuery = { statuses: ['Failed', 'Retrying'], direction: 'Outbound', pageSize: 50 };
    const ids = walk(store, query, true);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const entry = store.get(id);
      expect(['Failed', 'Retrying']).toContain(entry?.status);
      expect(entry?.direction).toBe('Outbound');
    }
    const expected = store.all().filter((e) => ['Failed', 'Retrying'].includes(e.status) && e.direction === 'Outbound');
    expect(ids).toHaveLength(expected.length);
  });

  it('should cap the total at 2,000 and say so', () => {
    const page = store.page({});
    expect(page.totalCount).toBe(COUNT_CAP);
    expect(page.totalCapped).toBe(true);
    const few = store.page({ statuses: ['In Progress'] });
    expect(few.totalCapped).toBe(false);
    expect(few.totalCount).toBe(store.all().filter((e) => e.status === 'In Progress').length);
  });

  it('should filter by a Lead id or by part of a Lead name', () => {
    const withLead = store.all().find((e) => e.leadId !== null);
    expect(withLead).toBeDefined();
    const byId = store.page({ lead: withLead?.leadId, pageSize: 1000 });
    expect(byId.rows.length).toBeGreaterThan(0);
    expect(byId.rows.every((r) => r.leadId === withLead?.leadId)).toBe(true);
    const name = (withLead?.leadName ?? '').split(' ')[1] ?? '';
    const byName = store.page({ lead: name.toLowerCase(), pageSize: 1000 });
    expect(byName.rows.every((r) => (r.leadName ?? '').includes(name))).toBe(true);
  });

  it('should refuse what the controller refuses, with its messages', () => {
    const refuse = (query: LogQuery): string => {
      try {
        store.page(query);
      } catch (e) {
        expect(e).toBeInstanceOf(HandledError);
        return (e as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refuse({ sortBy: 'leadName' })).toMatch(/cannot be sorted by "leadName"/);
    expect(refuse({ sortDirection: 'up' })).toBe('Sort direction must be "asc" or "desc".');
    expect(refuse({ pageSize: 1001 })).toBe('Page size must be between 1 and 1000.');
    expect(refuse({ navigation: 'next' })).toMatch(/needs the cursor of the current page/);
    expect(refuse({ statuses: ['Done'] })).toMatch(/Unknown status "Done"/);
    expect(refuse({ fromDate: '2025-11-02', toDate: '2025-11-01' })).toBe(
      'The "from" date must be on or before the "to" date.'
    );
    expect(refuse({ lead: 'x' })).toBe('Type at least two characters of the Lead name, or paste its Id.');
  });

  it('should filter by date range (whole days, to inclusive)', () => {
    const day = new Date(ANCHOR).toISOString().slice(0, 10);
    const page = store.page({ fromDate: day, toDate: day, pageSize: 1000 });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.createdDate.startsWith(day))).toBe(true);
  });

  it('should serve pages of the full 100,000 entries', () => {
    const big = new SyncLogStore(ANCHOR);
    expect(big.size).toBe(100_000);
    const last = big.page({ navigation: 'last' });
    expect(last.rows).toHaveLength(50);
    expect(last.hasPrevious).toBe(true);
    expect(last.hasNext).toBe(false);
    expect(last.rows.at(-1)?.name).toBe('SL-0000001');
  });
});

describe('redact', () => {
  it('should mask api_token values and Authorization headers like AlowareRedactor', () => {
    expect(redact('{"api_token": "abc", "x": 1}')).toBe('{"api_token": "[REDACTED]", "x": 1}');
    expect(redact('GET /users?api_token=abc&x=1')).toBe('GET /users?api_token=[REDACTED]&x=1');
    expect(redact('"Authorization": "Bearer s3cr3t"')).toBe('"Authorization": "Bearer [REDACTED]"');
  });
});
