/*
 * Renders everything derived from the catalog: the generated TypeScript module `c/alowareCatalog`, the custom Lead
 * field XML and the default `Aloware_Field_Mapping__mdt` records. Output is already in the project's Prettier style
 * (quotes and print width read from .prettierrc, 2-space XML indent), so `prettier --check` passes on freshly generated files and the
 * drift check can compare text exactly without running Prettier (which cannot load inside jest).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  ALOWARE_TYPES,
  CUSTOM_FIELD_TYPES,
  DIRECTIONS,
  MAPPING_GROUPS,
  SALESFORCE_TYPES,
  recordDeveloperName,
  sortOrderOf,
  type Catalog,
  type CatalogProperty,
  type CustomFieldSpec
} from './catalog';

export const MODULE_DIR = 'force-app/main/default/lwc/alowareCatalog';
export const MODULE_PATH = `${MODULE_DIR}/alowareCatalog.ts`;
export const MODULE_META_PATH = `${MODULE_DIR}/alowareCatalog.js-meta.xml`;
export const FIELDS_DIR = 'force-app/main/default/objects/Lead/fields';
export const RECORDS_DIR = 'force-app/main/default/customMetadata';
export const MAPPING_TYPE = 'Aloware_Field_Mapping';
export const API_VERSION = '65.0';

/** The parts of the project's Prettier options the TypeScript layout depends on. */
export interface CodeStyle {
  singleQuote: boolean;
  printWidth: number;
}

/** Reads `singleQuote` and `printWidth` from the project's `.prettierrc` (JSON), with Prettier's defaults. */
export function projectCodeStyle(root: string): CodeStyle {
  const path = join(root, '.prettierrc');
  const options: Record<string, unknown> = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  return {
    singleQuote: options.singleQuote === true,
    printWidth: typeof options.printWidth === 'number' ? options.printWidth : 80
  };
}

/** Prints TypeScript values and declarations in Prettier's layout for the given style. */
class TsPrinter {
  constructor(private readonly style: CodeStyle) {}

