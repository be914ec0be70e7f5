import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { methodSignatures, stripComments } from '../apex-source';
import { apexLeadReferences, checkLeadPath, leadFields, referencesGate, soqlLeadFields } from '../references';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'aloware-refs-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const FIELD_XML =
  '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Aloware_DNC__c</fullName></CustomField>';

describe('Apex source reading', () => {
  it('should blank comments but keep strings and line numbers', () => {
    const code = stripComments("a // Lead.Fake__c\nb /* x\n y */ 'kept // here'");
    expect(code).not.toContain('Fake__c');
    expect(code).toContain("'kept // here'");
    expect(code.split('\n')).toHaveLength(3);
  });

  it('should read @AuraEnabled static signatures with generic parameters', () => {
    const methods = methodSignatures(
      'AlowareX',
      'public with sharing class AlowareX {\n  @AuraEnabled(cacheable=true)\n  public static Map<String, Object> load(Map<String, List<Id>> filters, Integer pageSize) { return null; }\n  public Integer helper(String a) { return 1; }\n}'
    );
    expect(methods).toEqual([
      expect.objectContaining({ method: 'load', isStatic: true, isAuraEnabled: true, params: ['filters', 'pageSize'] }),
      expect.objectContaining({ method: 'helper', isStatic: false, isAuraEnabled: false, params: ['a'] })
    ]);
  });
});

describe('Lead field references in Apex', () => {
  const catalog = leadFields(
    project({ 'force-app/main/default/objects/Lead/fields/Aloware_DNC__c.field-meta.xml': FIELD_XML })
  );

  it('should accept standard fields, package fields and relationships', () => {
    expect(checkLeadPath(catalog, 'Phone')).toBeNull();
    expect(checkLeadPath(catalog, 'aloware_dnc__c')).toBeNull();
    expect(checkLeadPath(catalog, 'Owner.Email')).toBeNull();
  });

  it('should refuse unknown fields, unknown relationships and feature-dependent fields', () => {
    expect(checkLeadPath(catalog, 'Fake__c')).toMatch(/unknown Lead field 'Fake__c'/);
    expect(checkLeadPath(catalog, 'Nope__r.Name')).toMatch(/unknown Lead relationship/);
    expect(checkLeadPath(catalog, 'CurrencyIsoCode')).toMatch(/multi-currency/);
  });

  it('should read select list, WHERE and ORDER BY fields of SOQL on Lead only', () => {
    expect(
      soqlLeadFields(
        "SELECT Id, Owner.Email, toLabel(Status) FROM Lead WHERE Phone = :p AND Email LIKE 'x' ORDER BY CreatedDate DESC LIMIT 5"
      )
    ).toEqual(['Id', 'Owner.Email', 'Status', 'Phone', 'Email', 'CreatedDate']);
    expect(soqlLeadFields('SELECT Fake__c FROM Contact')).toEqual([]);
  });

  it('should find references through tokens, typed variables, constructors and strings', () => {
    const refs = apexLeadReferences(
      [
        'public with sharing class A {',
        '  void run(Lead lead, List<Lead> leads) {',
        '    Object a = lead.First_Fake__c;',
        '    Schema.SObjectField f = Lead.Second_Fake__c;',
        "    lead.put('Third_Fake__c', 1);",
        '    Lead other = new Lead(Fourth_Fake__c = 1);',
        "    Database.query('SELECT Fifth_Fake__c FROM Lead');",
        '    for (Lead l : leads) { Object b = l.Sixth_Fake__c; }',
        '    List<Lead> rows = [SELECT Id FROM Lead WHERE Seventh_Fake__c = true];',
        '  }',
        '}'
      ].join('\n')
    ).map((r) => r.path);
    for (const name of ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh']) {
      expect(refs).toContain(`${name}_Fake__c`);
    }
    expect(refs).not.toContain('put');
  });

  it('should not attribute members of non-Lead variables to Lead', () => {
    const refs = apexLeadReferences(
      'class A {\n  void a(Lead lead) { Object x = lead.Phone; }\n  void b(Account lead) { Object y = lead.Not_On_Lead__c; }\n}'
    ).map((r) => r.path);
    expect(refs).toEqual(['Phone']);
  });
});

