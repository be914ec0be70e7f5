/**
 * The org's record tables and what makes them fast at 100,000 rows without changing what they answer:
 *
 * - **Copy-on-write snapshots.** A snapshot (each DML statement's all-or-none undo, `Database.setSavepoint`, a test's
 *   setup state) holds the live tables themselves; a table hands its snapshots a copy of its entries only before
 *   its first change after they were taken. Records are shared, never changed in place: code that changes a stored
 *   record takes a copy first (`Org.writable`). Restoring gives back the unchanged tables as they are and rebuilds
 *   only the changed ones.
 * - **Lookup indexes.** `Table.idsWhere(field, ids)`: the Ids of the records whose reference field holds one of the
 *   given Ids, from an index built on first use and kept up to date lazily: every change marks its record, and the
 *   next look-up re-reads the marked records. The answer is in the table's order (insertion order), as a scan gives.
 * - **Top N.** `topN`: the first n items in a total order (stable for ties: earlier items first) with a bounded heap,
 *   for `ORDER BY … LIMIT n` without sorting the whole table.
 * - **Sorted indexes.** `Table.sorted(spec, …)`: the table's records in one ORDER BY order (ties in table order, as a
 *   stable sort of a scan gives), built on first use for a large table and kept up to date as the lookup indexes
 *   are (changed records marked, re-placed by binary search on the next use; many changes: rebuilt). `ORDER BY … LIMIT
 *   n` then walks the order from where the WHERE clause can first match (a binary search on the first ORDER BY
 *   field, for a keyset page) and stops at the n-th match, instead of reading and sorting every row.
 *
 * The SOQL engine uses indexes only to choose candidate rows: every candidate is still tested against the whole
 * WHERE clause, so an index can make a query faster, never answer differently (see __tests__/indexes.test.ts,
 * which compares indexed answers with full scans on seeded random data).
 */
import { ApexId, SObjectValue } from '../runtime/values';

/** A snapshot of the tables: by lower-case object name, the table as it was (shared until the table changes). */
export interface TablesSnapshot {
  tables: Map<string, Map<string, SObjectValue>>;
  idCounter: number;
}

/** Index key of a reference value: the 18-character Id; null for no value; undefined for a value no index holds. */
function keyOf(v: unknown): string | null | undefined {
  if (v === null || v === undefined) return null;
  if (v instanceof ApexId) return v.value;
  return undefined;
}

class LookupIndex {
  readonly byKey = new Map<string, Set<string>>();
  readonly keyById = new Map<string, string>();
  /** False when a record holds a value that is not an Id (then the index is not used). */
  usable = true;

  constructor(readonly field: string) {}

  add(id: string, rec: SObjectValue): void {
    const k = keyOf(rec.values.get(this.field));
    if (k === undefined) {
      this.usable = false;
      return;
    }
    if (k === null) return;
    let ids = this.byKey.get(k);
    if (!ids) {
      ids = new Set();
      this.byKey.set(k, ids);
    }
    ids.add(id);
    this.keyById.set(id, k);
  }

  remove(id: string): void {
    const k = this.keyById.get(id);
    if (k === undefined) return;
    this.keyById.delete(id);
    const ids = this.byKey.get(k);
    if (ids) {
      ids.delete(id);
      if (ids.size === 0) this.byKey.delete(k);
    }
  }
}

/** One object's records by 18-character Id, in insertion order. */
export class Table extends Map<string, SObjectValue> {
  /** The `tables` of the snapshots holding this table as theirs (they get a copy before its first change). */
  private holders: Set<Map<string, Map<string, SObjectValue>>> | null = null;
  /** Lookup indexes by lower-case field name, built on first use. */
  private lookups: Map<string, LookupIndex> | null = null;
  /** Records changed since the indexes last read them. */
  private pending: Set<string> | null = null;
  /** Sorted indexes by their ORDER BY spec, most recently used last. */
  private sortedIndexes: Map<string, SortedIndex> | null = null;
  /** Insertion position of every Id (kept while an index exists), to answer in the table's order. */
  private order: Map<string, number> | null = null;
  private nextPosition = 0;

  constructor(readonly key: string) {
    super();
  }

  /** A live table with the entries of `source` (a snapshot's copy), in its order. */
  static from(key: string, source: Map<string, SObjectValue>): Table {
    const t = new Table(key);
    for (const [id, rec] of source) Map.prototype.set.call(t, id, rec);
    return t;
  }

