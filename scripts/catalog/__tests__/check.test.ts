/** @jest-environment node */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCatalog, validateCatalog } from '../catalog';
import { checkCatalog } from '../check';
import { generate } from '../generate';
import {
  CATALOG_RULES_PATH,
  catalogRulesPath,
  projectCodeStyle,
  renderAll,
  renderCatalogModule,
  renderCatalogRules
} from '../render';
import { parseXml } from '../xml';

const ROOT = join(__dirname, '..', '..', '..');
const DEFAULT = 'force-app/main/default';
const CATALOG = 'catalog/aloware-lead-catalog.json';

/** A copy of the parts of the project the check reads. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-check-'));
  cpSync(join(ROOT, 'catalog'), join(dir, 'catalog'), { recursive: true });
  cpSync(join(ROOT, '.prettierrc'), join(dir, '.prettierrc'));
  for (const sub of ['objects', 'customMetadata', 'permissionsets', 'layouts', 'flexipages', 'lwc']) {
    cpSync(join(ROOT, DEFAULT, sub), join(dir, DEFAULT, sub), {
      recursive: true,
      filter: (source) => !source.includes('__tests__')
    });
  }
  cpSync(join(ROOT, catalogRulesPath(ROOT)), join(dir, CATALOG_RULES_PATH));
  return dir;
}

function edit(dir: string, path: string, change: (text: string) => string): void {
  const full = join(dir, path);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before); // the plant must really change the file
  writeFileSync(full, after);
}

/** Errors the plant introduced (the copy may carry unrelated findings of work in progress elsewhere). */
function newErrors(dir: string, plant: () => void): string[] {
  const before = new Set(checkCatalog(dir).errors);
  plant();
  return checkCatalog(dir).errors.filter((e) => !before.has(e));
}

