/**
 * The in-memory org: the schema (project objects and the committed standard-object descriptions), the records,
 * Ids, the running user, and the platform hooks the interpreter calls (SOQL, DML, runAs, triggers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TriggerDecl } from '../parse/ast';
import type { Interpreter, Platform } from '../runtime/interpreter';
import { fault } from '../runtime/ops';
import { ApexBlob, ApexId, SObjectValue } from '../runtime/values';
import type { FieldModel, ObjectModel, ProjectModel } from '../metadata/model';
import { Limits } from './limits';
import { executeQuery } from './soql';
import { executeDml } from './dml';
import { coerceFieldValue } from './fieldValues';
import { queueFutureCall } from './async';
import { seedCustomMetadata, seedSetupRows } from './metadataRelationships';
import { deriveInsertedRecords } from './derivedRecords';
import { Table, type TablesSnapshot } from './indexes';
import type { ClassInfo } from '../runtime/interpreter';
import type { MethodDecl } from '../parse/ast';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const STANDARD_OBJECTS_DIR = join(__dirname, '..', '..', 'standard-objects');

let standardCache: Record<string, ObjectModel> | null = null;

export function standardObjects(): Record<string, ObjectModel> {
  if (!standardCache) {
    standardCache = {};
    for (const f of readdirSync(STANDARD_OBJECTS_DIR)) {
      if (!f.endsWith('.json')) continue;
      const o = JSON.parse(readFileSync(join(STANDARD_OBJECTS_DIR, f), 'utf8')) as ObjectModel;
      standardCache[o.name.toLowerCase()] = o;
    }
  }
  return standardCache;
}

export interface UserContext {
  id: ApexId;
  record: SObjectValue;
}

/** One record table per object: records by 18-character Id, in insertion order. */
export type Tables = Map<string, Map<string, SObjectValue>>;

export class Org implements Platform {
  readonly objects = new Map<string, ObjectModel>();
  tables: Tables = new Map();
  private idCounter = 1;
  readonly triggers: TriggerDecl[] = [];
  limits = new Limits(false);
  /** The running user (changes inside `System.runAs`). */
  user!: UserContext;
  /** Lines executed per class file: coverage. */
  readonly coverage = new Map<string, Set<number>>();
  /** Transaction flags. */
  inTest = true;
  /** Records hooks for async, callouts etc. (set by the async layer). */
  readonly hooks: Record<string, unknown> = {};

  constructor(
    readonly interp: Interpreter,
    readonly project: ProjectModel | null
  ) {
    const std = standardObjects();
    for (const [k, o] of Object.entries(std)) this.objects.set(k, o);
    if (project) for (const o of Object.values(project.objects)) this.objects.set(o.name.toLowerCase(), o);
    this.seed();
  }

  // ---------------------------------------------------------------- schema

  object(name: string): ObjectModel | undefined {
    return this.objects.get(name.toLowerCase());
  }

  objectName(name: string): string | undefined {
    return this.objects.get(name)?.name ?? this.objects.get(name.toLowerCase())?.name;
  }

  field(object: string, field: string): FieldModel | undefined {
    return this.object(object)?.fields[field.toLowerCase()];
  }

  fieldName(object: string, field: string): string | undefined {
    return this.field(object, field)?.name;
  }

  objectByPrefix(prefix: string): ObjectModel | undefined {
    for (const o of this.objects.values()) if (o.keyPrefix === prefix) return o;
    return undefined;
  }

  newSObject(object: string, defaults: boolean): SObjectValue {
    const model = this.object(object);
    if (!model) throw fault('System.TypeException', `Invalid SObject type: ${object}`);
    const rec = new SObjectValue(model.name);
    if (defaults) {
      for (const f of Object.values(model.fields)) {
        if (f.defaultValue === null || f.defaultValue === undefined) continue;
        const v = defaultValueOf(f);
        if (v !== undefined) {
          rec.values.set(f.name.toLowerCase(), v);
          rec.names.set(f.name.toLowerCase(), f.name);
        }
      }
    }
    return rec;
  }

  newId(object: string): ApexId {
    const model = this.object(object);
    if (!model) throw fault('System.TypeException', `Invalid SObject type: ${object}`);
    let n = this.idCounter++;
    let digits = '';
    for (let i = 0; i < 9; i++) {
      digits = BASE62[n % 62] + digits;
      n = Math.floor(n / 62);
    }
    const id15 = model.keyPrefix + '000' + digits;
    return new ApexId(id15 + ApexId.checksum(id15));
  }