  /** A string literal: the preferred quote unless the text contains more of it than of the other one. */
  string(value: string): string {
    const doubles = (value.match(/"/g) ?? []).length;
    const singles = (value.match(/'/g) ?? []).length;
    const preferred = this.style.singleQuote ? "'" : '"';
    const other = this.style.singleQuote ? '"' : "'";
    const quote = (preferred === "'" ? singles : doubles) > (preferred === "'" ? doubles : singles) ? other : preferred;
    const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(new RegExp(quote, 'g'), `\\${quote}`);
    return `${quote}${escaped}${quote}`;
  }

  value(value: unknown, indent: string): string {
    if (value === null) return 'null';
    if (typeof value === 'string') return this.string(value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (Array.isArray(value)) return `[${value.map((v) => this.value(v, indent)).join(', ')}]`;
    if (typeof value === 'object') {
      const inner = `${indent}  `;
      const entries = Object.entries(value as Record<string, unknown>);
      const lines = entries.map(([key, v], i) => this.member(inner, key, v, i === entries.length - 1));
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    throw new Error(`cannot render ${typeof value}`);
  }

  /** One `key: value` line of an object, broken as Prettier breaks it when it exceeds the print width. */
  member(indent: string, key: string, value: unknown, last: boolean): string {
    const comma = last ? '' : ',';
    const oneLine = `${indent}${key}: ${this.value(value, indent)}${comma}`;
    if (oneLine.includes('\n') || oneLine.length <= this.style.printWidth) return oneLine;
    if (typeof value === 'string') return `${indent}${key}:\n${indent}  ${this.string(value)}${comma}`;
    if (Array.isArray(value)) {
      const items = value.map((v) => `${indent}  ${this.value(v, `${indent}  `)}`).join(',\n');
      return `${indent}${key}: [\n${items}\n${indent}]${comma}`;
    }
    return oneLine;
  }

  /** A union type: one line, or the members on the next line, or one member per line. */
  union(name: string, members: readonly string[]): string {
    const union = members.map((m) => this.string(m)).join(' | ');
    const oneLine = `export type ${name} = ${union};`;
    if (oneLine.length <= this.style.printWidth) return oneLine;
    const nextLine = `  ${union};`;
    if (nextLine.length <= this.style.printWidth) return `export type ${name} =\n${nextLine}`;
    return `export type ${name} =\n${members.map((m) => `  | ${this.string(m)}`).join('\n')};`;
  }

  /** A readonly list constant, on one line when it fits, else one element per line. */
  list(name: string, type: string, members: readonly string[]): string {
    const items = members.map((m) => this.string(m));
    const oneLine = `export const ${name}: readonly ${type}[] = [${items.join(', ')}];`;
    if (oneLine.length <= this.style.printWidth) return oneLine;
    return `export const ${name}: readonly ${type}[] = [\n${items.map((m) => `  ${m}`).join(',\n')}\n];`;
  }
}

/** The generated module `c/alowareCatalog` (an LWC service module). */
export function renderCatalogModule(catalog: Catalog, style: CodeStyle): string {
  const ts = new TsPrinter(style);
  const entries = catalog.properties.map((p) => `  ${ts.value(p, '  ')}`).join(',\n');
  return `/*
 * GENERATED from catalog/aloware-lead-catalog.json by scripts/catalog/generate.ts: do not edit by hand.
 * Change the catalog, then run \`npx tsx scripts/catalog/generate.ts\`; scripts/catalog/check.ts fails on drift.
 * Import it as \`c/alowareCatalog\`.
 */

/** Mapping direction: ↔ both ways, → Aloware to Salesforce, ← Salesforce to Aloware. */
${ts.union('Direction', DIRECTIONS)}
/** Catalog group (section of the mapping panel). */
${ts.union('MappingGroup', MAPPING_GROUPS)}
/** Kind of value on the Aloware side. */
${ts.union('AlowareType', ALOWARE_TYPES)}
/** Salesforce field type: lower-case \`Schema.DisplayType\` name. */
${ts.union('SalesforceType', SALESFORCE_TYPES)}
/** Metadata API type of a field the package creates. */
${ts.union('CustomFieldType', CUSTOM_FIELD_TYPES)}

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
  /** Stable Aloware property id (snake_case); the default mapping record is \`${MAPPING_TYPE}.<Object>_<property>\`. */
  readonly property: string;
  /** Aloware's name for the property. */
  readonly label: string;
  readonly group: MappingGroup;
  readonly alowareType: AlowareType;
  /** Key in POST /api/v1/webhook/forms (\`other_phone_numbers.<label>\` for an entry of that list), or null. */
  readonly payloadKey: string | null;
  /** False when the payload key is a guess (documented as unconfirmed). */
  readonly payloadKeyConfirmed: boolean;
  /** Key read from Aloware's contact JSON (a dotted path; \`other_phone_numbers.<label>\` selects a list entry), or null when the value is never read from Aloware data (the contact link and engagement tracking, which the package computes). */
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

${ts.list('DIRECTIONS', 'Direction', DIRECTIONS)}
${ts.list('MAPPING_GROUPS', 'MappingGroup', MAPPING_GROUPS)}
export const CATALOG_VERSION = ${catalog.version};
export const CATALOG_OBJECT = ${ts.string(catalog.object)};

/** Every Aloware Lead property, in panel order (the order of the catalog). */
export const CATALOG: readonly CatalogProperty[] = [
${entries}
];

/** The catalog entry of an Aloware property id, or undefined. */
export function findCatalogProperty(property: string): CatalogProperty | undefined {
  return CATALOG.find((entry) => entry.property === property);
}
`;
}

export function renderModuleMeta(): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
  <apiVersion>${API_VERSION}</apiVersion>
  <isExposed>false</isExposed>
</LightningComponentBundle>
`;
}

// ---------------------------------------------------------------------------------------------------------------
// XML

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Free text in an ignore range: the project formats XML with whitespace sensitivity "ignore", under which Prettier
 * would re-wrap long text and put line breaks and indentation into the deployed value.
 */
function prose(tag: string, text: string): string[] {
  return ['<!-- prettier-ignore-start -->', `<${tag}>${xmlEscape(text)}</${tag}>`, '<!-- prettier-ignore-end -->'];
}

/** Elements of a custom field, in Metadata API order. */
function fieldElements(fullName: string, spec: CustomFieldSpec): string[] {
  const t = spec.type;
  const lines: string[] = [`<fullName>${fullName}</fullName>`];
  if (t === 'Text' && spec.unique) lines.push('<caseSensitive>false</caseSensitive>');
  if (spec.defaultValue !== null) lines.push(`<defaultValue>${spec.defaultValue}</defaultValue>`);
  lines.push(...prose('description', spec.description));
  lines.push(`<externalId>${spec.externalId}</externalId>`);
  lines.push(...prose('inlineHelpText', spec.inlineHelpText));
  lines.push(`<label>${xmlEscape(spec.label)}</label>`);
  if (spec.length !== null) lines.push(`<length>${spec.length}</length>`);
  if (spec.precision !== null) lines.push(`<precision>${spec.precision}</precision>`);
  if (t !== 'Checkbox') lines.push('<required>false</required>');
  if (spec.scale !== null) lines.push(`<scale>${spec.scale}</scale>`);
  lines.push('<trackFeedHistory>false</trackFeedHistory>');
  lines.push('<trackHistory>false</trackHistory>');
  lines.push('<trackTrending>false</trackTrending>');
  lines.push(`<type>${t}</type>`);
  if (t === 'Text' || t === 'Number' || t === 'Email') lines.push(`<unique>${spec.unique}</unique>`);
  if (spec.visibleLines !== null) lines.push(`<visibleLines>${spec.visibleLines}</visibleLines>`);
  return lines;
}

/** `objects/Lead/fields/<field>.field-meta.xml` of a catalog row with a custom field. */
export function renderFieldXml(property: CatalogProperty): string {
  if (property.customField === null) throw new Error(`${property.property} has no custom field`);
  const body = fieldElements(property.defaultField, property.customField)
    .map((line) => `  ${line}`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" ?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
${body}
</CustomField>
`;
}

export function fieldPath(property: CatalogProperty): string {
  return `${FIELDS_DIR}/${property.defaultField}.field-meta.xml`;
}

export function recordPath(catalog: Catalog, property: CatalogProperty): string {
  return `${RECORDS_DIR}/${MAPPING_TYPE}.${recordDeveloperName(catalog.object, property.property)}.md-meta.xml`;
}

/** The values of the default mapping record of a catalog row, by field. */
export function recordValues(catalog: Catalog, index: number): Record<string, string | number | boolean> {
  const property = catalog.properties[index];
  if (property === undefined) throw new Error(`no catalog row ${index}`);
  return {
    Active__c: true,
    Aloware_Property__c: property.property,
    Direction__c: property.defaultDirection,
    Locked__c: property.group === 'Locked',
    Mapping_Group__c: property.group,
    Object_Name__c: catalog.object,
    Salesforce_Field__c: property.defaultField,
    Sort_Order__c: sortOrderOf(index)
  };
}

function xsdType(value: string | number | boolean): string {
  if (typeof value === 'boolean') return 'xsd:boolean';
  if (typeof value === 'number') return 'xsd:double';
  return 'xsd:string';
}

/** `customMetadata/Aloware_Field_Mapping.<Object>_<property>.md-meta.xml` for the catalog row at `index`. */
export function renderMappingRecord(catalog: Catalog, index: number): string {
  const property = catalog.properties[index];
  if (property === undefined) throw new Error(`no catalog row ${index}`);
  const values = Object.entries(recordValues(catalog, index))
    .map(
      ([field, value]) =>
        `  <values>\n    <field>${field}</field>\n    <value xsi:type="${xsdType(value)}">${xmlEscape(
          String(value)
        )}</value>\n  </values>`
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" ?>
<CustomMetadata
  xmlns="http://soap.sforce.com/2006/04/metadata"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema"
>
  <label>${xmlEscape(property.label)}</label>
  <protected>false</protected>
${values}
</CustomMetadata>
`;
}

// ---------------------------------------------------------------------------------------------------------------
// Apex: AlowareCatalogRules, the catalog knowledge the Apex engine needs

/** Where the generated Apex class lives when no other copy of it is found under the classes folder. */
export const CATALOG_RULES_PATH = 'force-app/main/default/classes/engine/AlowareCatalogRules.cls';
const CLASSES_DIR = 'force-app/main/default/classes';

/** The path of AlowareCatalogRules.cls in the project at `root` (wherever a folder move put it), else the default. */
export function catalogRulesPath(root: string): string {
  const found = findFile(join(root, CLASSES_DIR), 'AlowareCatalogRules.cls');
  return found === undefined ? CATALOG_RULES_PATH : relative(root, found).split(sep).join('/');
}

function findFile(dir: string, name: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return path;
    if (entry.isDirectory()) {
      const found = findFile(path, name);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function apexString(value: string | null): string {
  if (value === null) return 'null';
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/**
 * The Apex source of AlowareCatalogRules (before Prettier: `generate.ts` formats what it writes, and the check compares
 * the whitespace-insensitive form of `normaliseApex`).
 */
export function renderCatalogRules(catalog: Catalog): string {
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
 * @description GENERATED from catalog/aloware-lead-catalog.json by scripts/catalog/generate.ts: do not edit by hand
 * (the catalog gate, scripts/catalog/check.ts, fails when this class and the catalog differ). The catalog knowledge
 * the Apex engine needs: payload and inbound keys, value kinds, locked rows, allowed directions, compatible Salesforce
 * types and default mappings.
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

/** Whitespace-insensitive form of Apex source (Prettier re-wraps the generated class). */
export function normaliseApex(source: string): string {
  return source
    .replace(/\s+/g, ' ')
    .replace(/ ?([(){},;=]) ?/g, '$1')
    .trim();
}

/** Every file derived from the catalog: path (relative to the project root) to content. */
export function renderAll(catalog: Catalog, style: CodeStyle): Map<string, string> {
  const files = new Map<string, string>();
  files.set(MODULE_PATH, renderCatalogModule(catalog, style));
  files.set(MODULE_META_PATH, renderModuleMeta());
  catalog.properties.forEach((property, index) => {
    if (property.customField !== null) files.set(fieldPath(property), renderFieldXml(property));
    files.set(recordPath(catalog, property), renderMappingRecord(catalog, index));
  });
  return files;
}