describe('catalog drift check', () => {
  let dir: string;

  beforeEach(() => {
    dir = copyProject();
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('should pass on the real project tree', () => {
    const result = checkCatalog(ROOT);
    expect(result.errors).toEqual([]);
    expect(result.counts.properties).toBe(41);
    expect(result.counts.fields).toBe(27);
    expect(result.counts.records).toBe(41);
  });

  it('should report nothing when the copy is regenerated from an unchanged catalog', () => {
    const before = checkCatalog(dir).errors;
    const result = generate(dir);
    expect(result.written).toEqual([]);
    expect(result.deleted).toEqual([]);
    expect(checkCatalog(dir).errors).toEqual(before);
  });

  it('should catch a wrong field label', () => {
    const errors = newErrors(dir, () =>
      edit(dir, `${DEFAULT}/objects/Lead/fields/Aloware_DNC__c.field-meta.xml`, (t) =>
        t.replace('<label>DNC</label>', '<label>Do Not Call</label>')
      )
    );
    expect(errors).toEqual([expect.stringMatching(/Aloware_DNC__c .*label is "Do Not Call".*catalog says "DNC"/)]);
  });

  it('should catch a wrong field length', () => {
    const errors = newErrors(dir, () =>
      edit(dir, `${DEFAULT}/objects/Lead/fields/Aloware_Contact_ID__c.field-meta.xml`, (t) =>
        t.replace('<length>40</length>', '<length>80</length>')
      )
    );
    expect(errors).toEqual([expect.stringMatching(/Aloware_Contact_ID__c .*length is "80".*catalog says "40"/)]);
  });

  it('should catch a lost External ID / unique flag', () => {
    const errors = newErrors(dir, () =>
      edit(dir, `${DEFAULT}/objects/Lead/fields/Aloware_Contact_ID__c.field-meta.xml`, (t) =>
        t
          .replace('<externalId>true</externalId>', '<externalId>false</externalId>')
          .replace('<unique>true</unique>', '<unique>false</unique>')
      )
    );
    expect(errors).toEqual([
      expect.stringMatching(/externalId is "false".*catalog says "true"/),
      expect.stringMatching(/unique is "false".*catalog says "true"/)
    ]);
  });

  it('should catch a missing mapping record', () => {
    const errors = newErrors(dir, () =>
      unlinkSync(join(dir, `${DEFAULT}/customMetadata/Aloware_Field_Mapping.Lead_email.md-meta.xml`))
    );
    expect(errors).toEqual([
      expect.stringMatching(/Aloware_Field_Mapping\.Lead_email: .* is missing \(catalog "email"\)/)
    ]);
  });

  it('should catch a mapping record whose direction, group or lock differs from the catalog', () => {
    const path = `${DEFAULT}/customMetadata/Aloware_Field_Mapping.Lead_phone_number.md-meta.xml`;
    const errors = newErrors(dir, () =>
      edit(dir, path, (t) =>
        t
          .replace(
            '<value xsi:type="xsd:string">Bidirectional</value>',
            '<value xsi:type="xsd:string">SalesforceToAloware</value>'
          )
          .replace(
            '<value xsi:type="xsd:boolean">true</value>\n  </values>\n  <values>\n    <field>Mapping_Group__c',
            '<value xsi:type="xsd:boolean">false</value>\n  </values>\n  <values>\n    <field>Mapping_Group__c'
          )
      )
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Lead_phone_number: Direction__c is "SalesforceToAloware", catalog says "Bidirectional"/),
        expect.stringMatching(/Lead_phone_number: Locked__c is "false", catalog says "true"/),
        expect.stringMatching(/Lead_phone_number: direction SalesforceToAloware is not allowed/)
      ])
    );
  });

  it('should catch a tracking row made Bidirectional in the catalog', () => {
    const errors = newErrors(dir, () =>
      edit(dir, CATALOG, (t) => {
        const data = JSON.parse(t);
        const row = data.properties.find((p: { property: string }) => p.property === 'last_inbound_call_date');
        row.defaultDirection = 'Bidirectional';
        row.allowedDirections = ['Bidirectional', 'AlowareToSalesforce'];
        return `${JSON.stringify(data, null, 2)}\n`;
      })
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/property "last_inbound_call_date": a Tracking row allows AlowareToSalesforce only/);
  });

  it('should catch a tracking record set to Bidirectional', () => {
    const errors = newErrors(dir, () =>
      edit(dir, `${DEFAULT}/customMetadata/Aloware_Field_Mapping.Lead_total_inbound_calls.md-meta.xml`, (t) =>
        t.replace('>AlowareToSalesforce<', '>Bidirectional<')
      )
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /Lead_total_inbound_calls: Direction__c is "Bidirectional", catalog says "AlowareToSalesforce"/
      ),
      expect.stringMatching(/Lead_total_inbound_calls: direction Bidirectional is not allowed/)
    ]);
  });

  it('should catch a field missing from every permission set', () => {
    const errors = newErrors(dir, () => {
      for (const set of ['Aloware_Admin', 'Aloware_User']) {
        edit(dir, `${DEFAULT}/permissionsets/${set}.permissionset-meta.xml`, (t) =>
          t.replace(
            /\s*<fieldPermissions>\s*<editable>\w+<\/editable>\s*<field>Lead\.Aloware_Last_Engagement__c<\/field>\s*<readable>true<\/readable>\s*<\/fieldPermissions>/,
            ''
          )
        );
      }
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Lead\.Aloware_Last_Engagement__c is in no permission set/),
        expect.stringMatching(/Aloware_Admin: Lead\.Aloware_Last_Engagement__c must be readable and editable/),
        expect.stringMatching(/Aloware_User: Lead\.Aloware_Last_Engagement__c must be readable/)
      ])
    );
  });

  it('should catch a new field of another package object that no permission set grants', () => {
    const errors = newErrors(dir, () => {
      mkdirSync(join(dir, `${DEFAULT}/objects/Planted__c/fields`), { recursive: true });
      writeFileSync(
        join(dir, `${DEFAULT}/objects/Planted__c/fields/Note__c.field-meta.xml`),
        '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Note__c</fullName><type>Text</type><length>10</length></CustomField>'
      );
    });
    expect(errors).toEqual([expect.stringMatching(/Planted__c\.Note__c is in no permission set/)]);
  });

  it('should catch a rep-editable mismatch and a grant on a field that cannot have one', () => {
    const errors = newErrors(dir, () =>
      edit(dir, `${DEFAULT}/permissionsets/Aloware_User.permissionset-meta.xml`, (t) =>
        t
          .replace(
            /<editable>false<\/editable>(\s*<field>Lead\.Aloware_DNC__c<\/field>)/,
            '<editable>true</editable>$1'
          )
          .replace(
            '</PermissionSet>',
            '<fieldPermissions><editable>false</editable><field>Aloware_Field_Mapping__mdt.Locked__c</field><readable>true</readable></fieldPermissions>' +
              '<fieldPermissions><editable>false</editable><field>Aloware_Webhook_Delivery__e.Sync_Log_Id__c</field><readable>true</readable></fieldPermissions></PermissionSet>'
          )
      )
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Aloware_User: Lead\.Aloware_DNC__c is editable, catalog repEditable is false/),
        expect.stringMatching(
          /Aloware_Field_Mapping__mdt\.Locked__c is a custom metadata field: it cannot have field permissions/
        ),
        expect.stringMatching(
          /Aloware_Webhook_Delivery__e\.Sync_Log_Id__c is a platform event field: it cannot have field permissions/
        )
      ])
    );
  });

  it('should catch a stale generated module', () => {
    const errors = newErrors(dir, () =>
      edit(dir, `${DEFAULT}/lwc/alowareCatalog/alowareCatalog.ts`, (t) => t.replace("label: 'Zipcode'", "label: 'Zip'"))
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /alowareCatalog\.ts is stale \(line \d+: expected .*'Zipcode'.*, found .*'Zip'.*generate\.ts/
      )
    ]);
  });

  it('should catch a hand edit of the generated Apex class AlowareCatalogRules', () => {
    const errors = newErrors(dir, () => edit(dir, CATALOG_RULES_PATH, (t) => t.replace("'Zipcode'", "'Zip'")));
    expect(errors).toEqual([
      expect.stringMatching(/AlowareCatalogRules\.cls is stale \(expected .*'Zipcode'.*, found .*'Zip'.*generate\.ts/)
    ]);
  });

  it('should accept the generated Apex class however Prettier wraps it, and catch a missing one', () => {
    edit(dir, CATALOG_RULES_PATH, (t) => t.replace(/\n {12}entry\(\n {16}/g, '\n            entry('));
    expect(checkCatalog(dir).errors.filter((e) => e.includes('AlowareCatalogRules'))).toEqual([]);
    unlinkSync(join(dir, CATALOG_RULES_PATH));
    expect(checkCatalog(dir).errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/AlowareCatalogRules\.cls is missing: run .*generate\.ts/)])
    );
  });

  it('should catch a catalog change that was not regenerated, and pass again after generate', () => {
    const path = CATALOG;
    const baseline = checkCatalog(dir).errors;
    edit(dir, path, (t) => t.replaceAll('"label": "Total inbound calls"', '"label": "Inbound calls (total)"'));
    const errors = checkCatalog(dir).errors.filter((e) => !baseline.includes(e));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /Aloware_Total_Inbound_Calls__c .*label is "Total inbound calls".*catalog says "Inbound calls \(total\)"/
        ),
        expect.stringMatching(/Lead_total_inbound_calls: label is "Total inbound calls"/),
        expect.stringMatching(/alowareCatalog\.ts is stale/),
        expect.stringMatching(/AlowareCatalogRules\.cls is stale/)
      ])
    );
    expect(generate(dir).written).toContain(CATALOG_RULES_PATH);
    expect(readFileSync(join(dir, CATALOG_RULES_PATH), 'utf8')).toContain(
      "'total_inbound_calls', 'Inbound calls (total)'"
    );
    expect(checkCatalog(dir).errors).toEqual(baseline);
  });

  it('should catch a Lead field and a mapping record without a catalog row', () => {
    const errors = newErrors(dir, () => {
      writeFileSync(
        join(dir, `${DEFAULT}/objects/Lead/fields/Aloware_Extra__c.field-meta.xml`),
        '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Aloware_Extra__c</fullName><type>Text</type></CustomField>'
      );
      writeFileSync(
        join(dir, `${DEFAULT}/customMetadata/Aloware_Field_Mapping.Lead_extra.md-meta.xml`),
        readFileSync(join(ROOT, `${DEFAULT}/customMetadata/Aloware_Field_Mapping.Lead_city.md-meta.xml`), 'utf8')
      );
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Aloware_Extra__c\.field-meta\.xml: Lead field without a catalog row/),
        expect.stringMatching(
          /Aloware_Field_Mapping\.Lead_extra\.md-meta\.xml: default mapping record without a catalog row/
        )
      ])
    );
  });

  it('should catch a record page that references a missing component', () => {
    const errors = newErrors(dir, () =>
      edit(dir, `${DEFAULT}/flexipages/Aloware_Lead_Record_Page.flexipage-meta.xml`, (t) =>
        t.replace(
          '<componentName>force:detailPanel</componentName>',
          '<componentName>alowareMissingCard</componentName>'
        )
      )
    );
    expect(errors).toEqual([expect.stringMatching(/component alowareMissingCard does not exist/)]);
  });

  it('should report malformed XML with the file name instead of crashing', () => {
    const errors = newErrors(dir, () =>
      edit(dir, `${DEFAULT}/objects/Lead/fields/Aloware_DNC__c.field-meta.xml`, (t) => t.replace('</label>', '</labl>'))
    );
    expect(errors).toEqual([expect.stringMatching(/Aloware_DNC__c\.field-meta\.xml: <\/labl> does not close <label>/)]);
  });
});

