/**
 * Loads an SFDX project the way the platform sees it after a deploy: the package directories of sfdx-project.json are
 * walked for source-format metadata (objects and fields, custom metadata records, static resources, permission sets,
 * custom permissions, Named Credentials, Apex classes and triggers), and the standard objects come from the committed
 * descriptions in emulator/standard-objects (package fields on standard objects are merged into them).
 *
 * Every file the loader cannot make sense of is refused with a MetadataError naming it: an emulator that silently
 * skipped a malformed field would test a different org than the one the package deploys to.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import { customField, standardFieldsFor } from './fields';
import type {
  ApexSourceFile,
  CachePartitionModel,
  CustomMetadataRecord,
  FieldModel,
  NamedCredentialModel,
  ObjectModel,
  PermissionSetGroupModel,
  PermissionSetModel,
  ProjectModel,
  StaticResourceModel
} from './model';
import { MetadataError, bool, child, children, int, readXml, text, type XmlNode } from './xml';

export { MetadataError } from './xml';

export interface LoadOptions {
  /** Folder of the standard object descriptions (`<Object>.json`); defaults to emulator/standard-objects. */
  standardObjectsDir?: string;
}

const DEFAULT_STANDARD_OBJECTS_DIR = path.resolve(__dirname, '..', '..', 'standard-objects');

/** Folders never holding deployable metadata the loader reads. */
const SKIPPED_DIRS = new Set(['node_modules', '__tests__', 'lwc', 'aura', '.sfdx', '.sf']);

interface SfdxProject {
  packageDirectories?: { path?: string; default?: boolean }[];
  namespace?: string;
}

/** Source files found under the package directories, by metadata kind. */
interface SourceFiles {
  objects: Map<string, { dir: string; objectFile?: string; fieldFiles: string[] }>;
  customMetadata: string[];
  staticResources: string[];
  permissionSets: string[];
  customPermissions: string[];
  namedCredentials: string[];
  globalValueSets: string[];
  cachePartitions: string[];
  permissionSetGroups: string[];
  apex: string[];
}

export function loadProject(root: string, options: LoadOptions = {}): ProjectModel {
  const projectRoot = path.resolve(root);
  const display = (file: string): string => path.relative(projectRoot, file).split(path.sep).join('/');
  const project = readProjectFile(projectRoot);
  const packageDirs = (project.packageDirectories ?? []).filter((dir) => typeof dir.path === 'string');
  if (packageDirs.length === 0) throw new MetadataError('sfdx-project.json', 'no packageDirectories');
  // The default package directory first: it wins when two directories declare the same component.
  packageDirs.sort((a, b) => Number(b.default === true) - Number(a.default === true));

  const files: SourceFiles = {
    objects: new Map(),
    customMetadata: [],
    staticResources: [],
    permissionSets: [],
    customPermissions: [],
    namedCredentials: [],
    globalValueSets: [],
    cachePartitions: [],
    permissionSetGroups: [],
    apex: []
  };
  for (const dir of packageDirs) {
    const absolute = path.resolve(projectRoot, dir.path as string);
    if (!fs.existsSync(absolute))
      throw new MetadataError('sfdx-project.json', `package directory ${dir.path} does not exist`);
    collect(absolute, files, display);
  }

  const objects = loadObjects(files, options.standardObjectsDir ?? DEFAULT_STANDARD_OBJECTS_DIR, display);
  resolveGlobalValueSets(files.globalValueSets, objects, display);
  return {
    root: projectRoot,
    namespace: project.namespace ?? '',
    objects,
    customMetadata: loadCustomMetadata(files.customMetadata, objects, display),
    staticResources: byName(files.staticResources.map((file) => loadStaticResource(file, display))),
    permissionSets: byName(files.permissionSets.map((file) => loadPermissionSet(file, display))),
    namedCredentials: byName(files.namedCredentials.map((file) => loadNamedCredential(file, display))),
    customPermissions: files.customPermissions.map((file) => {
      readXml(file, display(file), 'CustomPermission');
      return baseName(file, '.customPermission-meta.xml');
    }),
    apex: loadApex(files.apex, display),
    cachePartitions: files.cachePartitions.map((file) => loadCachePartition(file, display)),
    permissionSetGroups: files.permissionSetGroups.map((file) => loadPermissionSetGroup(file, display))
  };
}

