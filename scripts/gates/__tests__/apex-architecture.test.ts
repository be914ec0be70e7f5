import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { apexArchitectureGate, classFiles, dependencies, formatMatrix, queryFindings } from '../apex-architecture';

const CLASSES = 'force-app/main/default/classes';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'aloware-arch-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, CLASSES, path)), { recursive: true });
    writeFileSync(join(root, CLASSES, path), content);
  }
  return root;
}

function cls(name: string, body = ''): string {
  return `public with sharing class ${name} {\n${body}}\n`;
}

describe('apex-architecture gate', () => {
  const roots: string[] = [];
  const make = (files: Record<string, string>): string => {
    const root = project(files);
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('should pass folders that depend one way and report the matrix', () => {
    const root = make({
      'shared/AlowareA.cls': cls('AlowareA'),
      'outbound/AlowareB.cls': cls('AlowareB', '    Integer x = AlowareA.count();\n'),
      'controllers/AlowareC.cls': cls('AlowareC', '    AlowareB b;\n    AlowareA a;\n')
    });
    const result = apexArchitectureGate(root);
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary).toContain('controllers → outbound (1), shared (1)');
    expect(result.summary).toContain('shared → nothing');
  });

  it('should name a file, line and class on each side of two folders that depend on each other', () => {
    const root = make({
      'inbound/AlowareIn.cls': cls('AlowareIn', '    AlowareOut out;\n'),
      'outbound/AlowareOut.cls': cls('AlowareOut', '\n    AlowareIn source;\n')
    });
    expect(apexArchitectureGate(root).findings).toEqual([
      `folders inbound and outbound depend on each other: ${CLASSES}/inbound/AlowareIn.cls:2 uses outbound/AlowareOut; ${CLASSES}/outbound/AlowareOut.cls:3 uses inbound/AlowareIn`
    ]);
  });

  it('should fail shared/ depending on any other folder, even one way', () => {
    const root = make({
      'shared/AlowareSettingsX.cls': cls('AlowareSettingsX', '    AlowareEngineX engine;\n'),
      'engine/AlowareEngineX.cls': cls('AlowareEngineX')
    });
    expect(apexArchitectureGate(root).findings).toEqual([
      `shared/ depends on engine/: ${CLASSES}/shared/AlowareSettingsX.cls:2 uses engine/AlowareEngineX`
    ]);
  });

  it('should ignore class names in comments and strings, and leave tests out', () => {
    const root = make({
      'shared/AlowareS.cls': cls(
        'AlowareS',
        "    // AlowareO is mentioned here\n    String t = 'AlowareO';\n    /* AlowareO */\n"
      ),
      'outbound/AlowareO.cls': cls('AlowareO', '    AlowareS s;\n'),
      'tests/outbound/AlowareOTest.cls': cls('AlowareOTest', '    AlowareO o;\n    AlowareS s;\n')
    });
    const files = classFiles(root);
    expect(files.map((f) => f.className).sort()).toEqual(['AlowareO', 'AlowareS']);
    expect(dependencies(files).map((d) => `${d.from}>${d.to}`)).toEqual(['outbound>shared']);
    expect(apexArchitectureGate(root).ok).toBe(true);
  });

  it('should treat a subfolder as part of its folder (controllers/dto is controllers)', () => {
    const root = make({
      'controllers/dto/AlowareDto.cls': cls('AlowareDto'),
      'controllers/AlowareCtl.cls': cls('AlowareCtl', '    AlowareDto dto;\n'),
      'outbound/AlowareSvc.cls': cls('AlowareSvc', '    AlowareDto leaked;\n'),
      'controllers/AlowareCtl2.cls': cls('AlowareCtl2', '    AlowareSvc svc;\n')
    });
    const findings = apexArchitectureGate(root).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(
      /folders controllers and outbound depend on each other: .*uses outbound\/AlowareSvc; .*AlowareSvc\.cls:2 uses controllers\/AlowareDto/
    );
  });

  it('should find static, dynamic and text queries in controllers but not sentences', () => {
    const file = {
      folder: 'controllers',
      file: `${CLASSES}/controllers/AlowareQ.cls`,
      className: 'AlowareQ',
      source: [
        'public with sharing class AlowareQ {',
        '    List<Lead> a = [SELECT Id FROM Lead WITH USER_MODE];',
        '    List<SObject> b = Database.queryWithBinds(soql, binds, AccessLevel.USER_MODE);',
        "    String c = 'SELECT ' + fields + ' FROM Lead';",
        "    String d = 'Select at least one entry from the list.';",
        '    // [SELECT Id FROM Lead] in a comment',
        "    Integer e = Database.countQuery('x');",
        '    List<List<SObject>> f = [FIND :text IN ALL FIELDS];',
        '}'
      ].join('\n')
    };
    expect(queryFindings(file).map((f) => f.replace(`${CLASSES}/controllers/`, ''))).toEqual([
      'AlowareQ.cls:2 static SOQL/SOSL in a controller: move it to a selector',
      'AlowareQ.cls:8 static SOQL/SOSL in a controller: move it to a selector',
      'AlowareQ.cls:3 dynamic SOQL in a controller: move it to a selector',
      'AlowareQ.cls:7 dynamic SOQL in a controller: move it to a selector',
      'AlowareQ.cls:4 query text in a controller: move it to a selector'
    ]);
  });

  it('should check queries only in controllers', () => {
    const root = make({
      'selectors/AlowareSel.cls': cls('AlowareSel', '    List<Lead> a = [SELECT Id FROM Lead WITH USER_MODE];\n')
    });
    expect(apexArchitectureGate(root).ok).toBe(true);
  });

  it('should print one matrix row per folder', () => {
    const deps = [{ from: 'a', to: 'b', file: 'x', line: 1, className: 'B1' }];
    expect(formatMatrix(['a', 'b'], deps)).toBe('a → b (1)\nb → nothing');
  });
});
