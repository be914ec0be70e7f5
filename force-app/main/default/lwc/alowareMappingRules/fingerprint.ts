/*
 * Echo suppression: a stable fingerprint of a Lead's outbound-mapped values. The outbound layer pushes a Lead only
 * when its fingerprint differs from the last one sent (or written by the inbound sync), so values that did not change
 * (including values Aloware just wrote) produce no push. Mirrors Apex AlowareFingerprint.
 *
 * Canonical text (version line, then one line per outbound-mapped field, sorted by code unit):
 *   aloware-fp-v1
 *   <property lower-case>|<field as mapped, lower-case>=<canonical value, `\` `\n` `\r` escaped, `\N` for blank>
 * Fingerprint = SHA-256 hex of the canonical text's UTF-8 bytes.
 */
import { activeSorted, lockedProperties } from './catalogIndex';
import { FieldMapping, RecordValues, SENDS_TO_ALOWARE, canonicalText } from './model';
import { sha256Hex } from './sha256';

export const FINGERPRINT_VERSION = 'aloware-fp-v1';

/**
 * The rows whose values go to Aloware: active rows with an outbound direction, plus the locked identifiers
 * (phone, email), which are always sent (their own row's field when one exists, else the catalog default).
 */
export function outboundMappings(mappings: readonly FieldMapping[]): FieldMapping[] {
  const result = activeSorted(mappings).filter(
    (mapping) =>
      SENDS_TO_ALOWARE.has(mapping.direction) &&
      (mapping.alowareProperty ?? '').trim() !== '' &&
      (mapping.salesforceField ?? '').trim() !== ''
  );
  const identifiers: FieldMapping[] = [];
  for (const locked of lockedProperties()) {
    if (result.some((mapping) => mapping.alowareProperty === locked.property)) continue;
    const own = mappings.find(
      (mapping) => mapping.alowareProperty === locked.property && (mapping.salesforceField ?? '').trim() !== ''
    );
    identifiers.push({
      alowareProperty: locked.property,
      salesforceField: own ? own.salesforceField : locked.defaultField,
      direction: 'Bidirectional',
      active: true,
      locked: true,
      mappingGroup: locked.group
    });
  }
  return [...identifiers, ...result];
}

function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The canonical text the fingerprint hashes (exposed for diagnostics and the conformance vectors). */
export function fingerprintCanonical(record: RecordValues, mappings: readonly FieldMapping[]): string {
  const lines = outboundMappings(mappings).map((mapping) => {
    const value = canonicalText(record.get(mapping.salesforceField));
    const key = `${mapping.alowareProperty.toLowerCase()}|${mapping.salesforceField.toLowerCase()}`;
    return `${key}=${value === null ? '\\N' : escapeValue(value)}`;
  });
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [FINGERPRINT_VERSION, ...lines].join('\n');
}

/** SHA-256 hex of the canonical text: equal for Leads whose outbound-mapped values are equal. */
export function fingerprintOf(record: RecordValues, mappings: readonly FieldMapping[]): string {
  return sha256Hex(fingerprintCanonical(record, mappings));
}
