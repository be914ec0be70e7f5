import { LightningElement } from 'lwc';
import getMappingState from '@salesforce/apex/AlowareMappingController.getMappingState';
import saveMappings from '@salesforce/apex/AlowareMappingController.saveMappings';
import getDeploymentStatus from '@salesforce/apex/AlowareMappingController.getDeploymentStatus';
import searchLeads from '@salesforce/apex/AlowareMappingController.searchLeads';
import getPreviewData from '@salesforce/apex/AlowareMappingController.getPreviewData';
import { MAPPING_GROUPS } from 'c/alowareCatalog';
import type { Direction, MappingGroup } from 'c/alowareCatalog';
import {
  FieldDescribe,
  OwnerDirectory,
  RecordValues,
  applyInboundValues,
  catalogEntry,
  engineSettings,
  previewPayload,
  validateMappings
} from 'c/alowareMappingRules';
import type { EngineSettings, FieldIssue, OwnerDirectoryJson } from 'c/alowareMappingRules';
import { cancelLater, reduceErrors, runLater, type LaterHandle } from 'c/alowareUiUtils';
import {
  DIRECTION_LABELS,
  SECTION_NOTES,
  SECTION_TITLES,
  defaultRows,
  diffRows,
  failedRows,
  filterCandidates,
  issuesByProperty,
  mergeWithCatalog,
  pickerCandidates,
  sampleContact,
  snapshot,
  toFieldMapping,
  typeLabel,
  writesSalesforce
} from './panelModel';
import type { LeadField, MappingRecord, PickerCandidate, RowChange } from './panelModel';

/** What AlowareMappingController.getMappingState returns. */
export interface MappingState {
  canEdit: boolean;
  namespacePrefix: string | null;
  mappings: MappingRecord[];
  leadFields: LeadField[];
}

/** What saveMappings returns: refused (issues) or queued (jobId). */
export interface SaveResult {
  accepted: boolean;
  jobId: string | null;
  issues: FieldIssue[];
  message: string;
}

export interface DeploymentStatus {
  status: 'InProgress' | 'Succeeded' | 'Failed';
  message: string;
}

export interface PreviewData {
  lead: Record<string, unknown>;
  leadName: string;
  owners: OwnerDirectoryJson;
  settings: Partial<EngineSettings>;
  /** Why the owner is not previewed (no token, Aloware users unavailable), or null. */
  ownerNote?: string | null;
}

/** Milliseconds between deployment status checks, and how many checks before giving up. */
export const DEPLOY_POLL_MS = 3000;
export const DEPLOY_POLL_LIMIT = 40;
/** The field picker renders at most this many options; typing narrows the list. */
export const PICKER_RENDER_LIMIT = 50;
/** The picker of "Add a mapping" (rows use their Aloware property). */
const ADD_PICKER = '__add__';

interface RowView {
  key: string;
  errorKey: string;
  property: string;
  alowareLabel: string;
  alowareType: string;
  fieldName: string;
  fieldLabel: string;
  typeText: string;
  direction: string;
  directionLabel: string;
  directionNote: string | null;
  locked: boolean;
  special: boolean;
  editable: boolean;
  removable: boolean;
  directionEditable: boolean;
  directionOptions: { label: string; value: string; selected: boolean }[];
  errors: { key: string; message: string }[];
  warnings: { key: string; message: string }[];
  hasErrors: boolean;
  hasNotes: boolean;
  changeText: string | null;
  rowClass: string;
  fieldLabelForInput: string;
  directionLabelForInput: string;
  removeLabel: string;
  picker: PickerView;
}

interface PickerView {
  id: string;
  open: boolean;
  expanded: string;
  inputValue: string;
  listboxId: string;
  activeId: string | null;
  containerClass: string;
  placeholder: string;
}

interface PickerOptionView {
  key: string;
  id: string;
  name: string;
  label: string;
  typeText: string;
  readOnly: boolean;
  custom: boolean;
  mappedText: string | null;
  disabled: string;
  selected: string;
  optionClass: string;
}

interface PickerGroupView {
  key: string;
  label: string;
  labelId: string;
  options: PickerOptionView[];
}

interface SectionView {
  group: MappingGroup;
  title: string;
  note: string;
  rows: RowView[];
  hasRows: boolean;
  headingId: string;
}

type NoticeKind = 'progress' | 'success' | 'error' | 'info';

interface Notice {
  kind: NoticeKind;
  title: string;
  message: string;
}

/**
 * The JSON text as an object, or null when it is not JSON or not an object.
 * @param text JSON typed by the admin
 * @returns the object, or null
 */
function parseJsonObject(text: string): Record<string, unknown> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // JSON.parse throws a SyntaxError for text that is not JSON; anything else is a defect.
    if ((error as { name?: unknown } | null)?.name === 'SyntaxError') return null;
    throw error;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

