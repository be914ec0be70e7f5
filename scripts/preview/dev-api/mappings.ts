/**
 * `AlowareMappingController` in the preview, backed by the TypeScript mapping module (`c/alowareMappingRules`, the
 * same rules as the Apex engine): the mapping records (seeded from the catalog, as the package's default custom
 * metadata records are), the Lead fields of the ~800-field describe, validation and save with a simulated
 * custom-metadata deployment, Lead search and the "Test mapping" inputs.
 */
import type { MappingRecord } from '../../../force-app/main/default/lwc/alowareMappingPanel/panelModel';
import {
  FieldDescribe,
  OwnerDirectory,
  defaultMappings,
  validateMappings,
  type FieldInfo,
  type FieldIssue,
  type FieldMapping,
  type OwnerDirectoryJson
} from '../../../force-app/main/default/lwc/alowareMappingRules/alowareMappingRules';
import { SALESFORCE_TYPES } from '../../catalog/catalog';
import { SAMPLE_USERS, salesforceId } from '../sample-data';
import { hasPermissions } from './context';
import { leadDescribe, type DescribeField } from './describe';
import { requireManage } from './settings';
import type { PreviewState } from './state';
import { HandledError } from './sync-log';

/** Schema.DisplayType names the mapping vocabulary knows (AlowareMappingController.MAPPABLE_TYPES). */
const MAPPABLE_TYPES: ReadonlySet<string> = new Set(SALESFORCE_TYPES);
const LEAD_SEARCH_LIMIT = 20;
/** How long the simulated Metadata API deployment takes before the records read back changed. */
export const DEPLOY_MS = 2000;
/**
 * Preview only: a save that maps a row to this Lead field (a generated custom text field, "Partner Notes Text")
 * "deploys" and fails, as the Metadata API reports a component failure; nothing is applied and the deploy callback's
 * stored outcome (job id, `Failed`, the failing record and problem) is what `getDeploymentStatus` reports.
 */
export const DEPLOY_FAILURE_FIELD = 'Partner_Notes_Text__c';

/** The deploy callback's stored outcome (`Aloware_Settings__c.Mapping_Deploy_*` in the org). */
export interface DeployOutcome {
  jobId: string;
  status: 'Succeeded' | 'Failed';
  message: string | null;
}

/** A mapping record as the controller returns and accepts it (`AlowareMappingRow`). */
export type MappingRow = MappingRecord;

export interface LeadFieldJson extends FieldInfo {
  label: string;
}

/** Whether the current user can read `field` (the package's fields need the package permission sets). */
export function canRead(field: DescribeField): boolean {
  return hasPermissions() || !field.name.startsWith('Aloware_');
}

/** `AlowareSchemaDescribe.fieldOf` for one describe entry. */
function fieldInfo(field: DescribeField): LeadFieldJson {
  return {
    name: field.name,
    label: field.label,
    type: field.type as FieldInfo['type'],
    length: field.length,
    precision: field.precision,
    scale: field.scale,
    picklistValues: field.picklistValues.filter((p) => p.active).map((p) => p.value),
    restricted: field.restrictedPicklist,
    updateable: field.updateable,
    accessible: canRead(field),
    referenceTo: field.referenceTo
  };
}

/** The Lead fields the panel may offer: readable, of a mappable type, not rich text. */
export function leadFields(): LeadFieldJson[] {
  return leadDescribe()
    .filter((f) => canRead(f) && MAPPABLE_TYPES.has(f.type) && !f.htmlFormatted)
    .map(fieldInfo);
}

/** The engine's describe (every readable Lead field; validation sees the user's field visibility). */
export function engineDescribe(): FieldDescribe {
  return new FieldDescribe(
    leadDescribe()
      .filter(canRead)
      .map((f) => fieldInfo(f)),
    ''
  );
}

/** `toMappings`: rows as the controller reads them (trimmed field, active unless false). */
function toMappings(rows: unknown): MappingRow[] {
  if (!Array.isArray(rows)) return [];
  return rows
    .filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object')
    .map((r) => ({
      alowareProperty: String(r.alowareProperty ?? ''),
      salesforceField: typeof r.salesforceField === 'string' ? r.salesforceField.trim() : '',
      direction: String(r.direction ?? ''),
      mappingGroup: typeof r.mappingGroup === 'string' ? r.mappingGroup : null,
      locked: r.locked === true,
      active: r.active !== false,
      sortOrder: typeof r.sortOrder === 'number' ? r.sortOrder : null
    }));
}

