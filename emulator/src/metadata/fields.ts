/**
 * Package fields (`*.field-meta.xml`) → FieldModel, as `Schema.DescribeFieldResult` reports them, and the standard
 * fields the platform adds to custom objects, custom settings and custom metadata types.
 */
import type { DisplayType, FieldModel, ObjectModel } from './model';
import { MetadataError, bool, child, children, int, text, type XmlNode } from './xml';

type Kind = ObjectModel['kind'];

/** A field with every attribute at its describe default; callers override what differs. */
export function blankField(name: string, label: string, type: DisplayType, custom: boolean): FieldModel {
  return {
    name,
    label,
    type,
    length: 0,
    precision: 0,
    scale: 0,
    digits: 0,
    required: false,
    nillable: true,
    unique: false,
    caseSensitive: false,
    externalId: false,
    calculated: false,
    autoNumber: false,
    createable: true,
    updateable: true,
    filterable: true,
    sortable: true,
    defaultValue: null,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    custom,
    longText: false
  };
}

/** Metadata `<type>` → DisplayType (formula and roll-up result types use the same names). */
const TYPE_MAP: Record<string, DisplayType> = {
  Text: 'STRING',
  TextArea: 'TEXTAREA',
  LongTextArea: 'TEXTAREA',
  Html: 'TEXTAREA',
  Email: 'EMAIL',
  Phone: 'PHONE',
  Url: 'URL',
  Picklist: 'PICKLIST',
  MultiselectPicklist: 'MULTIPICKLIST',
  Checkbox: 'BOOLEAN',
  Number: 'DOUBLE',
  Currency: 'CURRENCY',
  Percent: 'PERCENT',
  Date: 'DATE',
  DateTime: 'DATETIME',
  Time: 'TIME',
  Lookup: 'REFERENCE',
  MasterDetail: 'REFERENCE',
  Hierarchy: 'REFERENCE',
  ExternalLookup: 'REFERENCE',
  IndirectLookup: 'REFERENCE',
  MetadataRelationship: 'STRING',
  EncryptedText: 'ENCRYPTEDSTRING',
  AutoNumber: 'STRING',
  Location: 'LOCATION',
  Summary: 'DOUBLE'
};

/** Fixed lengths the platform gives types whose metadata carries none. */
const FIXED_LENGTH: Partial<Record<string, number>> = {
  TextArea: 255,
  Email: 80,
  Phone: 40,
  Url: 255,
  Picklist: 255,
  MultiselectPicklist: 4099,
  AutoNumber: 30,
  MetadataRelationship: 255
};