/** The messages once each, in order (a rule and Apex may report the same problem). */
function unique<T extends { message: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.message) && seen.add(item.message) !== undefined);
}

/**
 * "Lead Property Mapping": which Aloware property maps to which Lead field, in which direction. Instant validation by
 * `c/alowareMappingRules`, re-checked by Apex on save; a review of every change (before → after) before the
 * deployment, followed until it finishes, a failure mapped back to its row; Reset to defaults; "Test mapping" shows
 * the outbound payload and the inbound changes for a Lead. The field picker renders its options only when opened.
 */
export default class AlowareMappingPanel extends LightningElement {
  state: MappingState | null = null;
  rows: MappingRecord[] = [];
  savedRows: MappingRecord[] = [];
  savedSnapshot = '';
  describe: FieldDescribe = new FieldDescribe([]);
  issues: FieldIssue[] = [];
  serverIssues: FieldIssue[] = [];
  /** Deployment failures by row (property → problem), until the row changes. */
  rowFailures: Record<string, string> = {};
  isLoading = true;
  loadError: string | null = null;
  isSaving = false;
  /** "Test mapping" is open (its controls are rendered only then). */
  testExpanded = false;
  deployStatus: string | null = null;
  /** The one notice shown (deployment progress, result, Reset); cleared by the next edit. */
  notice: Notice | null = null;
  private pollTimer: LaterHandle | null = null;
  private pollCount = 0;
  private jobId: string | null = null;

  /** The open field picker (a property, ADD_PICKER, or null), its typed text and its active option. */
  pickerFor: string | null = null;
  pickerSearch = '';
  pickerActive = -1;
  private candidates: PickerCandidate[] = [];
  /**
   * The last filtered options, computed once per render. A box mutated in place, not a reassigned field: LWC fields are
   * reactive on reassignment only, and a render must not change reactive state.
   */
  private readonly optionsMemo: {
    value: { key: string; source: PickerCandidate[]; options: PickerOptionView[]; total: number } | null;
  } = { value: null };

  /** The dialog shown: removal of a row, or the review before save. */
  confirmRemove: string | null = null;
  reviewOpen = false;
  /** A selector to focus after the next render (focus follows every action). */
  private focusAfterRender: string | null = null;

  addProperty = '';
  addField = '';
  addDirection = '';

  leadSearch = '';
  leadOptions: { label: string; value: string }[] = [];
  leadId = '';
  sampleJson = JSON.stringify(sampleContact(), null, 2);
  sampleError: string | null = null;
  isPreviewing = false;
  previewError: string | null = null;
  preview: {
    leadName: string;
    payloadText: string;
    skipped: boolean;
    skipMessage: string | null;
    warnings: { key: string; message: string }[];
    changes: { key: string; field: string; current: string; proposed: string }[];
    inboundErrors: { key: string; message: string }[];
    hasChanges: boolean;
  } | null = null;

