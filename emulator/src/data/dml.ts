/**
 * DML over the in-memory org (Apex Developer Guide, DML Statements vs. Database Class Methods; Triggers and Order of
 * Execution; Object Reference, StatusCode): insert, update, upsert (by Id or an external-id field), delete,
 * undelete, merge; the platform's validation (required fields, text length, e-mail format, restricted picklists,
 * unique / external-id duplicates, non-writable fields, mixed setup/non-setup DML, deleted or unknown Ids) with
 * its status codes and messages; system fields; triggers in chunks of 200; all-or-none rollback or partial
 * success; governor limits.
 *
 * Not modelled: validation rules, duplicate rules, workflow / flows / process builder, assignment rules, roll-up
 * summaries, cascade delete of master-detail children, lookup SetNull on delete, record locking, the partial-save
 * retries of allOrNone=false (failed rows are simply left out), `Database.DMLOptions` beyond allowFieldTruncation.
 */
import type { Interpreter } from '../runtime/interpreter';
import { ApexThrow } from '../runtime/interpreter';
import { fault, RuntimeFault, str } from '../runtime/ops';
import { ApexDatetime, ApexId, ApexList, ApexSet, SObjectValue } from '../runtime/values';
import type { FieldModel, ObjectModel } from '../metadata/model';
import { copyRecord } from './org';
import type { Org } from './org';
import { canCreate, canDelete, canEdit, isCreateableField, isUpdateableField } from './access';
import { runTriggers, TRIGGER_CHUNK } from './triggers';
import type { TriggerOp } from './triggers';
import { findById } from './soql';
import { storedAt, storedNow } from './systemTime';

export interface DmlOptions {
  allOrNone: boolean;
  accessLevel: 'user' | 'system';
  externalId: string | null;
  second: unknown;
  /** A DML statement (throws DmlException) rather than a Database method (returns results when allOrNone is false). */
  statement: boolean;
  /** Database.DMLOptions.allowFieldTruncation. */
  allowFieldTruncation?: boolean;
}

export interface DmlError {
  message: string;
  statusCode: string;
  fields: string[];
}

export interface DmlRowResult {
  id: ApexId | null;
  success: boolean;
  errors: DmlError[];
  /** Upsert: the row was inserted. */
  created: boolean;
}

export interface DmlOutcome {
  op: string;
  rows: DmlRowResult[];
  /** The target was a single record (Database methods then return one result). */
  single: boolean;
}

/** The status codes this layer produces (registered as `System.StatusCode`). */
export const STATUS_CODES = [
  'REQUIRED_FIELD_MISSING',
  'STRING_TOO_LONG',
  'INVALID_EMAIL_ADDRESS',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'DUPLICATE_VALUE',
  'DUPLICATE_EXTERNAL_ID',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_FIELD',
  'MIXED_DML_OPERATION',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'ENTITY_IS_DELETED',
  'INVALID_CROSS_REFERENCE_KEY',
  'MISSING_ARGUMENT',
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
  'UNDELETE_FAILED',
  'INVALID_ID_FIELD',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INVALID_TYPE',
  'DUPLICATE_ID'
];

/** `addError` on records: errors by record (the record a trigger sees, or the caller's record). */
export const recordErrors = new WeakMap<SObjectValue, DmlError[]>();

/** `record.setOptions(dmlOptions)`: the Database.DMLOptions data a later DML on the record uses (Setting DML Options). */
export const recordOptions = new WeakMap<SObjectValue, Record<string, unknown>>();

/** `record.addError(message)` / `record.Field.addError(message)`: the row fails with FIELD_CUSTOM_VALIDATION_EXCEPTION. */
export function addRecordError(rec: SObjectValue, message: string, field: string | null = null): void {
  const list = recordErrors.get(rec) ?? [];
  list.push({ message, statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: field ? [field] : [] });
  recordErrors.set(rec, list);
}

const AUDIT_FIELDS = new Set([
  'id',
  'createddate',
  'createdbyid',
  'lastmodifieddate',
  'lastmodifiedbyid',
  'systemmodstamp',
  'isdeleted',
  'lastreferenceddate',
  'lastvieweddate',
  'lastactivitydate'
]);
const TEXT_TYPES = new Set([
  'STRING',
  'TEXTAREA',
  'EMAIL',
  'PHONE',
  'URL',
  'PICKLIST',
  'MULTIPICKLIST',
  'COMBOBOX',
  'ENCRYPTEDSTRING'
]);
const OP_NAMES: Record<string, string> = {
  insert: 'Insert',
  update: 'Update',
  upsert: 'Upsert',
  delete: 'Delete',
  undelete: 'Undelete',
  merge: 'Merge'
};

const err = (statusCode: string, message: string, fields: string[] = []): DmlError => ({ statusCode, message, fields });

interface Row {
  index: number;
  /** The caller's record (insert/update/upsert) or null (delete by Id). */
  input: SObjectValue | null;
  id: ApexId | null;
  object: string;
  /** The working record (Trigger.new) and the stored one before the operation (Trigger.old). */
  next: SObjectValue | null;
  old: SObjectValue | null;
  errors: DmlError[];
  created: boolean;
}