  table(object: string): Table {
    const key = object.toLowerCase();
    const t = this.tables.get(key);
    if (t instanceof Table) return t;
    // A table set from outside as a plain Map becomes a live Table (its changes then reach the snapshots).
    const live = t ? Table.from(key, t) : new Table(key);
    this.tables.set(key, live);
    return live;
  }

  /**
   * The stored record to change in place (DML's IsDeleted, a job's status, `Test.setCreatedDate`): a copy put in
   * its table first, because stored records are shared with snapshots (savepoints, the test setup state).
   */
  writable(object: string, id: string): SObjectValue | undefined {
    const t = this.table(object);
    const rec = t.get(id);
    if (!rec) return undefined;
    const copy = copyRecord(rec);
    copy.queried = rec.queried;
    t.set(id, copy);
    return copy;
  }

  /** Inserts a record directly (seed data, test setup snapshots): no triggers, no validation. */
  put(rec: SObjectValue): SObjectValue {
    let id = rec.values.get('id') as ApexId | undefined;
    if (!id) {
      id = this.newId(rec.object);
      rec.values.set('id', id);
      rec.names.set('id', 'Id');
    }
    this.table(rec.object).set(id.value, rec);
    return rec;
  }

  /**
   * The tables as they are now (test setup snapshot / savepoint / a DML statement's undo): copy-on-write, each
   * table copied only before its first change (indexes.ts).
   */
  snapshot(): TablesSnapshot {
    const s: TablesSnapshot = { tables: new Map(), idCounter: this.idCounter };
    for (const k of [...this.tables.keys()]) {
      const t = this.table(k);
      t.hold(s);
      s.tables.set(k, t);
    }
    return s;
  }

  /** Back to `s` (restorable again later): tables unchanged since are kept, changed ones rebuilt from its copy. */
  restore(s: TablesSnapshot, keepIds = false): void {
    const tables: Tables = new Map();
    for (const [k, t] of s.tables) {
      if (t instanceof Table && t.heldBy(s)) {
        tables.set(k, t);
        continue;
      }
      // Changed since: a live table from the snapshot's copy, which the snapshot then holds instead of its copy.
      const live = Table.from(k, t);
      live.hold(s);
      s.tables.set(k, live);
      tables.set(k, live);
    }
    this.tables = tables;
    if (!keepIds) this.idCounter = Math.max(this.idCounter, s.idCounter);
  }

  /** `s` will not be restored (a DML statement that succeeded): its tables no longer copy themselves for it. */
  release(s: TablesSnapshot): void {
    for (const t of s.tables.values()) if (t instanceof Table) t.release(s);
  }

  // ---------------------------------------------------------------- seed