/** Metadata API, PlatformCachePartition: `<platformCachePartitionTypes>` with `<cacheType>` and `<allocatedCapacity>`. */
function loadCachePartition(file: string, display: (file: string) => string): CachePartitionModel {
  const displayPath = display(file);
  const node = readXml(file, displayPath, 'PlatformCachePartition');
  const capacity = (type: string): number => {
    let total = 0;
    for (const t of children(node, 'platformCachePartitionTypes')) {
      if (text(t, 'cacheType') !== type) continue;
      for (const tag of [
        'allocatedCapacity',
        'allocatedPartnerCapacity',
        'allocatedPurchasedCapacity',
        'allocatedTrialCapacity'
      ])
        total += int(t, tag, 0, displayPath);
    }
    return total;
  };
  const name = baseName(file, '.cachePartition-meta.xml');
  return {
    name,
    label: text(node, 'masterLabel') ?? name,
    isDefault: bool(node, 'isDefaultPartition', false, displayPath),
    orgCapacity: capacity('Organization'),
    sessionCapacity: capacity('Session')
  };
}

/** Metadata API, PermissionSetGroup: label, description and the grouped `<permissionSets>`. */
function loadPermissionSetGroup(file: string, display: (file: string) => string): PermissionSetGroupModel {
  const displayPath = display(file);
  const node = readXml(file, displayPath, 'PermissionSetGroup');
  const name = baseName(file, '.permissionsetgroup-meta.xml');
  return {
    name,
    label: text(node, 'label') ?? name,
    description: text(node, 'description') ?? null,
    permissionSets: children(node, 'permissionSets').map((n) => text(n, '#text') ?? '')
  };
}

function readProjectFile(projectRoot: string): SfdxProject {
  const file = path.join(projectRoot, 'sfdx-project.json');
  if (!fs.existsSync(file)) throw new MetadataError('sfdx-project.json', `not found in ${projectRoot}`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SfdxProject;
  } catch (error) {
    throw new MetadataError('sfdx-project.json', `invalid JSON: ${(error as Error).message}`);
  }
}

function baseName(file: string, suffix: string): string {
  return path.basename(file).slice(0, -suffix.length);
}

function byName<T extends { name: string }>(items: T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[item.name] = item;
  return out;
}

// ---- walking --------------------------------------------------------------------------------------------------------

function collect(dir: string, files: SourceFiles, display: (file: string) => string): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
      // A static resource folder is content, not metadata: its meta file sits next to it.
      if (fs.existsSync(`${full}.resource-meta.xml`)) continue;
      collect(full, files, display);
      continue;
    }
    const name = entry.name;
    const parent = path.basename(dir);
    if (name.endsWith('.object-meta.xml')) {
      objectEntry(files, dir, baseName(full, '.object-meta.xml'), display).objectFile = full;
    } else if (name.endsWith('.field-meta.xml')) {
      if (parent !== 'fields') throw new MetadataError(display(full), 'field files belong in objects/<Object>/fields/');
      const objectDir = path.dirname(dir);
      objectEntry(files, objectDir, path.basename(objectDir), display).fieldFiles.push(full);
    } else if (name.endsWith('.md-meta.xml')) {
      files.customMetadata.push(full);
    } else if (name.endsWith('.resource-meta.xml')) {
      files.staticResources.push(full);
    } else if (name.endsWith('.permissionset-meta.xml')) {
      files.permissionSets.push(full);
    } else if (name.endsWith('.customPermission-meta.xml')) {
      files.customPermissions.push(full);
    } else if (name.endsWith('.namedCredential-meta.xml')) {
      files.namedCredentials.push(full);
    } else if (name.endsWith('.globalValueSet-meta.xml')) {
      files.globalValueSets.push(full);
    } else if (name.endsWith('.cachePartition-meta.xml')) {
      files.cachePartitions.push(full);
    } else if (name.endsWith('.permissionsetgroup-meta.xml')) {
      files.permissionSetGroups.push(full);
    } else if (name.endsWith('.cls') || name.endsWith('.trigger')) {
      files.apex.push(full);
    }
  }
}

