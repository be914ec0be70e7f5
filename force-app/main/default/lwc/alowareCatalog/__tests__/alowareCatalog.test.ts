import {
  CATALOG,
  CATALOG_OBJECT,
  CATALOG_VERSION,
  DIRECTIONS,
  MAPPING_GROUPS,
  findCatalogProperty
} from 'c/alowareCatalog';
import catalogJson from '../../../../../../catalog/aloware-lead-catalog.json';

describe('c/alowareCatalog', () => {
  it('should carry exactly the rows of catalog/aloware-lead-catalog.json', () => {
    expect(CATALOG_VERSION).toBe(catalogJson.version);
    expect(CATALOG_OBJECT).toBe('Lead');
    expect(CATALOG).toEqual(catalogJson.properties);
  });

  it('should use the shared vocabulary for directions and groups', () => {
    expect(DIRECTIONS).toEqual(['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware']);
    expect(MAPPING_GROUPS).toEqual(['Locked', 'Special', 'Open', 'Additional', 'Tracking']);
  });

  it('should find a property by its id and return undefined for an unknown id', () => {
    expect(findCatalogProperty('phone_number')?.defaultField).toBe('Phone');
    expect(findCatalogProperty('contact_owner')?.payloadKey).toBe('user_id');
    expect(findCatalogProperty('no_such_property')).toBeUndefined();
  });

  it('should keep tracking rows Aloware to Salesforce only and locked rows both ways', () => {
    const directionsOf = (group: string): string[] => [
      ...new Set(CATALOG.filter((row) => row.group === group).map((row) => row.allowedDirections.join(',')))
    ];
    expect(directionsOf('Tracking')).toEqual(['AlowareToSalesforce']);
    expect(directionsOf('Locked')).toEqual(['Bidirectional']);
  });
});