export function executeDml(
  org: Org,
  interp: Interpreter,
  op: string,
  target: unknown,
  options: DmlOptions
): DmlOutcome {
  const l = op.toLowerCase();
  if (l === 'merge') return executeMerge(org, interp, target, options);
  const { items, single } = normalize(interp, l, target);
  const outcome: DmlOutcome = { op: l, rows: [], single };
  if (items.length === 0) return outcome;
  org.limits.add('dmlStatements');
  org.limits.add('dmlRows', items.length);
  org.limits.uncommittedWork = true;

  const rows: Row[] = items.map((it, index) => {
    if (it instanceof SObjectValue) {
      const id = it.values.get('id');
      return {
        index,
        input: it,
        id: id instanceof ApexId ? id : null,
        object: it.object,
        next: null,
        old: null,
        errors: [],
        created: false
      };
    }
    const id = it as ApexId;
    const model = org.objectByPrefix(id.prefix);
    return { index, input: null, id, object: model?.name ?? '', next: null, old: null, errors: [], created: false };
  });

  // Custom metadata cannot be changed by DML (Apex Developer Guide, Custom Metadata Types: "DML operations are not allowed").
  for (const r of rows) {
    const model = org.object(r.object);
    // Platform events are published with EventBus.publish, not inserted (Platform Events Developer Guide, Publish
    // Event Messages with Apex: "use the EventBus.publish method"); the platform's compiler refuses the DML.
    if (model?.kind === 'custom-metadata' || model?.kind === 'platform-event')
      throw fault('System.TypeException', `DML operation ${OP_NAMES[l]} not allowed on ${model.name}`);
  }

  // User mode: object and field permissions (Enforce User Mode for Database Operations).
  if (options.accessLevel === 'user') checkUserMode(org, l, rows, options);

  const snapshot = options.allOrNone ? org.snapshot() : null;
  try {
    switch (l) {
      case 'insert':
        saveRows(org, interp, rows, 'insert', options);
        break;
      case 'update':
        saveRows(org, interp, rows, 'update', options);
        break;
      case 'upsert':
        upsertRows(org, interp, rows, options);
        break;
      case 'delete':
        deleteRows(org, interp, rows, false);
        break;
      case 'undelete':
        deleteRows(org, interp, rows, true);
        break;
      default:
        throw fault('System.DmlException', `Unsupported DML operation: ${op}`);
    }
  } catch (e) {
    if (snapshot) org.restore(snapshot);
    throw wrapTriggerFailure(interp, e, l, rows);
  }

  const failed = rows.filter((r) => r.errors.length);
  if (failed.length && options.allOrNone) {
    if (snapshot) org.restore(snapshot);
    for (const r of rows) if (r.created && r.input) clearId(r.input);
    throw dmlException(interp, l, failed);
  }
  if (snapshot) org.release(snapshot);
  // Write the Ids back into the caller's records.
  for (const r of rows) {
    if (!r.errors.length && r.input && r.id && (l === 'insert' || l === 'upsert')) {
      r.input.values.set('id', r.id);
      r.input.names.set('id', 'Id');
    }
  }
  outcome.rows = rows.map((r) => ({
    id: r.errors.length ? (l === 'insert' ? null : r.id) : r.id,
    success: !r.errors.length,
    errors: r.errors,
    created: r.created
  }));
  return outcome;
}

function clearId(rec: SObjectValue): void {
  rec.values.delete('id');
  rec.names.delete('id');
}

function normalize(
  interp: Interpreter,
  op: string,
  target: unknown
): { items: (SObjectValue | ApexId)[]; single: boolean } {
  void interp;
  if (target === null || target === undefined)
    throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
  const one = (v: unknown): SObjectValue | ApexId => {
    if (v instanceof SObjectValue) return v;
    if ((op === 'delete' || op === 'undelete') && (v instanceof ApexId || typeof v === 'string')) {
      const id = v instanceof ApexId ? v : ApexId.parse(v as string);
      if (id) return id;
      throw fault('System.StringException', `Invalid id: ${str(v)}`);
    }
    if (v === null || v === undefined)
      throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
    throw fault('System.TypeException', `DML requires SObject or SObject list type: ${str(v)}`);
  };
  if (target instanceof ApexList) return { items: target.items.map(one), single: false };
  if (target instanceof ApexSet) return { items: [...target.map.values()].map(one), single: false };
  return { items: [one(target)], single: true };
}