function objectEntry(
  files: SourceFiles,
  dir: string,
  name: string,
  display: (file: string) => string
): { dir: string; objectFile?: string; fieldFiles: string[] } {
  const key = name.toLowerCase();
  let entry = files.objects.get(key);
  if (!entry) {
    entry = { dir, fieldFiles: [] };
    files.objects.set(key, entry);
  } else if (entry.dir !== dir && path.basename(entry.dir) !== name) {
    throw new MetadataError(display(dir), `object ${name} is also declared in ${display(entry.dir)}`);
  }
  return entry;
}

// ---- objects ----------------------------------------------------------------------------------------------------

function objectKind(name: string, node: XmlNode | undefined, displayPath: string): ObjectModel['kind'] {
  if (/__mdt$/i.test(name)) return 'custom-metadata';
  if (/__e$/i.test(name)) return 'platform-event';
  const settingsType = node ? text(node, 'customSettingsType') : undefined;
  if (settingsType === 'Hierarchy') return 'custom-setting-hierarchy';
  if (settingsType === 'List') return 'custom-setting-list';
  if (settingsType !== undefined)
    throw new MetadataError(displayPath, `unknown <customSettingsType> '${settingsType}'`);
  if (/__c$/i.test(name)) return 'custom-object';
  return 'standard';
}

function loadStandardObject(name: string, dir: string, displayPath: string): ObjectModel {
  const file = path.join(dir, `${name}.json`);
  if (!fs.existsSync(file)) {
    throw new MetadataError(displayPath, `standard object ${name} has no description in ${file}`);
  }
  const model = JSON.parse(fs.readFileSync(file, 'utf8')) as ObjectModel;
  if (model.name !== name) throw new MetadataError(file, `describes ${model.name}, expected ${name}`);
  return model;
}

function loadObjects(
  files: SourceFiles,
  standardDir: string,
  display: (file: string) => string
): Record<string, ObjectModel> {
  const objects: Record<string, ObjectModel> = {};

  // Standard objects: every committed description, whether or not the package touches the object.
  for (const file of fs
    .readdirSync(standardDir)
    .filter((entry) => entry.endsWith('.json'))
    .sort()) {
    const name = file.slice(0, -'.json'.length);
    objects[name] = loadStandardObject(name, standardDir, display(path.join(standardDir, file)));
  }

  const customs: ObjectModel[] = [];
  for (const entry of [...files.objects.values()].sort((a, b) =>
    path.basename(a.dir).localeCompare(path.basename(b.dir))
  )) {
    const name = path.basename(entry.dir);
    if (name.toLowerCase() === 'activity' && !entry.objectFile) {
      addActivityFields(objects, entry.fieldFiles, display);
      continue;
    }
    const objectPath = entry.objectFile ? display(entry.objectFile) : display(entry.dir);
    const node = entry.objectFile ? readXml(entry.objectFile, objectPath, 'CustomObject') : undefined;
    const kind = objectKind(name, node, objectPath);
    let model: ObjectModel;
    if (kind === 'standard') {
      const existing = Object.keys(objects).find((key) => key.toLowerCase() === name.toLowerCase());
      model = existing ? objects[existing] : loadStandardObject(name, standardDir, objectPath);
      model = { ...model, fields: { ...model.fields } };
    } else {
      if (!node) throw new MetadataError(objectPath, `custom object ${name} has fields but no ${name}.object-meta.xml`);
      model = customObject(name, kind, node, entry.fieldFiles, objectPath, display);
      customs.push(model);
    }
    for (const fieldFile of entry.fieldFiles) {
      const fieldPath = display(fieldFile);
      const field = customField(
        readXml(fieldFile, fieldPath, 'CustomField'),
        baseName(fieldFile, '.field-meta.xml'),
        fieldPath,
        kind
      );
      const key = field.name.toLowerCase();
      if (model.fields[key]) throw new MetadataError(fieldPath, `${name}.${field.name} is declared twice`);
      model.fields[key] = field;
    }
    if (kind === 'custom-setting-hierarchy' || kind === 'custom-setting-list') checkSettingFields(model, display);
    objects[model.name] = model;
  }

  assignKeyPrefixes(customs);
  checkReferences(objects, display);
  return objects;
}

