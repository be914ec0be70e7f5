/*
 * Drift checks between the TypeScript rules, the Apex engine and the catalog:
 * - AlowareCatalogRules.cls is GENERATED from catalog/aloware-lead-catalog.json by `renderCatalogRules` below.
 *   Regenerate: `ALOWARE_WRITE_APEX=1 npx jest force-app/main/default/lwc/alowareMappingRules/__tests__/apexDrift`
 *   then `npx prettier --write force-app/main/default/classes/engine/AlowareCatalogRules.cls`.
 * - the shared tables (issue codes, phone countries, compatibility matrix) are the same text in both languages;
 * - the catalog only uses type pairs and directions the engine can honour.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CATALOG } from 'c/alowareCatalog';
import { COMPATIBILITY, ISSUE_CODES, PHONE_COUNTRIES, isCompatible } from 'c/alowareMappingRules';

const ROOT = join(__dirname, '..', '..', '..', '..', '..', '..');
const ENGINE = join(ROOT, 'force-app', 'main', 'default', 'classes', 'engine');
const CATALOG_RULES_PATH = join(ENGINE, 'AlowareCatalogRules.cls');

interface CatalogJsonProperty {
  property: string;
  label: string;
  group: string;
  alowareType: string;
  payloadKey: string | null;
  inboundKey: string | null;
  defaultField: string;
  defaultDirection: string;
  allowedDirections: string[];
  salesforceTypes: string[];
  directionNote: string | null;
}

function apexString(value: string | null): string {
  if (value === null) return 'null';
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** The Apex source of AlowareCatalogRules for a catalog (before Prettier). */
function renderCatalogRules(catalog: { version: number; properties: CatalogJsonProperty[] }): string {
  const rows = catalog.properties.map((p) => {
    const values = [
      p.property,
      p.label,
      p.group,
      p.alowareType,
      p.payloadKey,
      p.inboundKey,
      p.defaultField,
      p.defaultDirection,
      p.allowedDirections.join(','),
      p.salesforceTypes.join(','),
      p.directionNote
    ];
    return `            entry(new List<String>{ ${values.map(apexString).join(', ')} })`;
  });
  return `/**
 * @description GENERATED from catalog/aloware-lead-catalog.json by
 * force-app/main/default/lwc/alowareMappingRules/__tests__/apexDrift.test.ts: do not edit by hand (the jest drift
 * test fails when this class and the catalog differ). The catalog knowledge the Apex engine needs: payload and
 * inbound keys, value kinds, locked rows, allowed directions, compatible Salesforce types and default mappings.
 */
public inherited sharing class AlowareCatalogRules {
    /** @description Catalog version this class was generated from. */
    public static final Integer CATALOG_VERSION = ${catalog.version};
    private static List<Entry> entries;
    private static Map<String, Entry> byProperty;

    /**
     * @description One Aloware Lead property of the catalog.
     */
    public class Entry {
        /** @description Stable Aloware property id. */
        public String property;
        /** @description Aloware's name for the property. */
        public String label;
        /** @description Locked, Special, Open, Additional or Tracking. */
        public String mappingGroup;
        /** @description Value kind on the Aloware side. */
        public String alowareType;
        /** @description Key in POST /api/v1/webhook/forms (\`list.label\` for a labelled phone), or null. */
        public String payloadKey;
        /** @description Key (or dotted path) read from Aloware data, or null. */
        public String inboundKey;
        /** @description Default Lead field API name (no namespace). */
        public String defaultField;
        /** @description Default direction. */
        public String defaultDirection;
        /** @description Directions an admin may choose. */
        public List<String> allowedDirections;
        /** @description Compatible Salesforce field types. */
        public List<String> salesforceTypes;
        /** @description Why the directions are restricted, or null. */
        public String directionNote;
    }

    /**
     * @description Every catalog property, in catalog (panel) order.
     * @return the entries
     */
    public static List<Entry> all() {
        if (entries == null) {
            entries = build();
            byProperty = new Map<String, Entry>();
            for (Entry item : entries) {
                byProperty.put(item.property, item);
            }
        }
        return entries;
    }

    /**
     * @description The entry of a property id, or null.
     * @param property Aloware property id
     * @return the entry or null
     */
    public static Entry find(String property) {
        all();
        return property == null ? null : byProperty.get(property);
    }

    /**
     * @description The locked (identifier) properties.
     * @return the entries
     */
    public static List<Entry> locked() {
        List<Entry> result = new List<Entry>();
        for (Entry item : all()) {
            if (item.mappingGroup == 'Locked') {
                result.add(item);
            }
        }
        return result;
    }

    /**
     * @description The default mapping set: one active row per property, sort order 10, 20, ...
     * @return the rows
     */
    public static List<AlowareFieldMapping> defaultMappings() {
        List<AlowareFieldMapping> rows = new List<AlowareFieldMapping>();
        for (Entry item : all()) {
            AlowareFieldMapping row = new AlowareFieldMapping(item.property, item.defaultField, item.defaultDirection);
            row.mappingGroup = item.mappingGroup;
            row.locked = item.mappingGroup == 'Locked';
            row.sortOrder = (rows.size() + 1) * 10;
            rows.add(row);
        }
        return rows;
    }

    private static Entry entry(List<String> values) {
        Entry item = new Entry();
        item.property = values[0];
        item.label = values[1];
        item.mappingGroup = values[2];
        item.alowareType = values[3];
        item.payloadKey = values[4];
        item.inboundKey = values[5];
        item.defaultField = values[6];
        item.defaultDirection = values[7];
        item.allowedDirections = values[8].split(',');
        item.salesforceTypes = values[9].split(',');
        item.directionNote = values[10];
        return item;
    }

    private static List<Entry> build() {
        return new List<Entry>{
${rows.join(',\n')}
        };
    }
}
`;
}

