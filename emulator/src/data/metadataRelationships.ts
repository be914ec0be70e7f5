/**
 * Custom metadata records as SOQL sees them, and the targets of custom metadata relationship fields.
 *
 * - Custom metadata records are queryable with SOQL (Apex Developer Guide, Custom Metadata Types: "Access custom
 *   metadata records with SOQL"): the org holds one row per deployed record, with its Id, DeveloperName, MasterLabel,
 *   Label, QualifiedApiName, NamespacePrefix and field values.
 * - A metadata relationship to another custom metadata type holds the related record's Id; one to EntityDefinition
 *   holds the object's API name; one to FieldDefinition holds `Object.Field` (the object from the relationship field
 *   that controls it). A path through one (`Object__r.QualifiedApiName`) reads an EntityDefinition / FieldDefinition
 *   row built from the org's schema (Salesforce Help, Custom Metadata Relationships; Tooling API, EntityDefinition and
 *   FieldDefinition).
 */
import type { FieldModel, ObjectModel } from '../metadata/model';
import { ApexId, SObjectValue } from '../runtime/values';
import type { Org } from './org';

const isMdt = (name: string): boolean => /__mdt$/i.test(name);

/**
 * Setup rows the project's metadata implies: Platform Cache partitions (Object Reference, PlatformCachePartition)
 * and permission set groups (PermissionSetGroup, status Updated, with their PermissionSetGroupComponent rows).
 */
export function seedSetupRows(org: Org): void {
  const project = org.project;
  if (!project) return;
  for (const p of project.cachePartitions ?? []) {
    org.put(
      org.record('PlatformCachePartition', {
        DeveloperName: p.name,
        MasterLabel: p.label,
        NamespacePrefix: project.namespace || null,
        IsDefaultPartition: p.isDefault
      })
    );
  }
  for (const g of project.permissionSetGroups ?? []) {
    const group = org.put(
      org.record('PermissionSetGroup', {
        DeveloperName: g.name,
        MasterLabel: g.label,
        Description: g.description,
        NamespacePrefix: project.namespace || null,
        Status: 'Updated'
      })
    );
    for (const name of g.permissionSets) {
      const set = [...org.table('PermissionSet').values()].find((ps) => ps.values.get('name') === name);
      if (!set) continue;
      org.put(
        org.record('PermissionSetGroupComponent', {
          PermissionSetGroupId: group.values.get('id'),
          PermissionSetId: set.values.get('id')
        })
      );
    }
  }
}

/** Puts every custom metadata record of the project into the org (seed), relationship values resolved. */
export function seedCustomMetadata(org: Org): void {
  const project = org.project;
  if (!project) return;
  const rows: { model: ObjectModel; rec: SObjectValue }[] = [];
  const byName = new Map<string, SObjectValue>();
  for (const m of project.customMetadata) {
    const model = org.object(m.type);
    if (!model) continue;
    // Relationship values name the related record (its DeveloperName); they are resolved once every row exists.
    const values = { ...m.values };
    const names: Record<string, string | number | boolean | null> = {};
    for (const [field, value] of Object.entries(m.values)) {
      if (model.fields[field.toLowerCase()]?.metadataRelationship) {
        names[field] = value;
        delete values[field];
      }
    }
    const rec = org.put(
      org.record(model.name, {
        DeveloperName: m.developerName,
        MasterLabel: m.label,
        Label: m.label,
        QualifiedApiName: m.developerName,
        NamespacePrefix: project.namespace || null,
        ...values
      })
    );
    for (const [field, value] of Object.entries(names)) {
      const f = model.fields[field.toLowerCase()];
      rec.values.set(f.name.toLowerCase(), value);
      rec.names.set(f.name.toLowerCase(), f.name);
    }
    rows.push({ model, rec });
    byName.set(`${model.name}.${m.developerName}`.toLowerCase(), rec);
  }
  for (const { model, rec } of rows) {
    const relationships = Object.values(model.fields).filter((f) => f.metadataRelationship);
    const entityField = relationships.find((f) => f.referenceTo[0]?.toLowerCase() === 'entitydefinition');
    for (const f of relationships) {
      const key = f.name.toLowerCase();
      const value = rec.values.get(key);
      if (typeof value !== 'string' || value === '') continue;
      const target = f.referenceTo[0] ?? '';
      if (isMdt(target)) {
        const related = byName.get(`${target}.${value}`.toLowerCase());
        rec.values.set(key, related ? (related.values.get('id') as ApexId) : null);
      } else if (target.toLowerCase() === 'fielddefinition' && !value.includes('.') && entityField) {
        const object = rec.values.get(entityField.name.toLowerCase());
        if (typeof object === 'string' && object) rec.values.set(key, `${object}.${value}`);
      }
    }
  }
}

