/**
 * The preview's page frame (browser side): an org-like global header and app navigation, the page header, the
 * root component mounted with `createElement`, SLDS toasts for `ShowToastEvent`, and a footer strip that says what
 * is simulated and lets you switch the mock Aloware API's failure mode.
 */
import { createElement, type LightningElement } from 'lwc';
import type { LeadSummary } from '../emulated-org/org';
import { notifyRecordUpdateAvailable, updateRecord } from '../standins/uiRecordApi';

type PageName = 'setup' | 'lead';
type RootCtor = typeof LightningElement;

interface PreviewInfo {
  mockAlowareUrl: string;
  failureMode: string;
  failureModes: string[];
  events: { kind: string; name: string; confirmed: boolean }[];
  leads: LeadSummary[];
}

const SPRITES = '/assets/icons';

function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
  );
}

function icon(sprite: string, name: string, extraClass = ''): string {
  return `<svg class="slds-icon ${extraClass}" aria-hidden="true"><use href="${SPRITES}/${sprite}-sprite/svg/symbols.svg#${name}"></use></svg>`;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

function globalHeader(page: PageName): string {
  const tab = (href: string, label: string, active: boolean): string =>
    `<li class="slds-context-bar__item${active ? ' slds-is-active' : ''}">
       <a href="${href}" class="slds-context-bar__label-action" ${active ? 'aria-current="page"' : ''} title="${label}">
         <span class="slds-truncate">${label}</span></a></li>`;
  return `
  <header class="preview-global-header slds-global-header_container">
    <div class="slds-global-header slds-grid slds-grid_align-spread">
      <div class="slds-global-header__item"><span class="preview-brand">Aloware Lead Sync</span>
        <span class="slds-badge slds-m-left_small">Local preview</span></div>
      <div class="slds-global-header__item slds-text-body_small">Preview User</div>
    </div>
  <div class="slds-context-bar">
    <div class="slds-context-bar__primary">
      <div class="slds-context-bar__item slds-no-hover">
        <span class="slds-context-bar__label-action slds-context-bar__app-name">
          <span class="slds-truncate" title="Aloware">Aloware</span></span>
      </div>
    </div>
    <nav class="slds-context-bar__secondary" role="navigation" aria-label="App">
      <ul class="slds-grid">${tab('/', 'Aloware Setup', page === 'setup')}${tab('/lead', 'Leads', page === 'lead')}</ul>
    </nav>
  </div>
  </header>`;
}

function leadHeader(lead: LeadSummary | undefined, leads: LeadSummary[]): string {
  const field = (label: string, value: string | null): string =>
    `<li class="slds-page-header__detail-block"><div class="slds-text-title slds-truncate" title="${esc(label)}">${esc(label)}</div>
       <div class="slds-truncate" title="${esc(value)}">${esc(value ?? '')}</div></li>`;
  const options = leads
    .map(
      (l) =>
        `<option value="${esc(l.id)}"${l.id === lead?.id ? ' selected' : ''}>${esc(l.name)} — ${esc(l.note)}</option>`
    )
    .join('');
  return `
  <section aria-label="Lead highlights" class="slds-page-header slds-page-header_record-home">
    <div class="slds-page-header__row">
      <div class="slds-page-header__col-title"><div class="slds-media">
        <div class="slds-media__figure"><span class="slds-icon_container slds-icon-standard-lead">
          ${icon('standard', 'lead')}</span></div>
        <div class="slds-media__body"><div class="slds-page-header__name"><div class="slds-page-header__name-title">
          <h1><span>Lead</span><span class="slds-page-header__title slds-truncate" title="${esc(lead?.name)}">${esc(lead?.name ?? 'Lead not found')}</span></h1>
        </div></div></div>
      </div></div>
      <div class="slds-page-header__col-actions"><div class="slds-form-element">
        <label class="slds-form-element__label" for="preview-lead-picker">Sample Lead</label>
        <div class="slds-form-element__control"><div class="slds-select_container">
          <select class="slds-select" id="preview-lead-picker">${options}</select></div></div>
      </div></div>
    </div>
    <div class="slds-page-header__row slds-page-header__row_gutters"><div class="slds-page-header__col-details">
      <ul class="slds-page-header__detail-row">
        ${field('Company', lead?.company ?? null)}${field('Title', lead?.title ?? null)}${field('Phone', lead?.phone ?? null)}
        ${field('Email', lead?.email ?? null)}${field('Lead Status', lead?.status ?? null)}${field('Lead Owner', lead?.ownerName ?? null)}
      </ul>
    </div></div>
  </section>`;
}

function leadDetails(lead: LeadSummary | undefined): string {
  const row = (label: string, value: string | null): string =>
    `<div class="slds-col slds-size_1-of-2 slds-form-element slds-form-element_readonly slds-form-element_stacked">
       <span class="slds-form-element__label">${esc(label)}</span>
       <div class="slds-form-element__control"><div class="slds-form-element__static">${esc(value ?? '')}</div></div></div>`;
  return `
  <article class="slds-card"><div class="slds-card__header slds-grid"><header class="slds-media slds-media_center slds-has-flexi-truncate">
    <div class="slds-media__body"><h2 class="slds-card__header-title">Details</h2></div></header></div>
    <div class="slds-card__body slds-card__body_inner"><div class="slds-grid slds-wrap slds-gutters_small">
      ${row('Name', lead?.name ?? null)}${row('Company', lead?.company ?? null)}${row('Phone', lead?.phone ?? null)}
      ${row('Email', lead?.email ?? null)}${row('Lead Status', lead?.status ?? null)}${row('Lead Owner', lead?.ownerName ?? null)}
      ${row('Do Not Call', lead?.doNotCall ? 'Yes' : 'No')}
    </div>
    <form id="preview-edit-phone" class="slds-grid slds-grid_vertical-align-end slds-m-top_small">
      <div class="slds-form-element"><label class="slds-form-element__label" for="preview-phone">Edit Phone</label>
        <div class="slds-form-element__control"><input id="preview-phone" class="slds-input" type="tel"
          value="${esc(lead?.phone ?? '')}"></div></div>
      <button type="submit" class="slds-button slds-button_brand slds-m-left_x-small">Save Lead</button>
    </form></div></article>`;
}

function footer(info: PreviewInfo, page: PageName): string {
  const options = info.failureModes
    .map((m) => `<option value="${esc(m)}"${m === info.failureMode ? ' selected' : ''}>${esc(m)}</option>`)
    .join('');
  const events = info.events
    .map((e) => `<option value="${esc(e.kind)}">${esc(e.name)}${e.confirmed ? '' : ' (unconfirmed name)'}</option>`)
    .join('');
  const simulate =
    page === 'lead'
      ? `<span class="slds-m-left_medium">
      <label for="preview-event">Aloware sends</label>
      <select id="preview-event" class="slds-select preview-inline-select">${events}</select>
      <button id="preview-send-event" class="slds-button slds-button_neutral slds-m-left_x-small">Send webhook for this Lead</button>
      <button id="preview-send-again" class="slds-button slds-button_neutral slds-m-left_x-small">Deliver the same webhook again</button>
    </span>`
      : '';
  return `
  <footer class="preview-footer slds-p-around_small slds-text-body_small" aria-label="About this preview">
    Local preview: the real components and the real Apex (run by the Apex emulator), Aloware answered by a mock on
    <a href="${esc(info.mockAlowareUrl)}/api/v1/webhook/users?api_token=preview-token">${esc(info.mockAlowareUrl)}</a>.
    <label class="slds-m-left_small" for="preview-failure-mode">Mock Aloware answers with</label>
    <select id="preview-failure-mode" class="slds-select preview-inline-select">${options}</select>
    ${simulate}
  </footer>`;
}

const TOAST_ICONS: Record<string, string> = { success: 'success', error: 'error', warning: 'warning', info: 'info' };

function showToast(detail: { title?: string; message?: string; variant?: string; mode?: string }): void {
  const container = document.getElementById('preview-toasts');
  if (!container) return;
  const variant = detail.variant && TOAST_ICONS[detail.variant] ? detail.variant : 'info';
  const toast = document.createElement('div');
  toast.className = `slds-notify slds-notify_toast slds-theme_${variant}`;
  toast.setAttribute('role', variant === 'error' ? 'alert' : 'status');
  toast.innerHTML = `
    <span class="slds-assistive-text">${esc(variant)}</span>
    <span class="slds-icon_container slds-icon-utility-${variant} slds-m-right_small slds-no-flex slds-align-top">
      ${icon('utility', TOAST_ICONS[variant] ?? 'info', 'slds-icon_small')}</span>
    <div class="slds-notify__content">
      <h2 class="slds-text-heading_small">${esc(detail.title)}</h2>
      ${detail.message ? `<p>${esc(detail.message)}</p>` : ''}
    </div>
    <div class="slds-notify__close"><button class="slds-button slds-button_icon slds-button_icon-inverse" title="Close">
      <svg class="slds-button__icon slds-button__icon_large" aria-hidden="true">
        <use href="${SPRITES}/utility-sprite/svg/symbols.svg#close"></use></svg>
      <span class="slds-assistive-text">Close</span></button></div>`;
  toast.querySelector('button')?.addEventListener('click', () => toast.remove());
  container.appendChild(toast);
  if (detail.mode !== 'sticky') setTimeout(() => toast.remove(), variant === 'error' ? 15000 : 8000);
}

/** Asks the mock Aloware account to deliver an event for the Lead's contact, then refreshes the record's wires. */
async function sendEvent(kind: string, leadId: string, again = false): Promise<void> {
  const response = await fetch('/api/preview/emit', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ event: kind, leadId, again })
  });
  const body = (await response.json()) as { message?: string };
  showToast({
    title: response.ok ? 'Webhook delivered' : 'Webhook not delivered',
    message: body.message ?? '',
    variant: response.ok ? 'success' : 'error'
  });
  await notifyRecordUpdateAvailable([{ recordId: leadId }]);
  await renderTimeline(leadId);
}

