/**
 * The preview's stand-in for the package's webhook endpoint (Apex REST): authenticates like
 * `AlowareWebhookAuthenticator` (Bearer secret, Basic password or `?token=`), reads the envelope,
 * routes the event by name (the defaults of `AlowareEventRouter`), applies communications to the Lead's engagement
 * tracking fields and DNC changes with "most restrictive wins", and writes an Inbound sync-log entry for each event.
 * Unknown and duplicate events are answered 200 and logged Ignored, as the package does.
 */
import { previewInbound } from '../../../force-app/main/default/lwc/alowareMappingRules/alowareMappingRules';
import { engineDescribe } from './mappings';
import type { LeadRecord, PreviewState } from './state';

export interface WebhookResult {
  status: number;
  body: Record<string, unknown>;
}

type Handler = 'communication' | 'contact' | 'dnc' | 'ignore';

/** Default event routing (lower-case names), as in AlowareEventRouter. */
const ROUTES: Record<string, Handler> = {
  'outboundphonecall-dispositioncompleted': 'communication',
  'inboundsms-dispositioncompleted': 'communication',
  'transcription.call.summarized': 'ignore',
  'inboundphonecall-dispositioncompleted': 'communication',
  'outboundsms-dispositioncompleted': 'communication',
  'communication-disposed': 'communication',
  'call-disposed': 'communication',
  'communication-initiated': 'ignore',
  'contact-created': 'contact',
  'contact-updated': 'contact',
  'contact-disposed': 'contact',
  'contact-dncupdated': 'dnc',
  'contact-dnc-updated': 'dnc',
  'appointment-saved': 'ignore',
  'voicemail-saved': 'ignore',
  'recording-saved': 'ignore',
  'transcription-saved': 'ignore'
};