function checkUserMode(org: Org, op: string, rows: Row[], options: DmlOptions): void {
  for (const r of rows) {
    const object = org.object(r.object)?.name ?? r.object;
    const ok =
      op === 'insert'
        ? canCreate(org, object)
        : op === 'update'
          ? canEdit(org, object)
          : op === 'upsert'
            ? canCreate(org, object) && canEdit(org, object)
            : op === 'delete' || op === 'undelete'
              ? canDelete(org, object)
              : true;
    if (!ok) {
      // Apex Reference, AccessLevel: in user mode a DML method without access "returns an error": with
      // allOrNone=false the row fails in its result; otherwise the call throws.
      if (!options.allOrNone) {
        r.errors.push(
          err('INSUFFICIENT_ACCESS_OR_READONLY', `DML operation ${op.toUpperCase()} not allowed on ${object}`)
        );
        continue;
      }
      throw fault('System.SecurityException', `DML operation ${op.toUpperCase()} not allowed on ${object}`);
    }
    if (!r.input || op === 'delete' || op === 'undelete') continue;
    for (const key of r.input.values.keys()) {
      const f = org.field(object, key);
      if (!f || key === 'id' || AUDIT_FIELDS.has(key)) continue;
      const writable =
        op === 'insert'
          ? isCreateableField(org, object, f.name)
          : op === 'update'
            ? isUpdateableField(org, object, f.name)
            : isCreateableField(org, object, f.name) || isUpdateableField(org, object, f.name);
      if (!writable && !options.allOrNone) {
        r.errors.push(
          err(
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            `Operation failed due to fields being inaccessible on Sobject ${object}, check errors on Exception or Result!`,
            [f.name]
          )
        );
        break;
      }
      if (!writable) {
        throw fault(
          'System.DmlException',
          `Operation failed due to fields being inaccessible on Sobject ${object}, check errors on Exception or Result!`
        );
      }
    }
  }
}

// ---------------------------------------------------------------- insert / update

function saveRows(org: Org, interp: Interpreter, rows: Row[], op: 'insert' | 'update', options: DmlOptions): void {
  const seen = new Set<string>();
  for (const r of rows) {
    const model = org.object(r.object);
    if (!model || !r.input) {
      r.errors.push(err('INVALID_TYPE', `sObject type '${r.object}' is not supported.`));
      continue;
    }
    if (op === 'insert') {
      if (r.id) {
        r.errors.push(err('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']));
        continue;
      }
      const bad = nonWritable(model, r.input, null);
      if (bad.length) {
        r.errors.push(
          err(
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            `Unable to create/update fields: ${bad.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
            bad
          )
        );
        continue;
      }
      r.next = storable(model, r.input);
      applyInsertDefaults(org, model, r.next);
      r.created = true;
    } else {
      if (!r.id) {
        r.errors.push(err('MISSING_ARGUMENT', 'Id not specified in an update call'));
        continue;
      }
      if (seen.has(r.id.value)) throw fault('System.ListException', `Duplicate id in list: ${r.id.value}`);
      seen.add(r.id.value);
      const stored = findById(org, r.id);
      if (!stored || stored.object.toLowerCase() !== model.name.toLowerCase()) {
        r.errors.push(err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id'));
        continue;
      }
      if (stored.values.get('isdeleted') === true) {
        r.errors.push(err('ENTITY_IS_DELETED', 'entity is deleted'));
        continue;
      }
      const bad = nonWritable(model, r.input, stored);
      if (bad.length) {
        r.errors.push(
          err(
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            `Unable to create/update fields: ${bad.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
            bad
          )
        );
        continue;
      }
      r.old = copyRecord(stored);
      const next = copyRecord(stored);
      const changes = storable(model, r.input);
      for (const [k, v] of changes.values) {
        if (AUDIT_FIELDS.has(k)) continue;
        next.values.set(k, v);
        next.names.set(k, changes.names.get(k) ?? k);
      }
      r.next = next;
    }
  }
  const byObject = groupByObject(rows.filter((r) => !r.errors.length && r.next));
  for (const [object, group] of byObject) {
    const model = org.object(object) as ObjectModel;
    checkMixedDml(org, model, group, op);
    if (group.every((r) => r.errors.length)) continue;
    for (let i = 0; i < group.length; i += TRIGGER_CHUNK) {
      const chunk = group.slice(i, i + TRIGGER_CHUNK).filter((r) => !r.errors.length);
      if (!chunk.length) continue;
      // Before triggers see the working records; their changes are saved.
      runTriggers(org, interp, {
        op,
        before: true,
        object: model.name,
        newList: chunk.map((r) => r.next as SObjectValue),
        oldList: op === 'update' ? chunk.map((r) => r.old as SObjectValue) : null
      });
      for (const r of chunk) collectAddErrors(r, r.next);
      const valid = chunk.filter((r) => !r.errors.length);
      for (const r of valid) {
        const rec = r.next as SObjectValue;
        normalizeStored(model, rec);
        const truncate =
          options.allowFieldTruncation === true ||
          (r.input ? recordOptions.get(r.input)?.['allowfieldtruncation'] === true : false);
        r.errors.push(...validate(org, model, rec, op === 'update' ? r.old : null, truncate));
      }
      const ok = valid.filter((r) => !r.errors.length);
      checkUnique(org, model, ok);
      const saved = ok.filter((r) => !r.errors.length);
      const now = storedNow(interp);
      for (const r of saved) {
        const rec = r.next as SObjectValue;
        stripRelationships(model, rec);
        if (op === 'insert') {
          r.id = org.newId(model.name);
          setField(model, rec, 'Id', r.id);
          setField(model, rec, 'CreatedDate', now);
          setField(model, rec, 'CreatedById', org.user.id);
          setField(model, rec, 'IsDeleted', false);
          assignAutoNumbers(org, model, rec, interp);
          if (model.fields['ownerid'] && !(rec.values.get('ownerid') instanceof ApexId))
            setField(model, rec, 'OwnerId', org.user.id);
        }
        setField(model, rec, 'LastModifiedDate', now);
        setField(model, rec, 'LastModifiedById', org.user.id);
        setField(model, rec, 'SystemModstamp', now);
        computeName(model, rec);
        rec.queried = null;
        org.table(model.name).set((r.id as ApexId).value, rec);
        org.onRecordSaved(rec, op);
      }
      if (saved.length) {
        markCategory(org, model, saved, op);
        const afterNew = saved.map((r) => copyRecord(r.next as SObjectValue));
        runTriggers(org, interp, {
          op,
          before: false,
          object: model.name,
          newList: afterNew,
          oldList: op === 'update' ? saved.map((r) => r.old as SObjectValue) : null
        });
        saved.forEach((r, i) => collectAddErrors(r, afterNew[i]));
        // A row failing in an after trigger is not saved.
        for (const r of saved) {
          if (!r.errors.length) continue;
          if (op === 'insert') org.table(model.name).delete((r.id as ApexId).value);
          else if (r.old) org.table(model.name).set((r.id as ApexId).value, r.old);
        }
      }
    }
  }
}

