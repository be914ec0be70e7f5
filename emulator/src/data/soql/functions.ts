/**
 * SOQL pieces without query state: the `Name` object that polymorphic relationships (`Task.Who`, `Task.What`,
 * `Lead.Owner`) resolve to, and the date functions (SOQL and SOSL Reference, Date Functions and convertTimezone()).
 */
import { ApexDate, ApexDatetime } from '../../runtime/values';
import type { DisplayType, FieldModel, ObjectModel } from '../../metadata/model';
import { localFieldsOf } from '../../stdlib/javaDateFormat';

function field(name: string, type: DisplayType, referenceTo: string[] = [], relationshipName: string | null = null) {
  return {
    name,
    label: name,
    type,
    length:
      type === 'STRING' || type === 'PICKLIST' || type === 'EMAIL' || type === 'PHONE' || type === 'URL' ? 255 : 0,
    precision: 0,
    scale: 0,
    digits: 0,
    required: false,
    nillable: name !== 'Id',
    unique: false,
    caseSensitive: false,
    externalId: false,
    calculated: false,
    autoNumber: false,
    createable: false,
    updateable: false,
    filterable: true,
    sortable: true,
    defaultValue: null,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo,
    relationshipName,
    custom: false,
    longText: false
  } satisfies FieldModel;
}

/**
 * The `Name` object (Object Reference for the Salesforce Platform, Name; SOQL and SOSL Reference, Understanding
 * Relationship Fields and Polymorphic Fields): a polymorphic relationship exposes only these fields; `Type` is the
 * API name of the referenced record's object. `Who.Company` is refused with "No such column 'Company' on entity 'Name'".
 */
export const NAME_OBJECT: ObjectModel = {
  name: 'Name',
  label: 'Name',
  labelPlural: 'Names',
  keyPrefix: '',
  custom: false,
  kind: 'standard',
  setup: false,
  fields: Object.fromEntries(
    [
      field('Id', 'ID'),
      field('Name', 'STRING'),
      field('Type', 'PICKLIST'),
      field('Alias', 'STRING'),
      field('CommunityNickname', 'STRING'),
      field('Email', 'EMAIL'),
      field('FirstName', 'STRING'),
      field('LastName', 'STRING'),
      field('IsActive', 'BOOLEAN'),
      field('LastReferencedDate', 'DATETIME'),
      field('LastViewedDate', 'DATETIME'),
      field('MediumPhotoUrl', 'URL'),
      field('SmallPhotoUrl', 'URL'),
      field('NameOrAlias', 'STRING'),
      field('Phone', 'PHONE'),
      field('Title', 'STRING'),
      field('Username', 'STRING'),
      field('ProfileId', 'REFERENCE', ['Profile'], 'Profile'),
      field('RecordTypeId', 'REFERENCE', ['RecordType'], 'RecordType'),
      field('UserRoleId', 'REFERENCE', ['UserRole'], 'UserRole')
    ].map((f) => [f.name.toLowerCase(), f])
  )
};

export const DATE_FUNCTIONS = new Set([
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR'
]);

export const AGGREGATE_FUNCTIONS = new Set(['AVG', 'COUNT', 'COUNT_DISTINCT', 'MIN', 'MAX', 'SUM']);

/**
 * A date function of a Date or Datetime value. Datetime values are taken in GMT unless `zone` is given
 * (convertTimezone(): the running user's zone). The fiscal year is the calendar year (the default fiscal year
 * starts in January; custom fiscal years are not modelled). Weeks of WEEK_IN_YEAR / WEEK_IN_MONTH count from the
 * first day of the year / month (days 1–7 are week 1).
 */
export function dateFunction(fn: string, v: unknown, zone: string | null): unknown {
  if (v === null || v === undefined) return null;
  let y: number, m: number, d: number, h: number;
  if (v instanceof ApexDate) {
    ({ year: y, month: m, day: d } = v);
    h = 0;
  } else if (v instanceof ApexDatetime) {
    const f = localFieldsOf(v.ms, zone ?? 'GMT');
    ({ year: y, month: m, day: d, hour: h } = f);
  } else return null;
  const dayOfYear = Math.floor((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
  switch (fn) {
    case 'CALENDAR_MONTH':
    case 'FISCAL_MONTH':
      return m;
    case 'CALENDAR_QUARTER':
    case 'FISCAL_QUARTER':
      return Math.floor((m - 1) / 3) + 1;
    case 'CALENDAR_YEAR':
    case 'FISCAL_YEAR':
      return y;
    case 'DAY_IN_MONTH':
      return d;
    case 'DAY_IN_WEEK':
      return new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 1;
    case 'DAY_IN_YEAR':
      return dayOfYear;
    case 'DAY_ONLY':
      return new ApexDate(y, m, d);
    case 'HOUR_IN_DAY':
      return h;
    case 'WEEK_IN_MONTH':
      return Math.floor((d - 1) / 7) + 1;
    case 'WEEK_IN_YEAR':
      return Math.floor((dayOfYear - 1) / 7) + 1;
  }
  return null;
}
