/*
 * Writes every file derived from the catalog: the TS module `c/alowareCatalog`, the custom Lead field XML and the
 * default Aloware_Field_Mapping__mdt records. Usage: `npx tsx scripts/catalog/generate.ts [projectRoot]`.
 * Default mapping records of the catalog's object that no longer have a catalog row are deleted; custom Lead fields
 * without a row are only reported (deleting a released field is a decision, not a side effect).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadCatalog } from './catalog';
import { FIELDS_DIR, MAPPING_TYPE, RECORDS_DIR, projectCodeStyle, renderAll } from './render';

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

if (require.main === module) {
  try {
    const root = resolve(process.argv[2] ?? '.');
    const result = generate(root);
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
