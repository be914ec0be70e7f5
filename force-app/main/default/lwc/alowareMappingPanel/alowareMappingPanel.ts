import { LightningElement } from 'lwc';
import getMappingState from '@salesforce/apex/AlowareMappingController.getMappingState';
import saveMappings from '@salesforce/apex/AlowareMappingController.saveMappings';
import getDeploymentStatus from '@salesforce/apex/AlowareMappingController.getDeploymentStatus';
import searchLeads from '@salesforce/apex/AlowareMappingController.searchLeads';
import getPreviewData from '@salesforce/apex/AlowareMappingController.getPreviewData';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
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
  fieldChoices,
  issuesByProperty,
  mergeWithCatalog,
  sampleContact,
  snapshot,
  toFieldMapping,
  typeLabel
} from './panelModel';
import type { LeadField, MappingRecord } from './panelModel';

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
  editable: boolean;
  removable: boolean;
  directionEditable: boolean;
  fieldOptions: { label: string; value: string }[];
  directionOptions: { label: string; value: string }[];
  hiddenNote: string | null;
  errors: { key: string; message: string }[];
  warnings: { key: string; message: string }[];
  hasErrors: boolean;
  hasNotes: boolean;
  rowClass: string;
  fieldLabelForInput: string;
  directionLabelForInput: string;
  removeLabel: string;
}

interface SectionView {
  group: MappingGroup;
  title: string;
  note: string;
  rows: RowView[];
  hasRows: boolean;
  headingId: string;
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

/**
 * "Lead Property Mapping": which Aloware property maps to which Lead field, in which direction. Instant validation by
 * `c/alowareMappingRules`, re-checked by Apex on save; saving deploys the custom metadata records and follows the
 * deployment; Reset to defaults; "Test mapping" shows the outbound payload and the inbound changes for a Lead.
 */
export default class AlowareMappingPanel extends LightningElement {
  state: MappingState | null = null;
  rows: MappingRecord[] = [];
  savedSnapshot = '';
  describe: FieldDescribe = new FieldDescribe([]);
  issues: FieldIssue[] = [];
  serverIssues: FieldIssue[] = [];
  isLoading = true;
  loadError: string | null = null;
  isSaving = false;
  deployStatus: string | null = null;
  deployMessage: string | null = null;
  deployFailed = false;
  /** Heading of the failure state: not saved, not finished in time, or status unreadable. */
  deployFailureTitle = '';
  private pollTimer: LaterHandle | null = null;
  private pollCount = 0;
  private jobId: string | null = null;

  addProperty = '';
  addField = '';
  addDirection = '';
  addSearch = '';

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

