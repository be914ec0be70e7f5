/**
 * The mock Aloware account's data: users and contacts, keyed by phone as Aloware is. Seeded from the preview's sample
 * people. Contact JSON carries the keys the catalog reads inbound (`inboundKey`): top-level contact keys,
 * `other_phone_numbers`, and Aloware's own counters (`inbound_call_count`, `outbound_call_count`, `inbound_sms_count`,
 * `outbound_sms_count`, `nb_communications`), which real contact JSON carries (webhook `body.contact`). No link and no
 * other engagement values: the package builds the link from the contact id and computes engagement from events.
 */
import { ALOWARE_ONLY_USERS, SAMPLE_LEADS, SAMPLE_USERS } from '../sample-data';

export interface AlowareUser {
  id: number;
  name: string;
  email: string;
  agent_status: number;
  human_readable_agent_status: string;
}

export interface AlowareContact {
  id: number;
  phone_number: string;
  first_name: string | null;
  last_name: string | null;
  name: string | null;
  email: string | null;
  company_name: string | null;
  lead_source: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  address: string | null;
  website: string | null;
  notes: string | null;
  timezone: string | null;
  date_of_birth: string | null;
  csf1: string | null;
  csf2: string | null;
  user_id: number | null;
  is_dnc: boolean;
  tcpa_approved: boolean;
  incoming_number: string | null;
  other_phone_numbers: { label: string; phone_number: string }[];
  inbound_call_count: number;
  outbound_call_count: number;
  inbound_sms_count: number;
  outbound_sms_count: number;
  nb_communications: number;
  created_at: string;
  updated_at: string;
}

/** Keys `POST /api/v1/webhook/forms` copies onto the contact as given. */
const FORM_TEXT_KEYS = [
  'first_name',
  'last_name',
  'name',
  'email',
  'company_name',
  'lead_source',
  'city',
  'state',
  'zipcode',
  'country',
  'address',
  'website',
  'notes',
  'timezone',
  'date_of_birth',
  'csf1',
  'csf2'
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function stamp(date: Date = new Date()): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}

export class AlowareDirectory {
  readonly users: AlowareUser[];
  readonly contacts: AlowareContact[] = [];
  private nextId = 9001;

  constructor() {
    this.users = [
      ...SAMPLE_USERS.filter((u) => u.alowareUserId !== null).map((u) => ({
        id: u.alowareUserId ?? 0,
        name: u.name,
        email: u.email,
        agent_status: 1,
        human_readable_agent_status: u.alowareStatus
      })),
      ...ALOWARE_ONLY_USERS.map((u) => ({ ...u }))
    ];
    for (const l of SAMPLE_LEADS) {
      if (!l.inAloware || l.alowareContactId === null) continue;
      const f = l.fields;
      const owner = SAMPLE_USERS.find((u) => u.id === f.OwnerId);
      const contact = this.blankContact(l.alowareContactId, String(f.Phone ?? ''));
      Object.assign(contact, {
        first_name: text(f.FirstName),
        last_name: text(f.LastName),
        name: [f.FirstName, f.LastName].filter(Boolean).join(' '),
        email: text(f.Email),
        company_name: text(f.Company),
        lead_source: text(f.LeadSource),
        city: text(f.City),
        state: text(f.State),
        zipcode: text(f.PostalCode),
        country: text(f.Country),
        website: text(f.Website),
        user_id: owner?.alowareUserId ?? null,
        is_dnc: f.Aloware_DNC__c === true,
        tcpa_approved: f.Aloware_TCPA_Approved__c === true,
        incoming_number: text(f.Aloware_Incoming_Number__c)
      });
      if (typeof f.MobilePhone === 'string')
        contact.other_phone_numbers.push({ label: 'mobile', phone_number: f.MobilePhone });
      const count = (value: unknown): number => (typeof value === 'number' ? value : 0);
      contact.inbound_call_count = count(f.Aloware_Total_Inbound_Calls__c);
      contact.outbound_call_count = count(f.Aloware_Total_Outbound_Calls__c);
      contact.inbound_sms_count = count(f.Aloware_Total_Inbound_Texts__c);
      contact.outbound_sms_count = count(f.Aloware_Total_Outbound_Texts__c);
      contact.nb_communications =
        contact.inbound_call_count +
        contact.outbound_call_count +
        contact.inbound_sms_count +
        contact.outbound_sms_count;
      this.contacts.push(contact);
    }
  }

