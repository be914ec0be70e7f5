/** `lightning/platformShowToastEvent` stand-in: the page shell listens for it and shows an SLDS toast. */
export interface ToastConfig {
  title?: string;
  message?: string;
  messageData?: unknown[];
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
}

export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ToastConfig> {
  constructor(config: ToastConfig) {
    super(SHOW_TOAST_EVENT_NAME, { bubbles: true, composed: true, cancelable: true, detail: config });
  }
}