/**
 * Errors added with `addError` to the trigger's record or the caller's: the WeakMap of this module, and the
 * `errors` string list the SObject natives (stdlib/sobjects.ts) keep on the record.
 */
function collectAddErrors(r: Row, rec: SObjectValue | null): void {
  for (const x of [rec, r.input]) {
    if (!x) continue;
    const errs = recordErrors.get(x);
    if (errs?.length) {
      r.errors.push(...errs);
      recordErrors.delete(x);
    }
    const holder = x as unknown as { errors?: unknown[] };
    if (Array.isArray(holder.errors) && holder.errors.length) {
      for (const m of holder.errors)
        r.errors.push({ message: str(m), statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [] });
      holder.errors = [];
    }
  }
}

function groupByObject(rows: Row[]): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r.object.toLowerCase();
    const list = m.get(k) ?? [];
    list.push(r);
    m.set(k, list);
  }
  return m;
}

/** Field values only (relationship records and child lists dropped), keyed by the declared field. */
function storable(model: ObjectModel, rec: SObjectValue): SObjectValue {
  const out = new SObjectValue(model.name);
  for (const [k, v] of rec.values) {
    const f = model.fields[k];
    if (!f || v instanceof SObjectValue) continue;
    if (v instanceof ApexList) {
      // A list is a field's value only in a JunctionIdList field (EmailMessage.ToIds), typed ANYTYPE here; any other
      // list is a child relationship's rows, which are not saved.
      if (f.type === 'ANYTYPE') out.values.set(k, new ApexList(v.elemType, [...v.items]));
      continue;
    }
    out.values.set(k, storedValue(f, v));
    out.names.set(k, f.name);
  }
  return out;
}

/**
 * The value the database keeps: text without leading and trailing whitespace, and an empty text as null (Apex
 * Developer Guide, Primitive Data Types: sObject String field values "can never be empty (only null), and they can
 * never include leading and trailing whitespace"; whitespace as Java's `trim`, so a no-break space stays); a
 * Datetime to the whole second (datetime fields do not store milliseconds). The caller's record is not changed.
 */
export function storedValue(f: FieldModel, v: unknown): unknown {
  if (typeof v === 'string' && TEXT_TYPES.has(f.type)) {
    const t = v.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
    return t === '' ? null : t;
  }
  if (v instanceof ApexDatetime && f.type === 'DATETIME' && v.ms % 1000 !== 0) return storedAt(v.ms);
  return v;
}

/** Every field of the working record as the database keeps it (also the values before triggers set). */
function normalizeStored(model: ObjectModel, rec: SObjectValue): void {
  for (const [k, v] of rec.values) {
    const f = model.fields[k];
    if (f) rec.values.set(k, storedValue(f, v));
  }
}

function stripRelationships(model: ObjectModel, rec: SObjectValue): void {
  for (const [k, v] of [...rec.values]) {
    const f = model.fields[k];
    if (!f || v instanceof SObjectValue || (v instanceof ApexList && f.type !== 'ANYTYPE')) {
      rec.values.delete(k);
      rec.names.delete(k);
    }
  }
}

function setField(model: ObjectModel, rec: SObjectValue, name: string, value: unknown): void {
  const f = model.fields[name.toLowerCase()];
  if (!f) return;
  rec.values.set(name.toLowerCase(), value);
  rec.names.set(name.toLowerCase(), f.name);
}

/** Lead.Name, User.Name, Contact.Name: the compound name (FirstName LastName). */
/**
 * Auto-number fields get the next number in their display format on insert (`SL-{0000000}` → `SL-0000001`; `{YYYY}`
 * `{MM}` `{DD}` are the date). Numbers are never reused, also after a rollback (Salesforce Help, Auto Number fields).
 */
