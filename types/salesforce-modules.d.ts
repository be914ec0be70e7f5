/*
 * Types for Salesforce platform modules that @salesforce/lightning-types does not cover.
 * The platform resolves these at runtime; jest (sfdx-lwc-jest) and the local preview provide stand-ins.
 */
/// <reference types="@salesforce/lightning-types" />

declare module '@salesforce/apex/*' {
  import type { WireAdapterConstructor } from 'lwc';
  /** An imperative or wired Apex method: called with an object whose keys are the Apex parameter names. */
  type ApexMethod = ((params?: Record<string, unknown>) => Promise<unknown>) &
    WireAdapterConstructor<Record<string, unknown>, { data?: unknown; error?: unknown }>;
  const apexMethod: ApexMethod;
  export default apexMethod;
}

declare module '@salesforce/apex' {
  /** Re-runs the wired Apex method that produced `wiredResult` (the value the wire last delivered). */
  export function refreshApex(wiredResult: unknown): Promise<void>;
}

declare module '@salesforce/i18n/locale' {
  /** The user's locale, e.g. `en-US`. */
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/timeZone' {
  /** The user's time zone (IANA name), e.g. `America/Los_Angeles`. */
  const timeZone: string;
  export default timeZone;
}

declare module '@salesforce/schema/*' {
  /** A field or object reference, e.g. `@salesforce/schema/Lead.Phone`. */
  const reference: { fieldApiName: string; objectApiName: string };
  export default reference;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module '@salesforce/user/Id' {
  const userId: string;
  export default userId;
}

declare module '@salesforce/resourceUrl/*' {
  const url: string;
  export default url;
}

declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventDetail {
    title?: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
    messageData?: unknown[];
  }
  export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
    constructor(detail: ShowToastEventDetail);
  }
}

declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';
  export interface FieldValue {
    value: unknown;
    displayValue: string | null;
  }
  export interface RecordRepresentation {
    id: string;
    apiName: string;
    fields: Record<string, FieldValue | undefined>;
  }
  type FieldRef = { fieldApiName: string; objectApiName: string } | string;
  export interface GetRecordConfig {
    recordId: string | undefined;
    fields?: FieldRef[];
    optionalFields?: FieldRef[];
  }
  export interface WiredRecord {
    data?: RecordRepresentation;
    error?: unknown;
  }
  export const getRecord: WireAdapterConstructor<GetRecordConfig, WiredRecord>;
  export function getFieldValue(record: RecordRepresentation | undefined, field: FieldRef): unknown;
  export function getFieldDisplayValue(record: RecordRepresentation | undefined, field: FieldRef): unknown;
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

declare module 'lightning/uiObjectInfoApi' {
  import type { WireAdapterConstructor } from 'lwc';
  export const getObjectInfo: WireAdapterConstructor<{ objectApiName: unknown }, { data?: unknown; error?: unknown }>;
  export const getPicklistValues: WireAdapterConstructor<
    { recordTypeId: string; fieldApiName: unknown },
    { data?: unknown; error?: unknown }
  >;
}

declare module 'lightning/navigation' {
  import { LightningElement } from 'lwc';
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }
  type Constructor<T> = new (...args: any[]) => T;
  export function NavigationMixin<T extends Constructor<LightningElement>>(base: T): T;
  export namespace NavigationMixin {
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
  }
  export const CurrentPageReference: unknown;
}

declare module 'lightning/refresh' {
  export class RefreshEvent extends CustomEvent<unknown> {
    constructor();
  }
}

declare module '@salesforce/apex' {
  /** Re-fetches the value a wired Apex method provisioned. */
  export function refreshApex(wiredValue: unknown): Promise<void>;
}

declare module '@salesforce/i18n/locale' {
  /** The user's locale, e.g. `en-US`. */
  const locale: string;
  export default locale;
}
