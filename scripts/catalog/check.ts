/*
 * Catalog drift check: catalog/aloware-lead-catalog.json must agree with
 *   - the custom Lead field XML (label, type, length, precision/scale, visible lines, External ID/unique, default,
 *     description and help text), and no Lead field may exist without a catalog row;
 *   - the Aloware_Field_Mapping__mdt type (fields, picklist values = shared vocabulary, manageability) and its
 *     default records (property, field, direction, group, locked, active, object, order, label; no orphans);
 *   - the generated module c/alowareCatalog (regenerated in memory and compared) and the generated Apex class
 *     AlowareCatalogRules (compared whitespace-insensitively: Prettier re-wraps it);
 *   - the permission sets: every custom field of the package (all objects under objects/) that can carry field
 *     permissions is granted in at least one set; none are granted on fields that cannot carry them; Aloware_Admin
 *     reads and edits every catalog field; Aloware_User reads every catalog field and edits exactly the rep-editable ones;
 *     Activity fields (logged Aloware communications): Aloware_Admin reads and edits, Aloware_User reads only;
 *   - the Lead layout and record page, when present (every catalog field on the layout, tracking read-only; the
 *     record page references only components that exist).
 * Usage: `npx tsx scripts/catalog/check.ts [projectRoot]` (default: the current directory). Exit 1 on any problem.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIRECTIONS, MAPPING_GROUPS, parseCatalog, recordDeveloperName, CATALOG_PATH, type Catalog } from './catalog';
import {
  FIELDS_DIR,
  MAPPING_TYPE,
  MODULE_META_PATH,
  MODULE_PATH,
  RECORDS_DIR,
  fieldPath,
  projectCodeStyle,
  recordPath,
  recordValues,
  catalogRulesPath,
  normaliseApex,
  renderCatalogModule,
  renderCatalogRules,
  renderModuleMeta
} from './render';
import { childText, childrenNamed, parseXml, type XmlElement } from './xml';

const DEFAULT_DIR = 'force-app/main/default';
const OBJECTS_DIR = `${DEFAULT_DIR}/objects`;
const PERMISSION_SETS_DIR = `${DEFAULT_DIR}/permissionsets`;
const LAYOUT_PATH = `${DEFAULT_DIR}/layouts/Lead-Aloware Lead Layout.layout-meta.xml`;
const FLEXIPAGES_DIR = `${DEFAULT_DIR}/flexipages`;
const LWC_DIR = `${DEFAULT_DIR}/lwc`;
const MAPPING_OBJECT = `${MAPPING_TYPE}__mdt`;
export const ADMIN_SET = 'Aloware_Admin';
export const USER_SET = 'Aloware_User';

/** The mapping type's fields: Metadata API type and the manageability chosen for it (see docs/catalog.md). */
export const MAPPING_FIELDS: Record<string, { type: string; manageability: string; xsd: string }> = {
  Object_Name__c: { type: 'Text', manageability: 'DeveloperControlled', xsd: 'xsd:string' },
  Aloware_Property__c: { type: 'Text', manageability: 'DeveloperControlled', xsd: 'xsd:string' },
  Salesforce_Field__c: { type: 'Text', manageability: 'SubscriberControlled', xsd: 'xsd:string' },
  Direction__c: { type: 'Picklist', manageability: 'SubscriberControlled', xsd: 'xsd:string' },
  Mapping_Group__c: { type: 'Picklist', manageability: 'DeveloperControlled', xsd: 'xsd:string' },
  Locked__c: { type: 'Checkbox', manageability: 'DeveloperControlled', xsd: 'xsd:boolean' },
  Active__c: { type: 'Checkbox', manageability: 'SubscriberControlled', xsd: 'xsd:boolean' },
  Sort_Order__c: { type: 'Number', manageability: 'SubscriberControlled', xsd: 'xsd:double' }
};