/**
 * Custom activity fields are declared once, on Activity (`objects/Activity/fields/`), and appear on both Task and
 * Event: "Activity custom fields are shared by tasks and events" (Salesforce Help, "Activity Custom Fields":
 * https://help.salesforce.com/s/articleView?id=sf.activity_custom_fields.htm). Activity itself is no queryable
 * object; the fields are added to whichever of Task and Event has a description in standard-objects/.
 */
function addActivityFields(
  objects: Record<string, ObjectModel>,
  fieldFiles: string[],
  display: (file: string) => string
): void {
  for (const target of ACTIVITY_OBJECTS) {
    const model = objects[target];
    if (!model) continue;
    const copy: ObjectModel = { ...model, fields: { ...model.fields } };
    for (const fieldFile of fieldFiles) {
      const fieldPath = display(fieldFile);
      const field = customField(
        readXml(fieldFile, fieldPath, 'CustomField'),
        baseName(fieldFile, '.field-meta.xml'),
        fieldPath,
        'standard'
      );
      const key = field.name.toLowerCase();
      if (copy.fields[key]) throw new MetadataError(fieldPath, `${target}.${field.name} is declared twice`);
      copy.fields[key] = field;
    }
    objects[target] = copy;
  }
}

/** The objects that carry Activity's custom fields and field permissions. */
const ACTIVITY_OBJECTS = ['Task', 'Event'];

function customObject(
  name: string,
  kind: ObjectModel['kind'],
  node: XmlNode,
  fieldFiles: string[],
  objectPath: string,
  display: (file: string) => string
): ObjectModel {
  const label = text(node, 'label');
  if (!label) throw new MetadataError(objectPath, 'missing <label>');
  const isDetail = fieldFiles.some((file) => {
    const field = readXml(file, display(file), 'CustomField');
    return text(field, 'type') === 'MasterDetail';
  });
  const fields: Record<string, FieldModel> = {};
  for (const field of standardFieldsFor(kind, {
    nameField: child(node, 'nameField'),
    isDetail,
    displayPath: objectPath
  })) {
    fields[field.name.toLowerCase()] = field;
  }
  const model: ObjectModel = {
    name,
    label,
    labelPlural: text(node, 'pluralLabel') ?? label,
    keyPrefix: '',
    custom: true,
    kind,
    setup: false,
    fields,
    path: objectPath
  };
  if (kind === 'platform-event') {
    // Metadata API, CustomObject: publishBehavior of a platform event (PublishAfterCommit | PublishImmediately).
    const behavior = text(node, 'publishBehavior') ?? 'PublishImmediately';
    if (behavior !== 'PublishAfterCommit' && behavior !== 'PublishImmediately')
      throw new MetadataError(objectPath, `unknown <publishBehavior> '${behavior}'`);
    model.publishBehavior = behavior;
  }
  const visibility = text(node, 'visibility');
  if (visibility !== undefined) {
    if (visibility !== 'Public' && visibility !== 'Protected' && visibility !== 'PackageProtected') {
      throw new MetadataError(objectPath, `unknown <visibility> '${visibility}'`);
    }
    // PackageProtected behaves as Protected outside the package.
    model.visibility = visibility === 'Public' ? 'Public' : 'Protected';
  } else if (kind === 'custom-setting-hierarchy' || kind === 'custom-setting-list' || kind === 'custom-metadata') {
    model.visibility = 'Public';
  }
  return model;
}

