/**
 * `lightning/uiObjectInfoApi` stand-in: object info and picklist values from the emulated org's Lead describe (the
 * fields the running user can read).
 */
import type { WireAdapter, WireDataCallback } from 'lwc';
import { postJson } from './transport';

type Config = Record<string, unknown>;

function wireAdapter(url: string, ready: (config: Config) => boolean) {
  return class implements WireAdapter {
    private config: Config | undefined;
    private connected = false;

    constructor(private readonly emit: WireDataCallback) {}

    update(config: Config): void {
      this.config = config;
      if (this.connected) void this.fetch();
    }

    connect(): void {
      this.connected = true;
      if (this.config) void this.fetch();
    }

    disconnect(): void {
      this.connected = false;
    }

    private async fetch(): Promise<void> {
      const config = this.config ?? {};
      if (!ready(config)) return;
      try {
        const data = await postJson(url, config);
        if (this.connected) this.emit({ data, error: undefined });
      } catch (error) {
        if (this.connected) this.emit({ data: undefined, error });
      }
    }
  };
}

function apiName(ref: unknown): unknown {
  if (ref && typeof ref === 'object') {
    const r = ref as { objectApiName?: string; fieldApiName?: string };
    return r.fieldApiName ? `${r.objectApiName}.${r.fieldApiName}` : r.objectApiName;
  }
  return ref;
}

export const getObjectInfo = wireAdapter('/api/ui/object-info', (c) => apiName(c.objectApiName) !== undefined);
export const getPicklistValues = wireAdapter('/api/ui/picklist-values', (c) => apiName(c.fieldApiName) !== undefined);
