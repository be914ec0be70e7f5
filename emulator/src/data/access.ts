/**
 * Object and field permissions of the running user, and record visibility (Apex Developer Guide, Enforce User Mode
 * for Database Operations; Using the with sharing, without sharing, and inherited sharing Keywords).
 *
 * Model: the profile `System Administrator` has every permission (View All / Modify All included). `Standard User`
 * has Read/Create/Edit/Delete on the standard sales objects and Read on User; `Read Only` has Read on them;
 * `Minimum Access - Salesforce` has Read on User only. No standard profile grants custom objects or custom fields:
 * permission sets assigned through `PermissionSetAssignment` rows (AssigneeId → PermissionSetId → PermissionSet.Name
 * → the project's permission set) do. Custom settings and custom metadata types are readable by everyone.
 *
 * Sharing: a record is visible in `with sharing` code (and in user mode) when the running user owns it, when the
 * object has no owner, or when the object's org-wide default is Public Read/Write (every standard object here and
 * every custom object unless its metadata says `Private`), or with View All. Not modelled: role hierarchy, sharing
 * rules, manual shares, teams, territories, Read Only org-wide defaults (treated as Public Read/Write).
 */
import type { Interpreter } from '../runtime/interpreter';
import { ApexId, SObjectValue } from '../runtime/values';
import type { ObjectModel, PermissionSetModel } from '../metadata/model';
import type { Org } from './org';

/** Standard CRM objects a Standard User can read, create, edit and delete. */
const SALES_OBJECTS = new Set([
  'lead',
  'account',
  'contact',
  'opportunity',
  'case',
  'campaign',
  'task',
  'event',
  'note',
  'attachment',
  'contentversion',
  'contentdocument',
  'product2',
  'pricebook2',
  'asset',
  'contract',
  'order',
  'solution',
  'idea'
]);

interface Grants {
  admin: boolean;
  profile: string;
  /** The permission sets assigned to the running user (read on first use: an administrator's checks never need them). */
  readonly sets: PermissionSetModel[];
}

function grants(org: Org): Grants {
  const profile = profileName(org);
  let sets: PermissionSetModel[] | undefined;
  return {
    admin: profile === 'System Administrator',
    profile,
    get sets() {
      return (sets ??= assignedSets(org));
    }
  };
}

/** The running user's profile name ('' without one). */
function profileName(org: Org): string {
  const profileId = org.user?.record?.values.get('profileid');
  if (!(profileId instanceof ApexId)) return '';
  return String(org.table('Profile').get(profileId.value)?.values.get('name') ?? '');
}

/** The project's permission sets that `PermissionSetAssignment` rows assign to the running user. */
function assignedSets(org: Org): PermissionSetModel[] {
  const sets: PermissionSetModel[] = [];
  const userId = org.user?.id?.value;
  if (!userId || !org.project) return sets;
  for (const a of org.table('PermissionSetAssignment').values()) {
    const assignee = a.values.get('assigneeid');
    const psId = a.values.get('permissionsetid');
    if (!(assignee instanceof ApexId) || assignee.value !== userId || !(psId instanceof ApexId)) continue;
    const ps = org.table('PermissionSet').get(psId.value);
    const name = String(ps?.values.get('name') ?? '');
    const model = Object.values(org.project.permissionSets).find((m) => m.name.toLowerCase() === name.toLowerCase());
    if (model) sets.push(model);
  }
  return sets;
}

type ObjPerm = 'read' | 'create' | 'edit' | 'delete' | 'viewAll' | 'modifyAll';

function objectPermission(org: Org, object: string, perm: ObjPerm): boolean {
  const model = org.object(object);
  if (!model) return false;
  const g = grants(org);
  if (g.admin) return true;
  if (
    model.kind === 'custom-metadata' ||
    model.kind === 'custom-setting-hierarchy' ||
    model.kind === 'custom-setting-list'
  ) {
    if (perm === 'read') return true;
  }
  for (const ps of g.sets) {
    const entry = Object.entries(ps.objects).find(([k]) => k.toLowerCase() === model.name.toLowerCase())?.[1];
    if (entry && entry[perm]) return true;
    if (entry && (perm === 'read' || perm === 'viewAll') && entry.modifyAll) return true;
    if (entry && perm === 'read' && (entry.edit || entry.create || entry.delete || entry.viewAll)) return true;
  }
  if (model.custom) return false;
  const key = model.name.toLowerCase();
  if (g.profile === 'Standard User') {
    if (SALES_OBJECTS.has(key)) return perm === 'read' || perm === 'create' || perm === 'edit' || perm === 'delete';
    return perm === 'read' && (key === 'user' || !model.setup);
  }
  if (g.profile === 'Read Only') return perm === 'read' && (SALES_OBJECTS.has(key) || key === 'user' || !model.setup);
  return perm === 'read' && key === 'user';
}