describe('catalog validation', () => {
  const valid = JSON.parse(readFileSync(join(ROOT, CATALOG), 'utf8'));

  function withRow(property: string, change: (row: Record<string, unknown>) => void): unknown {
    const data = JSON.parse(JSON.stringify(valid));
    change(data.properties.find((p: { property: string }) => p.property === property));
    return data;
  }

  it('should accept the real catalog', () => {
    expect(validateCatalog(valid)).toEqual([]);
    expect(() => parseCatalog(JSON.stringify(valid))).not.toThrow();
  });

  it('should refuse a locked row that allows another direction', () => {
    const errors = validateCatalog(
      withRow('email', (r) => (r.allowedDirections = ['Bidirectional', 'SalesforceToAloware']))
    );
    expect(errors).toEqual([expect.stringMatching(/"email": a Locked row allows Bidirectional only/)]);
  });

  it('should refuse a row that sends to Aloware without a payload key', () => {
    const errors = validateCatalog(
      withRow('aloware_contact_id', (r) => (r.allowedDirections = ['AlowareToSalesforce', 'SalesforceToAloware']))
    );
    expect(errors).toEqual([expect.stringMatching(/without a payloadKey the row cannot send to Aloware/)]);
  });

  it('should refuse a row that receives from Aloware without an inbound key unless the package computes it', () => {
    // A row Aloware can set (Bidirectional) must name the key it is read from.
    const errors = validateCatalog(withRow('first_name', (r) => (r.inboundKey = null)));
    expect(errors).toEqual([expect.stringMatching(/"first_name": without an inboundKey the row cannot receive/)]);
    // A computed value (AlowareToSalesforce only, never sent) has none: the link and the engagement tracking.
    const computed = valid.properties.filter((p: { inboundKey: string | null }) => p.inboundKey === null);
    expect(computed.map((p: { property: string }) => p.property)).toContain('aloware_lead_link');
    expect(computed.map((p: { property: string }) => p.property)).toContain('last_engagement');
    expect(validateCatalog(withRow('aloware_contact_id', (r) => (r.inboundKey = null)))).toEqual([]);
  });

  it('should read the totals from Aloware contact counters and invent no inbound keys', () => {
    const keys = Object.fromEntries(
      valid.properties.map((p: { property: string; inboundKey: string | null }) => [p.property, p.inboundKey])
    );
    expect(keys.total_inbound_calls).toBe('inbound_call_count');
    expect(keys.total_outbound_calls).toBe('outbound_call_count');
    expect(keys.total_inbound_texts).toBe('inbound_sms_count');
    expect(keys.total_outbound_texts).toBe('outbound_sms_count');
    expect(Object.values(keys).filter((k) => typeof k === 'string' && /^(tracking|computed)\./.test(k))).toEqual([]);
  });

  it('should refuse a default field whose type is not in salesforceTypes', () => {
    const errors = validateCatalog(withRow('website', (r) => (r.salesforceTypes = ['string'])));
    expect(errors).toEqual([expect.stringMatching(/"website": Website is a url field, not in salesforceTypes/)]);
  });

  it('should refuse a property id that is not snake_case and duplicate default fields', () => {
    const data = withRow('city', (r) => {
      r.property = 'City';
      r.defaultField = 'State';
    });
    const errors = validateCatalog(data);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/property must be snake_case/),
        expect.stringMatching(
          /State is the default field of both "City" and "state"|State is the default field of both "state" and "City"/
        )
      ])
    );
  });

  it('should refuse text that Prettier or XML would alter in a field description', () => {
    const errors = validateCatalog(
      withRow('dnc', (r) => ((r.customField as Record<string, unknown>).description = 'Do <b>not</b> call'))
    );
    expect(errors).toEqual([expect.stringMatching(/description must not contain </)]);
  });

  it('should refuse invalid JSON with a clear message', () => {
    expect(() => parseCatalog('{ not json')).toThrow(/not valid JSON/);
  });
});