/** Reads one `<CustomField>` element (from `fields/<Name>.field-meta.xml`) into a FieldModel. */
export function customField(
  node: XmlNode,
  fileName: string,
  displayPath: string,
  objectKind: Kind,
  custom = true
): FieldModel {
  const declared = text(node, 'fullName');
  if (declared !== undefined && declared.toLowerCase() !== fileName.toLowerCase()) {
    throw new MetadataError(displayPath, `<fullName>${declared}</fullName> does not match the file name ${fileName}`);
  }
  if (custom && !/__c$/i.test(fileName)) {
    throw new MetadataError(displayPath, `custom field name ${fileName} must end in __c`);
  }
  const formula = text(node, 'formula');
  const metadataType = text(node, 'type');
  if (!metadataType) throw new MetadataError(displayPath, 'missing <type>');
  // Roll-up summaries are typed DOUBLE here (the summarized field's type is not resolved).
  const type = TYPE_MAP[metadataType];
  if (!type) throw new MetadataError(displayPath, `unsupported field type '${metadataType}'`);

  const label = text(node, 'label') ?? fileName;
  const field = blankField(fileName, label, type, custom);
  field.path = displayPath;

  // Text sizes.
  if (
    metadataType === 'Text' ||
    metadataType === 'EncryptedText' ||
    metadataType === 'LongTextArea' ||
    metadataType === 'Html'
  ) {
    if (formula === undefined) {
      const length = int(node, 'length', -1, displayPath);
      if (length <= 0) throw new MetadataError(displayPath, `<type>${metadataType}</type> needs a positive <length>`);
      field.length = length;
    } else {
      field.length = 1300;
    }
  }
  const fixed = FIXED_LENGTH[metadataType];
  if (fixed !== undefined) field.length = fixed;
  if (metadataType === 'LongTextArea' || metadataType === 'Html') {
    field.longText = true;
    field.filterable = false;
    field.sortable = false;
  }
  if (metadataType === 'MultiselectPicklist') field.sortable = false;
  if (metadataType === 'EncryptedText') {
    field.filterable = false;
    field.sortable = false;
  }

  // Numbers: Apex reports every Number field as DOUBLE, whatever its scale.
  if (type === 'DOUBLE' || type === 'CURRENCY' || type === 'PERCENT') {
    field.precision = int(node, 'precision', 18, displayPath);
    field.scale = int(node, 'scale', 0, displayPath);
    if (field.scale > field.precision) {
      throw new MetadataError(
        displayPath,
        `<scale>${field.scale}</scale> exceeds <precision>${field.precision}</precision>`
      );
    }
  }
  if (metadataType === 'Location') {
    field.scale = int(node, 'scale', 0, displayPath);
    field.filterable = true;
    field.sortable = false;
  }

  field.unique = bool(node, 'unique', false, displayPath);
  field.caseSensitive = bool(node, 'caseSensitive', false, displayPath);
  field.externalId = bool(node, 'externalId', false, displayPath);
  const defaultValue = text(node, 'defaultValue');
  field.defaultValue = defaultValue === undefined || defaultValue === '' ? null : defaultValue;

  // Picklists.
  const valueSet = child(node, 'valueSet');
  if (valueSet) {
    field.restrictedPicklist = bool(valueSet, 'restricted', false, displayPath);
    const definition = child(valueSet, 'valueSetDefinition');
    const values = definition ? children(definition, 'value') : [];
    field.picklistValues = values.map((value) => {
      const fullName = text(value, 'fullName');
      if (!fullName) throw new MetadataError(displayPath, 'picklist <value> without <fullName>');
      return {
        value: fullName,
        label: text(value, 'label') ?? fullName,
        active: bool(value, 'isActive', true, displayPath),
        defaultValue: bool(value, 'default', false, displayPath)
      };
    });
    const globalSet = text(valueSet, 'valueSetName');
    if (globalSet) field.globalValueSet = globalSet;
  }
  if ((type === 'PICKLIST' || type === 'MULTIPICKLIST') && !valueSet) {
    throw new MetadataError(displayPath, `<type>${metadataType}</type> without a <valueSet>`);
  }

  // Relationships.
  if (type === 'REFERENCE') {
    field.length = 18;
    const referenceTo = metadataType === 'Hierarchy' ? 'User' : text(node, 'referenceTo');
    if (!referenceTo) throw new MetadataError(displayPath, `<type>${metadataType}</type> without <referenceTo>`);
    field.referenceTo = [referenceTo];
    const relationshipName = text(node, 'relationshipName');
    if (!relationshipName && metadataType !== 'Hierarchy') {
      throw new MetadataError(displayPath, `<type>${metadataType}</type> without <relationshipName>`);
    }
    // The relationship as Apex sees it: `Lead__r` (relationshipName is the child relationship's name).
    field.relationshipName = fileName.replace(/__c$/i, '__r');
    const constraint = text(node, 'deleteConstraint');
    if (constraint) field.deleteConstraint = constraint;
    if (metadataType === 'MasterDetail') {
      field.deleteConstraint = 'Cascade';
      field.nillable = false;
      field.required = true;
      field.updateable = bool(node, 'reparentableMasterDetail', false, displayPath);
    }
  }

  // Requiredness: `<required>true` → not nillable; required on create unless the platform fills a default in.
  const requiredInMetadata = bool(node, 'required', false, displayPath);
  if (requiredInMetadata) field.nillable = false;
  if (type === 'BOOLEAN') {
    field.nillable = false;
    field.defaultValue = field.defaultValue ?? 'false';
  }
  const hasDefault = field.defaultValue !== null || field.picklistValues.some((value) => value.defaultValue);
  field.required = (requiredInMetadata || metadataType === 'MasterDetail') && !hasDefault && type !== 'BOOLEAN';

  // Formula, auto-number and roll-up fields are computed: never written.
  if (formula !== undefined) {
    field.formula = formula;
    markCalculated(field);
  }
  if (metadataType === 'AutoNumber') {
    field.autoNumber = true;
    const displayFormat = text(node, 'displayFormat');
    if (displayFormat) field.displayFormat = displayFormat;
    markCalculated(field);
  }
  if (metadataType === 'Summary') markCalculated(field);

  if (metadataType === 'MetadataRelationship') {
    // Custom metadata relationships (Salesforce Help, Custom Metadata Relationships): to another custom metadata
    // type, to EntityDefinition (an object) or to FieldDefinition (a field of the object a controlling field names).
    const referenceTo = text(node, 'referenceTo');
    if (!referenceTo) throw new MetadataError(displayPath, '<type>MetadataRelationship</type> without <referenceTo>');
    field.referenceTo = [referenceTo];
    field.relationshipName = fileName.replace(/__c$/i, '__r');
    field.metadataRelationship = true;
    // To another custom metadata type the field holds the related record's Id: a reference field, usable in
    // semi-joins and child sub-queries like a lookup. To EntityDefinition / FieldDefinition it holds text.
    if (/__mdt$/i.test(referenceTo)) {
      field.type = 'REFERENCE';
      field.length = 18;
    }
    const childName = text(node, 'relationshipName');
    if (childName) field.childRelationshipName = childName;
  }

  if (objectKind === 'custom-metadata') {
    // Custom metadata records are not written by DML; Apex may still set fields on in-memory records.
    field.unique = false;
  }
  return field;
}

