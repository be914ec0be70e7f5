import { sharingFindings, unjustifiedSuppressions } from '../pmd';

describe('sharing declarations', () => {
  it('should accept declared sharing, interfaces, enums and test classes', () => {
    expect(sharingFindings('A.cls', 'public with sharing class A {}')).toEqual([]);
    expect(sharingFindings('A.cls', '/** x */\npublic inherited sharing virtual class A {}')).toEqual([]);
    expect(sharingFindings('I.cls', 'public interface I { void run(); }')).toEqual([]);
    expect(sharingFindings('E.cls', 'public enum E { ONE }')).toEqual([]);
    expect(sharingFindings('T.cls', '@IsTest\nprivate class T {}')).toEqual([]);
  });

  it('should refuse a class with no sharing keyword', () => {
    expect(sharingFindings('A.cls', '/** doc */\npublic class A {}')).toEqual([
      'A.cls:1 class declares no sharing (with / inherited / without sharing)'
    ]);
  });

  it('should require the reason for without sharing above the class', () => {
    expect(sharingFindings('A.cls', 'public without sharing class A {}')).toHaveLength(1);
    expect(
      sharingFindings(
        'A.cls',
        '/**\n * `without sharing` on purpose: the guest user cannot see Leads.\n */\npublic without sharing class A {}'
      )
    ).toEqual([]);
  });
});

describe('PMD suppressions', () => {
  it('should require a justification next to a suppression', () => {
    expect(
      unjustifiedSuppressions('A.cls', "@SuppressWarnings('PMD.ApexCRUDViolation')\npublic class A {}")
    ).toHaveLength(1);
    expect(
      unjustifiedSuppressions(
        'A.cls',
        "// the log is package bookkeeping\n@SuppressWarnings('PMD.ApexCRUDViolation')\npublic class A {}"
      )
    ).toEqual([]);
  });
});