const seenEvents = new WeakMap<PreviewState, Set<string>>();

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads Aloware's zone-less `YYYY-MM-DD HH:MM:SS` as UTC (the account time zone of the preview). */
function parseNaive(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

function phoneOf(body: Record<string, unknown>): string | null {
  const contact = body.contact as Record<string, unknown> | undefined;
  const value = body.lead_number ?? body.phone_number ?? contact?.phone_number;
  return typeof value === 'string' && value !== '' ? value : null;
}

function applyCommunication(lead: LeadRecord, event: string, body: Record<string, unknown>): string {
  const lower = event.toLowerCase();
  const sms = body.type === 2 || lower.includes('sms');
  const inbound = body.direction === 1 || (body.direction === undefined && lower.startsWith('inbound'));
  const at = parseNaive(body.created_at) ?? new Date();
  const date = at.toISOString().slice(0, 10);
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}+00:00`;
  const side = inbound ? 'Inbound' : 'Outbound';
  const disposition = typeof body.disposition_status === 'string' ? body.disposition_status : null;
  if (sms) {
    lead[`Aloware_Last_${side}_Text_Date__c`] = date;
    lead[`Aloware_Last_${side}_Message_Time__c`] = time;
    lead[`Aloware_Last_${side}_Text__c`] = typeof body.body === 'string' ? body.body : null;
    lead[`Aloware_Total_${side}_Texts__c`] = Number(lead[`Aloware_Total_${side}_Texts__c`] ?? 0) + 1;
  } else {
    lead[`Aloware_Last_${side}_Call_Date__c`] = date;
    lead[`Aloware_Last_${side}_Call_Time__c`] = time;
    lead[`Aloware_Total_${side}_Calls__c`] = Number(lead[`Aloware_Total_${side}_Calls__c`] ?? 0) + 1;
    if (disposition) {
      lead[`Aloware_Last_${side}_Call_Disposition__c`] = disposition;
      lead.Aloware_Last_Call_Disposition__c = disposition;
    }
  }
  lead[`Aloware_Last_${side}_Engagement__c`] = at.toISOString();
  lead.Aloware_Last_Engagement__c = at.toISOString();
  return `${side} ${sms ? 'text' : 'call'} on ${date} ${time} recorded`;
}

/** The secret in an Authorization header: Bearer credentials or the Basic password (as the Apex authenticator). */
export function secretFromAuthorization(authorization: string): string | null {
  const value = authorization.trim();
  const space = value.indexOf(' ');
  if (space < 1) return null;
  const scheme = value.slice(0, space).toLowerCase();
  const credentials = value.slice(space + 1).trim();
  if (scheme === 'bearer') return credentials === '' ? null : credentials;
  if (scheme !== 'basic') return null;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const password = decoded.slice(colon + 1);
  return password === '' ? null : password;
}

/**
 * Applies Aloware contact values to a Lead with the mapping engine (mappings whose direction accepts Aloware values,
 * only values that differ; refused values are reported and the others still apply).
 */
async function applyContact(state: PreviewState, lead: LeadRecord, contact: Record<string, unknown>): Promise<string> {
  const options = state.settings.options;
  const result = previewInbound(
    contact,
    lead,
    state.mappings.active(),
    engineDescribe(),
    await state.mappings.engineOwners(),
    {
      accountTimeZone: options.accountTimeZone,
      defaultPhoneCountry: options.defaultPhoneCountry,
      allowDncClearing: options.allowDncClearing
    }
  );
  Object.assign(lead, result.changes);
  const changed = Object.keys(result.changes);
  const refused = result.errors.map((e) => e.message);
  return (
    (changed.length ? `Updated ${changed.join(', ')}.` : 'No mapped value differs.') +
    (refused.length ? ` Refused: ${refused.join(' ')}` : '')
  );
}

export async function applyWebhook(
  state: PreviewState,
  authorization: string,
  urlToken: string | null,
  envelope: Record<string, unknown>
): Promise<WebhookResult> {
  const secret = secretFromAuthorization(authorization);
  const authentic =
    (secret !== null && state.settings.secrets.includes(secret)) ||
    (urlToken !== null && urlToken !== '' && state.settings.urlTokens.includes(urlToken));
  if (!authentic) {
    return { status: 401, body: { error: 'Unauthorized: the webhook secret or URL token does not match.' } };
  }
  const event = typeof envelope.event === 'string' ? envelope.event : null;
  const body = envelope.body && typeof envelope.body === 'object' ? (envelope.body as Record<string, unknown>) : null;
  if (!event || !body) {
    return { status: 400, body: { error: 'Expected {"event": "<name>", "body": {...}}.' } };
  }
  const handler = ROUTES[event.toLowerCase()];
  const eventId = body.id === undefined || body.id === null ? null : String(body.id);
  const phone = phoneOf(body);
  const lead = phone ? state.leadByPhone(phone) : undefined;
  const log = (status: string, message: string | null): WebhookResult => {
    const entry = state.syncLog.append({
      leadId: lead?.Id ?? null,
      leadName: typeof lead?.Name === 'string' ? lead.Name : null,
      direction: 'Inbound',
      source: 'Webhook',
      status,
      attempts: 1,
      httpStatus: null,
      outcome: status === 'Succeeded' ? 'SUCCESS' : null,
      errorMessage: status === 'Succeeded' ? null : message,
      correlationId: eventId ? `event-${eventId}` : null,
      completedAt: Date.now(),
      nextAttemptAt: null,
      requestSummary: `${event} ${JSON.stringify(body).slice(0, 1000)}`,
      responseSummary: message,
      eventName: event
    });
    return { status: 200, body: { status, log: entry.name, message } };
  };
  if (!handler) return log('Ignored', `Unknown event "${event}": logged and ignored (add it to the event overrides).`);
  if (handler === 'ignore') return log('Ignored', `Event "${event}" is not used by Lead Sync.`);
  let seen = seenEvents.get(state);
  if (!seen) seenEvents.set(state, (seen = new Set()));
  const key = `${handler}:${eventId}`;
  if (handler === 'communication' && eventId && seen.has(key)) {
    return log('Ignored', `Duplicate delivery of communication ${eventId}: already applied.`);
  }
  if (!lead) return log('Skipped', `No Lead with phone ${phone ?? '(none in the event)'}.`);
  let message: string;
  if (handler === 'communication') {
    message = applyCommunication(lead, event, body);
  } else if (handler === 'dnc') {
    const dnc = body.is_dnc === true || body.is_dnc === 1;
    if (dnc) {
      lead.Aloware_DNC__c = true;
      message = 'DNC set (most restrictive wins).';
    } else if (lead.Aloware_DNC__c === true && state.settings.options.allowDncClearing) {
      lead.Aloware_DNC__c = false;
      message = 'DNC cleared (the settings allow clearing DNC from Aloware).';
    } else if (lead.Aloware_DNC__c === true) {
      return log('Skipped', 'Aloware cleared DNC, but clearing DNC from Aloware is not allowed by the settings.');
    } else {
      message = 'DNC already clear.';
    }
  } else {
    message = await applyContact(state, lead, body);
  }
  if (eventId) seen.add(key);
  lead.LastModifiedDate = new Date().toISOString();
  return log('Succeeded', message);
}

/** One Lead of a one-time pull: looks the contact up by phone and applies the mapped contact values. */
export async function pullLead(state: PreviewState, lead: LeadRecord): Promise<void> {
  const phone = typeof lead.Phone === 'string' && lead.Phone !== '' ? lead.Phone : null;
  const base = {
    leadId: lead.Id,
    leadName: typeof lead.Name === 'string' ? lead.Name : null,
    direction: 'Inbound',
    source: 'Pull',
    attempts: 1,
    correlationId: null,
    nextAttemptAt: null,
    eventName: null
  };
  if (!phone || state.apiToken === null) {
    state.syncLog.append({
      ...base,
      status: 'Skipped',
      httpStatus: null,
      outcome: null,
      errorMessage: phone ? 'No Aloware API token.' : 'Lead has no phone number: Aloware looks contacts up by phone.',
      completedAt: Date.now(),
      requestSummary: null,
      responseSummary: null
    });
    return;
  }
  const response = await state.aloware.contactByPhone(state.apiToken, phone);
  let status = 'Failed';
  let message: string | null = response.message;
  if (response.outcome === 'SUCCESS' && response.body && typeof response.body === 'object') {
    status = 'Succeeded';
    message = await applyContact(state, lead, response.body as Record<string, unknown>);
  } else if (response.outcome === 'NOT_FOUND') {
    status = 'Skipped';
    message = 'Aloware has no contact with this phone number.';
  }
  state.syncLog.append({
    ...base,
    status,
    httpStatus: response.status || null,
    outcome: response.outcome,
    errorMessage: status === 'Succeeded' ? null : message,
    completedAt: Date.now(),
    requestSummary: response.request,
    responseSummary: `${response.status} ${response.raw}`.trim()
  });
}