function markCalculated(field: FieldModel): void {
  field.calculated = true;
  field.createable = false;
  field.updateable = false;
  field.required = false;
  field.nillable = true;
  if (field.type === 'BOOLEAN') field.nillable = false;
}

function systemField(name: string, label: string, type: DisplayType, extra: Partial<FieldModel> = {}): FieldModel {
  const field = blankField(name, label, type, false);
  field.createable = false;
  field.updateable = false;
  field.nillable = false;
  if (type === 'ID' || type === 'REFERENCE') field.length = 18;
  if (type === 'BOOLEAN') field.defaultValue = 'false';
  return Object.assign(field, extra);
}

/** The standard fields every custom object, custom setting or custom metadata type has, by kind. */
export function standardFieldsFor(
  kind: Kind,
  options: { nameField?: XmlNode; isDetail: boolean; displayPath: string }
): FieldModel[] {
  const fields: FieldModel[] = [systemField('Id', 'Record ID', 'ID')];
  if (kind === 'custom-metadata') {
    const stringField = (name: string, label: string, length: number, extra: Partial<FieldModel> = {}): FieldModel => {
      const field = blankField(name, label, 'STRING', false);
      field.length = length;
      return Object.assign(field, extra);
    };
    fields.push(
      stringField('DeveloperName', 'Custom Metadata Record Name', 40, { nillable: false, required: true }),
      stringField('MasterLabel', 'Label', 40, { nillable: false, required: true }),
      stringField('Label', 'Label', 40, { createable: false, updateable: false, calculated: true }),
      stringField('NamespacePrefix', 'Namespace Prefix', 15, { createable: false, updateable: false }),
      stringField('QualifiedApiName', 'Qualified API Name', 70, {
        createable: false,
        updateable: false,
        calculated: true
      }),
      Object.assign(blankField('Language', 'Master Language', 'PICKLIST', false), {
        length: 40,
        restrictedPicklist: true,
        picklistValuesPartial: true,
        picklistValues: [{ value: 'en_US', label: 'English', active: true, defaultValue: true }]
      })
    );
    return fields;
  }

  if (kind === 'platform-event') {
    // Platform Events Developer Guide, Platform Event Fields / Identify and Match Event Messages with the EventUuid
    // Field: standard fields ReplayId, EventUuid, CreatedDate, CreatedById; no Name, no OwnerId, no LastModified*.
    const stringField = (name: string, label: string, length: number): FieldModel => {
      const field = blankField(name, label, 'STRING', false);
      field.length = length;
      return Object.assign(field, { createable: false, updateable: false, nillable: true });
    };
    fields.push(
      stringField('ReplayId', 'Replay ID', 255),
      stringField('EventUuid', 'Event UUID', 36),
      systemField('CreatedDate', 'Created Date', 'DATETIME'),
      systemField('CreatedById', 'Created By ID', 'REFERENCE', { referenceTo: ['User'], relationshipName: 'CreatedBy' })
    );
    return fields;
  }

  const isSetting = kind === 'custom-setting-hierarchy' || kind === 'custom-setting-list';
  const nameField = blankField('Name', 'Name', 'STRING', false);
  if (isSetting) {
    nameField.length = 38;
    // List settings need a Name; hierarchy settings are keyed by SetupOwnerId.
    nameField.nillable = kind === 'custom-setting-hierarchy';
    nameField.required = kind === 'custom-setting-list';
  } else {
    const nameXml = options.nameField;
    const nameType = nameXml ? text(nameXml, 'type') : 'Text';
    nameField.label = (nameXml && text(nameXml, 'label')) ?? 'Name';
    if (nameType === 'AutoNumber') {
      nameField.length = 30;
      nameField.autoNumber = true;
      nameField.calculated = true;
      nameField.createable = false;
      nameField.updateable = false;
      nameField.nillable = false;
      const displayFormat = nameXml && text(nameXml, 'displayFormat');
      if (displayFormat) nameField.displayFormat = displayFormat;
    } else if (nameType === 'Text' || nameType === undefined) {
      nameField.length = 80;
      // Not nillable, but defaulted on create: the platform names an unnamed record after its Id.
      nameField.nillable = false;
    } else {
      throw new MetadataError(options.displayPath, `<nameField> type must be Text or AutoNumber, found '${nameType}'`);
    }
  }
  fields.push(nameField);

  if (kind === 'custom-object' && !options.isDetail) {
    fields.push(
      Object.assign(blankField('OwnerId', 'Owner ID', 'REFERENCE', false), {
        length: 18,
        nillable: false,
        referenceTo: ['Group', 'User'],
        relationshipName: 'Owner'
      })
    );
  }
  if (kind === 'custom-setting-hierarchy') {
    fields.push(
      Object.assign(blankField('SetupOwnerId', 'Location', 'REFERENCE', false), {
        length: 18,
        nillable: false,
        referenceTo: ['Organization', 'Profile', 'User'],
        relationshipName: 'SetupOwner'
      })
    );
  }
  fields.push(
    systemField('IsDeleted', 'Deleted', 'BOOLEAN'),
    systemField('CreatedDate', 'Created Date', 'DATETIME'),
    systemField('CreatedById', 'Created By ID', 'REFERENCE', { referenceTo: ['User'], relationshipName: 'CreatedBy' }),
    systemField('LastModifiedDate', 'Last Modified Date', 'DATETIME'),
    systemField('LastModifiedById', 'Last Modified By ID', 'REFERENCE', {
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy'
    }),
    systemField('SystemModstamp', 'System Modstamp', 'DATETIME')
  );
  if (kind === 'custom-object') {
    fields.push(
      systemField('LastViewedDate', 'Last Viewed Date', 'DATETIME', { nillable: true }),
      systemField('LastReferencedDate', 'Last Referenced Date', 'DATETIME', { nillable: true })
    );
  }
  return fields;
}