describe('the references gate on a project', () => {
  const apex = (name: string, body: string): Record<string, string> => ({
    [`force-app/main/default/classes/${name}.cls`]: body,
    [`force-app/main/default/classes/${name}.cls-meta.xml`]: '<ApexClass/>'
  });

  it('should pass matching LWC calls and fail wrong keys, non-static, non-Aura and unknown targets', () => {
    const root = project({
      ...apex(
        'AlowareCtl',
        'public with sharing class AlowareCtl {\n  @AuraEnabled public static String ok(String leadId) { return leadId; }\n  @AuraEnabled public String inst(String a) { return a; }\n  public static String plain(String a) { return a; }\n}'
      ),
      'force-app/main/default/lwc/alowareA/alowareA.ts': [
        "import ok from '@salesforce/apex/AlowareCtl.ok';",
        "import inst from '@salesforce/apex/AlowareCtl.inst';",
        "import plain from '@salesforce/apex/AlowareCtl.plain';",
        "import missing from '@salesforce/apex/AlowareNope.x';",
        "import PHONE from '@salesforce/schema/Lead.Phone';",
        "import FAKE from '@salesforce/schema/Lead.Fake__c';",
        'export async function go(id: string, args: Record<string, unknown>) {',
        '  await ok({ leadId: id });',
        '  await ok({ recordId: id });',
        '  await ok(args);',
        '  return [inst, plain, missing, PHONE, FAKE];',
        '}'
      ].join('\n')
    });
    try {
      const result = referencesGate(root);
      const text = result.findings.join('\n');
      expect(result.ok).toBe(false);
      expect(text).toMatch(/keys \{recordId\} do not match the parameters of AlowareCtl\.ok\(leadId\)/);
      expect(text).toMatch(/pass an inline object literal/);
      expect(text).toMatch(/AlowareCtl\.inst' is not static/);
      expect(text).toMatch(/AlowareCtl\.plain' is not @AuraEnabled/);
      expect(text).toMatch(/class 'AlowareNope' does not exist/);
      expect(text).toMatch(/Lead\.Fake__c: unknown Lead field/);
      expect(text).not.toMatch(/Lead\.Phone/);
      expect(result.findings).toHaveLength(6);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('should refuse inner classes in @AuraEnabled parameter and return types', () => {
    const root = project({
      ...apex(
        'AlowareDto',
        'public with sharing class AlowareDto {\n  public String name;\n  public class Nested { public String x; }\n}'
      ),
      ...apex(
        'AlowareHolder',
        'public with sharing class AlowareHolder {\n  @AuraEnabled\n  public List<AlowareDto.Nested> items;\n  @AuraEnabled public AlowareDto dto;\n}'
      ),
      ...apex(
        'AlowareCtl',
        [
          'public with sharing class AlowareCtl {',
          '  public class Row { public String a; }',
          '  @AuraEnabled public static List<Row> rows(Map<String, AlowareDto.Nested> filters) { return null; }',
          '  @AuraEnabled public static AlowareDto fine(AlowareDto dto, List<String> names) { return dto; }',
          '  @AuraEnabled public static AlowareHolder held() { return null; }',
          '}'
        ].join('\n')
      )
    });
    try {
      const text = referencesGate(root).findings.join('\n');
      expect(text).toMatch(/rows: return type uses inner class 'Row'/);
      expect(text).toMatch(/rows: parameter 'filters' uses inner class 'AlowareDto\.Nested'/);
      expect(text).toMatch(/held: return type uses inner class 'AlowareDto\.Nested' \(via AlowareHolder\)/);
      expect(text).not.toMatch(/fine:/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
