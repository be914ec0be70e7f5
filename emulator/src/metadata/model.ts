/**
 * The loaded project as the platform sees it: objects and fields (custom from force-app, standard from the committed
 * descriptions in emulator/standard-objects), custom metadata records, static resources, permission sets, profiles,
 * Named Credentials. Every name is kept in its declared case; look-ups are case-insensitive (Apex and SOQL are).
 */

/** Field types as Schema.DisplayType names (upper case, as `String.valueOf(DisplayType.X)` prints them). */
export type DisplayType =
  | 'ID'
  | 'REFERENCE'
  | 'STRING'
  | 'TEXTAREA'
  | 'EMAIL'
  | 'PHONE'
  | 'URL'
  | 'PICKLIST'
  | 'MULTIPICKLIST'
  | 'COMBOBOX'
  | 'BOOLEAN'
  | 'INTEGER'
  | 'LONG'
  | 'DOUBLE'
  | 'CURRENCY'
  | 'PERCENT'
  | 'DATE'
  | 'DATETIME'
  | 'TIME'
  | 'BASE64'
  | 'ADDRESS'
  | 'LOCATION'
  | 'ENCRYPTEDSTRING'
  | 'ANYTYPE';

export interface FieldModel {
  /** API name as declared, e.g. `Email`, `Aloware_Contact_ID__c`. */
  name: string;
  label: string;
  type: DisplayType;
  /** Text length (STRING, TEXTAREA, EMAIL, PHONE, URL, PICKLIST, MULTIPICKLIST, ENCRYPTEDSTRING), else 0. */
  length: number;
  /** Number precision and scale (DOUBLE, CURRENCY, PERCENT), else 0. */
  precision: number;
  scale: number;
  /** Digits of an INTEGER field, else 0. */
  digits: number;
  /** Required on create (nillable false and no default), as `DescribeFieldResult.isNillable() == false`. */
  required: boolean;
  nillable: boolean;
  unique: boolean;
  caseSensitive: boolean;
  externalId: boolean;
  /** Formula, auto-number, roll-up and system fields cannot be written. */
  calculated: boolean;
  autoNumber: boolean;
  createable: boolean;
  updateable: boolean;
  /** Filterable in SOQL WHERE (false for long text areas). */
  filterable: boolean;
  sortable: boolean;
  /** Default value literal from metadata (`true`, `'text'`, a number), as a string, or null. */
  defaultValue: string | null;
  picklistValues: { value: string; label: string; active: boolean; defaultValue: boolean }[];
  restrictedPicklist: boolean;
  /** REFERENCE fields: target objects, and the relationship name (`Owner` for OwnerId). */
  referenceTo: string[];
  relationshipName: string | null;
  /** True for package fields (declared in force-app), false for standard fields. */
  custom: boolean;
  /** Long text / rich text area (TEXTAREA with length > 255): not filterable, not groupable. */
  longText: boolean;
  /** Source of the description (standard objects): Object Reference page or jar. */
  source?: string;
  /**
   * Standard fields only: `picklistValues` is a representative list, not the platform's full one (TimeZoneSidKey,
   * LocaleSidKey, …); do not reject a value just because it is missing from it.
   */
  picklistValuesPartial?: boolean;
  /** Formula fields: the formula text from metadata. */
  formula?: string;
  /** Auto-number fields: the display format, e.g. `SL-{0000000}`. */
  displayFormat?: string;
  /** Picklists bound to a global value set: its name (values resolved from globalValueSets/ when present). */
  globalValueSet?: string;
  /** Lookup fields: `SetNull`, `Restrict` or `Cascade` (master-detail). */
  deleteConstraint?: string;
  /** Package field: the file it was read from. */
  path?: string;
  /**
   * Custom metadata relationship (`<type>MetadataRelationship</type>`): `referenceTo` names its target (another
   * `__mdt` type, `EntityDefinition` or `FieldDefinition`) and `relationshipName` its SOQL name (`Object__r`). The
   * value is text: the related record's Id, the object's API name, or `Object.Field`.
   */
  metadataRelationship?: boolean;
  /** Lookups and metadata relationships: the parent's child relationship name (`<relationshipName>`), without `__r`. */
  childRelationshipName?: string;
}