  override set(id: string, rec: SObjectValue): this {
    if (this.holders) this.detach();
    if (this.pending) this.pending.add(id);
    if (this.sortedIndexes) for (const ix of this.sortedIndexes.values()) ix.dirty.add(id);
    if (this.order && !this.has(id)) this.order.set(id, this.nextPosition++);
    return super.set(id, rec);
  }

  override delete(id: string): boolean {
    if (this.holders) this.detach();
    if (this.pending) this.pending.add(id);
    if (this.sortedIndexes) for (const ix of this.sortedIndexes.values()) ix.dirty.add(id);
    if (this.order) this.order.delete(id);
    return super.delete(id);
  }

  override clear(): void {
    if (this.holders) this.detach();
    this.dropIndexes();
    super.clear();
  }

  /** `snapshot` holds this table as it is now. */
  hold(snapshot: TablesSnapshot): void {
    (this.holders ??= new Set()).add(snapshot.tables);
  }

  /** Whether `snapshot` still holds this table unchanged. */
  heldBy(snapshot: TablesSnapshot): boolean {
    return this.holders?.has(snapshot.tables) === true;
  }

  /** `snapshot` is no longer needed (a DML statement that succeeded). */
  release(snapshot: TablesSnapshot): void {
    if (!this.holders) return;
    this.holders.delete(snapshot.tables);
    if (this.holders.size === 0) this.holders = null;
  }

  /** Before the first change: every snapshot holding this table gets a copy of its entries (records shared). */
  private detach(): void {
    const holders = this.holders;
    if (!holders) return;
    this.holders = null;
    const copy = new Map<string, SObjectValue>(this);
    for (const tables of holders) if (tables.get(this.key) === this) tables.set(this.key, copy);
  }

  private dropIndexes(): void {
    this.lookups = null;
    this.pending = null;
    this.sortedIndexes = null;
    this.order = null;
  }

  private positions(): Map<string, number> {
    if (!this.order) {
      this.order = new Map();
      this.nextPosition = 0;
      for (const id of this.keys()) this.order.set(id, this.nextPosition++);
    }
    return this.order;
  }

  private index(field: string): LookupIndex {
    if (!this.lookups) {
      this.lookups = new Map();
      this.pending = new Set();
    }
    if (this.pending && this.pending.size) {
      for (const id of this.pending) {
        const rec = this.get(id);
        for (const ix of this.lookups.values()) {
          ix.remove(id);
          if (rec) ix.add(id, rec);
        }
      }
      this.pending.clear();
    }
    let ix = this.lookups.get(field);
    if (!ix) {
      ix = new LookupIndex(field);
      for (const [id, rec] of this) ix.add(id, rec);
      this.lookups.set(field, ix);
    }
    return ix;
  }

  /**
   * The Ids of the records whose reference field `field` (lower-case) holds one of `ids` (18-character Id values),
   * in the table's order; null when the index cannot answer (a record holds a value that is not an Id).
   */
  idsWhere(field: string, ids: Iterable<string>): string[] | null {
    const ix = this.index(field);
    if (!ix.usable) return null;
    const found = new Set<string>();
    for (const k of ids) {
      const hit = ix.byKey.get(k);
      if (hit) for (const id of hit) found.add(id);
    }
    return this.inOrder(found);
  }

  /**
   * The records in the order `compare` gives to their `keys` (ties in table order), up to date: the index named
   * `spec` (built on first use). `keys` must read only the record's own values (records are never changed in place).
   * `reverseSpec`: the spec of the exactly reversed order, given only when no two records can tie (the Id is a key);
   * an index of it then gives this one by reversal instead of a sort.
   */
  sorted(
    spec: string,
    reverseSpec: string | null,
    keys: (rec: SObjectValue) => unknown[],
    compare: (a: unknown[], b: unknown[]) => number
  ): readonly SortedEntry[] {
    const indexes = (this.sortedIndexes ??= new Map());
    let ix = indexes.get(spec);
    if (ix) indexes.delete(spec);
    else {
      ix = new SortedIndex(keys, compare);
      const reverse = reverseSpec === null ? undefined : indexes.get(reverseSpec);
      if (reverse) {
        reverse.refresh(this, this.positions());
        ix.reverseOf(reverse);
      } else ix.rebuild(this, this.positions());
      if (indexes.size >= MAX_SORTED_INDEXES) indexes.delete(indexes.keys().next().value as string);
    }
    indexes.set(spec, ix);
    ix.refresh(this, this.positions());
    return ix.entries;
  }