/** Custom settings take only a few field types (no picklists, lookups, long text…). */
function checkSettingFields(model: ObjectModel, display: (file: string) => string): void {
  const allowed = new Set([
    'STRING',
    'TEXTAREA',
    'EMAIL',
    'PHONE',
    'URL',
    'BOOLEAN',
    'DOUBLE',
    'CURRENCY',
    'PERCENT',
    'DATE',
    'DATETIME',
    'ENCRYPTEDSTRING'
  ]);
  for (const field of Object.values(model.fields)) {
    if (!field.custom) continue;
    if (!allowed.has(field.type) || field.longText) {
      throw new MetadataError(
        field.path ?? display(model.path ?? model.name),
        `custom settings cannot have a ${field.longText ? 'long text area' : field.type} field`
      );
    }
  }
}

const PREFIX_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Stable generated key prefixes: custom objects and settings `a00`, `a01`, … by name; custom metadata `m00`, …. */
function assignKeyPrefixes(customs: ObjectModel[]): void {
  const sorted = [...customs].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  const counters: Record<string, number> = { a: 0, m: 0, e: 0 };
  for (const model of sorted) {
    const letter = model.kind === 'custom-metadata' ? 'm' : model.kind === 'platform-event' ? 'e' : 'a';
    const index = counters[letter]++;
    model.keyPrefix = `${letter}${PREFIX_DIGITS[Math.floor(index / 62)]}${PREFIX_DIGITS[index % 62]}`;
  }
}

/** Every package lookup must point at an object the model knows. */
function checkReferences(objects: Record<string, ObjectModel>, display: (file: string) => string): void {
  const known = new Set(Object.keys(objects).map((name) => name.toLowerCase()));
  for (const model of Object.values(objects)) {
    for (const field of Object.values(model.fields)) {
      if (!field.custom || field.type !== 'REFERENCE') continue;
      for (const target of field.referenceTo) {
        if (!known.has(target.toLowerCase())) {
          throw new MetadataError(
            field.path ?? display(model.name),
            `${model.name}.${field.name} refers to unknown object ${target}`
          );
        }
      }
    }
  }
}

function resolveGlobalValueSets(
  files: string[],
  objects: Record<string, ObjectModel>,
  display: (file: string) => string
): void {
  const sets = new Map<string, FieldModel['picklistValues']>();
  for (const file of files) {
    const node = readXml(file, display(file), 'GlobalValueSet');
    sets.set(
      baseName(file, '.globalValueSet-meta.xml'),
      children(node, 'customValue').map((value) => {
        const fullName = text(value, 'fullName') ?? '';
        return {
          value: fullName,
          label: text(value, 'label') ?? fullName,
          active: bool(value, 'isActive', true, display(file)),
          defaultValue: bool(value, 'default', false, display(file))
        };
      })
    );
  }
  for (const model of Object.values(objects)) {
    for (const field of Object.values(model.fields)) {
      if (!field.globalValueSet) continue;
      const values = sets.get(field.globalValueSet);
      if (!values)
        throw new MetadataError(field.path ?? model.name, `global value set ${field.globalValueSet} not found`);
      field.picklistValues = values;
      field.restrictedPicklist = true;
    }
  }
}

// ---- custom metadata records --------------------------------------------------------------------------------------