  /** Digits with a leading `+` (E.164-ish); null when fewer than 10 digits. */
  static normalizePhone(raw: string): string | null {
    const digits = raw.replace(/[^\d]/g, '');
    if (digits.length < 10 || digits.length > 15) return null;
    return '+' + (digits.length === 10 ? '1' + digits : digits);
  }

  findByPhone(phone: string): AlowareContact | undefined {
    return this.contacts.find(
      (c) => c.phone_number === phone || c.other_phone_numbers.some((o) => o.phone_number === phone)
    );
  }

  private blankContact(id: number, phone: string): AlowareContact {
    const now = stamp();
    return {
      id,
      phone_number: AlowareDirectory.normalizePhone(phone) ?? phone,
      first_name: null,
      last_name: null,
      name: null,
      email: null,
      company_name: null,
      lead_source: null,
      city: null,
      state: null,
      zipcode: null,
      country: null,
      address: null,
      website: null,
      notes: null,
      timezone: null,
      date_of_birth: null,
      csf1: null,
      csf2: null,
      user_id: null,
      is_dnc: false,
      tcpa_approved: false,
      incoming_number: null,
      other_phone_numbers: [],
      inbound_call_count: 0,
      outbound_call_count: 0,
      inbound_sms_count: 0,
      outbound_sms_count: 0,
      nb_communications: 0,
      created_at: now,
      updated_at: now
    };
  }

  /** `POST /api/v1/webhook/forms`: validation, then create (201) or update (200; 409 without `force_update`). */
  upsertFromForm(body: Record<string, unknown>): { status: number; body: Record<string, unknown> } {
    const rawPhone = body.phone_number;
    if (rawPhone === undefined || rawPhone === null || rawPhone === '') {
      return { status: 400, body: { error: 'The phone number field is required.' } };
    }
    const phone = AlowareDirectory.normalizePhone(String(rawPhone));
    if (!phone) return { status: 400, body: { error: 'Phone number is empty or invalid.' } };
    if (body.email !== undefined && body.email !== null && body.email !== '' && !EMAIL.test(String(body.email))) {
      return { status: 400, body: { error: 'The email must be a valid email address.' } };
    }
    if (body.user_id !== undefined && body.user_id !== null && !this.users.some((u) => u.id === Number(body.user_id))) {
      return { status: 400, body: { error: 'The selected user id is invalid.' } };
    }
    if (body.other_phone_numbers !== undefined && !Array.isArray(body.other_phone_numbers)) {
      return { status: 400, body: { error: 'The other phone numbers must be an array.' } };
    }
    let contact = this.findByPhone(phone);
    const created = !contact;
    if (contact && body.force_update !== true) {
      return { status: 409, body: { error: 'Contact already exists' } };
    }
    if (!contact) {
      contact = this.blankContact(this.nextId++, phone);
      this.contacts.push(contact);
    }
    for (const key of FORM_TEXT_KEYS) {
      if (key in body) contact[key] = text(body[key]);
    }
    if ('user_id' in body) contact.user_id = body.user_id === null ? null : Number(body.user_id);
    if ('is_dnc' in body) contact.is_dnc = body.is_dnc === true || body.is_dnc === 1 || body.is_dnc === 'true';
    if ('tcpa_approved' in body) contact.tcpa_approved = body.tcpa_approved === true || body.tcpa_approved === 1;
    if (Array.isArray(body.other_phone_numbers)) {
      for (const entry of body.other_phone_numbers as unknown[]) {
        if (!entry || typeof entry !== 'object') continue;
        const { label, phone_number } = entry as { label?: unknown; phone_number?: unknown };
        const normalized = AlowareDirectory.normalizePhone(String(phone_number ?? ''));
        if (typeof label !== 'string' || !normalized) continue;
        const existing = contact.other_phone_numbers.find((o) => o.label === label);
        if (existing) existing.phone_number = normalized;
        else contact.other_phone_numbers.push({ label, phone_number: normalized });
      }
    }
    contact.updated_at = stamp();
    return created
      ? { status: 201, body: { message: 'Contact has been created.', contact_id: contact.id } }
      : { status: 200, body: { message: 'Contact has been updated.', contact_id: contact.id } };
  }
}