/** The record a metadata relationship field's value points at (null when there is none). */
export function metadataRelationshipTarget(org: Org, field: FieldModel, value: unknown): SObjectValue | null {
  if (value === null || value === undefined) return null;
  const target = (field.referenceTo[0] ?? '').toLowerCase();
  if (value instanceof ApexId) {
    const model = org.objectByPrefix(value.prefix);
    return model ? (org.table(model.name).get(value.value) ?? null) : null;
  }
  const text = String(value);
  if (target === 'entitydefinition') return entityDefinition(org, text);
  if (target === 'fielddefinition') return fieldDefinition(org, text);
  return null;
}

/**
 * EntityDefinition and FieldDefinition as SOQL reads them (`FROM EntityDefinition`, `FROM FieldDefinition`, the
 * `Fields` sub-query, `EntityDefinition.DeveloperName` paths): one row per object of the org and per field, built
 * from its schema on the first query of either (Tooling API / Object Reference, EntityDefinition, FieldDefinition).
 */
export function materializeDefinitions(org: Org): void {
  if (org.table('EntityDefinition').size > 0) return;
  for (const model of org.objects.values()) {
    const entity = entityDefinition(org, model.name);
    if (!entity) continue;
    org.put(entity);
    for (const f of Object.values(model.fields)) {
      const field = fieldDefinition(org, `${model.name}.${f.name}`);
      if (field) org.put(field);
    }
  }
}

/** An EntityDefinition row for an object of the org, by API name (null when the org has no such object). */
export function entityDefinition(org: Org, objectName: string): SObjectValue | null {
  const model = org.object(objectName);
  if (!model) return null;
  return org.record('EntityDefinition', {
    DurableId: model.name,
    QualifiedApiName: model.name,
    DeveloperName: model.name.replace(/__(c|mdt|e)$/i, ''),
    Label: model.label,
    MasterLabel: model.label,
    PluralLabel: model.labelPlural,
    KeyPrefix: model.keyPrefix || null,
    IsCustomSetting: model.kind === 'custom-setting-hierarchy' || model.kind === 'custom-setting-list',
    NamespacePrefix: model.custom ? org.project?.namespace || null : null
  });
}

/** A FieldDefinition row for `Object.Field` (null when the org has no such field). */
export function fieldDefinition(org: Org, qualified: string): SObjectValue | null {
  const dot = qualified.indexOf('.');
  if (dot < 0) return null;
  const model = org.object(qualified.slice(0, dot));
  const field = model?.fields[qualified.slice(dot + 1).toLowerCase()];
  if (!model || !field) return null;
  return org.record('FieldDefinition', {
    DurableId: `${model.name}.${field.name}`,
    QualifiedApiName: field.name,
    DeveloperName: field.name.replace(/__c$/i, ''),
    Label: field.label,
    MasterLabel: field.label,
    EntityDefinitionId: model.name,
    DataType: field.type,
    Length: field.length,
    Precision: field.precision,
    Scale: field.scale,
    IsNillable: field.nillable,
    IsCalculated: field.calculated,
    RelationshipName: field.relationshipName,
    NamespacePrefix: field.custom ? org.project?.namespace || null : null
  });
}