  private readonly beforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.isDirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  };

  override connectedCallback(): void {
    window.addEventListener('beforeunload', this.beforeUnload);
    this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeunload', this.beforeUnload);
    this.stopPolling();
  }

  override renderedCallback(): void {
    if (this.focusAfterRender === null) return;
    const target = this.template?.querySelector(this.focusAfterRender) as HTMLElement | null;
    this.focusAfterRender = null;
    target?.focus();
  }

  async load(): Promise<void> {
    this.isLoading = true;
    this.loadError = null;
    try {
      const state = (await getMappingState()) as MappingState;
      this.state = state;
      this.describe = new FieldDescribe(state.leadFields, state.namespacePrefix ?? '');
      this.rows = mergeWithCatalog(state.mappings);
      this.savedRows = this.rows;
      this.savedSnapshot = snapshot(this.rows);
      this.serverIssues = [];
      this.rowFailures = {};
      this.revalidate();
    } catch (error) {
      this.loadError = reduceErrors(error);
    } finally {
      this.isLoading = false;
      // The page hosting the panel (Aloware Setup) waits for this before it asks for its own figures.
      this.dispatchEvent(new CustomEvent('stateload'));
    }
  }

  private revalidate(): void {
    this.issues = validateMappings(this.rows.map(toFieldMapping), this.describe);
  }

  // ---- view state -------------------------------------------------------------------------------------------------

  get hasState(): boolean {
    return this.state !== null;
  }

  get canEdit(): boolean {
    return this.state?.canEdit === true;
  }

  get readOnly(): boolean {
    return !this.canEdit;
  }

  get isDirty(): boolean {
    return this.state !== null && snapshot(this.rows) !== this.savedSnapshot;
  }

  /** The issues shown: a view-only user cannot fix any row, so validation is not shown to them. */
  private get shownIssues(): FieldIssue[] {
    return this.canEdit ? this.issues : [];
  }

  get errorCount(): number {
    return unique(this.shownIssues.filter((i) => i.severity === 'error')).length;
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  get errorSummary(): string {
    return this.errorCount === 1
      ? '1 problem must be fixed before saving'
      : `${this.errorCount} problems must be fixed before saving`;
  }

  get generalIssues(): { key: string; message: string }[] {
    const list = unique([...(issuesByProperty(this.shownIssues).get('') ?? []), ...this.serverIssues]);
    return list.map((item, i) => ({ key: `general-${i}`, message: item.message }));
  }

  get hasGeneralIssues(): boolean {
    return this.generalIssues.length > 0;
  }

  get saveDisabled(): boolean {
    return this.readOnly || this.isSaving || !this.isDirty || this.hasErrors;
  }

  get discardDisabled(): boolean {
    return this.readOnly || this.isSaving || !this.isDirty;
  }

  get resetDisabled(): boolean {
    return this.readOnly || this.isSaving;
  }

  get changes(): RowChange[] {
    return this.state ? diffRows(this.savedRows, this.rows, this.describe) : [];
  }

  get changeCount(): number {
    return this.changes.length;
  }

  get hasNotice(): boolean {
    return this.notice !== null;
  }

  get noticeInProgress(): boolean {
    return this.notice?.kind === 'progress';
  }

  get noticeFailed(): boolean {
    return this.notice?.kind === 'error';
  }

  get noticeClass(): string {
    const kind = this.notice?.kind;
    const theme =
      kind === 'error'
        ? 'slds-theme_error'
        : kind === 'success'
          ? 'slds-theme_success'
          : kind === 'info'
            ? 'slds-theme_info'
            : 'slds-theme_shade';
    return `slds-box slds-box_small slds-m-bottom_small ${theme}`;
  }

  get noticeIcon(): string {
    const kind = this.notice?.kind;
    return kind === 'error' ? 'utility:error' : kind === 'success' ? 'utility:success' : 'utility:info';
  }

  get noticeRole(): string {
    return this.notice?.kind === 'error' ? 'alert' : 'status';
  }

  get sections(): SectionView[] {
    const byProperty = issuesByProperty(this.shownIssues);
    const sections: SectionView[] = MAPPING_GROUPS.map((group) => ({
      group,
      title: SECTION_TITLES[group],
      note: SECTION_NOTES[group],
      rows: [],
      hasRows: false,
      headingId: `section-${group}`
    }));
    const changed = new Map(this.changes.map((c) => [c.property, c]));
    for (const row of this.rows) {
      if (!row.active) continue;
      const entry = catalogEntry(row.alowareProperty);
      const group = (entry?.group ?? 'Additional') as MappingGroup;
      const section = sections.find((s) => s.group === group) as SectionView;
      section.rows.push(this.rowView(row, byProperty.get(row.alowareProperty) ?? [], changed.get(row.alowareProperty)));
    }
    for (const section of sections) section.hasRows = section.rows.length > 0;
    return sections;
  }

  private rowView(row: MappingRecord, issues: readonly FieldIssue[], change: RowChange | undefined): RowView {
    const entry = catalogEntry(row.alowareProperty);
    const field = this.describe.resolve(row.salesforceField) as LeadField | undefined;
    const locked = entry?.group === 'Locked';
    const special = entry?.group === 'Special';
    const editable = this.canEdit && !locked && entry !== undefined;
    const allowed = entry?.allowedDirections ?? [];
    const failure = this.rowFailures[row.alowareProperty];
    const errors = unique([
      ...(failure ? [{ message: failure }] : []),
      ...issues.filter((i) => i.severity === 'error')
    ]);
    const warnings = unique(issues.filter((i) => i.severity === 'warning'));
    const label = entry?.label ?? row.alowareProperty;
    const fieldName = field?.name ?? row.salesforceField;
    const fieldText = field ? `${field.label} (${field.name})` : row.salesforceField;
    let rowClass = 'slds-hint-parent mapping-row';
    if (errors.length > 0) rowClass += ' slds-has-error mapping-row_error';
    if (change) rowClass += ' mapping-row_changed';
    return {
      key: row.alowareProperty,
      errorKey: `${row.alowareProperty}-errors`,
      property: row.alowareProperty,
      alowareLabel: label,
      alowareType: entry?.alowareType ?? '?',
      fieldName,
      fieldLabel: field?.label ?? '—',
      typeText: typeLabel(field),
      direction: row.direction,
      directionLabel: DIRECTION_LABELS[row.direction as Direction] ?? row.direction,
      directionNote: entry?.directionNote ?? null,
      locked,
      special,
      editable,
      removable: editable && !special,
      directionEditable: editable && allowed.length > 1,
      directionOptions: allowed.map((d) => ({ label: DIRECTION_LABELS[d], value: d, selected: d === row.direction })),
      errors: errors.map((e, i) => ({ key: `${row.alowareProperty}-e${i}`, message: e.message })),
      warnings: warnings.map((w, i) => ({ key: `${row.alowareProperty}-w${i}`, message: w.message })),
      hasErrors: errors.length > 0,
      hasNotes: errors.length + warnings.length > 0,
      changeText: change ? (change.kind === 'added' ? 'Added' : 'Changed') : null,
      rowClass,
      fieldLabelForInput: `Salesforce field for ${label}`,
      directionLabelForInput: `Direction for ${label}`,
      removeLabel: `Remove the ${label} mapping`,
      picker: this.pickerView(row.alowareProperty, fieldText)
    };
  }

  // ---- field picker (combobox pattern; options rendered only while open) -----------------------------------------

  private pickerView(id: string, closedText: string): PickerView {
    const open = this.pickerFor === id;
    const active = open ? this.pickerOptionsFlat[this.pickerActive] : undefined;
    return {
      id,
      open,
      expanded: open ? 'true' : 'false',
      inputValue: open ? this.pickerSearch : closedText,
      listboxId: `listbox-${id}`,
      activeId: active ? active.id : null,
      containerClass: `slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click${open ? ' slds-is-open' : ''}`,
      placeholder: 'Search by label or API name'
    };
  }

  /** The filtered options of the open picker, at most PICKER_RENDER_LIMIT (memoised: read several times a render). */
  private get pickerOptionsFlat(): PickerOptionView[] {
    return this.pickerMatches().options;
  }

  private pickerMatches(): { options: PickerOptionView[]; total: number } {
    if (this.pickerFor === null) return { options: [], total: 0 };
    const memoKey = `${this.pickerFor}\u0000${this.pickerSearch}\u0000${this.pickerActive}`;
    const memo = this.optionsMemo.value;
    if (memo && memo.key === memoKey && memo.source === this.candidates) return memo;
    const current = this.pickerCurrentField().toLowerCase();
    const matching = filterCandidates(this.candidates, this.pickerSearch);
    const options = matching.slice(0, PICKER_RENDER_LIMIT).map((c, i) => {
      const isActive = i === this.pickerActive;
      return {
        key: c.name,
        id: `option-${this.pickerFor}-${i}`,
        name: c.name,
        label: c.label,
        typeText: c.typeText,
        readOnly: c.readOnly,
        custom: c.custom,
        mappedText: c.mappedBy ? `Already mapped: ${c.mappedBy}` : null,
        disabled: c.mappedBy ? 'true' : 'false',
        selected: c.name.toLowerCase() === current ? 'true' : 'false',
        optionClass: `slds-media slds-listbox__option slds-listbox__option_plain slds-media_small picker-option${
          isActive ? ' slds-has-focus' : ''
        }${c.mappedBy ? ' picker-option_disabled' : ''}`
      };
    });
    this.optionsMemo.value = { key: memoKey, source: this.candidates, options, total: matching.length };
    return this.optionsMemo.value;
  }

  get pickerGroups(): PickerGroupView[] {
    const options = this.pickerOptionsFlat;
    const groups: PickerGroupView[] = [
      { key: 'standard', label: 'Standard fields', labelId: 'group-standard', options: [] },
      { key: 'custom', label: 'Custom fields', labelId: 'group-custom', options: [] }
    ];
    for (const option of options) groups[option.custom ? 1 : 0].options.push(option);
    return groups.filter((g) => g.options.length > 0);
  }

  get pickerMoreText(): string | null {
    if (this.pickerFor === null) return null;
    const total = this.pickerMatches().total;
    if (total === 0) return 'No compatible Lead field matches.';
    return total > PICKER_RENDER_LIMIT
      ? `Showing ${PICKER_RENDER_LIMIT} of ${total} fields: type to narrow the list.`
      : `${total === 1 ? '1 field' : `${total} fields`}.`;
  }

  private pickerCurrentField(): string {
    if (this.pickerFor === ADD_PICKER) return this.addField;
    const row = this.rows.find((r) => r.alowareProperty === this.pickerFor);
    return row ? (this.describe.resolve(row.salesforceField)?.name ?? row.salesforceField) : '';
  }

  private openPicker(id: string): void {
    if (this.pickerFor === id) return;
    const property = id === ADD_PICKER ? this.addProperty : id;
    const direction =
      id === ADD_PICKER ? this.addDirection : (this.rows.find((r) => r.alowareProperty === id)?.direction ?? '');
    this.candidates = pickerCandidates(property, direction, this.rows, this.state?.leadFields ?? [], this.describe);
    this.pickerFor = id;
    this.pickerSearch = '';
    const current = this.pickerCurrentField().toLowerCase();
    this.pickerActive = this.pickerOptionsFlat.findIndex((o) => o.name.toLowerCase() === current);
  }

  private closePicker(): void {
    this.pickerFor = null;
    this.pickerSearch = '';
    this.pickerActive = -1;
    this.candidates = [];
  }

  private pickerOf(event: Event): string {
    return (event.currentTarget as HTMLElement).dataset.picker as string;
  }

  handlePickerOpen(event: Event): void {
    this.openPicker(this.pickerOf(event));
  }

  handlePickerInput(event: Event): void {
    const id = this.pickerOf(event);
    this.openPicker(id);
    this.pickerSearch = (event.target as HTMLInputElement).value ?? '';
    this.pickerActive = this.nextEnabled(-1, 1);
  }

  handlePickerFocusOut(event: FocusEvent): void {
    const container = event.currentTarget as HTMLElement;
    const next = event.relatedTarget as Node | null;
    if (next && container.contains(next)) return;
    if (this.pickerFor === this.pickerOf(event)) this.closePicker();
  }

  /** Keeps the focus in the input while an option is clicked. */
  handleListboxMouseDown(event: Event): void {
    event.preventDefault();
  }

  handlePickerKeyDown(event: KeyboardEvent): void {
    const id = this.pickerOf(event);
    const open = this.pickerFor === id;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) {
          this.openPicker(id);
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.pickerActive = this.nextEnabled(this.pickerActive, step);
        this.scrollActiveIntoView();
        return;
      }
      case 'Enter': {
        if (!open) return;
        event.preventDefault();
        const option = this.pickerOptionsFlat[this.pickerActive];
        if (option && option.disabled === 'false') this.choose(id, option.name);
        return;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          this.closePicker();
        }
        return;
      case 'Tab':
        if (open) this.closePicker();
        break;
      default:
    }
  }

  handleOptionClick(event: Event): void {
    const target = event.currentTarget as HTMLElement;
    if (target.getAttribute('aria-disabled') === 'true' || this.pickerFor === null) return;
    this.choose(this.pickerFor, target.dataset.name as string);
  }

  /** The next option that is not disabled, from `from` in direction `step` (stays put at the ends). */
  private nextEnabled(from: number, step: number): number {
    const options = this.pickerOptionsFlat;
    for (let i = from + step; i >= 0 && i < options.length; i += step) {
      if (options[i].disabled === 'false') return i;
    }
    return from >= 0 && from < options.length ? from : -1;
  }

  private scrollActiveIntoView(): void {
    const option = this.pickerOptionsFlat[this.pickerActive];
    if (!option) return;
    const element = this.template?.querySelector(`[data-option="${option.name}"]`) as HTMLElement | null;
    element?.scrollIntoView?.({ block: 'nearest' });
  }

  private choose(id: string, name: string): void {
    this.closePicker();
    if (id === ADD_PICKER) {
      this.addField = name;
    } else {
      this.updateRow(id, { salesforceField: name });
    }
    this.focusAfterRender = `input[data-picker="${id}"]`;
  }

  // ---- editing ----------------------------------------------------------------------------------------------------

  private updateRow(property: string, change: Partial<MappingRecord>): void {
    this.rows = this.rows.map((row) => (row.alowareProperty === property ? { ...row, ...change } : row));
    this.serverIssues = [];
    if (this.rowFailures[property]) {
      this.rowFailures = Object.fromEntries(Object.entries(this.rowFailures).filter(([key]) => key !== property));
    }
    if (this.notice?.kind !== 'progress') this.notice = null;
    this.revalidate();
  }

  /**
   * A row's direction (a native SLDS select: a page has up to 40 of them, and a select renders in a fraction of a
   * combobox's time).
   */
  handleDirectionChange(event: Event): void {
    const select = event.currentTarget as HTMLSelectElement;
    this.updateRow(select.dataset.property as string, { direction: select.value });
  }

  handleRemove(event: Event): void {
    this.confirmRemove = (event.currentTarget as HTMLElement).dataset.property as string;
    this.focusAfterRender = '[data-id="confirm-remove"] [data-id="dialog-cancel"]';
  }

  get removeDialog(): { title: string; body: string; detail: string } | null {
    if (this.confirmRemove === null) return null;
    const row = this.rows.find((r) => r.alowareProperty === this.confirmRemove);
    const entry = catalogEntry(this.confirmRemove);
    const label = entry?.label ?? this.confirmRemove;
    const field = row ? (this.describe.resolve(row.salesforceField) as LeadField | undefined) : undefined;
    const fieldText = field ? `${field.label} (${field.name})` : (row?.salesforceField ?? '');
    return {
      title: `Remove the ${label} mapping?`,
      body: `Aloware’s ${label} will no longer sync with the Lead field ${fieldText} (${
        DIRECTION_LABELS[row?.direction as Direction] ?? row?.direction
      }). Values already stored on Leads and in Aloware stay as they are.`,
      detail: 'The mapping is removed when you save; until then, Discard changes brings it back.'
    };
  }

  handleRemoveConfirmed(): void {
    const property = this.confirmRemove as string;
    this.confirmRemove = null;
    const visible = this.sections.flatMap((s) => s.rows);
    const at = visible.findIndex((r) => r.property === property);
    const next =
      visible.slice(at + 1).find((r) => r.editable) ??
      visible
        .slice(0, at)
        .reverse()
        .find((r) => r.editable);
    this.updateRow(property, { active: false });
    this.focusAfterRender = next ? `input[data-picker="${next.property}"]` : '[data-id="add-property"]';
  }

  handleDialogCancel(): void {
    const property = this.confirmRemove;
    const wasReview = this.reviewOpen;
    this.confirmRemove = null;
    this.reviewOpen = false;
    this.focusAfterRender = wasReview ? '[data-id="save"]' : `[data-id="remove"][data-property="${property}"]`;
  }

  /** Escape closes a dialog; Tab stays inside it. */
  handleDialogKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.handleDialogCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget as HTMLElement;
    const focusable = Array.from(dialog.querySelectorAll('button')) as HTMLElement[];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.template?.activeElement as HTMLElement | null;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  /** The footer's problem count: focuses the first row with a problem (its field picker, or the row). */
  handleProblemLink(event: Event): void {
    event.preventDefault();
    const first = this.sections.flatMap((s) => s.rows).find((r) => r.hasErrors);
    if (!first) {
      (this.template?.querySelector('[data-id="general-issues"]') as HTMLElement | null)?.focus();
      return;
    }
    const target = (this.template?.querySelector(`input[data-picker="${first.property}"]`) ??
      this.template?.querySelector(`th[data-row-head="${first.property}"]`)) as HTMLElement | null;
    target?.scrollIntoView?.({ block: 'center' });
    target?.focus();
  }

  // ---- add a mapping ----------------------------------------------------------------------------------------------

  get addPropertyOptions(): { label: string; value: string; selected: boolean }[] {
    return this.rows
      .filter((row) => !row.active)
      .map((row) => catalogEntry(row.alowareProperty))
      .filter((entry): entry is NonNullable<typeof entry> => entry !== undefined && entry.group !== 'Locked')
      .map((entry) => ({
        label: `${entry.label} (${entry.property})`,
        value: entry.property,
        selected: entry.property === this.addProperty
      }));
  }

  get addPropertyUnset(): boolean {
    return this.addProperty === '';
  }

  get showAdd(): boolean {
    return this.canEdit;
  }

  get addNothingToAdd(): boolean {
    return this.addPropertyOptions.length === 0;
  }

  get addPropertyDisabled(): boolean {
    return this.addNothingToAdd;
  }

  get addPicker(): PickerView {
    const field = this.describe.resolve(this.addField) as LeadField | undefined;
    return this.pickerView(ADD_PICKER, field ? `${field.label} (${field.name})` : '');
  }

  get addPickerId(): string {
    return ADD_PICKER;
  }

  get addDirectionOptions(): { label: string; value: string; selected: boolean }[] {
    const entry = catalogEntry(this.addProperty);
    return (entry?.allowedDirections ?? []).map((d) => ({
      label: DIRECTION_LABELS[d],
      value: d,
      selected: d === this.addDirection
    }));
  }

  get addFieldDisabled(): boolean {
    return this.addProperty === '';
  }

  get addDisabled(): boolean {
    return !this.addProperty || !this.addField || !this.addDirection;
  }

  /** "Aloware property" and "Direction" of Add are native SLDS selects, like the rows' directions. */
  handleAddProperty(event: Event): void {
    this.addProperty = (event.currentTarget as HTMLSelectElement).value;
    const entry = catalogEntry(this.addProperty);
    this.addDirection = entry?.defaultDirection ?? '';
    this.addField = '';
    this.closePicker();
  }

  handleAddDirection(event: Event): void {
    this.addDirection = (event.currentTarget as HTMLSelectElement).value;
    const field = this.describe.resolve(this.addField);
    // A read-only field cannot take a direction that writes Salesforce: pick the field again.
    if (field && field.updateable === false && writesSalesforce(this.addDirection)) this.addField = '';
  }

  handleAdd(): void {
    if (this.addDisabled) return;
    const property = this.addProperty;
    this.updateRow(property, { active: true, salesforceField: this.addField, direction: this.addDirection });
    this.addProperty = '';
    this.addField = '';
    this.addDirection = '';
    this.focusAfterRender = `input[data-picker="${property}"]`;
  }

  // ---- save, discard, reset ---------------------------------------------------------------------------------------

  handleDiscard(): void {
    if (this.state) {
      this.rows = mergeWithCatalog(this.state.mappings);
      this.serverIssues = [];
      this.rowFailures = {};
      this.notice = null;
      this.closePicker();
      this.revalidate();
      this.focusAfterRender = '[data-id="save"]';
    }
  }

  handleReset(): void {
    this.rows = defaultRows();
    this.serverIssues = [];
    this.rowFailures = {};
    this.closePicker();
    this.revalidate();
    this.notice = {
      kind: 'info',
      title: 'Defaults loaded, not saved yet',
      message: 'The default mappings are shown. Review and Save to apply them, or Discard changes.'
    };
  }

  /** Save opens the review: every change, before → after, in row terms. */
  handleSave(): void {
    this.revalidate();
    if (this.hasErrors || this.readOnly || !this.isDirty) return;
    this.closePicker();
    this.reviewOpen = true;
    this.focusAfterRender = '[data-id="review"] [data-id="dialog-cancel"]';
  }

  get reviewTitle(): string {
    const n = this.changeCount;
    return `Save ${n === 1 ? '1 change' : `${n} changes`}?`;
  }

  get reviewChanges(): (RowChange & { key: string; kindText: string })[] {
    return this.changes.map((c) => ({
      ...c,
      key: c.property,
      kindText: c.kind === 'added' ? 'Added' : c.kind === 'removed' ? 'Removed' : 'Changed'
    }));
  }

  async handleSaveConfirmed(): Promise<void> {
    this.reviewOpen = false;
    this.focusAfterRender = '[data-id="save"]';
    this.isSaving = true;
    this.serverIssues = [];
    this.rowFailures = {};
    this.notice = { kind: 'progress', title: 'Saving: deploying the mapping records…', message: '' };
    try {
      const result = (await saveMappings({ mappings: this.rows.map(toFieldMapping) })) as SaveResult;
      if (!result.accepted) {
        this.serverIssues = result.issues.filter((i) => !i.property);
        this.issues = [...this.issues, ...result.issues.filter((i) => i.property)];
        this.finishWithFailure('The mappings were not saved', result.message);
        return;
      }
      if (!result.jobId) {
        await this.finishWithSuccess(result.message);
        return;
      }
      this.jobId = result.jobId;
      this.notice = { kind: 'progress', title: 'Saving: deploying the mapping records…', message: result.message };
      this.deployStatus = 'InProgress';
      this.pollCount = 0;
      this.schedulePoll();
    } catch (error) {
      this.finishWithFailure('The mappings were not saved', reduceErrors(error));
    }
  }

  private schedulePoll(): void {
    // Follows the metadata deployment until it finishes.
    this.pollTimer = runLater(() => {
      this.pollDeployment();
    }, DEPLOY_POLL_MS);
  }

  async pollDeployment(): Promise<void> {
    this.pollTimer = null;
    this.pollCount += 1;
    try {
      const status = (await getDeploymentStatus({
        jobId: this.jobId,
        mappings: this.rows.map(toFieldMapping)
      })) as DeploymentStatus;
      if (status.status === 'Succeeded') {
        await this.finishWithSuccess(status.message);
        return;
      }
      if (status.status === 'Failed') {
        // The deploy callback stored a failure for this job: nothing was saved; the rows on screen stay unsaved.
        this.finishWithDeployFailure(status.message);
        return;
      }
      if (this.pollCount >= DEPLOY_POLL_LIMIT) {
        this.finishWithFailure(
          'The deployment has not finished',
          'The deployment has not finished yet. Check Setup › Deployment Status, then reload this page.'
        );
        return;
      }
      this.notice = { kind: 'progress', title: 'Saving: deploying the mapping records…', message: status.message };
      this.schedulePoll();
    } catch (error) {
      this.finishWithFailure('The deployment status could not be read', reduceErrors(error));
    }
  }

  private async finishWithSuccess(message: string): Promise<void> {
    this.deployStatus = 'Succeeded';
    this.isSaving = false;
    await this.load();
    this.notice = { kind: 'success', title: 'Mappings saved', message };
  }

  /** A failed deployment, mapped back to the rows it names: their problem shows on the row, the first is focused. */
  private finishWithDeployFailure(message: string): void {
    const active = new Set(this.rows.filter((r) => r.active).map((r) => r.alowareProperty));
    const failures = failedRows(message, active);
    if (failures.length === 0) {
      this.finishWithFailure('The mappings were not saved', message);
      return;
    }
    const byRow: Record<string, string> = {};
    const named: string[] = [];
    for (const failure of failures) {
      const row = this.rows.find((r) => r.alowareProperty === failure.property) as MappingRecord;
      const label = catalogEntry(failure.property)?.label ?? failure.property;
      const field = this.describe.resolve(row.salesforceField)?.name ?? row.salesforceField;
      byRow[failure.property] = `Not saved: Salesforce refused ${label} → ${field}. ${failure.problem}.`;
      named.push(label);
    }
    this.finishWithFailure(
      'The mappings were not saved',
      `Salesforce refused the ${named.join(', ')} ${named.length === 1 ? 'row' : 'rows'}: see the highlighted ${
        named.length === 1 ? 'row' : 'rows'
      }. Nothing was changed; your edits are still on the page: correct them and save again.`
    );
    this.rowFailures = byRow;
    this.focusAfterRender = `input[data-picker="${failures[0].property}"]`;
  }

  /** Ends saving in the error state; the edits stay on screen (dirty), so Save is enabled again. */
  private finishWithFailure(title: string, message: string): void {
    this.deployStatus = 'Failed';
    this.isSaving = false;
    this.notice = { kind: 'error', title, message };
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) {
      cancelLater(this.pollTimer);
      this.pollTimer = null;
    }
  }

  // ---- test mapping -----------------------------------------------------------------------------------------------

  get testSectionClass(): string {
    return `slds-section slds-m-bottom_medium${this.testExpanded ? ' slds-is-open' : ''}`;
  }

  get testExpandedText(): string {
    return String(this.testExpanded);
  }

  /** Opens or closes "Test mapping"; what was typed there is kept while it is closed. */
  handleTestToggle(): void {
    this.testExpanded = !this.testExpanded;
  }

  handleLeadSearchChange(event: CustomEvent<{ value: string }>): void {
    this.leadSearch = event.detail.value ?? '';
  }

  handleLeadSearchKeyUp(event: KeyboardEvent): void {
    if (event.key === 'Enter') this.handleFindLeads();
  }

  async handleFindLeads(): Promise<void> {
    this.previewError = null;
    try {
      const leads = (await searchLeads({ searchText: this.leadSearch.trim() })) as { id: string; label: string }[];
      this.leadOptions = leads.map((l) => ({ label: l.label, value: l.id }));
      this.leadId = leads.length > 0 ? leads[0].id : '';
      if (leads.length === 0) this.previewError = 'No Lead matches. Try another name, email or phone.';
    } catch (error) {
      this.previewError = reduceErrors(error);
    }
  }

  get hasLeadOptions(): boolean {
    return this.leadOptions.length > 0;
  }

  handleLeadPick(event: CustomEvent<{ value: string }>): void {
    this.leadId = event.detail.value;
  }

  handleSampleChange(event: CustomEvent<{ value: string }>): void {
    this.sampleJson = event.detail.value ?? '';
    this.sampleError = null;
  }

  get previewDisabled(): boolean {
    return !this.leadId || this.isPreviewing;
  }

  async handlePreview(): Promise<void> {
    const sample = parseJsonObject(this.sampleJson);
    if (sample === null) {
      this.sampleError = 'The sample contact must be a JSON object, e.g. {"first_name": "Ada"}.';
      return;
    }
    this.sampleError = null;
    this.isPreviewing = true;
    this.previewError = null;
    try {
      const data = (await getPreviewData({ leadId: this.leadId })) as PreviewData;
      const ns = this.state?.namespacePrefix ?? '';
      const mappings = this.rows.map(toFieldMapping);
      const owners = OwnerDirectory.fromJson(data.owners);
      const settings = engineSettings(data.settings);
      const outbound = previewPayload(data.lead, mappings, owners, settings, ns);
      const inbound = applyInboundValues(
        sample,
        new RecordValues(data.lead, ns),
        mappings,
        this.describe,
        owners,
        settings
      );
      const shown = outbound.skipped ? {} : { api_token: '[REDACTED]', ...outbound.payload };
      const record = new RecordValues(data.lead, ns);
      const changes = Object.entries(inbound.changes).map(([field, value]) => ({
        key: field,
        field,
        current: displayValue(record.get(field)),
        proposed: displayValue(value)
      }));
      this.preview = {
        leadName: data.leadName,
        payloadText: JSON.stringify(shown, null, 2),
        skipped: outbound.skipped,
        skipMessage: outbound.skipMessage,
        warnings: [
          ...(data.ownerNote ? [{ message: data.ownerNote }] : []),
          ...outbound.warnings,
          ...inbound.warnings
        ].map((w, i) => ({ key: `w${i}`, message: w.message })),
        changes,
        inboundErrors: inbound.errors.map((e, i) => ({ key: `e${i}`, message: e.message })),
        hasChanges: changes.length > 0
      };
    } catch (error) {
      this.preview = null;
      this.previewError = reduceErrors(error);
    } finally {
      this.isPreviewing = false;
    }
  }
}

function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