/** `sameRow`: same target and direction and state (inactive rows compare by state only). */
function sameRow(a: MappingRow | undefined, b: MappingRow | undefined): boolean {
  if (!a || !b) return !a && !b;
  const bothInactive = !a.active && !b.active;
  return (
    a.active === b.active &&
    (bothInactive ||
      (a.salesforceField.toLowerCase() === b.salesforceField.toLowerCase() && a.direction === b.direction))
  );
}

/** AlowareMappingDeployOutcome.describe for the simulated failure: up to three failing records and the problem. */
function failureMessage(failing: MappingRow[]): string {
  const parts = failing
    .slice(0, 3)
    .map(
      (row) =>
        `Lead_${row.alowareProperty}: Salesforce_Field__c: ${DEPLOY_FAILURE_FIELD} cannot be deployed (the preview's simulated deployment failure)`
    );
  const more = failing.length > 3 ? ` (and ${failing.length - 3} more)` : '';
  const text = `The deployment failed: ${parts.join('; ')}${more}.`;
  return text.length > 255 ? `${text.slice(0, 252)}...` : text;
}

function jsonValue(field: DescribeField | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field?.type === 'datetime') return new Date(String(value)).toISOString();
  return value;
}

export class PreviewMappings {
  rows: MappingRow[] = defaultMappings();
  private readonly deployments = new Map<string, number>();
  private jobNumber = 0;
  /** The last deployment's outcome as AlowareMappingDeployOutcome stores it, or null before the first one ends. */
  lastOutcome: DeployOutcome | null = null;

  constructor(private readonly state: PreviewState) {}

  /** Active rows as the engine reads them. */
  active(): FieldMapping[] {
    return this.rows.filter((r) => r.active);
  }

  /** `getMappingState()`. */
  mappingState(): { canEdit: boolean; namespacePrefix: string; mappings: MappingRow[]; leadFields: LeadFieldJson[] } {
    return {
      canEdit: hasPermissions(),
      namespacePrefix: '',
      mappings: this.rows.map((r) => ({ ...r })),
      leadFields: leadFields()
    };
  }

  /** `validateMappings(mappings)`: every finding. */
  validate(mappings: unknown): FieldIssue[] {
    return validateMappings(toMappings(mappings), engineDescribe());
  }

