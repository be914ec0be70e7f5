import { fileMatches, readJustifications, ScanFinding, shippedJsFindings, unjustified } from '../scan';

const DOC = `# Security review

## Remaining findings

| engine | rule | file | severity | justification |
| ------ | ---- | ---- | -------- | ------------- |
| pmd | ApexDoc | main/default/classes/\\*\\* | Low | Code quality, not a security concern. |
| pmd | ProtectSensitiveData | main/default/objects/X__c/fields/Key__c.field-meta.xml | Moderate | A de-duplication key, not a credential. |
| pmd | AvoidHardcodedCredentialsInFieldDecls | main/default/classes/\\*\\* | Moderate | A wildcard cannot justify a security rule. |
| pmd | CyclomaticComplexity | main/default/classes/A.cls | Moderate | |

## Next section

| pmd | NcssCount | main/default/classes/A.cls | Moderate | Outside the table: not read. |
`;

function finding(rule: string, file: string, tags: string[] = ['Recommended']): ScanFinding {
  return { engine: 'pmd', rule, severity: 3, tags, file, line: 1, message: 'm' };
}

describe('scan gate helpers', () => {
  it('reads the rows of the Remaining findings table only', () => {
    const rows = readJustifications(DOC);
    expect(rows.map((r) => r.rule)).toEqual([
      'ApexDoc',
      'ProtectSensitiveData',
      'AvoidHardcodedCredentialsInFieldDecls',
      'CyclomaticComplexity'
    ]);
    expect(rows[0]?.file).toBe('main/default/classes/**');
  });

  it('matches folder wildcards', () => {
    expect(fileMatches('main/default/classes/**', 'main/default/classes/tests/ATest.cls')).toBe(true);
    expect(fileMatches('main/default/classes/*.cls', 'main/default/classes/tests/ATest.cls')).toBe(false);
    expect(fileMatches('main/default/lwc/a.b/x.js', 'main/default/lwc/aXb/x.js')).toBe(false);
  });

  it('reports findings without a row, security findings without an exact row and empty justifications', () => {
    const rows = readJustifications(DOC);
    const findings = [
      finding('ApexDoc', 'main/default/classes/engine/A.cls'),
      finding('ProtectSensitiveData', 'main/default/objects/X__c/fields/Key__c.field-meta.xml', ['Security']),
      finding('AvoidHardcodedCredentialsInFieldDecls', 'main/default/classes/A.cls', ['AppExchange', 'Security']),
      finding('CyclomaticComplexity', 'main/default/classes/A.cls'),
      finding('NcssCount', 'main/default/classes/A.cls')
    ];
    expect(unjustified(findings, rows).map((f) => f.rule)).toEqual([
      'AvoidHardcodedCredentialsInFieldDecls',
      'CyclomaticComplexity',
      'NcssCount'
    ]);
  });

  it('rejects shipped JavaScript the review parsers cannot handle', () => {
    const source =
      'try { f(); } catch { g(); }\nconst big = 0xb5c0fbcf;\nconst small = 0x7f;\ntry { f(); } catch (e) { g(e); }\n';
    expect(shippedJsFindings('a.js', source)).toEqual([
      "a.js:1 `catch {` without a binding: PMD's JavaScript parser cannot parse it",
      "a.js:2 hex literal 0xb5c0fbcf above 0x7fffffff: PMD's JavaScript rules fail on it"
    ]);
    expect(shippedJsFindings('b.js', 'function (')[0]).toMatch(/^b\.js:1 syntax error/);
  });
});
