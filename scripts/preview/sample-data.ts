/**
 * The preview's people: Salesforce users (with their Aloware counterparts, matched by email as the product does)
 * and sample Leads. Shared by the emulated org (Salesforce side) and the mock Aloware API (Aloware side) so both sides
 * agree on phones and emails. Everything here is deterministic.
 */

const ID_SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character case checksum that turns a 15-character id into its 18-character form. */
export function idSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += ID_SUFFIX_CHARS.charAt(bits);
  }
  return suffix;
}

/** A valid 18-character Salesforce id: `prefix` (3 chars) + `n` zero-padded to 15 chars + the case checksum. */
export function salesforceId(prefix: string, n: number): string {
  const id15 = prefix + String(n).padStart(12, '0');
  if (id15.length !== 15) throw new Error(`id ${id15} is not 15 characters`);
  return id15 + idSuffix(id15);
}

export interface SampleUser {
  /** Salesforce User id. */
  id: string;
  name: string;
  email: string;
  /** Aloware user id with the same email, or null when the user has no Aloware account. */
  alowareUserId: number | null;
  /** Aloware's agent status text. */
  alowareStatus: string;
}

export const SAMPLE_USERS: readonly SampleUser[] = [
  {
    id: salesforceId('005', 1),
    name: 'Avery Admin',
    email: 'avery.admin@example.com',
    alowareUserId: 101,
    alowareStatus: 'Available'
  },
  {
    id: salesforceId('005', 2),
    name: 'Blake Rep',
    email: 'blake.rep@example.com',
    alowareUserId: 102,
    alowareStatus: 'On Call'
  },
  {
    id: salesforceId('005', 3),
    name: 'Casey Rep',
    email: 'casey.rep@example.com',
    alowareUserId: 103,
    alowareStatus: 'Busy'
  },
  {
    id: salesforceId('005', 4),
    name: 'Drew Salesforce-only',
    email: 'drew@example.com',
    alowareUserId: null,
    alowareStatus: ''
  }
];

/** Aloware users with no Salesforce user (the owner mapping leaves such owners unchanged). */
export const ALOWARE_ONLY_USERS = [
  {
    id: 104,
    name: 'Emery Aloware-only',
    email: 'emery@agency.example',
    agent_status: 1,
    human_readable_agent_status: 'Available'
  }
] as const;

/** A Lead of the preview: standard fields plus the package's Aloware fields (API name → value). */
export interface SampleLead {
  id: string;
  /** What the Lead demonstrates (shown in the Lead page's picker). */
  note: string;
  /** Whether Aloware already has this contact (the mock seeds it). */
  inAloware: boolean;
  alowareContactId: number | null;
  fields: Record<string, string | number | boolean | null>;
}

function lead(
  n: number,
  note: string,
  alowareContactId: number | null,
  fields: Record<string, string | number | boolean | null>
): SampleLead {
  return { id: salesforceId('00Q', n), note, inAloware: alowareContactId !== null, alowareContactId, fields };
}

const ENGAGED = {
  Aloware_Total_Inbound_Calls__c: 3,
  Aloware_Total_Outbound_Calls__c: 7,
  Aloware_Total_Inbound_Texts__c: 4,
  Aloware_Total_Outbound_Texts__c: 6,
  Aloware_Last_Inbound_Call_Date__c: '2025-11-20',
  Aloware_Last_Outbound_Call_Date__c: '2025-11-24',
  Aloware_Last_Inbound_Call_Time__c: '08:33:16-07:00',
  Aloware_Last_Outbound_Call_Time__c: '14:05:40-07:00',
  Aloware_Last_Inbound_Text_Date__c: '2025-11-22',
  Aloware_Last_Outbound_Text_Date__c: '2025-11-25',
  Aloware_Last_Inbound_Message_Time__c: '09:12:03-07:00',
  Aloware_Last_Outbound_Message_Time__c: '10:45:00-07:00',
  Aloware_Last_Inbound_Text__c: 'Yes, Thursday at 10 works for me. Can you send the pricing sheet first?',
  Aloware_Last_Outbound_Text__c: 'Great, booked for Thursday 10:00. Pricing sheet is in your inbox.',
  Aloware_Last_Call_Disposition__c: 'Appointment Set',
  Aloware_Last_Inbound_Call_Disposition__c: 'Callback Requested',
  Aloware_Last_Outbound_Call_Disposition__c: 'Appointment Set',
  Aloware_Last_Engagement__c: '2025-11-25T17:45:00.000Z',
  Aloware_Last_Inbound_Engagement__c: '2025-11-22T16:12:03.000Z',
  Aloware_Last_Outbound_Engagement__c: '2025-11-25T17:45:00.000Z'
};