  /** `saveMappings(mappings)`: errors refuse; otherwise the changed records "deploy" after {@link DEPLOY_MS}. */
  save(mappings: unknown): { accepted: boolean; jobId: string | null; issues: FieldIssue[]; message: string } {
    requireManage('change the field mappings');
    const proposed = toMappings(mappings);
    if (proposed.length === 0) throw new HandledError('No mappings were sent. Reload the page and try again.');
    const errors = validateMappings(proposed, engineDescribe()).filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      return {
        accepted: false,
        jobId: null,
        issues: errors,
        message: `The mappings were not saved: ${errors.length === 1 ? '1 problem' : `${errors.length} problems`} to fix.`
      };
    }
    const current = new Map(this.rows.map((r) => [r.alowareProperty, r]));
    const changed = proposed.filter((row) => !sameRow(current.get(row.alowareProperty), row));
    if (changed.length === 0) {
      return { accepted: true, jobId: null, issues: [], message: 'Nothing changed: the mappings are already saved.' };
    }
    const jobId = salesforceId('0Af', ++this.jobNumber);
    this.deployments.set(jobId, Date.now());
    const failing = changed.filter(
      (row) => row.active && row.salesforceField.toLowerCase() === DEPLOY_FAILURE_FIELD.toLowerCase()
    );
    setTimeout(() => {
      if (failing.length > 0) {
        // A failed deployment changes no record (the Metadata API deploys all or nothing).
        this.lastOutcome = { jobId, status: 'Failed', message: failureMessage(failing) };
        return;
      }
      const byProperty = new Map(this.rows.map((r) => [r.alowareProperty, r]));
      for (const row of changed) byProperty.set(row.alowareProperty, { ...row });
      this.rows = [...byProperty.values()];
      this.lastOutcome = { jobId, status: 'Succeeded', message: null };
    }, DEPLOY_MS);
    return {
      accepted: true,
      jobId,
      issues: [],
      message: `Saving ${changed.length}${changed.length === 1 ? ' mapping record' : ' mapping records'}. This usually takes under a minute.`
    };
  }

  /**
   * `getDeploymentStatus(jobId, mappings)`: Failed when the stored outcome is this job's failure, Succeeded once the
   * records read back as saved.
   */
  deploymentStatus(jobId: unknown, mappings: unknown): { status: string; message: string } {
    if (typeof jobId !== 'string' || jobId === '')
      throw new HandledError('No deployment to follow. Save the mappings again.');
    const outcome = this.lastOutcome;
    if (outcome?.status === 'Failed' && outcome.jobId.slice(0, 15) === jobId.slice(0, 15)) {
      return {
        status: 'Failed',
        message: `The mappings were not saved. ${outcome.message ?? 'The deployment ended with status Failed.'} Your changes are still on the page: correct them and save again.`
      };
    }
    const current = new Map(this.rows.map((r) => [r.alowareProperty, r]));
    const pending = toMappings(mappings).filter(
      (wanted) => !sameRow(current.get(wanted.alowareProperty), wanted)
    ).length;
    return pending === 0
      ? { status: 'Succeeded', message: 'Mappings saved. The sync uses them from now on.' }
      : {
          status: 'InProgress',
          message: `Deploying: ${pending}${pending === 1 ? ' record is' : ' records are'} not updated yet.`
        };
  }

  /** `searchLeads(searchText)`: name, email or phone; the most recently changed Leads when blank. */
  searchLeads(searchText: unknown): { id: string; label: string }[] {
    const text = typeof searchText === 'string' ? searchText.trim().toLowerCase() : '';
    const leads = [...this.state.leads.values()]
      .filter(
        (l) =>
          text.length < 2 ||
          [l.Name, l.Email, l.Phone].some((v) => typeof v === 'string' && v.toLowerCase().includes(text))
      )
      .sort((a, b) => String(b.LastModifiedDate ?? '').localeCompare(String(a.LastModifiedDate ?? '')))
      .slice(0, LEAD_SEARCH_LIMIT);
    return leads.map((l) => {
      const contact = typeof l.Email === 'string' && l.Email !== '' ? l.Email : l.Phone;
      return {
        id: l.Id,
        label: `${String(l.Name)}${typeof contact === 'string' && contact !== '' ? ` · ${contact}` : ''}`
      };
    });
  }

  /** `getPreviewData(leadId)`: the Lead's readable mapped values, the owner directory and the engine settings. */
  async previewData(leadId: unknown): Promise<Record<string, unknown>> {
    if (typeof leadId !== 'string' || !leadId.startsWith('00Q'))
      throw new HandledError('Choose a Lead to test the mapping with.');
    const lead = this.state.lead(leadId);
    if (!lead) throw new HandledError('This Lead no longer exists, or you do not have access to it.');
    const describe = new Map(leadDescribe().map((f) => [f.name.toLowerCase(), f]));
    const wanted = new Set(['Name', 'OwnerId', ...this.rows.map((r) => r.salesforceField)]);
    const values: Record<string, unknown> = {};
    for (const name of wanted) {
      const field = describe.get(name.toLowerCase());
      if (field && canRead(field)) values[field.name] = jsonValue(field, lead[field.name]);
    }
    const data: Record<string, unknown> = { lead: values, leadName: lead.Name ?? null, ownerNote: null };
    const directory = await this.ownerDirectory(String(lead.OwnerId ?? ''));
    data.owners = directory.json;
    if (directory.note) data.ownerNote = directory.note;
    const options = this.state.settings.options;
    data.settings = {
      accountTimeZone: options.accountTimeZone,
      defaultPhoneCountry: options.defaultPhoneCountry,
      allowDncClearing: options.allowDncClearing
    };
    return data;
  }

  /** The owner directory of the preview: the Lead owner (a User) and, with a token, Aloware's users. */
  async ownerDirectory(ownerId: string | null): Promise<{ json: OwnerDirectoryJson; note: string | null }> {
    const salesforceUsers = SAMPLE_USERS.filter((u) => ownerId === null || u.id === ownerId).map((u) => ({
      id: u.id,
      email: u.email,
      active: true
    }));
    if (this.state.apiToken === null) {
      return {
        json: { salesforceUsers, alowareUsers: [] },
        note: 'No API token is saved: the owner is not previewed.'
      };
    }
    const users = await this.state.aloware.users(this.state.apiToken);
    if (users.outcome !== 'SUCCESS' || !Array.isArray(users.body)) {
      return {
        json: { salesforceUsers, alowareUsers: [] },
        note: `Aloware users could not be read (${users.message}): the owner is not previewed.`
      };
    }
    const alowareUsers = (users.body as { id: number; email: string | null }[]).map((u) => ({
      id: u.id,
      email: u.email
    }));
    return { json: { salesforceUsers, alowareUsers }, note: null };
  }

  /** The engine's owner directory for the sync itself (every Salesforce user). */
  async engineOwners(): Promise<OwnerDirectory> {
    return OwnerDirectory.fromJson((await this.ownerDirectory(null)).json);
  }
}
