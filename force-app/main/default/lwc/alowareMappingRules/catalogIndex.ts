/*
 * Fast look-ups into the generated catalog (`c/alowareCatalog`) and the default mapping set.
 */
import { CATALOG, CatalogProperty } from 'c/alowareCatalog';
import type { FieldMapping } from './model';

/** Property whose absence or invalidity skips an outbound push (Aloware upserts by phone). */
export const PHONE_PROPERTY = 'phone_number';
/** Aloware's contact-wide Do Not Contact flag: "most restrictive wins". */
export const DNC_PROPERTY = 'dnc';

const BY_PROPERTY: ReadonlyMap<string, CatalogProperty> = new Map(CATALOG.map((entry) => [entry.property, entry]));

/** The catalog entry of a property id, or undefined. */
export function catalogEntry(property: string): CatalogProperty | undefined {
  return BY_PROPERTY.get(property);
}

/** Catalog properties whose mapping rows are locked (identifiers). */
export function lockedProperties(): CatalogProperty[] {
  return CATALOG.filter((entry) => entry.group === 'Locked');
}

/** The default mapping set: one active row per catalog property, in catalog order (fresh objects each call). */
export function defaultMappings(): Required<FieldMapping>[] {
  return CATALOG.map((entry, index) => ({
    alowareProperty: entry.property,
    salesforceField: entry.defaultField,
    direction: entry.defaultDirection,
    mappingGroup: entry.group,
    locked: entry.group === 'Locked',
    active: true,
    sortOrder: (index + 1) * 10
  }));
}

/** Active rows sorted by sort order (rows without one last), then property id: the engine's processing order. */
export function activeSorted(mappings: readonly FieldMapping[]): FieldMapping[] {
  const order = (mapping: FieldMapping): number => mapping.sortOrder ?? Number.MAX_SAFE_INTEGER;
  return mappings
    .filter((mapping) => mapping.active)
    .sort(
      (a, b) =>
        order(a) - order(b) ||
        (a.alowareProperty < b.alowareProperty ? -1 : a.alowareProperty > b.alowareProperty ? 1 : 0)
    );
}