export interface ObjectModel {
  /** API name, e.g. `Lead`, `Aloware_Sync_Log__c`, `Aloware_Field_Mapping__mdt`. */
  name: string;
  label: string;
  labelPlural: string;
  /** Three-character Id key prefix (`00Q` for Lead; custom objects get a stable generated one starting `a0`). */
  keyPrefix: string;
  custom: boolean;
  /** `custom-object`, `custom-metadata`, `custom-setting-hierarchy`, `custom-setting-list`, `standard`. */
  kind:
    | 'standard'
    | 'custom-object'
    | 'custom-metadata'
    | 'custom-setting-hierarchy'
    | 'custom-setting-list'
    | 'platform-event';
  /** Setup objects (User, PermissionSetAssignment, Group, …) take part in the mixed-DML rule. */
  setup: boolean;
  /** Custom settings: protected visibility. */
  visibility?: 'Public' | 'Protected';
  /** Fields by lower-case API name. */
  fields: Record<string, FieldModel>;
  source?: string;
  /** Standard objects: rows every org has (LeadStatus values, standard profiles), by field API name. */
  seedRecords?: Record<string, string | number | boolean | null>[];
  /** Package objects: the `.object-meta.xml` path, when the object is declared in force-app. */
  path?: string;
  /** Platform events: `<publishBehavior>` (`PublishAfterCommit` or `PublishImmediately`). */
  publishBehavior?: 'PublishAfterCommit' | 'PublishImmediately';
}

export interface CustomMetadataRecord {
  /** Type API name, e.g. `Aloware_Field_Mapping__mdt`. */
  type: string;
  /** DeveloperName, e.g. `Lead_Email`. */
  developerName: string;
  label: string;
  protected: boolean;
  /** Field values by declared field API name, typed per the field (string, number, boolean, null). */
  values: Record<string, string | number | boolean | null>;
  /** The `.md-meta.xml` path. */
  path?: string;
}

export interface StaticResourceModel {
  name: string;
  contentType: string;
  cacheControl: string;
  /** File contents (a folder resource is zipped, as the platform stores it). */
  body: Buffer;
  /** Folder resources: the files by path inside the folder ('/'-separated). */
  files?: Record<string, Buffer>;
  /** The `.resource-meta.xml` path. */
  path?: string;
}

export interface PermissionSetModel {
  name: string;
  label: string;
  /** Object permissions by object API name. */
  objects: Record<
    string,
    { read: boolean; create: boolean; edit: boolean; delete: boolean; viewAll: boolean; modifyAll: boolean }
  >;
  /** Field permissions by `Object.Field`. */
  fields: Record<string, { readable: boolean; editable: boolean }>;
  /** Apex classes granted. */
  classes: string[];
  /** Custom permissions granted. */
  customPermissions: string[];
  /** Tabs, apps: kept for completeness. */
  tabs: string[];
  /** Custom metadata types and custom settings granted (customMetadataTypeAccesses, customSettingAccesses). */
  customMetadataTypes?: string[];
  customSettings?: string[];
  /** Visible applications. */
  applications?: string[];
  description?: string;
  /** The `.permissionset-meta.xml` path. */
  path?: string;
}

export interface NamedCredentialModel {
  name: string;
  label: string;
  endpoint: string;
  protocol: string;
  /** `Legacy` (endpoint/protocol/principalType) or `SecuredEndpoint` (namedCredentialParameters), when declared. */
  namedCredentialType?: string;
  /** Legacy credentials: `Anonymous`, `NamedUser`, `PerUser`. */
  principalType?: string;
  /** Newer credentials: the External Credential that authenticates it. */
  externalCredential?: string;
  generateAuthorizationHeader?: boolean;
  allowMergeFieldsInHeader?: boolean;
  allowMergeFieldsInBody?: boolean;
  /** The `.namedCredential-meta.xml` path. */
  path?: string;
}

export interface ApexSourceFile {
  /** Class or trigger name (file name without extension). */
  name: string;
  kind: 'class' | 'trigger';
  path: string;
  source: string;
  /** From the -meta.xml. */
  apiVersion: string;
  /** From the -meta.xml (`Active` unless declared otherwise). */
  status?: string;
}

export interface ProjectModel {
  root: string;
  /** sfdx-project.json namespace ('' when none). */
  namespace: string;
  objects: Record<string, ObjectModel>;
  customMetadata: CustomMetadataRecord[];
  staticResources: Record<string, StaticResourceModel>;
  permissionSets: Record<string, PermissionSetModel>;
  namedCredentials: Record<string, NamedCredentialModel>;
  customPermissions: string[];
  apex: ApexSourceFile[];
  /** Platform Cache partitions (`cachePartitions/*.cachePartition-meta.xml`); absent in older in-memory models. */
  cachePartitions?: CachePartitionModel[];
  /** Permission set groups (`permissionsetgroups/*.permissionsetgroup-meta.xml`); absent in older in-memory models. */
  permissionSetGroups?: PermissionSetGroupModel[];
}

export interface CachePartitionModel {
  /** Developer name (the file name), e.g. `Default`. */
  name: string;
  label: string;
  isDefault: boolean;
  /** Allocated capacity in MB per cache type (0 when the type is not allocated). */
  orgCapacity: number;
  sessionCapacity: number;
}

export interface PermissionSetGroupModel {
  name: string;
  label: string;
  description: string | null;
  /** The permission sets it groups (`<permissionSets>`). */
  permissionSets: string[];
}