function assignAutoNumbers(org: Org, model: ObjectModel, rec: SObjectValue, interp: Interpreter): void {
  for (const f of Object.values(model.fields)) {
    if (!f.autoNumber) continue;
    const counters = (org.hooks.autoNumbers ??= {}) as Record<string, number>;
    const key = `${model.name}.${f.name}`.toLowerCase();
    counters[key] = (counters[key] ?? 0) + 1;
    const n = counters[key];
    const format = (f as { displayFormat?: string }).displayFormat ?? '{0}';
    const today = new Date(interp.now());
    const text = format.replace(/\{(0+|YYYY|YY|MM|DD)\}/g, (_m, token: string) => {
      if (token === 'YYYY') return String(today.getUTCFullYear());
      if (token === 'YY') return String(today.getUTCFullYear()).slice(-2);
      if (token === 'MM') return String(today.getUTCMonth() + 1).padStart(2, '0');
      if (token === 'DD') return String(today.getUTCDate()).padStart(2, '0');
      return String(n).padStart(token.length, '0');
    });
    setField(model, rec, f.name, text);
  }
}

function computeName(model: ObjectModel, rec: SObjectValue): void {
  const nameField = model.fields['name'];
  if (!nameField || nameField.createable || !model.fields['lastname']) return;
  const first = rec.values.get('firstname');
  const last = rec.values.get('lastname');
  setField(
    model,
    rec,
    'Name',
    [first, last]
      .filter((x) => x !== null && x !== undefined && x !== '')
      .map(str)
      .join(' ') || null
  );
}

function applyInsertDefaults(org: Org, model: ObjectModel, rec: SObjectValue): void {
  // Fields the insert leaves unset take their default value; a checkbox is never null in the database (false).
  const defaults = org.newSObject(model.name, true);
  for (const f of Object.values(model.fields)) {
    const key = f.name.toLowerCase();
    if (rec.values.has(key)) continue;
    if (defaults.values.has(key)) setField(model, rec, f.name, defaults.values.get(key));
    else if (f.type === 'BOOLEAN') setField(model, rec, f.name, false);
  }
  // Lead.Status takes the default lead status (Object Reference, LeadStatus.IsDefault).
  if (model.name === 'Lead' && (rec.values.get('status') ?? null) === null) {
    for (const s of org.table('LeadStatus').values()) {
      if (s.values.get('isdefault') === true) setField(model, rec, 'Status', s.values.get('masterlabel') ?? null);
    }
  }
}

/** Fields the caller set that cannot be written (formula, auto-number, system fields); update: only when changed. */
function nonWritable(model: ObjectModel, rec: SObjectValue, stored: SObjectValue | null): string[] {
  const bad: string[] = [];
  for (const [k, v] of rec.values) {
    const f = model.fields[k];
    if (!f || AUDIT_FIELDS.has(k) || v instanceof SObjectValue || v instanceof ApexList) continue;
    if (f.name === 'Name' && !f.createable && model.fields['lastname']) continue;
    const writable = stored ? f.updateable : f.createable;
    if (writable) continue;
    if (stored) {
      if (sameValue(stored.values.get(k) ?? null, v ?? null)) continue;
    } else if (v === null || v === undefined || v === false) continue;
    bad.push(f.name);
  }
  return bad;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return str(a) === str(b);
}

// ---------------------------------------------------------------- validation

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v === '');
}