  /** The given Ids that are in the table, in the table's order. */
  inOrder(ids: Iterable<string>): string[] {
    const present: string[] = [];
    for (const id of ids) if (this.has(id)) present.push(id);
    if (present.length < 2) return present;
    const order = this.positions();
    const unique = [...new Set(present)];
    return unique.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
}

/** Sorted indexes kept per table (the least recently used one is dropped beyond). */
const MAX_SORTED_INDEXES = 8;

/** One record of a sorted index: its ORDER BY values and its position in the table (the tie-break). */
export interface SortedEntry {
  readonly id: string;
  readonly rec: SObjectValue;
  readonly keys: unknown[];
  readonly position: number;
}

/** A table's records in one ORDER BY order; changed records are re-placed on the next use. */
class SortedIndex {
  entries: SortedEntry[] = [];
  private readonly byId = new Map<string, SortedEntry>();
  /** Ids changed since the entries were last brought up to date. */
  readonly dirty = new Set<string>();

  constructor(
    private readonly keys: (rec: SObjectValue) => unknown[],
    private readonly compareKeys: (a: unknown[], b: unknown[]) => number
  ) {}

  private readonly order = (a: SortedEntry, b: SortedEntry): number =>
    this.compareKeys(a.keys, b.keys) || a.position - b.position;

  rebuild(table: Table, positions: Map<string, number>): void {
    this.byId.clear();
    this.dirty.clear();
    const entries: SortedEntry[] = [];
    for (const [id, rec] of table) {
      const e: SortedEntry = { id, rec, keys: this.keys(rec), position: positions.get(id) ?? 0 };
      entries.push(e);
      this.byId.set(id, e);
    }
    this.entries = entries.sort(this.order);
  }

  /** The entries of `other` (up to date, no ties) in reverse: the reversed order, without a sort. */
  reverseOf(other: SortedIndex): void {
    this.byId.clear();
    this.dirty.clear();
    this.entries = other.entries.slice().reverse();
    for (const e of this.entries) this.byId.set(e.id, e);
  }

  refresh(table: Table, positions: Map<string, number>): void {
    if (!this.dirty.size) return;
    if (this.dirty.size > Math.max(64, this.entries.length >> 4)) {
      this.rebuild(table, positions);
      return;
    }
    for (const id of this.dirty) {
      const old = this.byId.get(id);
      if (old) {
        this.entries.splice(this.place(old), 1);
        this.byId.delete(id);
      }
      const rec = table.get(id);
      if (!rec) continue;
      const e: SortedEntry = { id, rec, keys: this.keys(rec), position: positions.get(id) ?? 0 };
      this.entries.splice(this.place(e), 0, e);
      this.byId.set(id, e);
    }
    this.dirty.clear();
  }

  /** The index of the first entry not before `e` (`e` itself when it is in the index). */
  private place(e: SortedEntry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order(this.entries[mid] as SortedEntry, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The first index in [lo, hi) of `items` for which `atOrAfter` holds (it holds for a suffix of the range). */
export function lowerBound<T>(items: readonly T[], lo: number, hi: number, atOrAfter: (item: T) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (atOrAfter(items[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The first `n` of `items` in the order `compare` gives, ties kept in their original order (as a stable sort
 * followed by `slice(0, n)`), without sorting every item: items go to a buffer that is sorted and cut back to n
 * whenever it holds a few times n, and an item that does not beat the n-th kept one is passed over with one
 * comparison. Presorted input (a table in CreatedDate order read newest first) costs O(items) comparisons, as the
 * stable sort's run detection does; other input O(items · log n) at worst.
 */
export function topN<T>(items: Iterable<T>, n: number, compare: (a: T, b: T) => number): T[] {
  if (n <= 0) return [];
  const ordered = (a: [T, number], b: [T, number]): number => compare(a[0], b[0]) || a[1] - b[1];
  const capacity = Math.max(4 * n, 1024);
  let buffer: [T, number][] = [];
  /** The n-th kept item once the buffer was first cut: an item not before it cannot be among the first n. */
  let cut: [T, number] | null = null;
  let position = 0;
  for (const item of items) {
    const entry: [T, number] = [item, position++];
    if (cut && ordered(entry, cut) > 0) continue;
    buffer.push(entry);
    if (buffer.length >= capacity) {
      buffer = buffer.sort(ordered).slice(0, n);
      cut = buffer[n - 1] ?? null;
    }
  }
  return buffer
    .sort(ordered)
    .slice(0, n)
    .map((e) => e[0]);
}