export const SAMPLE_LEADS: readonly SampleLead[] = [
  lead(1, 'DNC, engaged', 5001, {
    FirstName: 'Jordan',
    LastName: 'Rivera',
    Company: 'Rivera Solar',
    Title: 'Operations Manager',
    Phone: '+14155550101',
    MobilePhone: '+14155550111',
    Email: 'jordan.rivera@riverasolar.example',
    Status: 'Working - Contacted',
    LeadSource: 'Web',
    City: 'San Francisco',
    State: 'CA',
    Country: 'United States',
    PostalCode: '94105',
    Website: 'https://riverasolar.example',
    OwnerId: SAMPLE_USERS[1]?.id ?? null,
    DoNotCall: true,
    Aloware_DNC__c: true,
    Aloware_TCPA_Approved__c: false,
    Aloware_Contact_ID__c: '5001',
    Aloware_Lead_Link__c: 'https://app.aloware.com/contacts/5001',
    Aloware_Incoming_Number__c: '+14155550999',
    ...ENGAGED
  }),
  lead(2, 'engaged, TCPA approved', 5002, {
    FirstName: 'Priya',
    LastName: 'Natarajan',
    Company: 'Northwind Logistics',
    Title: 'VP Sales',
    Phone: '+12125550102',
    Email: 'priya@northwind.example',
    Status: 'Open - Not Contacted',
    LeadSource: 'Partner Referral',
    City: 'New York',
    State: 'NY',
    Country: 'United States',
    PostalCode: '10001',
    OwnerId: SAMPLE_USERS[2]?.id ?? null,
    DoNotCall: false,
    Aloware_DNC__c: false,
    Aloware_TCPA_Approved__c: true,
    // Created in Aloware (the push got a 201 with the contact id) before the link was written: the card builds
    // "Open in Aloware" from the id and the settings' link template.
    Aloware_Contact_ID__c: '5002',
    Aloware_Lead_Link__c: null,
    ...ENGAGED,
    Aloware_Total_Inbound_Calls__c: 1,
    Aloware_Last_Inbound_Text__c: 'Please call me after 3pm.',
    // The latest call (outbound, Nov 24) and "last call disposition" agree, as Aloware records them.
    Aloware_Last_Outbound_Call_Disposition__c: 'Left Voicemail',
    Aloware_Last_Call_Disposition__c: 'Left Voicemail'
  }),
  lead(3, 'no engagement yet', null, {
    FirstName: 'Sam',
    LastName: 'Okafor',
    Company: 'Okafor & Sons',
    Title: 'Owner',
    Phone: '+13125550103',
    Email: 'sam@okafor.example',
    Status: 'Open - Not Contacted',
    LeadSource: 'Trade Show',
    OwnerId: SAMPLE_USERS[0]?.id ?? null,
    DoNotCall: false,
    Aloware_DNC__c: false,
    Aloware_TCPA_Approved__c: false
  }),
  lead(4, 'queue-owned, no phone', null, {
    FirstName: 'Lee',
    LastName: 'Chen',
    Company: 'Chen Dental',
    Title: null,
    Phone: null,
    Email: 'lee@chendental.example',
    Status: 'Open - Not Contacted',
    LeadSource: 'Web',
    OwnerId: salesforceId('00G', 1),
    DoNotCall: false,
    Aloware_DNC__c: false,
    Aloware_TCPA_Approved__c: false
  })
];

/** Name of a sample Lead ("First Last"). */
export function leadName(l: SampleLead): string {
  return [l.fields.FirstName, l.fields.LastName].filter((v) => typeof v === 'string' && v !== '').join(' ');
}

/** Lead names for generated sync-log rows (deterministic pool). */
export const GENERATED_LEAD_NAMES: readonly string[] = (() => {
  const first = ['Alex', 'Bailey', 'Cameron', 'Dakota', 'Elliot', 'Finley', 'Gray', 'Harper', 'Indy', 'Jules'];
  const last = ['Adams', 'Brooks', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Jensen'];
  const names: string[] = [];
  for (const l of last) for (const f of first) names.push(`${f} ${l}`);
  return names;
})();