/** A Task on the Lead, as `/api/preview/activities` answers it (what the Activity timeline shows). */
interface TimelineTask {
  Id: string;
  Subject?: string | null;
  Status?: string | null;
  ActivityDate?: string | null;
  CallDisposition?: string | null;
  CallDurationInSeconds?: number | null;
  Description?: string | null;
  Aloware_Channel__c?: string | null;
  Aloware_Direction__c?: string | null;
  Aloware_Occurred_At__c?: string | null;
  Aloware_Communication_Link__c?: string | null;
}

/**
 * The Lead's Activity timeline, as Lightning's activity panel lists logged Tasks: subject, date, Call Result, duration
 * and comments, newest first (read from the emulated org's Task table, system mode).
 */
async function renderTimeline(leadId: string): Promise<void> {
  const container = document.getElementById('preview-timeline');
  if (!container) return;
  const tasks = await getJson<TimelineTask[]>(`/api/preview/activities?leadId=${encodeURIComponent(leadId)}`);
  const item = (t: TimelineTask): string => {
    const call = t.Aloware_Channel__c !== 'SMS';
    const when = t.Aloware_Occurred_At__c
      ? new Date(t.Aloware_Occurred_At__c).toLocaleString('en-US')
      : (t.ActivityDate ?? '');
    const details = [
      t.CallDisposition ? `Call Result: ${esc(t.CallDisposition)}` : '',
      call && t.CallDurationInSeconds ? `Duration: ${esc(t.CallDurationInSeconds)} s` : ''
    ]
      .filter(Boolean)
      .join(' · ');
    const link = t.Aloware_Communication_Link__c
      ? `<a href="${esc(t.Aloware_Communication_Link__c)}" target="_blank" rel="noopener noreferrer">Open in Aloware<span class="slds-assistive-text"> (opens in a new tab)</span></a>`
      : '';
    return `<li class="slds-timeline__item_expandable slds-timeline__item_${call ? 'call' : 'task'}" data-preview-task="${esc(t.Id)}">
      <div class="slds-media"><div class="slds-media__figure">
        <div class="slds-icon_container slds-icon-standard-${call ? 'log-a-call' : 'task'} slds-timeline__icon" title="${call ? 'Call' : 'Task'}">
          ${icon('standard', call ? 'log_a_call' : 'task', 'slds-icon_small')}</div></div>
        <div class="slds-media__body">
          <div class="slds-grid slds-grid_align-spread slds-timeline__trigger">
            <h3 class="slds-truncate" title="${esc(t.Subject)}"><strong>${esc(t.Subject ?? '')}</strong></h3>
            <p class="slds-timeline__date">${esc(when)}</p></div>
          ${details ? `<p class="slds-m-horizontal_xx-small">${details}</p>` : ''}
          ${t.Description ? `<p class="slds-m-horizontal_xx-small slds-text-color_weak">${esc(t.Description)}</p>` : ''}
          ${link ? `<p class="slds-m-horizontal_xx-small">${link}</p>` : ''}
        </div></div></li>`;
  };
  container.innerHTML = tasks.length
    ? `<ul class="slds-timeline" aria-label="Activity timeline">${tasks.map(item).join('')}</ul>`
    : '<p class="slds-text-color_weak" data-preview-timeline-empty>No activities yet.</p>';
}