  async load(): Promise<void> {
    this.isLoading = true;
    this.loadError = null;
    try {
      const state = (await getMappingState()) as MappingState;
      this.state = state;
      this.describe = new FieldDescribe(state.leadFields, state.namespacePrefix ?? '');
      this.rows = mergeWithCatalog(state.mappings);
      this.savedSnapshot = snapshot(this.rows);
      this.serverIssues = [];
      this.revalidate();
    } catch (error) {
      this.loadError = reduceErrors(error);
    } finally {
      this.isLoading = false;
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

  get errorCount(): number {
    return this.issues.filter((i) => i.severity === 'error').length;
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  get errorSummary(): string {
    return this.errorCount === 1
      ? '1 problem must be fixed before saving.'
      : `${this.errorCount} problems must be fixed before saving.`;
  }

  get generalIssues(): { key: string; message: string }[] {
    const list = [...(issuesByProperty(this.issues).get('') ?? []), ...this.serverIssues];
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

  get showDeploy(): boolean {
    return this.deployStatus !== null;
  }

  get deployInProgress(): boolean {
    return this.deployStatus === 'InProgress';
  }

  get deployClass(): string {
    if (this.deployFailed) return 'slds-text-color_error';
    return this.deployStatus === 'Succeeded' ? 'slds-text-color_success' : 'slds-text-color_weak';
  }

  get sections(): SectionView[] {
    const byProperty = issuesByProperty(this.issues);
    const sections: SectionView[] = MAPPING_GROUPS.map((group) => ({
      group,
      title: SECTION_TITLES[group],
      note: SECTION_NOTES[group],
      rows: [],
      hasRows: false,
      headingId: `section-${group}`
    }));
    for (const row of this.rows) {
      if (!row.active) continue;
      const entry = catalogEntry(row.alowareProperty);
      const group = (entry?.group ?? 'Additional') as MappingGroup;
      const section = sections.find((s) => s.group === group) as SectionView;
      section.rows.push(this.rowView(row, byProperty.get(row.alowareProperty) ?? []));
    }
    for (const section of sections) section.hasRows = section.rows.length > 0;
    return sections;
  }

  private rowView(row: MappingRecord, issues: readonly FieldIssue[]): RowView {
    const entry = catalogEntry(row.alowareProperty);
    const field = this.describe.resolve(row.salesforceField) as LeadField | undefined;
    const locked = entry?.group === 'Locked';
    const editable = this.canEdit && !locked && entry !== undefined;
    const choices = entry
      ? fieldChoices(row.alowareProperty, this.rows, this.state?.leadFields ?? [], this.describe)
      : null;
    const fieldOptions = (choices?.fields ?? []).map((f) => ({ label: `${f.label} (${f.name})`, value: f.name }));
    if (
      row.salesforceField &&
      !fieldOptions.some((o) => o.value.toLowerCase() === (field?.name ?? row.salesforceField).toLowerCase())
    ) {
      fieldOptions.unshift({ label: `${row.salesforceField} (not available)`, value: row.salesforceField });
    }
    const allowed = entry?.allowedDirections ?? [];
    const errors = issues.filter((i) => i.severity === 'error');
    const warnings = issues.filter((i) => i.severity === 'warning');
    const label = entry?.label ?? row.alowareProperty;
    return {
      key: row.alowareProperty,
      errorKey: `${row.alowareProperty}-errors`,
      property: row.alowareProperty,
      alowareLabel: label,
      alowareType: entry?.alowareType ?? '?',
      fieldName: field?.name ?? row.salesforceField,
      fieldLabel: field?.label ?? '—',
      typeText: typeLabel(field),
      direction: row.direction,
      directionLabel: DIRECTION_LABELS[row.direction as Direction] ?? row.direction,
      directionNote: entry?.directionNote ?? null,
      locked,
      editable,
      removable: editable && entry?.group !== 'Special',
      directionEditable: editable && allowed.length > 1,
      fieldOptions: field
        ? fieldOptions.map((o) => {
            return o.value.toLowerCase() === field.name.toLowerCase() ? { ...o, value: field.name } : o;
          })
        : fieldOptions,
      directionOptions: allowed.map((d) => ({ label: DIRECTION_LABELS[d], value: d })),
      hiddenNote:
        choices && choices.hiddenAsMapped > 0 ? `🚫 ${choices.hiddenAsMapped} already mapped elsewhere` : null,
      errors: errors.map((e, i) => ({ key: `${row.alowareProperty}-e${i}`, message: e.message })),
      warnings: warnings.map((w, i) => ({ key: `${row.alowareProperty}-w${i}`, message: w.message })),
      hasErrors: errors.length > 0,
      hasNotes: errors.length + warnings.length > 0,
      rowClass: errors.length > 0 ? 'slds-hint-parent slds-has-error' : 'slds-hint-parent',
      fieldLabelForInput: `Salesforce field for ${label}`,
      directionLabelForInput: `Direction for ${label}`,
      removeLabel: `Remove the ${label} mapping`
    };
  }

  // ---- editing ----------------------------------------------------------------------------------------------------

  private updateRow(property: string, change: Partial<MappingRecord>): void {
    this.rows = this.rows.map((row) => (row.alowareProperty === property ? { ...row, ...change } : row));
    this.serverIssues = [];
    this.revalidate();
  }

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    const property = (event.currentTarget as HTMLElement).dataset.property as string;
    this.updateRow(property, { salesforceField: event.detail.value });
  }

  handleDirectionChange(event: CustomEvent<{ value: string }>): void {
    const property = (event.currentTarget as HTMLElement).dataset.property as string;
    this.updateRow(property, { direction: event.detail.value });
  }

  handleRemove(event: Event): void {
    const property = (event.currentTarget as HTMLElement).dataset.property as string;
    this.updateRow(property, { active: false });
  }

  // ---- add a mapping ----------------------------------------------------------------------------------------------

  get addPropertyOptions(): { label: string; value: string }[] {
    return this.rows
      .filter((row) => !row.active)
      .map((row) => catalogEntry(row.alowareProperty))
      .filter((entry): entry is NonNullable<typeof entry> => entry !== undefined && entry.group !== 'Locked')
      .map((entry) => ({ label: `${entry.label} (${entry.property})`, value: entry.property }));
  }

  get canAdd(): boolean {
    return this.canEdit && this.addPropertyOptions.length > 0;
  }

  get addFieldChoices(): { options: { label: string; value: string }[]; hiddenNote: string | null } {
    if (!this.addProperty) return { options: [], hiddenNote: null };
    const choices = fieldChoices(
      this.addProperty,
      this.rows,
      this.state?.leadFields ?? [],
      this.describe,
      this.addSearch
    );
    return {
      options: choices.fields.map((f) => ({ label: `${f.label} (${f.name})`, value: f.name })),
      hiddenNote:
        choices.hiddenAsMapped > 0
          ? `🚫 ${choices.hiddenAsMapped} compatible field(s) already mapped are not offered.`
          : null
    };
  }

  get addFieldOptions(): { label: string; value: string }[] {
    return this.addFieldChoices.options;
  }

  get addHiddenNote(): string | null {
    return this.addFieldChoices.hiddenNote;
  }

  get addNoFields(): boolean {
    return this.addProperty !== '' && this.addFieldOptions.length === 0;
  }

  get addDirectionOptions(): { label: string; value: string }[] {
    const entry = catalogEntry(this.addProperty);
    return (entry?.allowedDirections ?? []).map((d) => ({ label: DIRECTION_LABELS[d], value: d }));
  }

  get addFieldDisabled(): boolean {
    return this.addProperty === '';
  }

  get addDisabled(): boolean {
    return !this.addProperty || !this.addField || !this.addDirection;
  }

  handleAddProperty(event: CustomEvent<{ value: string }>): void {
    this.addProperty = event.detail.value;
    const entry = catalogEntry(this.addProperty);
    this.addDirection = entry?.defaultDirection ?? '';
    this.addField = '';
    this.addSearch = '';
  }

  handleAddSearch(event: CustomEvent<{ value: string }>): void {
    this.addSearch = event.detail.value ?? '';
  }

  handleAddField(event: CustomEvent<{ value: string }>): void {
    this.addField = event.detail.value;
  }

  handleAddDirection(event: CustomEvent<{ value: string }>): void {
    this.addDirection = event.detail.value;
  }

  handleAdd(): void {
    if (this.addDisabled) return;
    this.updateRow(this.addProperty, { active: true, salesforceField: this.addField, direction: this.addDirection });
    this.addProperty = '';
    this.addField = '';
    this.addDirection = '';
    this.addSearch = '';
  }

  // ---- save, discard, reset ---------------------------------------------------------------------------------------

  handleDiscard(): void {
    if (this.state) {
      this.rows = mergeWithCatalog(this.state.mappings);
      this.serverIssues = [];
      this.revalidate();
    }
  }

  handleReset(): void {
    this.rows = defaultRows();
    this.serverIssues = [];
    this.revalidate();
    this.toast('Defaults loaded', 'The default mappings are shown. Save to apply them, or Discard changes.', 'info');
  }

  async handleSave(): Promise<void> {
    this.revalidate();
    if (this.hasErrors || this.readOnly) return;
    this.isSaving = true;
    this.deployFailed = false;
    this.serverIssues = [];
    try {
      const result = (await saveMappings({ mappings: this.rows.map(toFieldMapping) })) as SaveResult;
      if (!result.accepted) {
        this.serverIssues = result.issues.filter((i) => !i.property);
        this.issues = [...this.issues, ...result.issues.filter((i) => i.property)];
        this.toast('Mappings not saved', result.message, 'error');
        this.isSaving = false;
        return;
      }
      if (!result.jobId) {
        this.deployStatus = 'Succeeded';
        this.deployMessage = result.message;
        this.isSaving = false;
        this.toast('Mappings saved', result.message, 'success');
        await this.load();
        return;
      }
      this.jobId = result.jobId;
      this.deployStatus = 'InProgress';
      this.deployMessage = result.message;
      this.pollCount = 0;
      this.schedulePoll();
    } catch (error) {
      this.isSaving = false;
      this.toast('Mappings not saved', reduceErrors(error), 'error');
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
      this.deployMessage = status.message;
      if (status.status === 'Succeeded') {
        this.deployStatus = 'Succeeded';
        this.isSaving = false;
        this.toast('Mappings saved', status.message, 'success');
        await this.load();
        return;
      }
      if (status.status === 'Failed') {
        // The deploy callback stored a failure for this job: nothing was saved; the rows on screen stay unsaved.
        this.finishWithFailure('The mappings were not saved', status.message);
        return;
      }
      if (this.pollCount >= DEPLOY_POLL_LIMIT) {
        this.finishWithFailure(
          'The deployment has not finished',
          'The deployment has not finished yet. Check Setup › Deployment Status, then reload this page.'
        );
        return;
      }
      this.schedulePoll();
    } catch (error) {
      this.finishWithFailure('The deployment status could not be read', reduceErrors(error));
    }
  }

  /** Ends following the deployment in the error state; the edits stay on screen (dirty), so Save is enabled again. */
  private finishWithFailure(title: string, message: string): void {
    this.deployStatus = 'Failed';
    this.deployFailed = true;
    this.deployFailureTitle = title;
    this.deployMessage = message;
    this.isSaving = false;
    this.toast(title, message, 'error');
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) {
      cancelLater(this.pollTimer);
      this.pollTimer = null;
    }
  }

  // ---- test mapping -----------------------------------------------------------------------------------------------

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

  private toast(title: string, message: string, variant: 'success' | 'info' | 'warning' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
