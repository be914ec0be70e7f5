/**
 * `@salesforce/apex/Class.method` stand-in: the default export is callable (`method({ param })` → Promise) and is also
 * a wire adapter (`@wire(method, { param: '$prop' })` → `{ data, error }`), like the platform's. Both POST the
 * parameters as JSON to `/api/apex/Class.method`; the preview server invokes that @AuraEnabled method in the
 * emulated org.
 */
import type { WireAdapter, WireDataCallback } from 'lwc';
import { postJson } from './transport';

type Params = Record<string, unknown>;

/** What a wired property / function receives. */
export interface WiredResult {
  data: unknown;
  error: unknown;
}

interface Refreshable {
  refresh(): Promise<void>;
}

/** Emitted value → adapter that produced it (for `refreshApex`). */
const producers = new WeakMap<object, Refreshable>();

/** Calls `/api/apex/<route>` with the parameters (undefined values dropped, as JSON does). */
export function callApex(route: string, params: Params = {}): Promise<unknown> {
  return postJson(`/api/apex/${route}`, params);
}

/** A callable Apex import with a wire adapter attached (`fn.adapter`, LWC's "callable adapter" protocol). */
export interface ApexImport {
  (params?: Params): Promise<unknown>;
  adapter: new (callback: WireDataCallback) => WireAdapter;
}

export function apexMethod(route: string): ApexImport {
  class ApexWireAdapter implements WireAdapter, Refreshable {
    private config: Params | undefined;
    private connected = false;
    private generation = 0;

    constructor(private readonly emit: WireDataCallback) {}

    update(config: Params): void {
      this.config = config;
      if (this.connected) void this.fetch();
    }

    connect(): void {
      this.connected = true;
      if (this.config) void this.fetch();
    }

    disconnect(): void {
      this.connected = false;
      this.generation++;
    }

    refresh(): Promise<void> {
      return this.fetch();
    }

    private async fetch(): Promise<void> {
      const config = this.config ?? {};
      // The platform does not call the method while a parameter is undefined (null is passed through).
      if (Object.values(config).some((v) => v === undefined)) return;
      const generation = ++this.generation;
      let value: WiredResult;
      try {
        value = { data: await callApex(route, config), error: undefined };
      } catch (error) {
        value = { data: undefined, error };
      }
      if (generation !== this.generation || !this.connected) return;
      producers.set(value, this);
      this.emit(value);
    }
  }
  const invoke = ((params?: Params) => callApex(route, params ?? {})) as ApexImport;
  invoke.adapter = ApexWireAdapter;
  return invoke;
}

/** Re-runs the wire that produced `wiredValue` (the object the component received). */
export function refreshApex(wiredValue: unknown): Promise<void> {
  const producer = wiredValue && typeof wiredValue === 'object' ? producers.get(wiredValue) : undefined;
  return producer ? producer.refresh() : Promise.resolve();
}

/** `getSObjectValue(record, field)`: `field` is a `@salesforce/schema` import or a (dotted) API name. */
export function getSObjectValue(record: unknown, field: string | { fieldApiName?: string }): unknown {
  const name = typeof field === 'string' ? field : (field.fieldApiName ?? '');
  let current: unknown = record;
  for (const part of name.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