/** Whitespace-insensitive form (Prettier may re-wrap the generated source). */
function normalise(source: string): string {
  return source
    .replace(/\s+/g, ' ')
    .replace(/ ?([(){},;=]) ?/g, '$1')
    .trim();
}

function readCatalog(): { version: number; properties: CatalogJsonProperty[] } {
  return JSON.parse(readFileSync(join(ROOT, 'catalog', 'aloware-lead-catalog.json'), 'utf8')) as {
    version: number;
    properties: CatalogJsonProperty[];
  };
}

function apexSource(name: string): string {
  return readFileSync(join(ENGINE, `${name}.cls`), 'utf8');
}

/** The concatenated string literal assigned to `constant` in an Apex class. */
function apexStringConstant(source: string, constant: string): string {
  const match = new RegExp(`${constant}\\s*=\\s*((?:'[^']*'\\s*\\+?\\s*)+);`).exec(source);
  if (!match) throw new Error(`constant ${constant} not found`);
  return [...match[1].matchAll(/'([^']*)'/g)].map((part) => part[1]).join('');
}

describe('Apex engine drift', () => {
  it('AlowareCatalogRules.cls is generated from the current catalog', () => {
    const expected = renderCatalogRules(readCatalog());
    if (process.env.ALOWARE_WRITE_APEX === '1') writeFileSync(CATALOG_RULES_PATH, expected);
    expect(normalise(readFileSync(CATALOG_RULES_PATH, 'utf8'))).toBe(normalise(expected));
  });

  it('detects a stale AlowareCatalogRules.cls (the check can fail)', () => {
    const catalog = readCatalog();
    const changed = {
      ...catalog,
      properties: catalog.properties.map((p, i) => (i === 0 ? { ...p, label: 'Changed' } : p))
    };
    expect(normalise(readFileSync(CATALOG_RULES_PATH, 'utf8'))).not.toBe(normalise(renderCatalogRules(changed)));
  });

  it('AlowareMappingCodes.ALL lists exactly the TypeScript issue codes, in order', () => {
    const source = apexSource('AlowareMappingCodes');
    const all = /ALL = new List<String>\{([^}]*)\}/.exec(source);
    expect(all).not.toBeNull();
    const names = (all?.[1] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    expect(names).toEqual([...ISSUE_CODES]);
    for (const code of ISSUE_CODES) {
      expect(source).toContain(`public static final String ${code} = '${code}';`);
    }
  });

  it('the phone country table is the same text in Apex and TypeScript', () => {
    expect(apexStringConstant(apexSource('AlowarePhoneNumbers'), 'COUNTRIES')).toBe(PHONE_COUNTRIES);
  });

  it('the compatibility matrix is the same text in Apex and TypeScript', () => {
    expect(apexStringConstant(apexSource('AlowareValueConverter'), 'COMPATIBILITY')).toBe(COMPATIBILITY);
  });
});

describe('catalog and engine agree', () => {
  it.each(CATALOG.map((entry) => [entry.property, entry] as const))('%s', (_property, entry) => {
    const problems: string[] = [];
    for (const type of entry.salesforceTypes) {
      if (!isCompatible(entry.alowareType, type)) problems.push(`${entry.alowareType} → ${type} is not in the matrix`);
    }
    const sends = entry.allowedDirections.some((d) => d !== 'AlowareToSalesforce');
    const accepts = entry.allowedDirections.some((d) => d !== 'SalesforceToAloware');
    if (sends && entry.payloadKey === null) problems.push('sends to Aloware without a payload key');
    // Without an inbound key the engine never reads the value: only a value the package computes (AlowareToSalesforce
    // only, never sent) may accept Aloware values without one.
    if (accepts && entry.inboundKey === null && (sends || entry.allowedDirections.join() !== 'AlowareToSalesforce')) {
      problems.push('accepts Aloware values without an inbound key');
    }
    if (!entry.allowedDirections.includes(entry.defaultDirection)) problems.push('default direction not allowed');
    if (entry.group === 'Tracking' && entry.allowedDirections.join() !== 'AlowareToSalesforce') {
      problems.push('tracking must be AlowareToSalesforce only');
    }
    if (entry.group === 'Locked' && entry.allowedDirections.join() !== entry.defaultDirection) {
      problems.push('locked rows allow only their default direction');
    }
    expect(problems).toEqual([]);
  });
});
