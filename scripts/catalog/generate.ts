/*
 * Writes every file derived from the catalog: the TS module `c/alowareCatalog`, the custom Lead field XML, the
 * default Aloware_Field_Mapping__mdt records and the Apex class AlowareCatalogRules (formatted with the project's
 * Prettier). Usage: `npm run catalog:generate` or `npx tsx scripts/catalog/generate.ts [projectRoot]`.
 * Default mapping records of the catalog's object that no longer have a catalog row are deleted; custom Lead fields
 * without a row are only reported (deleting a released field is a decision, not a side effect).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadCatalog } from './catalog';
import {
  FIELDS_DIR,
  MAPPING_TYPE,
  RECORDS_DIR,
  catalogRulesPath,
  normaliseApex,
  projectCodeStyle,
  renderAll,
  renderCatalogRules
} from './render';

export interface GenerateResult {
  written: string[];
  unchanged: string[];
  deleted: string[];
  orphanFields: string[];
}

/** Brings every derived file of the project at `root` in line with its catalog. */
export function generate(root: string): GenerateResult {
  const catalog = loadCatalog(root);
  const files = renderAll(catalog, projectCodeStyle(root));
  const result: GenerateResult = { written: [], unchanged: [], deleted: [], orphanFields: [] };
  for (const [path, content] of files) {
    const target = join(root, path);
    if (existsSync(target) && readFileSync(target, 'utf8') === content) {
      result.unchanged.push(path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    result.written.push(path);
  }
  // The Apex class is compared in its whitespace-insensitive form: the written text is Prettier's (formatApex below).
  const rulesPath = catalogRulesPath(root);
  const rulesTarget = join(root, rulesPath);
  const rules = renderCatalogRules(catalog);
  if (existsSync(rulesTarget) && normaliseApex(readFileSync(rulesTarget, 'utf8')) === normaliseApex(rules)) {
    result.unchanged.push(rulesPath);
  } else {
    mkdirSync(dirname(rulesTarget), { recursive: true });
    writeFileSync(rulesTarget, rules);
    result.written.push(rulesPath);
  }
  const recordsDir = join(root, RECORDS_DIR);
  const prefix = `${MAPPING_TYPE}.${catalog.object}_`;
  for (const name of existsSync(recordsDir) ? readdirSync(recordsDir) : []) {
    const path = `${RECORDS_DIR}/${name}`;
    if (name.startsWith(prefix) && !files.has(path)) {
      rmSync(join(root, path));
      result.deleted.push(path);
    }
  }
  const fieldsDir = join(root, FIELDS_DIR);
  for (const name of existsSync(fieldsDir) ? readdirSync(fieldsDir) : []) {
    const path = `${FIELDS_DIR}/${name}`;
    if (!files.has(path)) result.orphanFields.push(path);
  }
  return result;
}

/** Formats the written Apex files with the project's Prettier (prettier-plugin-apex), as the prettier gate wants them. */
export async function formatApex(root: string, paths: string[]): Promise<void> {
  const prettier = await import('prettier');
  for (const path of paths.filter((p) => p.endsWith('.cls'))) {
    const target = join(root, path);
    const options = (await prettier.resolveConfig(target)) ?? {};
    const source = readFileSync(target, 'utf8');
    writeFileSync(target, await prettier.format(source, { ...options, filepath: target }));
  }
}

async function main(): Promise<void> {
  try {
    const root = resolve(process.argv[2] ?? '.');
    const result = generate(root);
    await formatApex(root, result.written);
    for (const path of result.written) console.log(`wrote   ${path}`);
    for (const path of result.deleted) console.log(`deleted ${path}`);
    for (const path of result.orphanFields) console.warn(`warning: ${path} has no catalog row (not deleted)`);
    console.log(
      `catalog: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.deleted.length} deleted`
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
