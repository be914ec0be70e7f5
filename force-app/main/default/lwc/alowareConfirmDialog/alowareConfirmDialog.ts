import { LightningElement, api } from 'lwc';

/**
 * A confirmation before a bulk or destructive action: an SLDS modal (alert dialog) that states what will happen (its
 * lines) and what cannot be undone (its warning). Focus moves to Cancel when it opens (the safe choice), stays inside
 * it (Tab and Shift+Tab cycle through its two buttons), and Escape cancels. Fires `confirm` or `cancel`; the parent
 * closes it by setting `open` to false and returns focus to the control that opened it.
 */
export default class AlowareConfirmDialog extends LightningElement {
  @api open = false;
  @api heading = '';
  /** What the action will do, one sentence per line (scope, filter, count). */
  @api lines: string[] = [];
  /** What cannot be undone (shown highlighted), or empty. */
  @api warning = '';
  @api confirmLabel = 'Confirm';
  @api cancelLabel = 'Cancel';
  /** `brand` or `destructive`. */
  @api variant: 'brand' | 'destructive' = 'brand';

  private focused = false;

  get lineItems(): { key: string; text: string }[] {
    return (this.lines ?? []).map((text, i) => ({ key: `line-${i}`, text }));
  }

  get confirmClass(): string {
    return this.variant === 'destructive' ? 'slds-button slds-button_destructive' : 'slds-button slds-button_brand';
  }

  override renderedCallback(): void {
    if (!this.open) {
      this.focused = false;
      return;
    }
    if (this.focused) return;
    const cancel = this.button('cancel');
    if (cancel) {
      this.focused = true;
      cancel.focus();
    }
  }

  private button(id: string): HTMLButtonElement | null {
    return this.template?.querySelector<HTMLButtonElement>(`[data-id="${id}"]`) ?? null;
  }

  handleKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.handleCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    // Focus trap: the dialog has two focusable controls; Tab from the last goes to the first and back.
    const first = this.button('cancel');
    const last = this.button('confirm');
    const active = this.template?.activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleConfirm(): void {
    this.dispatchEvent(new CustomEvent('confirm'));
  }
}