function loadCustomMetadata(
  files: string[],
  objects: Record<string, ObjectModel>,
  display: (file: string) => string
): CustomMetadataRecord[] {
  const records: CustomMetadataRecord[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const displayPath = display(file);
    const stem = baseName(file, '.md-meta.xml');
    const dot = stem.indexOf('.');
    if (dot <= 0 || dot === stem.length - 1) {
      throw new MetadataError(displayPath, 'custom metadata record files are named <Type>.<Record>.md-meta.xml');
    }
    const type = `${stem.slice(0, dot)}__mdt`;
    const developerName = stem.slice(dot + 1);
    const typeModel = Object.values(objects).find((model) => model.name.toLowerCase() === type.toLowerCase());
    if (!typeModel || typeModel.kind !== 'custom-metadata') {
      throw new MetadataError(displayPath, `custom metadata type ${type} is not declared in objects/`);
    }
    if (
      !/^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/.test(developerName) ||
      developerName.endsWith('_') ||
      developerName.length > 40
    ) {
      throw new MetadataError(displayPath, `invalid record name '${developerName}'`);
    }
    const key = `${type}.${developerName}`.toLowerCase();
    if (seen.has(key)) throw new MetadataError(displayPath, `record ${type}.${developerName} is declared twice`);
    seen.add(key);

    const node = readXml(file, displayPath, 'CustomMetadata');
    const label = text(node, 'label');
    if (!label) throw new MetadataError(displayPath, 'missing <label>');
    const values: CustomMetadataRecord['values'] = {};
    // Fields absent from the file read as null (checkboxes as their default).
    for (const field of Object.values(typeModel.fields)) {
      if (field.custom) values[field.name] = field.type === 'BOOLEAN' ? field.defaultValue === 'true' : null;
    }
    for (const entry of children(node, 'values')) {
      const fieldName = text(entry, 'field');
      if (!fieldName) throw new MetadataError(displayPath, '<values> without <field>');
      const field = typeModel.fields[fieldName.toLowerCase()];
      if (!field || !field.custom) throw new MetadataError(displayPath, `${type} has no field ${fieldName}`);
      values[field.name] = metadataValue(child(entry, 'value'), field, displayPath);
    }
    records.push({
      type: typeModel.name,
      developerName,
      label,
      protected: bool(node, 'protected', false, displayPath),
      values,
      path: displayPath
    });
  }
  return records;
}

function metadataValue(
  node: XmlNode | undefined,
  field: FieldModel,
  displayPath: string
): string | number | boolean | null {
  if (!node || text(node, '@_xsi:nil') === 'true') return null;
  const raw = text(node, '#text') ?? '';
  const xsiType = text(node, '@_xsi:type') ?? '';
  const where = `${field.name}: `;
  switch (xsiType) {
    case 'xsd:boolean':
      if (raw !== 'true' && raw !== 'false') throw new MetadataError(displayPath, `${where}'${raw}' is not a boolean`);
      return raw === 'true';
    case 'xsd:double':
    case 'xsd:int':
    case 'xsd:long':
    case 'xsd:decimal': {
      const number = Number(raw);
      if (raw === '' || !Number.isFinite(number))
        throw new MetadataError(displayPath, `${where}'${raw}' is not a number`);
      return number;
    }
    case 'xsd:string':
    case 'xsd:date':
    case 'xsd:dateTime':
    case 'xsd:time':
    case '':
      break;
    default:
      throw new MetadataError(displayPath, `${where}unsupported xsi:type '${xsiType}'`);
  }
  if (field.type === 'BOOLEAN' && xsiType === '') return raw === 'true';
  if (['DOUBLE', 'CURRENCY', 'PERCENT', 'INTEGER'].includes(field.type) && xsiType === '') {
    return raw === '' ? null : Number(raw);
  }
  return raw;
}

// ---- static resources ---------------------------------------------------------------------------------------------