  /** The org every test starts in: the organization, standard profiles, the admin running user, permission sets, static resources. */
  private seed(): void {
    const org = this.record('Organization', {
      Name: 'Emulated Org',
      TimeZoneSidKey: 'America/Los_Angeles',
      LanguageLocaleKey: 'en_US',
      DefaultLocaleSidKey: 'en_US',
      IsSandbox: false,
      OrganizationType: 'Developer Edition',
      NamespacePrefix: this.project?.namespace || null
    });
    this.put(org);
    const profiles: Record<string, SObjectValue> = {};
    for (const name of ['System Administrator', 'Standard User', 'Minimum Access - Salesforce', 'Read Only']) {
      const admin = name === 'System Administrator';
      const perms = {
        PermissionsModifyAllData: admin,
        PermissionsViewAllData: admin,
        PermissionsViewSetup: admin,
        PermissionsManageUsers: admin,
        PermissionsCustomizeApplication: admin,
        PermissionsAuthorApex: admin,
        PermissionsApiEnabled: name !== 'Minimum Access - Salesforce',
        PermissionsConvertLeads: admin || name === 'Standard User'
      };
      const profile = this.put(this.record('Profile', { Name: name, UserType: 'Standard', ...perms }));
      profiles[name] = profile;
      // Every profile owns a permission set holding its permissions, and every user is assigned to the one of
      // their profile (Object Reference, PermissionSet: IsOwnedByProfile; PermissionSetAssignment).
      this.put(
        this.record('PermissionSet', {
          Name: `X${(profile.values.get('id') as ApexId).value.substring(0, 15)}`,
          Label: name,
          IsOwnedByProfile: true,
          ProfileId: profile.values.get('id'),
          ...perms
        })
      );
    }
    const admin = this.put(
      this.record('User', {
        FirstName: 'Emulated',
        LastName: 'Admin',
        // The compound Name the platform derives from FirstName and LastName (put() bypasses the DML that derives it).
        Name: 'Emulated Admin',
        Alias: 'eadmin',
        Email: 'admin@emulated.example.com',
        Username: 'admin@emulated.example.com',
        ProfileId: profiles['System Administrator'].values.get('id'),
        TimeZoneSidKey: 'America/Los_Angeles',
        LocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        IsActive: true,
        UserType: 'Standard'
      })
    );
    this.user = { id: admin.values.get('id') as ApexId, record: admin };
    this.onRecordSaved(admin, 'insert');
    for (const status of [
      ['Open - Not Contacted', true],
      ['Working - Contacted', false],
      ['Closed - Converted', false],
      ['Closed - Not Converted', false]
    ] as const) {
      this.put(
        this.record('LeadStatus', {
          MasterLabel: status[0],
          ApiName: status[0],
          IsDefault: status[1],
          IsConverted: status[0] === 'Closed - Converted',
          SortOrder: 1
        })
      );
    }
    if (this.project) {
      const classIds = new Map<string, unknown>();
      for (const c of this.project.apex) {
        if (c.kind !== 'class') continue;
        const row = this.put(
          this.record('ApexClass', {
            Name: c.name,
            NamespacePrefix: this.project.namespace || null,
            ApiVersion: Number(c.apiVersion),
            Status: 'Active',
            // Object Reference, ApexClass: Body is the class's source.
            Body: c.source
          })
        );
        classIds.set(c.name.toLowerCase(), row.values.get('id'));
      }
      // A permission set's grants are rows of their own (Object Reference: ObjectPermissions, FieldPermissions,
      // SetupEntityAccess for Apex class access), queryable as the platform stores them.
      for (const ps of Object.values(this.project.permissionSets)) {
        const row = this.put(
          this.record('PermissionSet', {
            Name: ps.name,
            Label: ps.label,
            IsOwnedByProfile: false,
            NamespacePrefix: this.project.namespace || null
          })
        );
        const parentId = row.values.get('id');
        for (const [object, p] of Object.entries(ps.objects)) {
          this.put(
            this.record('ObjectPermissions', {
              ParentId: parentId,
              SobjectType: object,
              PermissionsRead: p.read,
              PermissionsCreate: p.create,
              PermissionsEdit: p.edit,
              PermissionsDelete: p.delete,
              PermissionsViewAllRecords: p.viewAll,
              PermissionsModifyAllRecords: p.modifyAll
            })
          );
        }
        for (const [field, p] of Object.entries(ps.fields)) {
          this.put(
            this.record('FieldPermissions', {
              ParentId: parentId,
              SobjectType: field.split('.')[0],
              Field: field,
              PermissionsRead: p.readable,
              PermissionsEdit: p.editable
            })
          );
        }
        for (const cls of ps.classes) {
          const classId = classIds.get(cls.toLowerCase());
          if (classId) {
            this.put(
              this.record('SetupEntityAccess', {
                ParentId: parentId,
                SetupEntityId: classId,
                SetupEntityType: 'ApexClass'
              })
            );
          }
        }
      }
      seedCustomMetadata(this);
      seedSetupRows(this);
      for (const res of Object.values(this.project.staticResources)) {
        this.put(
          this.record('StaticResource', {
            Name: res.name,
            ContentType: res.contentType,
            Body: new ApexBlob(res.body),
            BodyLength: res.body.length,
            NamespacePrefix: this.project.namespace || null
          })
        );
      }
    }
  }

  /** A record with the given values, fields by API name (unknown fields throw). */
  record(object: string, values: Record<string, unknown>): SObjectValue {
    const rec = new SObjectValue(this.objectName(object) ?? object);
    for (const [k, v] of Object.entries(values)) {
      const f = this.field(object, k);
      const name = f?.name ?? k;
      rec.values.set(name.toLowerCase(), f ? coerceFieldValue(f, v) : v);
      rec.names.set(name.toLowerCase(), name);
    }
    return rec;
  }

  // ---------------------------------------------------------------- Platform hooks

