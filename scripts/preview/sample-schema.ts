/**
 * A realistic Lead describe for the preview, generated deterministically: the standard Lead fields of every org, the
 * package's custom fields (from the catalog), and enough generated custom fields of every Salesforce type to reach
 * {@link DESCRIBE_SIZE} fields, like a mature org. Types are the lower-case `Schema.DisplayType` names of
 * docs/architecture.md.
 */
import { CATALOG, type SalesforceType } from '../../force-app/main/default/lwc/alowareCatalog/alowareCatalog';

export const DESCRIBE_SIZE = 800;

/** A Lead field's type: the mapping vocabulary's Salesforce types, plus the compound address field. */
export type SalesforceFieldType = SalesforceType | 'address';

export interface PicklistEntry {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface DescribeField {
  name: string;
  label: string;
  type: SalesforceFieldType;
  length: number;
  precision: number;
  scale: number;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  calculated: boolean;
  externalId: boolean;
  unique: boolean;
  htmlFormatted: boolean;
  restrictedPicklist: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  picklistValues: PicklistEntry[];
  inlineHelpText: string | null;
}

function field(
  name: string,
  label: string,
  type: SalesforceFieldType,
  extra: Partial<DescribeField> = {}
): DescribeField {
  const custom = name.endsWith('__c');
  return {
    name,
    label,
    type,
    length:
      type === 'string' || type === 'textarea' || type === 'url' || type === 'phone' || type === 'email' ? 255 : 0,
    precision: 0,
    scale: 0,
    custom,
    createable: true,
    updateable: true,
    nillable: true,
    calculated: false,
    externalId: false,
    unique: false,
    htmlFormatted: false,
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    picklistValues: [],
    inlineHelpText: null,
    ...extra
  };
}

function picklist(values: string[], firstIsDefault = false): PicklistEntry[] {
  return values.map((value, i) => ({ value, label: value, active: true, defaultValue: firstIsDefault && i === 0 }));
}

const SYSTEM = { createable: false, updateable: false } as const;

/** Standard Lead fields (every org), with their describe types. */
function standardFields(): DescribeField[] {
  return [
    field('Id', 'Lead ID', 'id', { ...SYSTEM, length: 18, nillable: false }),
    field('IsDeleted', 'Deleted', 'boolean', { ...SYSTEM, nillable: false }),
    field('MasterRecordId', 'Master Record ID', 'reference', {
      ...SYSTEM,
      length: 18,
      referenceTo: ['Lead'],
      relationshipName: 'MasterRecord'
    }),
    field('LastName', 'Last Name', 'string', { length: 80, nillable: false }),
    field('FirstName', 'First Name', 'string', { length: 40 }),
    field('Salutation', 'Salutation', 'picklist', {
      length: 40,
      picklistValues: picklist(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.'])
    }),
    field('Name', 'Full Name', 'string', { ...SYSTEM, length: 121, calculated: false }),
    field('Title', 'Title', 'string', { length: 128 }),
    field('Company', 'Company', 'string', { length: 255, nillable: false }),
    field('Street', 'Street', 'textarea', { length: 255 }),
    field('City', 'City', 'string', { length: 40 }),
    field('State', 'State/Province', 'string', { length: 80 }),
    field('PostalCode', 'Zip/Postal Code', 'string', { length: 20 }),
    field('Country', 'Country', 'string', { length: 80 }),
    field('Latitude', 'Latitude', 'double', { precision: 18, scale: 15 }),
    field('Longitude', 'Longitude', 'double', { precision: 18, scale: 15 }),
    field('GeocodeAccuracy', 'Geocode Accuracy', 'picklist', {
      length: 40,
      picklistValues: picklist(['Address', 'NearAddress', 'Block', 'Street', 'City', 'Zip', 'State', 'Unknown'])
    }),
    field('Address', 'Address', 'address', { ...SYSTEM }),
    field('Phone', 'Phone', 'phone', { length: 40 }),
    field('MobilePhone', 'Mobile Phone', 'phone', { length: 40 }),
    field('Fax', 'Fax', 'phone', { length: 40 }),
    field('Email', 'Email', 'email', { length: 80 }),
    field('Website', 'Website', 'url', { length: 255 }),
    field('PhotoUrl', 'Photo URL', 'url', { ...SYSTEM, length: 255 }),
    field('Description', 'Description', 'textarea', { length: 32000 }),
    field('LeadSource', 'Lead Source', 'picklist', {
      length: 255,
      picklistValues: picklist([
        'Web',
        'Phone Inquiry',
        'Partner Referral',
        'Purchased List',
        'Trade Show',
        'Word of mouth',
        'Other'
      ])
    }),
    field('Status', 'Lead Status', 'picklist', {
      length: 255,
      nillable: false,
      restrictedPicklist: true,
      picklistValues: picklist(
        ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
        true
      )
    }),
    field('Industry', 'Industry', 'picklist', {
      length: 255,
      picklistValues: picklist([
        'Agriculture',
        'Banking',
        'Construction',
        'Education',
        'Energy',
        'Healthcare',
        'Retail',
        'Technology'
      ])
    }),
    field('Rating', 'Rating', 'picklist', { length: 255, picklistValues: picklist(['Hot', 'Warm', 'Cold']) }),
    field('AnnualRevenue', 'Annual Revenue', 'currency', { precision: 18, scale: 0 }),
    field('NumberOfEmployees', 'Employees', 'integer', { precision: 8 }),
    field('OwnerId', 'Lead Owner', 'reference', {
      length: 18,
      nillable: false,
      referenceTo: ['Group', 'User'],
      relationshipName: 'Owner'
    }),
    field('HasOptedOutOfEmail', 'Email Opt Out', 'boolean', { nillable: false }),
    field('IsConverted', 'Converted', 'boolean', { ...SYSTEM, nillable: false }),
    field('ConvertedDate', 'Converted Date', 'date', { ...SYSTEM }),
    field('ConvertedAccountId', 'Converted Account ID', 'reference', {
      ...SYSTEM,
      length: 18,
      referenceTo: ['Account'],
      relationshipName: 'ConvertedAccount'
    }),
    field('ConvertedContactId', 'Converted Contact ID', 'reference', {
      ...SYSTEM,
      length: 18,
      referenceTo: ['Contact'],
      relationshipName: 'ConvertedContact'
    }),
    field('ConvertedOpportunityId', 'Converted Opportunity ID', 'reference', {
      ...SYSTEM,
      length: 18,
      referenceTo: ['Opportunity'],
      relationshipName: 'ConvertedOpportunity'
    }),
    field('IsUnreadByOwner', 'Unread By Owner', 'boolean', { nillable: false }),
    field('CreatedDate', 'Created Date', 'datetime', { ...SYSTEM, nillable: false }),
    field('CreatedById', 'Created By ID', 'reference', {
      ...SYSTEM,
      length: 18,
      nillable: false,
      referenceTo: ['User'],
      relationshipName: 'CreatedBy'
    }),
    field('LastModifiedDate', 'Last Modified Date', 'datetime', { ...SYSTEM, nillable: false }),
    field('LastModifiedById', 'Last Modified By ID', 'reference', {
      ...SYSTEM,
      length: 18,
      nillable: false,
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy'
    }),
    field('SystemModstamp', 'System Modstamp', 'datetime', { ...SYSTEM, nillable: false }),
    field('LastActivityDate', 'Last Activity', 'date', { ...SYSTEM }),
    field('DoNotCall', 'Do Not Call', 'boolean', { nillable: false }),
    field('HasOptedOutOfFax', 'Fax Opt Out', 'boolean', { nillable: false }),
    field('LastViewedDate', 'Last Viewed Date', 'datetime', { ...SYSTEM }),
    field('LastReferencedDate', 'Last Referenced Date', 'datetime', { ...SYSTEM }),
    field('LastTransferDate', 'Last Transfer Date', 'date', { ...SYSTEM }),
    field('Jigsaw', 'Data.com Key', 'string', { length: 20 }),
    field('JigsawContactId', 'Jigsaw Contact ID', 'string', { ...SYSTEM, length: 20 }),
    field('CleanStatus', 'Clean Status', 'picklist', {
      length: 40,
      picklistValues: picklist([
        'Matched',
        'Different',
        'Acknowledged',
        'NotFound',
        'Inactive',
        'Pending',
        'SelectMatch',
        'Skipped'
      ])
    }),
    field('CompanyDunsNumber', 'Company D-U-N-S Number', 'string', { length: 9 }),
    field('DandbCompanyId', 'D&B Company ID', 'reference', {
      length: 18,
      referenceTo: ['DandBCompany'],
      relationshipName: 'DandbCompany'
    }),
    field('EmailBouncedReason', 'Email Bounced Reason', 'string', { length: 255 }),
    field('EmailBouncedDate', 'Email Bounced Date', 'datetime'),
    field('IndividualId', 'Individual ID', 'reference', {
      length: 18,
      referenceTo: ['Individual'],
      relationshipName: 'Individual'
    }),
    field('IsPriorityRecord', 'Important', 'boolean', { nillable: false })
  ];
}

/** The package's own Lead fields, from the catalog's `customField` specs. */
function packageFields(): DescribeField[] {
  const fields: DescribeField[] = [];
  for (const p of CATALOG) {
    const spec = p.customField;
    if (!spec) continue;
    const common = { inlineHelpText: spec.inlineHelpText ?? null };
    switch (spec.type) {
      case 'Phone':
        fields.push(field(p.defaultField, spec.label, 'phone', { ...common, length: 40 }));
        break;
      case 'Checkbox':
        fields.push(field(p.defaultField, spec.label, 'boolean', { ...common, nillable: false }));
        break;
      case 'Url':
        fields.push(field(p.defaultField, spec.label, 'url', { ...common, length: 255 }));
        break;
      case 'Date':
        fields.push(field(p.defaultField, spec.label, 'date', common));
        break;
      case 'DateTime':
        fields.push(field(p.defaultField, spec.label, 'datetime', common));
        break;
      case 'Number':
        fields.push(
          field(p.defaultField, spec.label, 'double', {
            ...common,
            precision: spec.precision ?? 18,
            scale: spec.scale ?? 0
          })
        );
        break;
      case 'LongTextArea':
        fields.push(field(p.defaultField, spec.label, 'textarea', { ...common, length: spec.length ?? 32768 }));
        break;
      default:
        fields.push(
          field(p.defaultField, spec.label, 'string', {
            ...common,
            length: spec.length ?? 255,
            externalId: spec.externalId === true,
            unique: spec.unique === true
          })
        );
    }
  }
  return fields;
}

const WORDS_A = [
  'Primary',
  'Secondary',
  'Regional',
  'Legacy',
  'Partner',
  'Billing',
  'Marketing',
  'Support',
  'Product',
  'Campaign',
  'Territory',
  'Renewal',
  'Onboarding',
  'Compliance',
  'Referral',
  'Budget'
];
const WORDS_B = [
  'Region',
  'Segment',
  'Score',
  'Status',
  'Tier',
  'Channel',
  'Interest',
  'Contact',
  'Owner',
  'Source',
  'Stage',
  'Notes',
  'Date',
  'Amount',
  'Code',
  'Flag'
];

/** Generated custom field types, cycled so every type appears many times (formula and auto-number included). */
const GENERATED: { type: SalesforceFieldType; extra: (i: number) => Partial<DescribeField>; suffix: string }[] = [
  { type: 'string', suffix: 'Text', extra: (i) => ({ length: [20, 40, 80, 255][i % 4] ?? 255 }) },
  { type: 'textarea', suffix: 'Area', extra: () => ({ length: 255 }) },
  { type: 'textarea', suffix: 'Long', extra: (i) => ({ length: i % 2 ? 32768 : 131072 }) },
  { type: 'textarea', suffix: 'Rich', extra: () => ({ length: 32768, htmlFormatted: true }) },
  { type: 'phone', suffix: 'Phone', extra: () => ({ length: 40 }) },
  { type: 'email', suffix: 'Email', extra: () => ({ length: 80 }) },
  {
    type: 'picklist',
    suffix: 'Pick',
    extra: (i) => ({
      length: 255,
      restrictedPicklist: i % 3 === 0,
      picklistValues: picklist(['Alpha', 'Beta', 'Gamma', 'Delta'].slice(0, 2 + (i % 3)))
    })
  },
  {
    type: 'multipicklist',
    suffix: 'Multi',
    extra: () => ({ length: 4099, picklistValues: picklist(['Red', 'Green', 'Blue']) })
  },
  { type: 'boolean', suffix: 'Flag', extra: () => ({ nillable: false }) },
  { type: 'double', suffix: 'Number', extra: (i) => ({ precision: 18, scale: i % 3 }) },
  { type: 'currency', suffix: 'Amount', extra: () => ({ precision: 16, scale: 2 }) },
  { type: 'percent', suffix: 'Pct', extra: () => ({ precision: 5, scale: 2 }) },
  { type: 'date', suffix: 'Date', extra: () => ({}) },
  { type: 'datetime', suffix: 'Stamp', extra: () => ({}) },
  { type: 'time', suffix: 'Time', extra: () => ({}) },
  { type: 'url', suffix: 'Link', extra: () => ({ length: 255 }) },
  {
    type: 'reference',
    suffix: 'Ref',
    extra: (i) => {
      const target = ['Account', 'Contact', 'User', 'Campaign'][i % 4] ?? 'Account';
      return { length: 18, referenceTo: [target] };
    }
  },
  {
    type: 'string',
    suffix: 'Formula',
    extra: () => ({ length: 1300, calculated: true, createable: false, updateable: false })
  },
  {
    type: 'string',
    suffix: 'Auto',
    extra: () => ({ length: 30, createable: false, updateable: false, nillable: false })
  },
  {
    type: 'double',
    suffix: 'Rollup',
    extra: () => ({ precision: 18, scale: 0, calculated: true, createable: false, updateable: false })
  }
];

let cached: DescribeField[] | null = null;

/** The Lead describe: {@link DESCRIBE_SIZE} fields in a stable order (standard, package, generated). */
export function leadDescribe(): DescribeField[] {
  if (cached) return cached;
  const fields = [...standardFields(), ...packageFields()];
  const taken = new Set(fields.map((f) => f.name.toLowerCase()));
  for (let i = 0; fields.length < DESCRIBE_SIZE; i++) {
    const kind = GENERATED[i % GENERATED.length];
    if (!kind) break;
    const a = WORDS_A[i % WORDS_A.length] ?? 'Custom';
    const b = WORDS_B[Math.floor(i / WORDS_A.length) % WORDS_B.length] ?? 'Field';
    const n = Math.floor(i / (WORDS_A.length * WORDS_B.length)) + 1;
    const name = `${a}_${b}_${kind.suffix}${n > 1 ? `_${n}` : ''}__c`;
    if (taken.has(name.toLowerCase())) continue;
    taken.add(name.toLowerCase());
    const relationship = kind.type === 'reference' ? { relationshipName: name.replace(/__c$/, '__r') } : {};
    fields.push(
      field(name, `${a} ${b} ${kind.suffix}${n > 1 ? ` ${n}` : ''}`, kind.type, { ...kind.extra(i), ...relationship })
    );
  }
  cached = fields;
  return fields;
}

/** Field by API name, case-insensitively (Apex field names are case-insensitive). */
export function describeField(name: string): DescribeField | undefined {
  const lower = name.toLowerCase();
  return leadDescribe().find((f) => f.name.toLowerCase() === lower);
}

/** The Lead fields of the preview's subscriber org (the emulator adds those force-app does not declare). */
export const subscriberLeadFields = leadDescribe;
