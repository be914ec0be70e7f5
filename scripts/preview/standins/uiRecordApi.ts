/**
 * `lightning/uiRecordApi` stand-in backed by the emulated org's records (`/api/ui/*`).
 * Records come back in the UI API shape: `{ apiName, id, fields: { Name: { value, displayValue } } }`; fields the
 * preview user cannot read are left out, as the platform does for `optionalFields`.
 */
import type { WireAdapter, WireDataCallback } from 'lwc';
import { postJson } from './transport';

type FieldRef = string | { objectApiName?: string; fieldApiName?: string };

export interface FieldValue {
  value: unknown;
  displayValue: string | null;
}

export interface RecordRepresentation {
  apiName: string;
  id: string;
  fields: Record<string, FieldValue>;
}

interface GetRecordConfig {
  recordId?: string;
  fields?: FieldRef | FieldRef[];
  optionalFields?: FieldRef | FieldRef[];
  layoutTypes?: string | string[];
}

function fieldName(ref: FieldRef): string {
  if (typeof ref === 'string') return ref.includes('.') ? ref.slice(ref.indexOf('.') + 1) : ref;
  return ref.fieldApiName ?? '';
}

function names(refs: FieldRef | FieldRef[] | undefined): string[] {
  if (refs === undefined) return [];
  return (Array.isArray(refs) ? refs : [refs]).map(fieldName);
}

const live = new Set<GetRecordAdapter>();

export class GetRecordAdapter implements WireAdapter {
  private config: GetRecordConfig | undefined;
  private connected = false;
  private generation = 0;

  constructor(private readonly emit: WireDataCallback) {}

  update(config: GetRecordConfig): void {
    this.config = config;
    if (this.connected) void this.fetch();
  }

  connect(): void {
    this.connected = true;
    live.add(this);
    if (this.config) void this.fetch();
  }

  disconnect(): void {
    this.connected = false;
    live.delete(this);
    this.generation++;
  }

  get recordId(): string | undefined {
    return this.config?.recordId;
  }

  async fetch(): Promise<void> {
    const config = this.config;
    if (!config?.recordId) return;
    const generation = ++this.generation;
    let value: { data: unknown; error: unknown };
    try {
      const data = await postJson('/api/ui/record', {
        recordId: config.recordId,
        fields: names(config.fields),
        optionalFields: names(config.optionalFields)
      });
      value = { data, error: undefined };
    } catch (error) {
      value = { data: undefined, error };
    }
    if (generation === this.generation && this.connected) this.emit(value);
  }
}

export const getRecord = GetRecordAdapter;

/** Reads `record.fields[Field].value` for a `@salesforce/schema` import or `Object.Field` string. */
export function getFieldValue(record: RecordRepresentation | undefined | null, field: FieldRef): unknown {
  return record?.fields?.[fieldName(field)]?.value;
}

export function getFieldDisplayValue(record: RecordRepresentation | undefined | null, field: FieldRef): unknown {
  return record?.fields?.[fieldName(field)]?.displayValue ?? null;
}

/** Re-provisions every live `getRecord` wire of these records. */
export async function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
  const ids = new Set(items.map((i) => i.recordId));
  await Promise.all([...live].filter((a) => a.recordId && ids.has(a.recordId)).map((a) => a.fetch()));
}

/** Deprecated platform name of the same notification. */
export function getRecordNotifyChange(items: { recordId: string }[]): void {
  void notifyRecordUpdateAvailable(items);
}

export async function updateRecord(recordInput: { fields: Record<string, unknown> }): Promise<unknown> {
  const result = await postJson('/api/ui/record/update', recordInput);
  const id = recordInput.fields.Id;
  if (typeof id === 'string') await notifyRecordUpdateAvailable([{ recordId: id }]);
  return result;
}

export function createRecord(recordInput: { apiName: string; fields: Record<string, unknown> }): Promise<unknown> {
  return postJson('/api/ui/record/create', recordInput);
}

export function deleteRecord(recordId: string): Promise<unknown> {
  return postJson('/api/ui/record/delete', { recordId });
}
