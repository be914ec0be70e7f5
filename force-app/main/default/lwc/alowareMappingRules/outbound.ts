/*
 * Outbound: a Lead + mappings (+ owner directory) → the body of POST /api/v1/webhook/forms, without api_token (the
 * callout layer adds it; it never appears in the engine's output). Mirrors Apex AlowareOutboundMapper.
 */
import { DNC_PROPERTY, PHONE_PROPERTY, catalogEntry } from './catalogIndex';
import { FieldIssue, IssueCode, issue } from './codes';
import { toAloware } from './convert';
import { fingerprintOf, outboundMappings } from './fingerprint';
import { EngineSettings, FieldMapping, RecordValues, canonicalText, isBlank, isQueueId } from './model';
import { OwnerDirectory } from './owners';

export interface OutboundPayload {
  /** The forms body (empty when skipped). `force_update: true` is always set. */
  readonly payload: Record<string, unknown>;
  /** True when the Lead must not be pushed (no usable phone). */
  readonly skipped: boolean;
  /** `PHONE_MISSING` or `PHONE_INVALID` when skipped. */
  readonly skipReason: IssueCode | null;
  readonly skipMessage: string | null;
  /** Values left out (invalid, owner rules) and notes (extension dropped). */
  readonly warnings: FieldIssue[];
  /** Fingerprint of the outbound-mapped values (echo suppression). */
  readonly fingerprint: string;
}

function place(payload: Record<string, unknown>, key: string, value: unknown): void {
  const dot = key.indexOf('.');
  if (dot < 0) {
    payload[key] = value;
    return;
  }
  const listKey = key.slice(0, dot);
  const existing = payload[listKey];
  const list = Array.isArray(existing) ? (existing as unknown[]) : [];
  list.push({ label: key.slice(dot + 1), phone_number: value });
  payload[listKey] = list;
}

/** Builds the forms payload for one Lead. */
export function buildOutbound(
  record: RecordValues,
  mappings: readonly FieldMapping[],
  owners: OwnerDirectory,
  settings: EngineSettings
): OutboundPayload {
  const payload: Record<string, unknown> = {};
  const warnings: FieldIssue[] = [];
  const fingerprint = fingerprintOf(record, mappings);
  const rows = outboundMappings(mappings);
  const phoneRow = rows.find((row) => row.alowareProperty === PHONE_PROPERTY);
  /* istanbul ignore next -- outboundMappings always adds the locked phone row */
  const phoneField = phoneRow ? phoneRow.salesforceField : 'Phone';
  const rawPhone = record.get(phoneField);
  const phone = toAloware(rawPhone, 'phone', settings);
  if (phone.blank || phone.error) {
    const reason: IssueCode = phone.blank ? 'PHONE_MISSING' : 'PHONE_INVALID';
    const message = phone.blank
      ? `The Lead has no ${phoneField}: Aloware identifies contacts by phone number. Add a phone number to sync it.`
      : `The Lead's ${phoneField} is not a usable phone number (${phone.error?.message}) Correct it to sync the Lead.`;
    return { payload: {}, skipped: true, skipReason: reason, skipMessage: message, warnings, fingerprint };
  }
  payload[PHONE_PROPERTY] = phone.value;
  for (const note of phone.warnings)
    warnings.push(issue(note.code, 'warning', PHONE_PROPERTY, phoneField, note.message));

  for (const row of rows) {
    if (row.alowareProperty === PHONE_PROPERTY) continue;
    const entry = catalogEntry(row.alowareProperty);
    if (!entry) {
      warnings.push(
        issue(
          'PROPERTY_UNKNOWN',
          'warning',
          row.alowareProperty,
          row.salesforceField,
          `Aloware property '${row.alowareProperty}' is not in the catalog: the row is ignored. Remove or correct the mapping row.`
        )
      );
      continue;
    }
    if (entry.payloadKey === null) continue;
    const raw = record.get(row.salesforceField);
    if (entry.alowareType === 'owner') {
      addOwner(payload, warnings, row, entry.payloadKey, raw, owners);
      continue;
    }
    const converted = toAloware(raw, entry.alowareType, settings);
    for (const note of converted.warnings)
      warnings.push(issue(note.code, 'warning', row.alowareProperty, row.salesforceField, note.message));
    if (converted.error) {
      warnings.push(
        issue(
          converted.error.code,
          'warning',
          row.alowareProperty,
          row.salesforceField,
          `${converted.error.message} The value was not sent.`
        )
      );
      continue;
    }
    if (converted.blank) continue;
    if (row.alowareProperty === DNC_PROPERTY && converted.value === false && !settings.allowDncClearing) continue;
    place(payload, entry.payloadKey, converted.value);
  }
  payload.force_update = true;
  return { payload, skipped: false, skipReason: null, skipMessage: null, warnings, fingerprint };
}

function addOwner(
  payload: Record<string, unknown>,
  warnings: FieldIssue[],
  row: FieldMapping,
  payloadKey: string,
  raw: unknown,
  owners: OwnerDirectory
): void {
  if (isBlank(raw)) return;
  const ownerId = canonicalText(raw) ?? '';
  if (isQueueId(ownerId)) {
    warnings.push(
      issue(
        'OWNER_IS_QUEUE',
        'warning',
        row.alowareProperty,
        row.salesforceField,
        'The Lead is owned by a queue: no owner is sent to Aloware. Assign the Lead to a user to sync its owner.'
      )
    );
    return;
  }
  const match = owners.alowareUserFor(ownerId);
  if (match.status !== 'FOUND' || match.id === null) {
    warnings.push(
      issue(
        'OWNER_NOT_IN_ALOWARE',
        'warning',
        row.alowareProperty,
        row.salesforceField,
        match.status === 'AMBIGUOUS'
          ? `Several Aloware users have the owner's email ${match.email ?? ''}: no owner is sent. Give each Aloware user a distinct email.`
          : `The Lead owner has no Aloware user with the same email${match.email ? ` (${match.email})` : ''}: no owner is sent. Create the user in Aloware or run User Sync.`
      )
    );
    return;
  }
  payload[payloadKey] = /^\d{1,15}$/.test(match.id) ? Number(match.id) : match.id;
}
