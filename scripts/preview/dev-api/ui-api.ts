/**
 * The UI API stand-in behind `lightning/uiRecordApi` and `lightning/uiObjectInfoApi`: Lead records in the UI API
 * shape (`fields.X = { value, displayValue }`), object info and picklist values from the Lead describe. Field-level
 * security: with `X-Preview-Perm: none` (the page's `?perm=none`), the package's Lead fields are unreadable, so
 * `optionalFields` leaves them out and `fields` fails, as the platform does.
 */
import type { DescribeField } from './describe';
import { leadDescribe } from './describe';
import type { PreviewState } from './state';

export interface UiResult {
  status: number;
  body: unknown;
}

const UI_TYPES: Record<string, string> = {
  string: 'String',
  textarea: 'TextArea',
  phone: 'Phone',
  email: 'Email',
  picklist: 'Picklist',
  multipicklist: 'MultiPicklist',
  boolean: 'Boolean',
  double: 'Double',
  integer: 'Int',
  long: 'Long',
  currency: 'Currency',
  percent: 'Percent',
  date: 'Date',
  datetime: 'DateTime',
  time: 'Time',
  url: 'Url',
  reference: 'Reference',
  id: 'String',
  address: 'Address'
};

const DEFAULT_RECORD_TYPE = '012000000000000AAA';

function error(status: number, errorCode: string, message: string): UiResult {
  return { status, body: { errorCode, message } };
}

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is string => typeof v === 'string')
    .map((v) => (v.includes('.') ? v.slice(v.indexOf('.') + 1) : v));
}

function displayValue(field: DescribeField, value: unknown, state: PreviewState): string | null {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'date': {
      const [y, m, d] = String(value).split('-');
      return `${Number(m)}/${Number(d)}/${y}`;
    }
    case 'datetime':
      return new Date(String(value)).toLocaleString('en-US', {
        timeZone: 'America/Los_Angeles',
        dateStyle: 'short',
        timeStyle: 'short'
      });
    case 'currency':
      return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(Number(value));
    case 'picklist':
      return field.picklistValues.find((p) => p.value === value)?.label ?? String(value);
    case 'reference':
      return field.name === 'OwnerId' ? state.ownerName(value) : null;
    default:
      return null;
  }
}

/** Whether the preview user can read `field` (package fields are hidden when permissions are off). */
function readable(field: DescribeField, permissions: boolean): boolean {
  return permissions || !field.name.startsWith('Aloware_');
}

export function objectInfo(permissions: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const f of leadDescribe()) {
    if (!readable(f, permissions)) continue;
    fields[f.name] = {
      apiName: f.name,
      label: f.label,
      dataType: UI_TYPES[f.type] ?? 'String',
      length: f.length,
      precision: f.precision,
      scale: f.scale,
      custom: f.custom,
      createable: f.createable,
      updateable: f.updateable,
      required: !f.nillable && f.createable && f.type !== 'boolean',
      calculated: f.calculated,
      externalId: f.externalId,
      unique: f.unique,
      htmlFormatted: f.htmlFormatted,
      inlineHelpText: f.inlineHelpText,
      referenceToInfos: f.referenceTo.map((apiName) => ({ apiName, nameFields: ['Name'] })),
      relationshipName: f.relationshipName
    };
  }
  return {
    apiName: 'Lead',
    label: 'Lead',
    labelPlural: 'Leads',
    keyPrefix: '00Q',
    custom: false,
    createable: true,
    updateable: true,
    queryable: true,
    defaultRecordTypeId: DEFAULT_RECORD_TYPE,
    recordTypeInfos: {
      [DEFAULT_RECORD_TYPE]: {
        available: true,
        defaultRecordTypeMapping: true,
        master: true,
        name: 'Master',
        recordTypeId: DEFAULT_RECORD_TYPE
      }
    },
    nameFields: ['Name'],
    fields
  };
}

export function handleUiApi(
  state: PreviewState,
  route: string,
  body: Record<string, unknown>,
  permissions: boolean
): UiResult {
  const describe = new Map(leadDescribe().map((f) => [f.name.toLowerCase(), f]));
  switch (route) {
    case 'record': {
      const recordId = typeof body.recordId === 'string' ? body.recordId : '';
      const lead = state.lead(recordId);
      if (!lead) return error(404, 'NOT_FOUND', 'The requested resource does not exist');
      const fields: Record<string, { value: unknown; displayValue: string | null }> = {};
      const add = (name: string, required: boolean): UiResult | null => {
        const f = describe.get(name.toLowerCase());
        if (!f || !readable(f, permissions)) {
          return required
            ? error(
                400,
                'INVALID_FIELD',
                `No such column '${name}' on entity 'Lead'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
              )
            : null;
        }
        const value = lead[f.name] ?? null;
        fields[f.name] = { value, displayValue: displayValue(f, value, state) };
        return null;
      };
      for (const name of names(body.fields)) {
        const failed = add(name, true);
        if (failed) return failed;
      }
      for (const name of names(body.optionalFields)) add(name, false);
      return {
        status: 200,
        body: {
          apiName: 'Lead',
          id: lead.Id,
          childRelationships: {},
          eTag: String(lead.LastModifiedDate ?? ''),
          lastModifiedById: null,
          lastModifiedDate: lead.LastModifiedDate ?? null,
          recordTypeId: DEFAULT_RECORD_TYPE,
          recordTypeInfo: null,
          systemModstamp: lead.LastModifiedDate ?? null,
          weakEtag: 0,
          fields
        }
      };
    }
    case 'record/update': {
      const input = body.fields && typeof body.fields === 'object' ? (body.fields as Record<string, unknown>) : {};
      const lead = typeof input.Id === 'string' ? state.lead(input.Id) : undefined;
      if (!lead) return error(404, 'NOT_FOUND', 'The requested resource does not exist');
      for (const [name, value] of Object.entries(input)) {
        if (name === 'Id') continue;
        const f = describe.get(name.toLowerCase());
        if (!f || !f.updateable || !readable(f, permissions)) {
          return error(400, 'INVALID_FIELD', `Unable to update field '${name}'.`);
        }
        lead[f.name] = value;
      }
      lead.LastModifiedDate = new Date().toISOString();
      return handleUiApi(state, 'record', { recordId: lead.Id, optionalFields: Object.keys(input) }, permissions);
    }
    case 'object-info':
      return { status: 200, body: objectInfo(permissions) };
    case 'picklist-values': {
      const raw = body.fieldApiName;
      const name =
        raw && typeof raw === 'object'
          ? String((raw as { fieldApiName?: unknown }).fieldApiName ?? '')
          : String(raw ?? '');
      const f = describe.get((name.includes('.') ? name.slice(name.indexOf('.') + 1) : name).toLowerCase());
      if (!f || (f.type !== 'picklist' && f.type !== 'multipicklist')) {
        return error(400, 'INVALID_FIELD', `${name} is not a picklist field of Lead.`);
      }
      return {
        status: 200,
        body: {
          controllerValues: {},
          defaultValue: f.picklistValues.find((p) => p.defaultValue) ?? null,
          url: `/ui-api/object-info/Lead/picklist-values/${DEFAULT_RECORD_TYPE}/${f.name}`,
          values: f.picklistValues
            .filter((p) => p.active)
            .map((p) => ({ attributes: null, label: p.label, validFor: [], value: p.value }))
        }
      };
    }
    default:
      return error(404, 'NOT_FOUND', `No UI API stand-in for ${route}`);
  }
}
