/** `lightning/refresh` stand-in: the event bubbles to the page shell, which logs it. */
export class RefreshEvent extends CustomEvent<null> {
  constructor() {
    super('lightning__refreshevent', { bubbles: true, composed: true, cancelable: true, detail: null });
  }
}

export function registerRefreshHandler(): void {}
export function unregisterRefreshHandler(): void {}
export function registerRefreshContainer(): void {}
export function unregisterRefreshContainer(): void {}
