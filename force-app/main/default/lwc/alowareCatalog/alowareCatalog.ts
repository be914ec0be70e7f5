/*
 * GENERATED from catalog/aloware-lead-catalog.json by scripts/catalog/generate.ts: do not edit by hand.
 * Change the catalog, then run `npx tsx scripts/catalog/generate.ts`; scripts/catalog/check.ts fails on drift.
 * Import it as `c/alowareCatalog`.
 */

/** Mapping direction: ↔ both ways, → Aloware to Salesforce, ← Salesforce to Aloware. */
export type Direction = 'Bidirectional' | 'AlowareToSalesforce' | 'SalesforceToAloware';
/** Catalog group (section of the mapping panel). */
export type MappingGroup = 'Locked' | 'Special' | 'Open' | 'Additional' | 'Tracking';
/** Kind of value on the Aloware side. */
export type AlowareType =
  'phone' | 'email' | 'text' | 'owner' | 'boolean' | 'number' | 'date' | 'datetime' | 'time' | 'url' | 'id';
/** Salesforce field type: lower-case `Schema.DisplayType` name. */
export type SalesforceType =
  | 'string'
  | 'textarea'
  | 'phone'
  | 'email'
  | 'picklist'
  | 'multipicklist'
  | 'boolean'
  | 'double'
  | 'integer'
  | 'long'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'url'
  | 'reference'
  | 'id';
/** Metadata API type of a field the package creates. */
export type CustomFieldType =
  'Text' | 'LongTextArea' | 'Phone' | 'Email' | 'Checkbox' | 'Number' | 'Date' | 'DateTime' | 'Url';

/** A Lead field the package creates for a catalog property. */
export interface CustomFieldSpec {
  readonly label: string;
  readonly type: CustomFieldType;
  readonly length: number | null;
  readonly precision: number | null;
  readonly scale: number | null;
  readonly visibleLines: number | null;
  readonly externalId: boolean;
  readonly unique: boolean;
  readonly defaultValue: string | null;
  readonly description: string;
  readonly inlineHelpText: string;
}

/** One Aloware Lead property and its default mapping. */
export interface CatalogProperty {
  /** Stable Aloware property id (snake_case); the default mapping record is `Aloware_Field_Mapping.<Object>_<property>`. */
  readonly property: string;
  /** Aloware's name for the property. */
  readonly label: string;
  readonly group: MappingGroup;
  readonly alowareType: AlowareType;
  /** Key in POST /api/v1/webhook/forms (`other_phone_numbers.<label>` for an entry of that list), or null. */
  readonly payloadKey: string | null;
  /** False when the payload key is a guess (documented as unconfirmed). */
  readonly payloadKeyConfirmed: boolean;
  /** Key read from Aloware's contact JSON (a dotted path; `other_phone_numbers.<label>` selects a list entry), or null when the value is never read from Aloware data (the contact link and engagement tracking, which the package computes). */
  readonly inboundKey: string | null;
  /** Default Lead field API name (no namespace). */
  readonly defaultField: string;
  readonly defaultDirection: Direction;
  readonly allowedDirections: readonly Direction[];
  /** Compatible Salesforce field types. */
  readonly salesforceTypes: readonly SalesforceType[];
  /** Why the directions are restricted (shown in the mapping panel), or null. */
  readonly directionNote: string | null;
  /** Reps (Aloware_User) may edit the package field. */
  readonly repEditable: boolean;
  readonly customField: CustomFieldSpec | null;
}

export const DIRECTIONS: readonly Direction[] = ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'];
export const MAPPING_GROUPS: readonly MappingGroup[] = ['Locked', 'Special', 'Open', 'Additional', 'Tracking'];
export const CATALOG_VERSION = 1;
export const CATALOG_OBJECT = 'Lead';