  onStatement(file: string, line: number): void {
    let lines = this.coverage.get(file);
    if (!lines) {
      lines = new Set();
      this.coverage.set(file, lines);
    }
    lines.add(line);
    this.limits.statements++;
  }

  query(text: string, binds: Map<string, unknown>, interp: Interpreter): unknown {
    return executeQuery(this, interp, text, binds, { dynamic: false });
  }

  dml(
    op: string,
    target: unknown,
    options: { externalId: string | null; accessLevel: 'user' | 'system' | null; second: unknown },
    interp: Interpreter
  ): unknown {
    return executeDml(this, interp, op, target, {
      allOrNone: true,
      accessLevel: options.accessLevel ?? 'system',
      externalId: options.externalId,
      second: options.second,
      statement: true
    });
  }

  runAs(user: unknown, body: () => void, interp: Interpreter): void {
    if (!(user instanceof SObjectValue) || user.object !== 'User') {
      throw fault('System.TypeException', 'System.runAs requires a User or Version');
    }
    const id = user.values.get('id') as ApexId | undefined;
    const stored = id ? this.table('User').get(id.value) : undefined;
    if (!stored) throw fault('System.NoDataFoundException', 'System.runAs: the user does not exist');
    const saved = this.user;
    const savedUser = { ...interp.user };
    this.user = { id: id as ApexId, record: stored };
    interp.user = {
      timeZone: String(stored.values.get('timezonesidkey') ?? savedUser.timeZone),
      locale: String(stored.values.get('localesidkey') ?? savedUser.locale),
      language: String(stored.values.get('languagelocalekey') ?? savedUser.language)
    };
    // runAs starts a new block of setup/non-setup DML (the mixed-DML rule) as the platform documents.
    const mixed = this.limits.dmlCategories;
    this.limits.dmlCategories = new Set();
    try {
      body();
    } finally {
      this.user = saved;
      interp.user = savedUser;
      this.limits.dmlCategories = mixed;
    }
  }

  /**
   * Platform side effects of a saved record: a new or re-profiled User gets the assignment of its profile's
   * permission set (the platform keeps one PermissionSetAssignment per user for the profile-owned set).
   */
  onRecordSaved(rec: SObjectValue, op: string): void {
    if (op === 'insert') deriveInsertedRecords(this, rec);
    if (rec.object !== 'User' || (op !== 'insert' && op !== 'update')) return;
    const userId = rec.values.get('id') as ApexId;
    const profileId = rec.values.get('profileid') as ApexId | null;
    if (!profileId) return;
    const owned = [...this.table('PermissionSet').values()].find(
      (ps) =>
        ps.values.get('isownedbyprofile') === true &&
        (ps.values.get('profileid') as ApexId | null)?.value === profileId.value
    );
    if (!owned) return;
    const assignments = this.table('PermissionSetAssignment');
    for (const [id, a] of assignments) {
      if ((a.values.get('assigneeid') as ApexId).value !== userId.value) continue;
      const ps = this.table('PermissionSet').get((a.values.get('permissionsetid') as ApexId).value);
      if (ps?.values.get('isownedbyprofile') === true) assignments.delete(id);
    }
    this.put(this.record('PermissionSetAssignment', { AssigneeId: userId, PermissionSetId: owned.values.get('id') }));
  }

  /** `@future` calls are queued as async jobs (Apex Developer Guide, Future Methods). */
  onFutureCall(cls: ClassInfo, method: MethodDecl, args: unknown[], interp: Interpreter): boolean {
    return queueFutureCall(this, cls, method, args, interp);
  }

  addTrigger(decl: TriggerDecl): void {
    this.triggers.push(decl);
  }
}

export function copyRecord(rec: SObjectValue): SObjectValue {
  const c = new SObjectValue(rec.object, new Map(rec.values), new Map(rec.names));
  return c;
}

function defaultValueOf(f: FieldModel): unknown {
  const d = (f.defaultValue ?? '').trim();
  if (f.type === 'BOOLEAN') return d.toLowerCase() === 'true';
  if (/^'.*'$/.test(d) || /^".*"$/.test(d)) return d.slice(1, -1);
  if (f.type === 'DOUBLE' || f.type === 'CURRENCY' || f.type === 'PERCENT' || f.type === 'INTEGER') {
    const n = Number(d);
    return Number.isFinite(n) ? coerceFieldValue(f, n) : undefined;
  }
  if (f.type === 'PICKLIST') return d || undefined;
  return undefined;
}
