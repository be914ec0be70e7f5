import { createElement } from 'lwc';
import AlowareConfirmDialog from 'c/alowareConfirmDialog';

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(props: Record<string, unknown>): Promise<HTMLElement & Record<string, any>> {
  const element = createElement('c-aloware-confirm-dialog', { is: AlowareConfirmDialog }) as any;
  Object.assign(element, props);
  document.body.appendChild(element);
  await flush();
  return element;
}

const q = (element: HTMLElement, id: string): HTMLElement | null =>
  element.shadowRoot!.querySelector(`[data-id="${id}"]`);

describe('c-aloware-confirm-dialog', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('should render nothing while closed', async () => {
    const element = await mount({ open: false, heading: 'Push?' });
    expect(q(element, 'dialog')).toBeNull();
  });

  it('should state the scope and what cannot be undone, focus Cancel and fire confirm or cancel', async () => {
    const element = await mount({
      open: true,
      heading: 'Push 1,204 Leads to Aloware?',
      lines: ['Every Lead you can see that is not converted.', 'Each Lead is queued.'],
      warning: 'Contacts overwritten in Aloware cannot be restored.',
      confirmLabel: 'Push 1,204 Leads',
      variant: 'destructive'
    });
    expect(q(element, 'heading')!.textContent).toBe('Push 1,204 Leads to Aloware?');
    const lines = Array.from(element.shadowRoot!.querySelectorAll('[data-id="line"]')).map((p) => p.textContent);
    expect(lines).toEqual(['Every Lead you can see that is not converted.', 'Each Lead is queued.']);
    expect(q(element, 'warning')!.textContent).toContain('cannot be restored');
    expect(q(element, 'confirm')!.className).toContain('slds-button_destructive');
    expect(q(element, 'confirm')!.textContent).toBe('Push 1,204 Leads');
    expect(element.shadowRoot!.activeElement).toBe(q(element, 'cancel'));
    const events: string[] = [];
    element.addEventListener('confirm', () => events.push('confirm'));
    element.addEventListener('cancel', () => events.push('cancel'));
    (q(element, 'confirm') as HTMLButtonElement).click();
    (q(element, 'cancel') as HTMLButtonElement).click();
    q(element, 'dialog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(events).toEqual(['confirm', 'cancel', 'cancel']);
    await expect(element).toBeAccessible();
  });

  it('should keep keyboard focus inside the dialog', async () => {
    const element = await mount({ open: true, heading: 'Finish?', lines: ['x'], confirmLabel: 'Finish' });
    const cancel = q(element, 'cancel') as HTMLButtonElement;
    const confirm = q(element, 'confirm') as HTMLButtonElement;
    expect(confirm.className).toContain('slds-button_brand');
    const dialog = q(element, 'dialog')!;
    cancel.focus();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true }));
    expect(element.shadowRoot!.activeElement).toBe(confirm);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    expect(element.shadowRoot!.activeElement).toBe(cancel);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(element.shadowRoot!.activeElement).toBe(cancel);
  });
});