function loadStaticResource(file: string, display: (file: string) => string): StaticResourceModel {
  const displayPath = display(file);
  const name = baseName(file, '.resource-meta.xml');
  const node = readXml(file, displayPath, 'StaticResource');
  const dir = path.dirname(file);
  const contentType = text(node, 'contentType');
  if (!contentType) throw new MetadataError(displayPath, 'missing <contentType>');
  const resource: StaticResourceModel = {
    name,
    contentType,
    cacheControl: text(node, 'cacheControl') ?? 'Private',
    body: Buffer.alloc(0),
    path: displayPath
  };
  const folder = path.join(dir, name);
  if (fs.existsSync(folder) && fs.statSync(folder).isDirectory()) {
    resource.files = readFolder(folder);
    resource.body = zipStore(resource.files);
    return resource;
  }
  const siblings = fs
    .readdirSync(dir)
    .filter((entry) => entry !== path.basename(file) && (entry === name || entry.startsWith(`${name}.`)))
    .filter((entry) => !entry.endsWith('-meta.xml') && fs.statSync(path.join(dir, entry)).isFile());
  if (siblings.length === 0)
    throw new MetadataError(displayPath, `no content file ${name}.<ext> or folder ${name}/ next to it`);
  if (siblings.length > 1) throw new MetadataError(displayPath, `several content files: ${siblings.join(', ')}`);
  resource.body = fs.readFileSync(path.join(dir, siblings[0]));
  return resource;
}

function readFolder(folder: string, prefix = ''): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    const key = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, readFolder(full, key));
    else out[key] = fs.readFileSync(full);
  }
  return out;
}