describe('rendering', () => {
  it('should render field XML and records that parse back to the catalog values', () => {
    const catalog = parseCatalog(readFileSync(join(ROOT, CATALOG), 'utf8'));
    const files = renderAll(catalog, projectCodeStyle(ROOT));
    const field = parseXml(
      files.get(`${DEFAULT}/objects/Lead/fields/Aloware_Last_Inbound_Call_Time__c.field-meta.xml`) ?? ''
    );
    const text = (name: string): string | undefined => field.children.find((c) => c.name === name)?.text;
    expect(text('label')).toBe('Last inbound call time');
    expect(text('length')).toBe('40');
    expect(text('description')).toContain('15:33:16.000Z');
    expect(text('inlineHelpText')).toContain('08:33:16-07:00');
    expect([...files.keys()].filter((p) => p.endsWith('.md-meta.xml'))).toHaveLength(41);
  });

  it('should render the Apex catalog rules with one entry per property, escaped, and the catalog version', () => {
    const catalog = parseCatalog(readFileSync(join(ROOT, CATALOG), 'utf8'));
    const first = catalog.properties[0];
    const quoted = { ...catalog, version: 7, properties: [{ ...first, label: "Rep's \\ note" }] };
    const apex = renderCatalogRules(quoted);
    expect(apex).toContain('public static final Integer CATALOG_VERSION = 7;');
    expect(apex.match(/entry\(new List<String>/g)).toHaveLength(1);
    expect(apex).toContain(`'${first.property}', 'Rep\\'s \\\\ note'`);
    expect(renderCatalogRules(catalog).match(/entry\(new List<String>/g)).toHaveLength(catalog.properties.length);
  });

  it('should print the module in the project quote style and width', () => {
    const catalog = parseCatalog(readFileSync(join(ROOT, CATALOG), 'utf8'));
    const single = renderCatalogModule(catalog, { singleQuote: true, printWidth: 120 });
    const double = renderCatalogModule(catalog, { singleQuote: false, printWidth: 120 });
    expect(single).toContain("label: 'Zipcode',");
    expect(double).toContain('label: "Zipcode",');
    // Text with an apostrophe keeps double quotes either way (fewer escapes).
    expect(single).toContain(`"Aloware's Custom Field 1 (API key csf1).`);
    const narrow = renderCatalogModule(catalog, { singleQuote: true, printWidth: 80 });
    // Data members are re-laid out for the width (the hand-written parts of the template fit 120 columns only).
    const members = narrow.split('\n').filter((line) => /^\s+\w+: /.test(line));
    expect(members.length).toBeGreaterThan(400);
    expect(members.filter((line) => line.length > 80)).toEqual([]);
  });
});