export const canRead = (org: Org, object: string, field?: string): boolean =>
  objectPermission(org, object, 'read') && (field === undefined || isAccessibleField(org, object, field));
export const canCreate = (org: Org, object: string): boolean => objectPermission(org, object, 'create');
export const canEdit = (org: Org, object: string): boolean => objectPermission(org, object, 'edit');
export const canDelete = (org: Org, object: string): boolean => objectPermission(org, object, 'delete');
export const canViewAll = (org: Org, object: string): boolean => objectPermission(org, object, 'viewAll');
export const canModifyAll = (org: Org, object: string): boolean => objectPermission(org, object, 'modifyAll');

function fieldPermission(org: Org, object: string, field: string, edit: boolean): boolean {
  const model = org.object(object);
  const f = model?.fields[field.toLowerCase()];
  if (!model || !f) return false;
  const g = grants(org);
  if (edit && !(f.createable || f.updateable)) return false;
  if (g.admin) return true;
  if (model.kind !== 'custom-object' && model.kind !== 'standard' && !edit) return true;
  if (f.custom) {
    for (const ps of g.sets) {
      const entry = Object.entries(ps.fields).find(
        ([k]) => k.toLowerCase() === `${model.name}.${f.name}`.toLowerCase()
      )?.[1];
      if (entry && (edit ? entry.editable : entry.readable || entry.editable)) return true;
    }
    return false;
  }
  // Standard fields follow the object permission (field-level security on standard fields is not modelled).
  return objectPermission(org, object, edit ? 'edit' : 'read') || (edit && objectPermission(org, object, 'create'));
}

export const isAccessibleField = (org: Org, object: string, field: string): boolean =>
  fieldPermission(org, object, field, false);
export const isUpdateableField = (org: Org, object: string, field: string): boolean => {
  const f = org.field(object, field);
  return !!f?.updateable && fieldPermission(org, object, field, true);
};
export const isCreateableField = (org: Org, object: string, field: string): boolean => {
  const f = org.field(object, field);
  return !!f?.createable && fieldPermission(org, object, field, true);
};

/** Org-wide default of an object: `Private` only when the object's metadata says so. */
function isPrivate(model: ObjectModel): boolean {
  const m = (model as ObjectModel & { sharingModel?: string }).sharingModel;
  return m === 'Private' || m === 'Read';
}

/** Whether the running user sees a record under sharing (see the module comment for the simple rule). */
export function recordVisible(org: Org, rec: SObjectValue): boolean {
  const visible = visibilityFilter(org, rec.object);
  return !visible || visible(rec);
}

/**
 * Record visibility under sharing for the records of `object`, decided once (for a query, not per row): null when
 * sharing hides none of them from the running user (not Private, an administrator, View All), else the per-record
 * test (the running user owns the record, or it has no owner).
 */
export function visibilityFilter(org: Org, object: string): ((rec: SObjectValue) => boolean) | null {
  const model = org.object(object);
  if (!model || !isPrivate(model)) return null;
  if (grants(org).admin || canViewAll(org, model.name)) return null;
  const user = org.user.id.value;
  return (rec) => {
    const owner = rec.values.get('ownerid');
    return !(owner instanceof ApexId) || owner.value === user;
  };
}

/**
 * Whether the code now running enforces sharing: the innermost class declared `with sharing` or `without sharing`
 * decides (inherited sharing and classes without a keyword take their caller's mode); the default is without.
 */
export function sharingEnforced(interp: Interpreter): boolean {
  for (let i = interp.stack.length - 1; i >= 0; i--) {
    const s = interp.stack[i].cls.sharing ?? outerSharing(interp.stack[i].cls);
    if (s === 'with') return true;
    if (s === 'without') return false;
  }
  return false;
}

function outerSharing(cls: {
  outer: unknown;
  sharing: 'with' | 'without' | 'inherited' | null;
}): 'with' | 'without' | 'inherited' | null {
  let c = cls.outer as typeof cls | null;
  while (c) {
    if (c.sharing) return c.sharing;
    c = c.outer as typeof cls | null;
  }
  return null;
}