/** A store-only (uncompressed) ZIP of `files`, as the platform keeps a folder resource. */
function zipStore(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

// ---- permission sets, Named Credentials ---------------------------------------------------------------------------

function loadPermissionSet(file: string, display: (file: string) => string): PermissionSetModel {
  const displayPath = display(file);
  const node = readXml(file, displayPath, 'PermissionSet');
  const name = baseName(file, '.permissionset-meta.xml');
  const label = text(node, 'label');
  if (!label) throw new MetadataError(displayPath, 'missing <label>');
  const required = (entry: XmlNode, tag: string): string => {
    const value = text(entry, tag);
    if (!value) throw new MetadataError(displayPath, `an entry without <${tag}>`);
    return value;
  };
  const model: PermissionSetModel = {
    name,
    label,
    objects: {},
    fields: {},
    classes: [],
    customPermissions: [],
    tabs: [],
    customMetadataTypes: [],
    customSettings: [],
    applications: [],
    path: displayPath
  };
  const description = text(node, 'description');
  if (description) model.description = description;
  for (const entry of children(node, 'objectPermissions')) {
    model.objects[required(entry, 'object')] = {
      read: bool(entry, 'allowRead', false, displayPath),
      create: bool(entry, 'allowCreate', false, displayPath),
      edit: bool(entry, 'allowEdit', false, displayPath),
      delete: bool(entry, 'allowDelete', false, displayPath),
      viewAll: bool(entry, 'viewAllRecords', false, displayPath),
      modifyAll: bool(entry, 'modifyAllRecords', false, displayPath)
    };
  }
  for (const entry of children(node, 'fieldPermissions')) {
    const field = required(entry, 'field');
    if (!/^\w+\.\w+$/.test(field))
      throw new MetadataError(displayPath, `field permission '${field}' is not Object.Field`);
    const readable = bool(entry, 'readable', false, displayPath);
    const editable = bool(entry, 'editable', false, displayPath);
    if (editable && !readable) throw new MetadataError(displayPath, `${field}: editable but not readable`);
    model.fields[field] = { readable, editable };
    // A permission on Activity.X__c grants the shared activity field on Task and Event (see addActivityFields).
    const [object, fieldName] = field.split('.');
    if (object.toLowerCase() === 'activity') {
      for (const target of ACTIVITY_OBJECTS) model.fields[`${target}.${fieldName}`] = { readable, editable };
    }
  }
  const enabled = (tag: string, nameTag: string): string[] =>
    children(node, tag)
      .filter((entry) => bool(entry, 'enabled', false, displayPath))
      .map((entry) => required(entry, nameTag));
  model.classes = enabled('classAccesses', 'apexClass');
  model.customPermissions = enabled('customPermissions', 'name');
  model.customMetadataTypes = enabled('customMetadataTypeAccesses', 'name');
  model.customSettings = enabled('customSettingAccesses', 'name');
  model.tabs = children(node, 'tabSettings')
    .filter((entry) => text(entry, 'visibility') !== 'None')
    .map((entry) => required(entry, 'tab'));
  model.applications = children(node, 'applicationVisibilities')
    .filter((entry) => bool(entry, 'visible', false, displayPath))
    .map((entry) => required(entry, 'application'));
  return model;
}

function loadNamedCredential(file: string, display: (file: string) => string): NamedCredentialModel {
  const displayPath = display(file);
  const node = readXml(file, displayPath, 'NamedCredential');
  const name = baseName(file, '.namedCredential-meta.xml');
  const parameters = children(node, 'namedCredentialParameters');
  const parameter = (type: string): string | undefined => {
    const entry = parameters.find((candidate) => text(candidate, 'parameterType') === type);
    return entry ? (text(entry, 'parameterValue') ?? text(entry, 'externalCredential')) : undefined;
  };
  const endpoint = text(node, 'endpoint') ?? parameter('Url');
  if (!endpoint) throw new MetadataError(displayPath, 'no endpoint (<endpoint> or a Url namedCredentialParameter)');
  if (!/^https?:\/\/[^\s/]+/.test(endpoint))
    throw new MetadataError(displayPath, `endpoint '${endpoint}' is not an http(s) URL`);
  const model: NamedCredentialModel = {
    name,
    label: text(node, 'label') ?? name,
    endpoint,
    protocol: text(node, 'protocol') ?? '',
    path: displayPath
  };
  const optional: [keyof NamedCredentialModel, string | undefined][] = [
    ['namedCredentialType', text(node, 'namedCredentialType')],
    ['principalType', text(node, 'principalType')],
    ['externalCredential', parameter('Authentication')]
  ];
  for (const [key, value] of optional) if (value) Object.assign(model, { [key]: value });
  for (const flag of ['generateAuthorizationHeader', 'allowMergeFieldsInHeader', 'allowMergeFieldsInBody'] as const) {
    if (text(node, flag) !== undefined) model[flag] = bool(node, flag, false, displayPath);
  }
  return model;
}

// ---- Apex -------------------------------------------------------------------------------------------------------

function loadApex(files: string[], display: (file: string) => string): ApexSourceFile[] {
  const seen = new Map<string, string>();
  return files.map((file) => {
    const displayPath = display(file);
    const kind = file.endsWith('.cls') ? 'class' : 'trigger';
    const name = path.basename(file, kind === 'class' ? '.cls' : '.trigger');
    const key = `${kind}:${name.toLowerCase()}`;
    const previous = seen.get(key);
    if (previous) throw new MetadataError(displayPath, `${kind} ${name} is also declared in ${previous}`);
    seen.set(key, displayPath);
    const metaFile = `${file}-meta.xml`;
    if (!fs.existsSync(metaFile)) throw new MetadataError(displayPath, `missing ${path.basename(metaFile)}`);
    const meta = readXml(metaFile, display(metaFile), kind === 'class' ? 'ApexClass' : 'ApexTrigger');
    const apiVersion = text(meta, 'apiVersion');
    if (!apiVersion || !/^\d+\.\d$/.test(apiVersion)) {
      throw new MetadataError(display(metaFile), `<apiVersion> must look like 61.0, found '${apiVersion ?? ''}'`);
    }
    return {
      name,
      kind,
      path: displayPath,
      source: fs.readFileSync(file, 'utf8'),
      apiVersion,
      status: text(meta, 'status') ?? 'Active'
    };
  });
}