export interface CheckResult {
  errors: string[];
  /** What was compared, for the summary line. */
  counts: { properties: number; fields: number; records: number; permissionSets: number; packageFields: number };
}

function read(root: string, path: string): string | undefined {
  const full = join(root, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

function list(root: string, dir: string): string[] {
  const full = join(root, dir);
  return existsSync(full) ? readdirSync(full).sort() : [];
}

function xmlAt(root: string, path: string, errors: string[]): XmlElement | undefined {
  const text = read(root, path);
  if (text === undefined) return undefined;
  try {
    return parseXml(text, path);
  } catch (error) {
    errors.push((error as Error).message);
    return undefined;
  }
}

/** First differing line of two texts, for a readable "stale file" message. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) {
      return `line ${i + 1}: expected ${JSON.stringify(a[i] ?? '<end of file>')}, found ${JSON.stringify(b[i] ?? '<end of file>')}`;
    }
  }
  return 'no line differs';
}

function str(value: number | boolean | string | null): string | undefined {
  return value === null ? undefined : String(value);
}

function checkFields(root: string, catalog: Catalog, errors: string[]): number {
  let count = 0;
  const expected = new Set<string>();
  for (const property of catalog.properties) {
    const spec = property.customField;
    if (spec === null) continue;
    const path = fieldPath(property);
    expected.add(path);
    const where = `${property.defaultField} (catalog "${property.property}")`;
    const xml = xmlAt(root, path, errors);
    if (xml === undefined) {
      if (read(root, path) === undefined) errors.push(`${where}: field file ${path} is missing`);
      continue;
    }
    count += 1;
    if (xml.name !== 'CustomField') errors.push(`${path}: root element is <${xml.name}>, not <CustomField>`);
    const want: Record<string, string | undefined> = {
      fullName: property.defaultField,
      label: spec.label,
      type: spec.type,
      length: str(spec.length),
      precision: str(spec.precision),
      scale: str(spec.scale),
      visibleLines: str(spec.visibleLines),
      externalId: String(spec.externalId),
      unique: spec.type === 'Text' || spec.type === 'Number' || spec.type === 'Email' ? String(spec.unique) : undefined,
      defaultValue: str(spec.defaultValue),
      description: spec.description,
      inlineHelpText: spec.inlineHelpText,
      required: spec.type === 'Checkbox' ? undefined : 'false'
    };
    for (const [key, value] of Object.entries(want)) {
      const actual = childText(xml, key);
      if (actual !== value) {
        errors.push(
          `${where}: ${key} is ${actual === undefined ? 'absent' : JSON.stringify(actual)} in ${path}, catalog says ${
            value === undefined ? 'absent' : JSON.stringify(value)
          }`
        );
      }
    }
  }
  for (const name of list(root, FIELDS_DIR)) {
    const path = `${FIELDS_DIR}/${name}`;
    if (!expected.has(path)) errors.push(`${path}: Lead field without a catalog row (add it to ${CATALOG_PATH})`);
  }
  return count;
}

function picklistValues(field: XmlElement): string[] {
  const valueSet = childrenNamed(field, 'valueSet')[0];
  const definition = valueSet === undefined ? undefined : childrenNamed(valueSet, 'valueSetDefinition')[0];
  if (definition === undefined) return [];
  return childrenNamed(definition, 'value').map((v) => childText(v, 'fullName') ?? '');
}

function checkMappingType(root: string, errors: string[]): void {
  const dir = `${OBJECTS_DIR}/${MAPPING_OBJECT}`;
  if (read(root, `${dir}/${MAPPING_OBJECT}.object-meta.xml`) === undefined) {
    errors.push(`${dir}/${MAPPING_OBJECT}.object-meta.xml is missing`);
  }
  for (const [name, design] of Object.entries(MAPPING_FIELDS)) {
    const path = `${dir}/fields/${name}.field-meta.xml`;
    const xml = xmlAt(root, path, errors);
    if (xml === undefined) {
      if (read(root, path) === undefined) errors.push(`${MAPPING_OBJECT}.${name}: field file ${path} is missing`);
      continue;
    }
    const type = childText(xml, 'type');
    if (type !== design.type)
      errors.push(`${MAPPING_OBJECT}.${name}: type is ${String(type)}, expected ${design.type}`);
    const manageability = childText(xml, 'fieldManageability');
    if (manageability !== design.manageability) {
      errors.push(
        `${MAPPING_OBJECT}.${name}: fieldManageability is ${String(manageability)}, expected ${design.manageability}`
      );
    }
    const vocabulary = name === 'Direction__c' ? DIRECTIONS : name === 'Mapping_Group__c' ? MAPPING_GROUPS : undefined;
    if (vocabulary !== undefined && picklistValues(xml).join(',') !== vocabulary.join(',')) {
      errors.push(
        `${MAPPING_OBJECT}.${name}: picklist values are ${picklistValues(xml).join(', ')}, expected ${vocabulary.join(', ')}`
      );
    }
  }
}

function checkRecords(root: string, catalog: Catalog, errors: string[]): number {
  let count = 0;
  const expected = new Set<string>();
  catalog.properties.forEach((property, index) => {
    const path = recordPath(catalog, property);
    expected.add(path);
    const where = `record ${MAPPING_TYPE}.${recordDeveloperName(catalog.object, property.property)}`;
    const xml = xmlAt(root, path, errors);
    if (xml === undefined) {
      if (read(root, path) === undefined) errors.push(`${where}: ${path} is missing (catalog "${property.property}")`);
      return;
    }
    count += 1;
    const label = childText(xml, 'label');
    if (label !== property.label)
      errors.push(`${where}: label is ${JSON.stringify(label)}, catalog says ${JSON.stringify(property.label)}`);
    const actual = new Map<string, { value: string | undefined; type: string | undefined }>();
    for (const entry of childrenNamed(xml, 'values')) {
      const field = childText(entry, 'field') ?? '';
      const valueElement = childrenNamed(entry, 'value')[0];
      if (MAPPING_FIELDS[field] === undefined) errors.push(`${where}: value for unknown field ${field}`);
      if (actual.has(field)) errors.push(`${where}: two values for ${field}`);
      const nil = valueElement?.attributes['xsi:nil'] === 'true';
      actual.set(field, {
        value: valueElement === undefined || nil ? undefined : valueElement.text.trim(),
        type: valueElement?.attributes['xsi:type']
      });
    }
    for (const [field, value] of Object.entries(recordValues(catalog, index))) {
      const found = actual.get(field);
      const want = String(value);
      if (found?.value !== want) {
        errors.push(
          `${where}: ${field} is ${found?.value === undefined ? 'absent' : JSON.stringify(found.value)}, catalog says ${JSON.stringify(want)}`
        );
      } else if (found.type !== MAPPING_FIELDS[field]?.xsd) {
        errors.push(
          `${where}: ${field} has xsi:type ${String(found.type)}, expected ${String(MAPPING_FIELDS[field]?.xsd)}`
        );
      }
    }
    const direction = actual.get('Direction__c')?.value;
    if (direction !== undefined && !(property.allowedDirections as string[]).includes(direction)) {
      errors.push(
        `${where}: direction ${direction} is not allowed for "${property.property}" (${property.allowedDirections.join(', ')})`
      );
    }
  });
  const prefix = `${MAPPING_TYPE}.${catalog.object}_`;
  for (const name of list(root, RECORDS_DIR)) {
    const path = `${RECORDS_DIR}/${name}`;
    if (name.startsWith(prefix) && !expected.has(path)) {
      errors.push(`${path}: default mapping record without a catalog row`);
    }
  }
  return count;
}

function checkModule(root: string, catalog: Catalog, errors: string[]): void {
  const fix = 'run `npx tsx scripts/catalog/generate.ts`';
  for (const [path, expected] of [
    [MODULE_PATH, renderCatalogModule(catalog, projectCodeStyle(root))],
    [MODULE_META_PATH, renderModuleMeta()]
  ] as const) {
    const actual = read(root, path);
    if (actual === undefined) errors.push(`${path} is missing: ${fix}`);
    else if (actual !== expected) errors.push(`${path} is stale (${firstDifference(expected, actual)}): ${fix}`);
  }
  const rulesPath = catalogRulesPath(root);
  const rules = read(root, rulesPath);
  if (rules === undefined) errors.push(`${rulesPath} is missing: ${fix}`);
  else {
    const expected = normaliseApex(renderCatalogRules(catalog));
    const actual = normaliseApex(rules);
    if (actual !== expected) errors.push(`${rulesPath} is stale (${firstTokenDifference(expected, actual)}): ${fix}`);
  }
}

/** Where two whitespace-normalised sources first differ, with a little context on each side. */
function firstTokenDifference(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i += 1;
  const from = Math.max(0, i - 30);
  return `expected ${JSON.stringify(expected.slice(from, i + 40))}, found ${JSON.stringify(actual.slice(from, i + 40))}`;
}

interface Grant {
  readable: boolean;
  editable: boolean;
}

interface FieldInfo {
  object: string;
  name: string;
  type: string | undefined;
  required: boolean;
  formula: boolean;
}

/** Every custom field of the package, by `Object.Field`. */
function packageFields(root: string, errors: string[]): { fields: Map<string, FieldInfo>; noFls: Set<string> } {
  const fields = new Map<string, FieldInfo>();
  const noFls = new Set<string>(); // objects whose fields never carry field permissions
  for (const object of list(root, OBJECTS_DIR)) {
    const objectXml = xmlAt(root, `${OBJECTS_DIR}/${object}/${object}.object-meta.xml`, errors);
    if (
      object.endsWith('__mdt') ||
      // Platform events: "field-level security permissions don't apply" (Platform Events Developer Guide,
      // Platform Event Considerations, "Field-Level Security").
      object.endsWith('__e') ||
      (objectXml !== undefined && childText(objectXml, 'customSettingsType') !== undefined)
    ) {
      noFls.add(object);
    }
    for (const file of list(root, `${OBJECTS_DIR}/${object}/fields`)) {
      if (!file.endsWith('.field-meta.xml')) continue;
      const xml = xmlAt(root, `${OBJECTS_DIR}/${object}/fields/${file}`, errors);
      const name = file.replace(/\.field-meta\.xml$/, '');
      fields.set(`${object}.${name}`, {
        object,
        name,
        type: xml === undefined ? undefined : childText(xml, 'type'),
        required: xml !== undefined && childText(xml, 'required') === 'true',
        formula: xml !== undefined && childText(xml, 'formula') !== undefined
      });
    }
  }
  return { fields, noFls };
}

/** Why a field cannot carry field permissions, or null when it can. */
function cannotHaveFls(field: FieldInfo, noFls: Set<string>): string | null {
  if (noFls.has(field.object))
    return field.object.endsWith('__mdt')
      ? 'a custom metadata field'
      : field.object.endsWith('__e')
        ? 'a platform event field'
        : 'a custom setting field';
  if (field.type === 'MasterDetail') return 'a master-detail field';
  if (field.required) return 'a required field';
  return null;
}

function checkPermissionSets(root: string, catalog: Catalog, errors: string[]): { sets: number; fields: number } {
  const grants = new Map<string, Map<string, Grant>>(); // set -> field -> grant
  const metadataAccess = new Map<string, Set<string>>();
  for (const file of list(root, PERMISSION_SETS_DIR)) {
    if (!file.endsWith('.permissionset-meta.xml')) continue;
    const set = file.replace(/\.permissionset-meta\.xml$/, '');
    const xml = xmlAt(root, `${PERMISSION_SETS_DIR}/${file}`, errors);
    if (xml === undefined) continue;
    const fieldGrants = new Map<string, Grant>();
    for (const entry of childrenNamed(xml, 'fieldPermissions')) {
      const field = childText(entry, 'field') ?? '';
      if (fieldGrants.has(field)) errors.push(`${set}: field ${field} is listed twice`);
      const grant = {
        readable: childText(entry, 'readable') === 'true',
        editable: childText(entry, 'editable') === 'true'
      };
      if (grant.editable && !grant.readable) errors.push(`${set}: ${field} is editable but not readable`);
      fieldGrants.set(field, grant);
    }
    grants.set(set, fieldGrants);
    metadataAccess.set(
      set,
      new Set(
        childrenNamed(xml, 'customMetadataTypeAccesses')
          .filter((a) => childText(a, 'enabled') === 'true')
          .map((a) => childText(a, 'name') ?? '')
      )
    );
  }
  for (const required of [ADMIN_SET, USER_SET]) {
    if (!grants.has(required)) errors.push(`permission set ${required} is missing (${PERMISSION_SETS_DIR})`);
    else if (!metadataAccess.get(required)?.has(MAPPING_OBJECT)) {
      errors.push(`${required}: no read access to ${MAPPING_OBJECT} (customMetadataTypeAccesses)`);
    }
  }

  // Every package field that can carry permissions is granted somewhere; none are granted where they cannot be.
  const { fields, noFls } = packageFields(root, errors);
  let granted = 0;
  for (const [key, field] of fields) {
    const why = cannotHaveFls(field, noFls);
    const holders = [...grants].filter(([, g]) => g.get(key)?.readable === true).map(([set]) => set);
    const listed = [...grants].filter(([, g]) => g.has(key)).map(([set]) => set);
    if (why !== null) {
      if (listed.length > 0)
        errors.push(`${key} is ${why}: it cannot have field permissions (remove it from ${listed.join(', ')})`);
      continue;
    }
    if (holders.length === 0) errors.push(`${key} is in no permission set: grant it in ${PERMISSION_SETS_DIR}`);
    else granted += 1;
    const readOnly = field.formula || field.type === 'AutoNumber' || field.type === 'Summary';
    const editors = [...grants].filter(([, g]) => g.get(key)?.editable === true).map(([set]) => set);
    if (readOnly && editors.length > 0)
      errors.push(`${key} is read-only (formula/auto number/roll-up): not editable in ${editors.join(', ')}`);
  }
  const packageObjects = new Set(list(root, OBJECTS_DIR));
  for (const [set, fieldGrants] of grants) {
    for (const key of fieldGrants.keys()) {
      const [object, name] = key.split('.');
      const custom = name !== undefined && name.endsWith('__c');
      if (
        object !== undefined &&
        custom &&
        (packageObjects.has(object) || object.endsWith('__c')) &&
        !fields.has(key)
      ) {
        errors.push(`${set}: field permission for ${key}, which is not a field of the package`);
      }
    }
  }

  // Activity fields (the Tasks that log Aloware calls and texts, issue 17): admins read and edit them; reps read them
  // and never edit them (the sync owns their values), whatever else grants them.
  for (const [key, field] of fields) {
    if (field.object !== 'Activity') continue;
    const admin = grants.get(ADMIN_SET)?.get(key);
    if (grants.has(ADMIN_SET) && !(admin?.readable === true && admin.editable))
      errors.push(`${ADMIN_SET}: ${key} must be readable and editable`);
    const user = grants.get(USER_SET)?.get(key);
    if (grants.has(USER_SET) && !(user?.readable === true && !user.editable))
      errors.push(`${USER_SET}: ${key} must be readable and not editable (the sync writes it)`);
  }

  // The catalog's own fields: admins read and edit all; reps read all and edit the rep-editable ones.
  for (const property of catalog.properties) {
    if (property.customField === null) continue;
    const key = `${catalog.object}.${property.defaultField}`;
    const admin = grants.get(ADMIN_SET)?.get(key);
    if (grants.has(ADMIN_SET) && !(admin?.readable === true && admin.editable)) {
      errors.push(`${ADMIN_SET}: ${key} must be readable and editable`);
    }
    const user = grants.get(USER_SET)?.get(key);
    if (grants.has(USER_SET)) {
      if (user?.readable !== true) errors.push(`${USER_SET}: ${key} must be readable`);
      else if (user.editable !== property.repEditable) {
        errors.push(
          `${USER_SET}: ${key} is ${user.editable ? '' : 'not '}editable, catalog repEditable is ${property.repEditable}`
        );
      }
    }
  }
  return { sets: grants.size, fields: granted };
}

function checkPages(root: string, catalog: Catalog, errors: string[]): void {
  const layout = xmlAt(root, LAYOUT_PATH, errors);
  if (layout !== undefined) {
    const behaviour = new Map<string, string>();
    for (const section of childrenNamed(layout, 'layoutSections')) {
      for (const column of childrenNamed(section, 'layoutColumns')) {
        for (const item of childrenNamed(column, 'layoutItems')) {
          behaviour.set(childText(item, 'field') ?? '', childText(item, 'behavior') ?? '');
        }
      }
    }
    for (const property of catalog.properties) {
      if (property.customField === null) continue;
      const found = behaviour.get(property.defaultField);
      if (found === undefined) errors.push(`${LAYOUT_PATH}: ${property.defaultField} is not on the layout`);
      else if (property.group === 'Tracking' && found !== 'Readonly') {
        errors.push(`${LAYOUT_PATH}: tracking field ${property.defaultField} must be Readonly, is ${found}`);
      }
    }
  }
  const bundles = new Set(list(root, LWC_DIR));
  for (const file of list(root, FLEXIPAGES_DIR)) {
    const text = read(root, `${FLEXIPAGES_DIR}/${file}`) ?? '';
    for (const match of text.matchAll(/<componentName>([^<:]+)<\/componentName>/g)) {
      const component = match[1] as string;
      if (!bundles.has(component))
        errors.push(`${FLEXIPAGES_DIR}/${file}: component ${component} does not exist in ${LWC_DIR}`);
    }
  }
}

/** Runs every comparison on the project at `root`. */
export function checkCatalog(root: string): CheckResult {
  const errors: string[] = [];
  const counts = { properties: 0, fields: 0, records: 0, permissionSets: 0, packageFields: 0 };
  const text = read(root, CATALOG_PATH);
  if (text === undefined) return { errors: [`${CATALOG_PATH} is missing`], counts };
  let catalog: Catalog;
  try {
    catalog = parseCatalog(text);
  } catch (error) {
    return { errors: [(error as Error).message], counts };
  }
  counts.properties = catalog.properties.length;
  counts.fields = checkFields(root, catalog, errors);
  checkMappingType(root, errors);
  counts.records = checkRecords(root, catalog, errors);
  checkModule(root, catalog, errors);
  const permissions = checkPermissionSets(root, catalog, errors);
  counts.permissionSets = permissions.sets;
  counts.packageFields = permissions.fields;
  checkPages(root, catalog, errors);
  return { errors: [...new Set(errors)], counts };
}

/** Shown on success. */
export function summary(result: CheckResult): string {
  const c = result.counts;
  return (
    `catalog check passed: ${c.properties} properties, ${c.fields} Lead fields, ${c.records} mapping records, ` +
    `generated module and Apex catalog rules current, ${c.packageFields} package fields granted across ${c.permissionSets} permission sets`
  );
}

if (require.main === module) {
  const result = checkCatalog(resolve(process.argv[2] ?? '.'));
  if (result.errors.length > 0) {
    for (const error of result.errors) console.error(`catalog: ${error}`);
    console.error(`catalog check failed: ${result.errors.length} problem(s)`);
    process.exitCode = 1;
  } else {
    console.log(summary(result));
  }
}
