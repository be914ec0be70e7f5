/**
 * `lightning/navigation` stand-in (the open-source base components re-export `force/navigation`, which is not
 * open source). Record pages of Leads and the Aloware Setup tab navigate inside the preview; web pages open in a new
 * tab; other destinations are reported in a toast.
 */
import type { WireAdapter, WireDataCallback } from 'lwc';
import { ShowToastEvent } from './platformShowToastEvent';

export interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

const NAVIGATE = Symbol('Navigate');
const GENERATE_URL = Symbol('GenerateUrl');

/** Preview URL of a page reference, or null when the preview has no such page. */
export function urlOf(ref: PageReference): string | null {
  const a = ref.attributes ?? {};
  if (ref.type === 'standard__webPage' && typeof a.url === 'string') return a.url;
  if (ref.type === 'standard__recordPage' && typeof a.recordId === 'string') {
    const lead = a.objectApiName === 'Lead' || a.recordId.startsWith('00Q');
    return lead ? `/lead?id=${encodeURIComponent(a.recordId)}` : null;
  }
  if (ref.type === 'standard__navItemPage' || ref.type === 'standard__component') return '/';
  if (ref.type === 'standard__objectPage' && a.objectApiName === 'Lead') return '/lead';
  return null;
}

// TypeScript requires `any[]` for a mixin's base constructor (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => EventTarget;

export interface NavigationMixinType {
  <T extends Constructor>(Base: T): T;
  readonly Navigate: typeof NAVIGATE;
  readonly GenerateUrl: typeof GENERATE_URL;
}

function mixin<T extends Constructor>(Base: T): T {
  return class extends Base {
    [NAVIGATE](ref: PageReference, replace?: boolean): void {
      const url = urlOf(ref);
      if (url === null) {
        this.dispatchEvent(
          new ShowToastEvent({ title: 'Not in the preview', message: `Navigation to ${ref.type}`, variant: 'info' })
        );
      } else if (ref.type === 'standard__webPage') {
        window.open(url, '_blank', 'noopener');
      } else if (replace) {
        window.location.replace(url);
      } else {
        window.location.assign(url);
      }
    }

    [GENERATE_URL](ref: PageReference): Promise<string> {
      return Promise.resolve(urlOf(ref) ?? '#');
    }
  };
}

export const NavigationMixin: NavigationMixinType = Object.assign(mixin, {
  Navigate: NAVIGATE,
  GenerateUrl: GENERATE_URL
} as const);

/** Wire adapter with the current page reference of the preview page. */
export class CurrentPageReference implements WireAdapter {
  constructor(private readonly emit: WireDataCallback) {}

  update(): void {}

  connect(): void {
    const params = new URLSearchParams(window.location.search);
    const onLead = window.location.pathname.startsWith('/lead');
    this.emit(
      onLead
        ? {
            type: 'standard__recordPage',
            attributes: { recordId: params.get('id'), objectApiName: 'Lead', actionName: 'view' },
            state: {}
          }
        : { type: 'standard__navItemPage', attributes: { apiName: 'Aloware_Setup' }, state: {} }
    );
  }

  disconnect(): void {}
}