/** Every Aloware Lead property, in panel order (the order of the catalog). */
export const CATALOG: readonly CatalogProperty[] = [
  {
    property: 'phone_number',
    label: 'Phone Number',
    group: 'Locked',
    alowareType: 'phone',
    payloadKey: 'phone_number',
    payloadKeyConfirmed: true,
    inboundKey: 'phone_number',
    defaultField: 'Phone',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional'],
    salesforceTypes: ['phone'],
    directionNote:
      'Identifier: Aloware upserts contacts by phone number, so it always syncs both ways and cannot be changed or removed.',
    repEditable: false,
    customField: null
  },
  {
    property: 'email',
    label: 'Email',
    group: 'Locked',
    alowareType: 'email',
    payloadKey: 'email',
    payloadKeyConfirmed: true,
    inboundKey: 'email',
    defaultField: 'Email',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional'],
    salesforceTypes: ['email'],
    directionNote:
      'Identifier: Aloware matches records to Salesforce by email, so it always syncs both ways and cannot be changed or removed.',
    repEditable: false,
    customField: null
  },
  {
    property: 'contact_owner',
    label: 'Contact Owner',
    group: 'Special',
    alowareType: 'owner',
    payloadKey: 'user_id',
    payloadKeyConfirmed: true,
    inboundKey: 'user_id',
    defaultField: 'OwnerId',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['reference'],
    directionNote:
      'Aloware users and Salesforce users are matched by email. Queue-owned Leads never send an owner to Aloware.',
    repEditable: false,
    customField: null
  },
  {
    property: 'first_name',
    label: 'First Name',
    group: 'Open',
    alowareType: 'text',
    payloadKey: 'first_name',
    payloadKeyConfirmed: true,
    inboundKey: 'first_name',
    defaultField: 'FirstName',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['string', 'textarea'],
    directionNote: null,
    repEditable: false,
    customField: null
  },
  {
    property: 'last_name',
    label: 'Last Name',
    group: 'Open',
    alowareType: 'text',
    payloadKey: 'last_name',
    payloadKeyConfirmed: true,
    inboundKey: 'last_name',
    defaultField: 'LastName',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['string', 'textarea'],
    directionNote: null,
    repEditable: false,
    customField: null
  },
  {
    property: 'company',
    label: 'Company',
    group: 'Open',
    alowareType: 'text',
    payloadKey: 'company_name',
    payloadKeyConfirmed: true,
    inboundKey: 'company_name',
    defaultField: 'Company',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['string', 'textarea'],
    directionNote: null,
    repEditable: false,
    customField: null
  },
  {
    property: 'lead_source',
    label: 'Lead Source',
    group: 'Open',
    alowareType: 'text',
    payloadKey: 'lead_source',
    payloadKeyConfirmed: true,
    inboundKey: 'lead_source',
    defaultField: 'LeadSource',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['picklist', 'string', 'textarea'],
    directionNote: null,
    repEditable: false,
    customField: null
  },
  {
    property: 'city',
    label: 'City',
    group: 'Open',
    alowareType: 'text',
    payloadKey: 'city',
    payloadKeyConfirmed: true,
    inboundKey: 'city',
    defaultField: 'City',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['string', 'textarea'],
    directionNote: null,
    repEditable: false,
    customField: null
  },
  {
    property: 'state',
    label: 'State',
    group: 'Open',
    alowareType: 'text',
    payloadKey: 'state',
    payloadKeyConfirmed: true,
    inboundKey: 'state',
    defaultField: 'State',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['string', 'picklist', 'textarea'],
    directionNote: null,
    repEditable: false,
    customField: null
  },
  {
    property: 'country',
    label: 'Country',
    group: 'Open',
    alowareType: 'text',
    payloadKey: 'country',
    payloadKeyConfirmed: true,
    inboundKey: 'country',
    defaultField: 'Country',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['string', 'picklist', 'textarea'],
    directionNote: null,
    repEditable: false,
    customField: null
  },
  {
    property: 'zipcode',
    label: 'Zipcode',
    group: 'Open',
    alowareType: 'text',
    payloadKey: 'zipcode',
    payloadKeyConfirmed: true,
    inboundKey: 'zipcode',
    defaultField: 'PostalCode',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['string'],
    directionNote: null,
    repEditable: false,
    customField: null
  },
  {
    property: 'website',
    label: 'Website',
    group: 'Open',
    alowareType: 'url',
    payloadKey: 'website',
    payloadKeyConfirmed: true,
    inboundKey: 'website',
    defaultField: 'Website',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['url', 'string'],
    directionNote: null,
    repEditable: false,
    customField: null
  },
  {
    property: 'incoming_number',
    label: 'Incoming Number',
    group: 'Open',
    alowareType: 'phone',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: 'incoming_number',
    defaultField: 'Aloware_Incoming_Number__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['phone', 'string'],
    directionNote:
      'The Aloware line the contact last reached or was reached from: set by Aloware, never sent from Salesforce.',
    repEditable: false,
    customField: {
      label: 'Incoming Number',
      type: 'Phone',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        "The Aloware line (phone number) of the contact's latest communication, as Aloware reports it (incoming_number). Written by Aloware Lead Sync; flows from Aloware to Salesforce only.",
      inlineHelpText:
        'The Aloware phone line this Lead last talked to. Set by Aloware; editing it here is not sent to Aloware.'
    }
  },
  {
    property: 'custom_field_1',
    label: 'Custom Field 1',
    group: 'Open',
    alowareType: 'text',
    payloadKey: 'csf1',
    payloadKeyConfirmed: true,
    inboundKey: 'csf1',
    defaultField: 'Aloware_Custom_Field_1__c',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['string', 'textarea'],
    directionNote: null,
    repEditable: true,
    customField: {
      label: 'Custom Field 1',
      type: 'Text',
      length: 255,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        "Aloware's Custom Field 1 (API key csf1). Synced according to the Aloware field mapping (both ways by default).",
      inlineHelpText: 'Aloware Custom Field 1. Changes sync with Aloware according to the field mapping.'
    }
  },
  {
    property: 'custom_field_2',
    label: 'Custom Field 2',
    group: 'Open',
    alowareType: 'text',
    payloadKey: 'csf2',
    payloadKeyConfirmed: true,
    inboundKey: 'csf2',
    defaultField: 'Aloware_Custom_Field_2__c',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['string', 'textarea'],
    directionNote: null,
    repEditable: true,
    customField: {
      label: 'Custom Field 2',
      type: 'Text',
      length: 255,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        "Aloware's Custom Field 2 (API key csf2). Synced according to the Aloware field mapping (both ways by default).",
      inlineHelpText: 'Aloware Custom Field 2. Changes sync with Aloware according to the field mapping.'
    }
  },
  {
    property: 'tcpa_approved',
    label: 'TCPA Approved',
    group: 'Open',
    alowareType: 'boolean',
    payloadKey: 'tcpa_approved',
    payloadKeyConfirmed: false,
    inboundKey: 'tcpa_approved',
    defaultField: 'Aloware_TCPA_Approved__c',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['boolean'],
    directionNote: null,
    repEditable: true,
    customField: {
      label: 'TCPA Approved',
      type: 'Checkbox',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: 'false',
      description:
        "Whether the contact has given TCPA consent, as recorded in Aloware (defaults to unchecked, like Aloware's No). The Aloware API key for this flag is unconfirmed (tcpa_approved is assumed).",
      inlineHelpText:
        "Checked when this Lead has given TCPA consent to be contacted. Syncs with Aloware's TCPA Approved flag."
    }
  },
  {
    property: 'dnc',
    label: 'DNC',
    group: 'Open',
    alowareType: 'boolean',
    payloadKey: 'is_dnc',
    payloadKeyConfirmed: true,
    inboundKey: 'is_dnc',
    defaultField: 'Aloware_DNC__c',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['boolean'],
    directionNote: null,
    repEditable: false,
    customField: {
      label: 'DNC',
      type: 'Checkbox',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: 'false',
      description:
        "Aloware's contact-wide Do Not Contact flag (is_dnc), covering all of the contact's numbers. Setting it on either side sets it on both; clearing it propagates only when an admin setting allows it. Reps cannot edit it (admin permission set only).",
      inlineHelpText: 'Do Not Contact in Aloware (all numbers). Only an Aloware admin should clear it.'
    }
  },
  {
    property: 'aloware_lead_link',
    label: 'Aloware Lead Link',
    group: 'Open',
    alowareType: 'url',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Lead_Link__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['url', 'string'],
    directionNote:
      'Built by the package from the Aloware contact id with the configurable link template (Aloware Settings, Contact Link Template): no Aloware response carries a link, so it is never read from Aloware data and only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Aloware Lead Link',
      type: 'Url',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Link to this contact in Aloware, built by Aloware Lead Sync from the Aloware contact id with the configured contact link template. Aloware to Salesforce only.',
      inlineHelpText: "Opens this Lead's contact page in Aloware."
    }
  },
  {
    property: 'aloware_contact_id',
    label: 'Aloware Contact ID',
    group: 'Open',
    alowareType: 'id',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: 'id',
    defaultField: 'Aloware_Contact_ID__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['string'],
    directionNote: 'Generated by Aloware: Salesforce cannot set it, so it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Aloware Lead ID',
      type: 'Text',
      length: 40,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: true,
      unique: true,
      defaultValue: null,
      description:
        "The Aloware contact id of this Lead (External ID, unique). Set by Aloware Lead Sync from Aloware's data; never sent to Aloware, which looks contacts up by phone number.",
      inlineHelpText: "The id of this Lead's contact in Aloware. Set by the sync; do not edit."
    }
  },
  {
    property: 'mobile_phone',
    label: 'Mobile Phone',
    group: 'Additional',
    alowareType: 'phone',
    payloadKey: 'other_phone_numbers.mobile',
    payloadKeyConfirmed: true,
    inboundKey: 'other_phone_numbers.mobile',
    defaultField: 'MobilePhone',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['phone', 'string'],
    directionNote: "Sent in Aloware's other_phone_numbers list with the label mobile.",
    repEditable: false,
    customField: null
  },
  {
    property: 'fax',
    label: 'Fax',
    group: 'Additional',
    alowareType: 'phone',
    payloadKey: 'other_phone_numbers.fax',
    payloadKeyConfirmed: false,
    inboundKey: 'other_phone_numbers.fax',
    defaultField: 'Fax',
    defaultDirection: 'Bidirectional',
    allowedDirections: ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'],
    salesforceTypes: ['phone', 'string'],
    directionNote: "Sent in Aloware's other_phone_numbers list with the label fax (the label is unconfirmed).",
    repEditable: false,
    customField: null
  },
  {
    property: 'last_inbound_text_date',
    label: 'Last inbound text message date',
    group: 'Tracking',
    alowareType: 'date',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Inbound_Text_Date__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['date', 'datetime'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last inbound text message date',
      type: 'Date',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Date of the last text message received from this Lead in Aloware. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only.',
      inlineHelpText: 'Date of the last text message this Lead sent (from Aloware).'
    }
  },
  {
    property: 'last_outbound_text_date',
    label: 'Last outbound text message date',
    group: 'Tracking',
    alowareType: 'date',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Outbound_Text_Date__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['date', 'datetime'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last outbound text message date',
      type: 'Date',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Date of the last text message sent to this Lead from Aloware. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only.',
      inlineHelpText: 'Date of the last text message sent to this Lead (from Aloware).'
    }
  },
  {
    property: 'last_inbound_text',
    label: 'Last inbound text message',
    group: 'Tracking',
    alowareType: 'text',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Inbound_Text__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['textarea', 'string'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last inbound text message',
      type: 'LongTextArea',
      length: 32768,
      precision: null,
      scale: null,
      visibleLines: 3,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Body of the last text message received from this Lead in Aloware. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only.',
      inlineHelpText: 'The last text message this Lead sent (from Aloware).'
    }
  },
  {
    property: 'last_outbound_text',
    label: 'Last outbound text message',
    group: 'Tracking',
    alowareType: 'text',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Outbound_Text__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['textarea', 'string'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last outbound text message',
      type: 'LongTextArea',
      length: 32768,
      precision: null,
      scale: null,
      visibleLines: 3,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Body of the last text message sent to this Lead from Aloware. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only.',
      inlineHelpText: 'The last text message sent to this Lead (from Aloware).'
    }
  },
  {
    property: 'total_inbound_texts',
    label: 'Total inbound text messages',
    group: 'Tracking',
    alowareType: 'number',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: 'inbound_sms_count',
    defaultField: 'Aloware_Total_Inbound_Texts__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['double', 'integer', 'long'],
    directionNote:
      'Aloware counts it on the contact (inbound_sms_count): a contact pull or contact event sets it, communication events add to it. It only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Total inbound text messages',
      type: 'Number',
      length: null,
      precision: 18,
      scale: 0,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        "Number of text messages received from this Lead in Aloware. Aloware's own counter (inbound_sms_count), set by Aloware Lead Sync from the contact and counted up on communication events; Aloware to Salesforce only.",
      inlineHelpText: 'How many text messages this Lead has sent (from Aloware).'
    }
  },
  {
    property: 'total_outbound_texts',
    label: 'Total outbound text messages',
    group: 'Tracking',
    alowareType: 'number',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: 'outbound_sms_count',
    defaultField: 'Aloware_Total_Outbound_Texts__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['double', 'integer', 'long'],
    directionNote:
      'Aloware counts it on the contact (outbound_sms_count): a contact pull or contact event sets it, communication events add to it. It only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Total outbound text messages',
      type: 'Number',
      length: null,
      precision: 18,
      scale: 0,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        "Number of text messages sent to this Lead from Aloware. Aloware's own counter (outbound_sms_count), set by Aloware Lead Sync from the contact and counted up on communication events; Aloware to Salesforce only.",
      inlineHelpText: 'How many text messages were sent to this Lead (from Aloware).'
    }
  },
  {
    property: 'last_inbound_call_date',
    label: 'Last inbound call date',
    group: 'Tracking',
    alowareType: 'date',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Inbound_Call_Date__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['date', 'datetime'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last inbound call date',
      type: 'Date',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Date of the last call from this Lead in Aloware. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only.',
      inlineHelpText: 'Date of the last call from this Lead (from Aloware).'
    }
  },
  {
    property: 'last_outbound_call_date',
    label: 'Last outbound call date',
    group: 'Tracking',
    alowareType: 'date',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Outbound_Call_Date__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['date', 'datetime'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last outbound call date',
      type: 'Date',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Date of the last call to this Lead from Aloware. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only.',
      inlineHelpText: 'Date of the last call to this Lead (from Aloware).'
    }
  },
  {
    property: 'total_inbound_calls',
    label: 'Total inbound calls',
    group: 'Tracking',
    alowareType: 'number',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: 'inbound_call_count',
    defaultField: 'Aloware_Total_Inbound_Calls__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['double', 'integer', 'long'],
    directionNote:
      'Aloware counts it on the contact (inbound_call_count): a contact pull or contact event sets it, communication events add to it. It only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Total inbound calls',
      type: 'Number',
      length: null,
      precision: 18,
      scale: 0,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        "Number of calls from this Lead in Aloware. Aloware's own counter (inbound_call_count), set by Aloware Lead Sync from the contact and counted up on communication events; Aloware to Salesforce only.",
      inlineHelpText: 'How many calls this Lead has made to you (from Aloware).'
    }
  },
  {
    property: 'total_outbound_calls',
    label: 'Total outbound calls',
    group: 'Tracking',
    alowareType: 'number',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: 'outbound_call_count',
    defaultField: 'Aloware_Total_Outbound_Calls__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['double', 'integer', 'long'],
    directionNote:
      'Aloware counts it on the contact (outbound_call_count): a contact pull or contact event sets it, communication events add to it. It only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Total outbound calls',
      type: 'Number',
      length: null,
      precision: 18,
      scale: 0,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        "Number of calls to this Lead from Aloware. Aloware's own counter (outbound_call_count), set by Aloware Lead Sync from the contact and counted up on communication events; Aloware to Salesforce only.",
      inlineHelpText: 'How many calls were made to this Lead (from Aloware).'
    }
  },
  {
    property: 'last_inbound_call_time',
    label: 'Last inbound call time',
    group: 'Tracking',
    alowareType: 'time',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Inbound_Call_Time__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['string', 'textarea', 'time'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last inbound call time',
      type: 'Text',
      length: 40,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Time of day of the last call from this Lead, as recorded with its UTC offset. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only. Text(40), not Time, on purpose: a Salesforce Time field converts to UTC (08:33:16-07:00 would become 15:33:16.000Z) and loses the recorded offset; Text keeps the time as recorded with its offset.',
      inlineHelpText:
        'Time of the last call from this Lead. Kept as text, as recorded with its UTC offset (e.g. 08:33:16-07:00): a Time field would convert it to UTC.'
    }
  },
  {
    property: 'last_outbound_call_time',
    label: 'Last outbound call time',
    group: 'Tracking',
    alowareType: 'time',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Outbound_Call_Time__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['string', 'textarea', 'time'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last outbound call time',
      type: 'Text',
      length: 40,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Time of day of the last call to this Lead, as recorded with its UTC offset. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only. Text(40), not Time, on purpose: a Salesforce Time field converts to UTC (08:33:16-07:00 would become 15:33:16.000Z) and loses the recorded offset; Text keeps the time as recorded with its offset.',
      inlineHelpText:
        'Time of the last call to this Lead. Kept as text, as recorded with its UTC offset (e.g. 08:33:16-07:00): a Time field would convert it to UTC.'
    }
  },
  {
    property: 'last_inbound_message_time',
    label: 'Last inbound message time',
    group: 'Tracking',
    alowareType: 'time',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Inbound_Message_Time__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['string', 'textarea', 'time'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last inbound message time',
      type: 'Text',
      length: 40,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Time of day of the last text message from this Lead, as recorded with its UTC offset. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only. Text(40), not Time, on purpose: a Salesforce Time field converts to UTC (08:33:16-07:00 would become 15:33:16.000Z) and loses the recorded offset; Text keeps the time as recorded with its offset.',
      inlineHelpText:
        'Time of the last text message from this Lead. Kept as text, as recorded with its UTC offset (e.g. 08:33:16-07:00): a Time field would convert it to UTC.'
    }
  },
  {
    property: 'last_outbound_message_time',
    label: 'Last outbound message time',
    group: 'Tracking',
    alowareType: 'time',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Outbound_Message_Time__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['string', 'textarea', 'time'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last outbound message time',
      type: 'Text',
      length: 40,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Time of day of the last text message to this Lead, as recorded with its UTC offset. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only. Text(40), not Time, on purpose: a Salesforce Time field converts to UTC (08:33:16-07:00 would become 15:33:16.000Z) and loses the recorded offset; Text keeps the time as recorded with its offset.',
      inlineHelpText:
        'Time of the last text message to this Lead. Kept as text, as recorded with its UTC offset (e.g. 08:33:16-07:00): a Time field would convert it to UTC.'
    }
  },
  {
    property: 'last_call_disposition',
    label: 'Last call disposition',
    group: 'Tracking',
    alowareType: 'text',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Call_Disposition__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['string', 'textarea', 'picklist'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last call disposition',
      type: 'Text',
      length: 40,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Disposition of the last call with this Lead, inbound or outbound. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only. Longer values are truncated to 40 characters.',
      inlineHelpText: 'How the last call with this Lead ended (from Aloware).'
    }
  },
  {
    property: 'last_inbound_call_disposition',
    label: 'Last inbound call disposition',
    group: 'Tracking',
    alowareType: 'text',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Inbound_Call_Disposition__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['string', 'textarea', 'picklist'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last inbound call disposition',
      type: 'Text',
      length: 40,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Disposition of the last call from this Lead. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only. Longer values are truncated to 40 characters.',
      inlineHelpText: 'How the last call from this Lead ended (from Aloware).'
    }
  },
  {
    property: 'last_outbound_call_disposition',
    label: 'Last outbound call disposition',
    group: 'Tracking',
    alowareType: 'text',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Outbound_Call_Disposition__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['string', 'textarea', 'picklist'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last outbound call disposition',
      type: 'Text',
      length: 40,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Disposition of the last call to this Lead. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only. Longer values are truncated to 40 characters.',
      inlineHelpText: 'How the last call to this Lead ended (from Aloware).'
    }
  },
  {
    property: 'last_engagement',
    label: 'Last inbound and outbound engagement',
    group: 'Tracking',
    alowareType: 'datetime',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Engagement__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['datetime'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last inbound and outbound engagement',
      type: 'DateTime',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Date and time of the last call or text message with this Lead, in either direction. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only.',
      inlineHelpText: 'When this Lead last called, texted or was contacted (from Aloware).'
    }
  },
  {
    property: 'last_inbound_engagement',
    label: 'Last inbound engagement',
    group: 'Tracking',
    alowareType: 'datetime',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Inbound_Engagement__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['datetime'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last inbound engagement',
      type: 'DateTime',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Date and time of the last call or text message from this Lead. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only.',
      inlineHelpText: 'When this Lead last called or texted (from Aloware).'
    }
  },
  {
    property: 'last_outbound_engagement',
    label: 'Last outbound engagement',
    group: 'Tracking',
    alowareType: 'datetime',
    payloadKey: null,
    payloadKeyConfirmed: true,
    inboundKey: null,
    defaultField: 'Aloware_Last_Outbound_Engagement__c',
    defaultDirection: 'AlowareToSalesforce',
    allowedDirections: ['AlowareToSalesforce'],
    salesforceTypes: ['datetime'],
    directionNote:
      'Computed by the package from Aloware communication events (never read from a contact): it only flows from Aloware to Salesforce.',
    repEditable: false,
    customField: {
      label: 'Last outbound engagement',
      type: 'DateTime',
      length: null,
      precision: null,
      scale: null,
      visibleLines: null,
      externalId: false,
      unique: false,
      defaultValue: null,
      description:
        'Date and time of the last call or text message to this Lead. Computed by Aloware Lead Sync from Aloware communications; Aloware to Salesforce only.',
      inlineHelpText: 'When this Lead was last called or texted (from Aloware).'
    }
  }
];

/** The catalog entry of an Aloware property id, or undefined. */
export function findCatalogProperty(property: string): CatalogProperty | undefined {
  return CATALOG.find((entry) => entry.property === property);
}