/** System validation after before-triggers (Triggers and Order of Execution, step 4). */
function validate(
  org: Org,
  model: ObjectModel,
  rec: SObjectValue,
  old: SObjectValue | null,
  allowFieldTruncation = false
): DmlError[] {
  const errors: DmlError[] = [];
  const missing: string[] = [];
  for (const f of Object.values(model.fields)) {
    const key = f.name.toLowerCase();
    const v = rec.values.get(key);
    if (f.required && f.createable && !f.calculated && !f.autoNumber && f.type !== 'BOOLEAN' && isBlank(v)) {
      if (!old || rec.values.has(key)) missing.push(f.name);
    }
    if (isBlank(v)) continue;
    if (
      TEXT_TYPES.has(f.type) &&
      f.length > 0 &&
      typeof v === 'string' &&
      f.type !== 'PICKLIST' &&
      f.type !== 'MULTIPICKLIST' &&
      v.length > f.length
    ) {
      // Database.DMLOptions.allowFieldTruncation: the value is truncated to the field length instead (the SOAP
      // API's AllowFieldTruncationHeader lists string, textarea, email, phone, picklist, multipicklist and
      // encryptedstring; a URL field still fails).
      if (allowFieldTruncation && f.type !== 'URL') {
        rec.values.set(key, v.substring(0, f.length));
        continue;
      }
      errors.push(err('STRING_TOO_LONG', `${f.label}: data value too large: ${v} (max length=${f.length})`, [f.name]));
      continue;
    }
    if (f.type === 'EMAIL' && typeof v === 'string' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) {
      errors.push(err('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${v}`, [f.name]));
      continue;
    }
    if (
      (f.type === 'PICKLIST' || f.type === 'MULTIPICKLIST') &&
      f.restrictedPicklist &&
      !f.picklistValuesPartial &&
      f.picklistValues.length
    ) {
      const allowed = new Set(f.picklistValues.filter((p) => p.active !== false).map((p) => p.value));
      const values = f.type === 'MULTIPICKLIST' ? str(v).split(';') : [str(v)];
      const badValue = values.find((x) => !allowed.has(x));
      if (badValue !== undefined) {
        errors.push(
          err(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${f.label}: bad value for restricted picklist field: ${badValue}`,
            [f.name]
          )
        );
      }
    }
  }
  if (missing.length) {
    // The platform lists the fields in describe order (standard fields first), not alphabetically.
    const order = DESCRIBE_ORDER[model.name] ?? [];
    const rank = (name: string): number => {
      const i = order.indexOf(name);
      return i >= 0 ? i : order.length + (name.endsWith('__c') ? 1 : 0);
    };
    missing.sort((a, b) => rank(a) - rank(b));
    errors.unshift(err('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing));
  }
  void org;
  return errors;
}

/** Unique and unique external-id fields: case-insensitive unless the field is case-sensitive (DUPLICATE_VALUE). */
function checkUnique(org: Org, model: ObjectModel, rows: Row[]): void {
  const uniqueFields = Object.values(model.fields).filter((f) => f.unique);
  if (!uniqueFields.length) return;
  for (const f of uniqueFields) {
    const key = f.name.toLowerCase();
    const norm = (v: unknown): string => (f.caseSensitive ? str(v) : str(v).toLowerCase());
    const existing = new Map<string, ApexId>();
    for (const rec of org.table(model.name).values()) {
      const v = rec.values.get(key);
      if (isBlank(v) || rec.values.get('isdeleted') === true) continue;
      existing.set(norm(v), rec.values.get('id') as ApexId);
    }
    const inBatch = new Map<string, Row>();
    for (const r of rows) {
      if (r.errors.length) continue;
      const v = (r.next as SObjectValue).values.get(key);
      if (isBlank(v)) continue;
      const k = norm(v);
      const other = existing.get(k);
      if (other && (!r.id || other.value !== r.id.value)) {
        r.errors.push(
          err(
            'DUPLICATE_VALUE',
            `duplicate value found: ${f.name} duplicates value on record with id: ${other.value}`,
            []
          )
        );
        continue;
      }
      const prior = inBatch.get(k);
      if (prior) {
        r.errors.push(
          err(
            'DUPLICATE_VALUE',
            `duplicate value found: ${f.name} duplicates value on record with id: ${prior.id ? prior.id.value : ''}`,
            []
          )
        );
        continue;
      }
      inBatch.set(k, r);
    }
  }
}

// ---------------------------------------------------------------- mixed DML

const USER_SETUP_FIELDS = ['userroleid', 'isactive', 'forecastenabled', 'isportalenabled', 'username', 'profileid'];

/**
 * Whether DML on these rows counts as setup DML (Apex Developer Guide, sObjects That Cannot Be Used Together in DML
 * Operations). Inserting a User without a role, or updating a User without touching role, active flag, profile or
 * username, may be done with other objects: it counts as neither ('neutral').
 */
function dmlCategory(model: ObjectModel, rows: Row[], op: string): 'setup' | 'nonsetup' | 'neutral' {
  if (!model.setup) return 'nonsetup';
  if (model.name === 'User') {
    if (op === 'insert' && !rows.some((r) => r.next?.values.get('userroleid') instanceof ApexId)) return 'neutral';
    if (
      op === 'update' &&
      !rows.some((r) =>
        USER_SETUP_FIELDS.some((k) => !sameValue(r.old?.values.get(k) ?? null, r.next?.values.get(k) ?? null))
      )
    )
      return 'neutral';
  }
  return 'setup';
}

function checkMixedDml(org: Org, model: ObjectModel, rows: Row[], op: string): void {
  const category = dmlCategory(model, rows, op);
  if (category === 'neutral') return;
  const setup = category === 'setup';
  const cats = org.limits.dmlCategories;
  const conflict = setup
    ? [...cats].find((c) => c.startsWith('nonsetup:'))
    : [...cats].find((c) => c.startsWith('setup:'));
  if (!conflict) return;
  const original = conflict.split(':')[1];
  const message = setup
    ? `DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): ${model.name}, original object: ${original}`
    : `DML operation on non-setup object is not permitted after you have updated a setup object (or vice versa): ${model.name}, original object: ${original}`;
  for (const r of rows) r.errors.push(err('MIXED_DML_OPERATION', message));
}

function markCategory(org: Org, model: ObjectModel, rows: Row[], op: string): void {
  const category = dmlCategory(model, rows, op);
  if (category === 'neutral') return;
  const cats = org.limits.dmlCategories;
  const prefix = category + ':';
  if (![...cats].some((c) => c.startsWith(prefix))) cats.add(prefix + model.name);
}

// ---------------------------------------------------------------- upsert

function upsertRows(org: Org, interp: Interpreter, rows: Row[], options: DmlOptions): void {
  const externalId = options.externalId;
  const object = rows[0]?.object;
  const model = object ? org.object(object) : undefined;
  if (!model) return;
  let field: FieldModel | undefined;
  if (externalId) {
    const name = externalId.split('.').pop() as string;
    field = model.fields[name.toLowerCase()];
    if (!field)
      throw fault(
        'System.SObjectException',
        `Invalid field for upsert, must be an External Id custom or standard indexable field: ${name}`
      );
    if (field.name !== 'Id' && !field.externalId && !field.unique) {
      throw fault(
        'System.SObjectException',
        `Invalid field for upsert, must be an External Id custom or standard indexable field: ${field.name}`
      );
    }
    if (field.name === 'Id') field = undefined;
  }
  const inserts: Row[] = [];
  const updates: Row[] = [];
  const seenKeys = new Map<string, Row>();
  for (const r of rows) {
    if (!r.input) continue;
    if (!field) {
      if (r.id) updates.push(r);
      else inserts.push(r);
      continue;
    }
    // The key as it would be stored (trimmed text), as the platform matches it.
    const v = storedValue(field, r.input.values.get(field.name.toLowerCase()) ?? null);
    if (isBlank(v)) {
      inserts.push(r);
      continue;
    }
    const norm = field.caseSensitive ? str(v) : str(v).toLowerCase();
    if (seenKeys.has(norm)) {
      r.errors.push(err('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${str(v)}`, [field.name]));
      continue;
    }
    seenKeys.set(norm, r);
    const matches = [...org.table(model.name).values()].filter(
      (rec) =>
        rec.values.get('isdeleted') !== true &&
        !isBlank(rec.values.get(field.name.toLowerCase())) &&
        (field.caseSensitive
          ? str(rec.values.get(field.name.toLowerCase()))
          : str(rec.values.get(field.name.toLowerCase())).toLowerCase()) === norm
    );
    if (matches.length > 1) {
      r.errors.push(
        err(
          'DUPLICATE_EXTERNAL_ID',
          `${field.name}: more than one record found for external id field: [${matches.map((m) => (m.values.get('id') as ApexId).value).join(', ')}]`,
          [field.name]
        )
      );
      continue;
    }
    if (matches.length === 1) {
      r.id = matches[0].values.get('id') as ApexId;
      updates.push(r);
    } else inserts.push(r);
  }
  // The platform runs the inserts and the updates of an upsert as their own trigger batches.
  if (inserts.length) saveRows(org, interp, inserts, 'insert', options);
  if (updates.length) {
    // The caller's record may not carry the Id (matched by external id): update through a shallow copy that does.
    const originals = updates.map((r) => r.input);
    for (const r of updates) {
      if (r.input && !(r.input.values.get('id') instanceof ApexId)) {
        const c = copyRecord(r.input);
        c.values.set('id', r.id);
        c.names.set('id', 'Id');
        r.input = c;
      }
    }
    saveRows(org, interp, updates, 'update', options);
    updates.forEach((r, i) => {
      r.input = originals[i];
      r.created = false;
    });
  }
  for (const r of inserts) r.created = !r.errors.length;
}

// ---------------------------------------------------------------- delete / undelete

function deleteRows(org: Org, interp: Interpreter, rows: Row[], undelete: boolean): void {
  for (const r of rows) {
    if (!r.id) {
      r.errors.push(err('MISSING_ARGUMENT', `Id not specified in ${undelete ? 'an undelete' : 'a delete'} call`));
      continue;
    }
    const stored = findById(org, r.id);
    if (!stored) {
      r.errors.push(err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id'));
      continue;
    }
    r.object = stored.object;
    const deleted = stored.values.get('isdeleted') === true;
    if (!undelete && deleted) {
      r.errors.push(err('ENTITY_IS_DELETED', 'entity is deleted'));
      continue;
    }
    if (undelete && !deleted) {
      r.errors.push(err('UNDELETE_FAILED', 'Entity is not in the recycle bin'));
      continue;
    }
    r.old = copyRecord(stored);
  }
  const op: TriggerOp = undelete ? 'undelete' : 'delete';
  for (const [object, group] of groupByObject(rows.filter((r) => !r.errors.length))) {
    const model = org.object(object) as ObjectModel;
    checkMixedDml(org, model, group, op);
    for (let i = 0; i < group.length; i += TRIGGER_CHUNK) {
      const chunk = group.slice(i, i + TRIGGER_CHUNK).filter((r) => !r.errors.length);
      if (!chunk.length) continue;
      if (!undelete) {
        const olds = chunk.map((r) => r.old as SObjectValue);
        runTriggers(org, interp, { op, before: true, object: model.name, newList: null, oldList: olds });
        chunk.forEach((r, j) => collectAddErrors(r, olds[j]));
      }
      const ok = chunk.filter((r) => !r.errors.length);
      const now = storedNow(interp);
      for (const r of ok) {
        const stored = org.writable(model.name, (r.id as ApexId).value) as SObjectValue;
        setField(model, stored, 'IsDeleted', !undelete);
        stored.values.set('isdeleted', !undelete);
        stored.names.set('isdeleted', 'IsDeleted');
        setField(model, stored, 'SystemModstamp', now);
      }
      if (ok.length) {
        markCategory(org, model, ok, op);
        if (undelete) {
          const news = ok.map((r) => copyRecord(org.table(model.name).get((r.id as ApexId).value) as SObjectValue));
          runTriggers(org, interp, { op, before: false, object: model.name, newList: news, oldList: null });
          ok.forEach((r, j) => collectAddErrors(r, news[j]));
        } else {
          const olds = ok.map((r) => r.old as SObjectValue);
          runTriggers(org, interp, { op, before: false, object: model.name, newList: null, oldList: olds });
          ok.forEach((r, j) => collectAddErrors(r, olds[j]));
        }
        for (const r of ok) {
          if (r.errors.length) {
            const stored = org.writable(model.name, (r.id as ApexId).value) as SObjectValue;
            stored.values.set('isdeleted', undelete);
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------- merge

/** `merge master duplicates`: Lead, Contact, Account (and Case): the duplicates are deleted with MasterRecordId set. */
function executeMerge(org: Org, interp: Interpreter, target: unknown, options: DmlOptions): DmlOutcome {
  if (!(target instanceof SObjectValue))
    throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
  const master = target;
  if (!['Lead', 'Contact', 'Account', 'Case'].includes(master.object)) {
    throw fault(
      'System.DmlException',
      `Merge failed. First exception on row 0; first error: INVALID_TYPE, Cannot merge ${master.object}: []`
    );
  }
  const second = options.second;
  const dupIds: ApexId[] = [];
  for (const d of second instanceof ApexList ? second.items : [second]) {
    if (d instanceof SObjectValue && d.values.get('id') instanceof ApexId) dupIds.push(d.values.get('id') as ApexId);
    else if (d instanceof ApexId) dupIds.push(d);
    else if (typeof d === 'string' && ApexId.parse(d)) dupIds.push(ApexId.parse(d) as ApexId);
  }
  if (dupIds.length < 1 || dupIds.length > 2)
    throw fault(
      'System.DmlException',
      'Merge failed. A single merge request must contain at least one record to merge, and may contain at most two records to merge: []'
    );
  const masterId = master.values.get('id');
  if (!(masterId instanceof ApexId))
    throw fault(
      'System.DmlException',
      'Merge failed. First exception on row 0; first error: MISSING_ARGUMENT, Id not specified in a merge call: []'
    );
  executeDml(org, interp, 'update', master, { ...options, statement: true, allOrNone: true });
  executeDml(org, interp, 'delete', new ApexList({ name: master.object, args: [] }, dupIds), {
    ...options,
    statement: true,
    allOrNone: true
  });
  const model = org.object(master.object) as ObjectModel;
  for (const id of dupIds) {
    const stored = org.writable(model.name, id.value);
    if (stored) setField(model, stored, 'MasterRecordId', masterId);
  }
  return { op: 'merge', rows: [{ id: masterId, success: true, errors: [], created: false }], single: true };
}

// ---------------------------------------------------------------- exceptions

/**
 * The describe order of the required standard fields of objects whose field list (emulator/standard-objects) is
 * committed alphabetically: the order the platform names them in `Required fields are missing: [...]` (Lead:
 * `[LastName, Company]`, as REST API clients record it; User: the order its describe lists them). Fields not listed
 * keep their committed order after these, custom fields last.
 */
const DESCRIBE_ORDER: Record<string, string[]> = {
  Lead: ['LastName', 'Company'],
  User: [
    'Username',
    'LastName',
    'Email',
    'Alias',
    'TimeZoneSidKey',
    'LocaleSidKey',
    'EmailEncodingKey',
    'ProfileId',
    'LanguageLocaleKey'
  ]
};

/** `Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [LastName]: [LastName]`. */
export function dmlMessage(op: string, row: { index: number; id: ApexId | null; errors: DmlError[] }): string {
  const e = row.errors[0];
  // "Insert failed. First exception on row 0 with id 00Q…; first error: INVALID_FIELD_FOR_INSERT_UPDATE, cannot
  // specify Id in an insert call: [Id]": the row's Id whenever it has one, on insert too.
  const withId = row.id ? ` with id ${row.id.value}` : '';
  return `${OP_NAMES[op] ?? op} failed. First exception on row ${row.index}${withId}; first error: ${e.statusCode}, ${e.message}: [${e.fields.join(', ')}]`;
}

function dmlException(interp: Interpreter, op: string, failed: Row[]): ApexThrow {
  const first = failed[0];
  const ex = interp.newException('System.DmlException', dmlMessage(op, first));
  ex.fields.set(
    '$dml',
    failed.map((r) => ({
      message: r.errors[0].message,
      statusCode: r.errors[0].statusCode,
      fields: r.errors[0].fields,
      id: r.id,
      index: r.index
    }))
  );
  return new ApexThrow(ex);
}

/**
 * An exception escaping a trigger fails the DML: `… first error: CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, <Trigger>:
 * execution of AfterInsert caused by: <type>: <message>`. LimitExceptions and assertion failures pass through.
 */
function wrapTriggerFailure(interp: Interpreter, e: unknown, op: string, rows: Row[]): unknown {
  const err0 = e instanceof RuntimeFault ? interp.materialize(e) : e;
  if (!(err0 instanceof ApexThrow)) return err0;
  const exc = err0.exception;
  if (interp.isUncatchable(exc)) return err0;
  const origin = exc.fields.get('$trigger') as string | undefined;
  if (!origin) return err0;
  const message = `${origin} caused by: ${exc.cls.name}: ${str(exc.fields.get('$message') ?? null)}`;
  const row = rows[0];
  const wrapped = interp.newException(
    'System.DmlException',
    dmlMessage(op, {
      index: row?.index ?? 0,
      id: row?.id ?? null,
      errors: [err('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', message)]
    })
  );
  wrapped.fields.set('$dml', [
    {
      message,
      statusCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
      fields: [],
      id: row?.id ?? null,
      index: row?.index ?? 0
    }
  ]);
  wrapped.fields.set('$cause', null);
  return new ApexThrow(wrapped);
}