function timelineCard(): string {
  return `
  <article class="slds-card slds-m-top_small" aria-labelledby="preview-timeline-title"><div class="slds-card__header slds-grid">
    <header class="slds-media slds-media_center slds-has-flexi-truncate"><div class="slds-media__body">
      <h2 class="slds-card__header-title" id="preview-timeline-title">Activity</h2></div></header></div>
    <div class="slds-card__body slds-card__body_inner" id="preview-timeline"></div></article>`;
}

/** Builds the frame for `page` and mounts its root component (null: the component is not in force-app yet). */
export function mountPage(
  page: PageName,
  tag: string,
  Root: RootCtor | null,
  companions: { tag: string; Root: RootCtor }[] = []
): void {
  render(page, tag, Root, companions).catch((error: unknown) => {
    document.body.innerHTML = `<div class="slds-notify slds-notify_alert slds-alert_error" role="alert">
      The preview page failed: ${esc(error instanceof Error ? error.message : error)}</div>`;
  });
}

async function render(
  page: PageName,
  tag: string,
  Root: RootCtor | null,
  companions: { tag: string; Root: RootCtor }[]
): Promise<void> {
  const infoLoad = getJson<PreviewInfo>('/api/preview/info');
  // The Lead page needs the sample Leads before it mounts (its header and the component's recordId); the setup page
  // mounts at once and fills the preview's footer when the info arrives, as a Lightning page does not wait for it.
  const early = page === 'lead' ? await infoLoad : null;
  const params = new URLSearchParams(window.location.search);
  const lead = early ? (early.leads.find((l) => l.id === params.get('id')) ?? early.leads[0]) : undefined;
  document.body.innerHTML = `
    <div class="preview-app">
      ${globalHeader(page)}
      <div class="slds-notify_container" id="preview-toasts" role="region" aria-label="Notifications"></div>
      <div class="preview-page slds-p-around_small">
        ${early ? leadHeader(lead, early.leads) : ''}
        <div class="slds-grid slds-gutters_small slds-wrap${page === 'setup' ? '' : ' slds-m-top_small'}">
          ${
            page === 'setup'
              ? '<main class="slds-col slds-size_1-of-1" id="preview-root"></main>'
              : `<main class="slds-col slds-size_1-of-1 slds-large-size_2-of-3">${leadDetails(lead)}${timelineCard()}</main>
                 <aside class="slds-col slds-size_1-of-1 slds-large-size_1-of-3" id="preview-root" aria-label="Aloware"></aside>`
          }
        </div>
      </div>
      <div id="preview-footer"></div>
    </div>`;
  // Once the info is there (at once on the Lead page): the setup page's component does not wait for it.
  const footerShown = infoLoad.then((info) => renderFooter(info, page, lead));
  document.addEventListener('lightning__showtoast', (event) => showToast((event as CustomEvent).detail ?? {}));
  document.getElementById('preview-lead-picker')?.addEventListener('change', (event) => {
    window.location.assign(`/lead?id=${encodeURIComponent((event.target as HTMLSelectElement).value)}`);
  });
  document.getElementById('preview-edit-phone')?.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!lead) return;
    const phone = (document.getElementById('preview-phone') as HTMLInputElement | null)?.value ?? '';
    // A Lead edit through the UI API: DML in the emulated org, so the real trigger and outbox run.
    updateRecord({ fields: { Id: lead.id, Phone: phone } }).then(
      () => showToast({ title: 'Lead saved', message: `Phone is now ${phone}.`, variant: 'success' }),
      (error: unknown) =>
        showToast({
          title: 'Lead not saved',
          message: String((error as { body?: { message?: string } }).body?.message ?? error),
          variant: 'error'
        })
    );
  });

  const root = document.getElementById('preview-root');
  if (!root) return;
  if (!Root) {
    root.innerHTML = `<div class="slds-box slds-theme_shade" role="alert">This page's component is not in
      <code>force-app/main/default/lwc/</code> yet.</div>`;
    return;
  }
  const element = createElement(tag, { is: Root }) as HTMLElement & { recordId?: string; objectApiName?: string };
  if (page === 'lead' && lead) {
    element.recordId = lead.id;
    element.objectApiName = 'Lead';
  }
  root.appendChild(element);
  for (const companion of companions) {
    const extra = createElement(companion.tag, { is: companion.Root }) as HTMLElement & {
      recordId?: string;
      objectApiName?: string;
    };
    extra.classList.add('slds-m-top_small', 'slds-show');
    if (page === 'lead' && lead) {
      extra.recordId = lead.id;
      extra.objectApiName = 'Lead';
    }
    root.appendChild(extra);
  }
  if (page === 'lead' && lead) await renderTimeline(lead.id);
  await footerShown;
  document.body.dataset.previewReady = 'true';
}

/** The footer strip (what is simulated, the mock's failure mode, the webhook buttons) and its handlers. */
function renderFooter(info: PreviewInfo, page: PageName, lead: LeadSummary | undefined): void {
  const slot = document.getElementById('preview-footer');
  if (!slot) return;
  slot.outerHTML = footer(info, page);
  document.getElementById('preview-failure-mode')?.addEventListener('change', (event) => {
    const mode = (event.target as HTMLSelectElement).value;
    void fetch('/api/preview/aloware-failure', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode })
    });
  });
  document.getElementById('preview-send-event')?.addEventListener('click', () => {
    const kind = (document.getElementById('preview-event') as HTMLSelectElement | null)?.value ?? '';
    if (!lead) return;
    void sendEvent(kind, lead.id);
  });
  document.getElementById('preview-send-again')?.addEventListener('click', () => {
    if (lead) void sendEvent('', lead.id, true);
  });
}
