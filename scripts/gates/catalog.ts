/**
 * Gate: the Aloware property catalog agrees with the Lead fields, the mapping records, the permission sets and the files
 * generated from it (the TS module c/alowareCatalog and the Apex class AlowareCatalogRules): scripts/catalog/check.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GateResult, bin, run, runAsScript, timed } from './lib';

export function catalogGate(root: string): GateResult {
  return timed('catalog', () => {
    const script = join(root, 'scripts', 'catalog', 'check.ts');
    if (!existsSync(script))
      return { ok: false, findings: ['scripts/catalog/check.ts is missing'], summary: 'no check' };
    const result = run(bin(root, 'tsx'), [script], root);
    const lines = `${result.stdout}\n${result.stderr}`
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return {
      ok: result.status === 0,
      findings: result.status === 0 ? [] : lines,
      summary: lines[lines.length - 1] ?? `exit ${result.status}`
    };
  });
}

if (require.main === module) runAsScript(catalogGate);
