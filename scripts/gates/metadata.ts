/**
 * Gate: after `npm run build` (once per run: build-once.ts), `sf project convert source` of force-app succeeds, and the produced package.xml
 * lists every component type present in source, with every Apex class, trigger, LWC bundle, object and field.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { ensureLwcBuild } from './build-once';
import { GateResult, bin, listFiles, read, run, runAsScript, timed } from './lib';

/** Metadata file suffix → the root element its XML must have. */
export const SUFFIX_ROOTS: Record<string, string> = {
  '.cls-meta.xml': 'ApexClass',
  '.trigger-meta.xml': 'ApexTrigger',
  '.js-meta.xml': 'LightningComponentBundle',
  '.object-meta.xml': 'CustomObject',
  '.field-meta.xml': 'CustomField',
  '.listView-meta.xml': 'ListView',
  '.validationRule-meta.xml': 'ValidationRule',
  '.compactLayout-meta.xml': 'CompactLayout',
  '.md-meta.xml': 'CustomMetadata',
  '.permissionset-meta.xml': 'PermissionSet',
  '.layout-meta.xml': 'Layout',
  '.flexipage-meta.xml': 'FlexiPage',
  '.app-meta.xml': 'CustomApplication',
  '.tab-meta.xml': 'CustomTab',
  '.resource-meta.xml': 'StaticResource',
  '.namedCredential-meta.xml': 'NamedCredential',
  '.externalCredential-meta.xml': 'ExternalCredential',
  '.remoteSite-meta.xml': 'RemoteSiteSetting',
  '.labels-meta.xml': 'CustomLabels'
};
const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

/** Well-formedness, root element and namespace of every metadata XML file; bundles and classes have their meta. */
export function xmlFindings(root: string): string[] {
  const findings: string[] = [];
  const forceApp = join(root, 'force-app');
  for (const file of listFiles(forceApp, (n) => n.endsWith('-meta.xml'))) {
    const shown = file.replace(root + '/', '');
    const xml = read(file);
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      findings.push(`${shown}:${valid.err.line} malformed XML: ${valid.err.msg}`);
      continue;
    }
    const rootElement = /<([A-Za-z]+)[\s>]/.exec(xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, ''));
    const suffix = Object.keys(SUFFIX_ROOTS).find((s) => file.endsWith(s));
    if (suffix && rootElement?.[1] !== SUFFIX_ROOTS[suffix]) {
      findings.push(
        `${shown}: root element <${rootElement?.[1] ?? '?'}> but a ${suffix} file must be <${SUFFIX_ROOTS[suffix]}>`
      );
    }
    if (!xml.includes(`xmlns="${METADATA_NS}"`)) findings.push(`${shown}: missing xmlns="${METADATA_NS}"`);
  }
  for (const file of listFiles(forceApp, (n) => n.endsWith('.cls') || n.endsWith('.trigger'))) {
    if (!existsSync(`${file}-meta.xml`))
      findings.push(`${file.replace(root + '/', '')}: no ${basename(file)}-meta.xml`);
  }
  return findings;
}

/** Source folder → metadata type of the components inside it. */
export const FOLDER_TYPES: Record<string, string> = {
  applications: 'CustomApplication',
  classes: 'ApexClass',
  customMetadata: 'CustomMetadata',
  customPermissions: 'CustomPermission',
  flexipages: 'FlexiPage',
  layouts: 'Layout',
  lwc: 'LightningComponentBundle',
  namedCredentials: 'NamedCredential',
  externalCredentials: 'ExternalCredential',
  objects: 'CustomObject',
  permissionsets: 'PermissionSet',
  remoteSiteSettings: 'RemoteSiteSetting',
  staticresources: 'StaticResource',
  tabs: 'CustomTab',
  triggers: 'ApexTrigger',
  labels: 'CustomLabels'
};

/** Expected (type, member) pairs from the source tree. */
export function expectedMembers(defaultDir: string): { type: string; member: string }[] {
  const expected: { type: string; member: string }[] = [];
  const add = (type: string, member: string): void => {
    expected.push({ type, member });
  };
  for (const folder of readdirSync(defaultDir)) {
    const dir = join(defaultDir, folder);
    if (!statSync(dir).isDirectory()) continue;
    const type = FOLDER_TYPES[folder];
    if (!type) {
      add('UNKNOWN', folder);
      continue;
    }
    if (folder === 'classes' || folder === 'triggers') {
      const ext = folder === 'classes' ? '.cls' : '.trigger';
      for (const file of listFiles(dir, (n) => n.endsWith(ext))) add(type, basename(file, ext));
    } else if (folder === 'lwc') {
      for (const bundle of readdirSync(dir)) if (statSync(join(dir, bundle)).isDirectory()) add(type, bundle);
    } else if (folder === 'objects') {
      for (const object of readdirSync(dir)) {
        if (existsSync(join(dir, object, `${object}.object-meta.xml`))) add('CustomObject', object);
        const fields = join(dir, object, 'fields');
        if (existsSync(fields)) {
          for (const f of readdirSync(fields)) add('CustomField', `${object}.${f.replace('.field-meta.xml', '')}`);
        }
      }
    } else {
      for (const file of readdirSync(dir)) {
        const match = /^(.+?)\.[\w]+-meta\.xml$/.exec(file);
        if (match) add(type, match[1] ?? '');
      }
    }
  }
  return expected;
}

/** Parses package.xml into type → members. */
export function packageMembers(xml: string): Map<string, Set<string>> {
  const types = new Map<string, Set<string>>();
  for (const block of xml.matchAll(/<types>([\s\S]*?)<\/types>/g)) {
    const body = block[1] ?? '';
    const name = /<name>([^<]+)<\/name>/.exec(body)?.[1] ?? '';
    const members = new Set([...body.matchAll(/<members>([^<]+)<\/members>/g)].map((m) => m[1] ?? ''));
    types.set(name, members);
  }
  return types;
}

export function metadataGate(root: string): GateResult {
  return timed('metadata', () => {
    const build = ensureLwcBuild(root);
    if (!build.ok) {
      return { ok: false, findings: [`npm run build failed: ${build.output}`], summary: 'build failed' };
    }
    const out = mkdtempSync(join(tmpdir(), 'aloware-convert-'));
    try {
      const convert = run(
        bin(root, 'sf'),
        ['project', 'convert', 'source', '--root-dir', 'force-app', '--output-dir', join(out, 'mdapi'), '--json'],
        root,
        { SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true', SF_HIDE_RELEASE_NOTES: 'true', FORCE_COLOR: '0' }
      );
      let parsed: { status?: number; message?: string; name?: string } = {};
      try {
        parsed = JSON.parse(convert.stdout.slice(convert.stdout.indexOf('{'))) as typeof parsed;
      } catch {
        parsed = { status: convert.status, message: convert.stdout + convert.stderr };
      }
      if (convert.status !== 0 || parsed.status !== 0) {
        return {
          ok: false,
          findings: [
            `sf project convert source failed: ${parsed.name ?? ''} ${parsed.message ?? convert.stderr}`.trim()
          ],
          summary: 'convert failed'
        };
      }
      const packageXml = join(out, 'mdapi', 'package.xml');
      if (!existsSync(packageXml))
        return { ok: false, findings: ['convert produced no package.xml'], summary: 'no package.xml' };
      const listed = packageMembers(read(packageXml));
      const findings: string[] = xmlFindings(root);
      const expected = expectedMembers(join(root, 'force-app', 'main', 'default'));
      for (const { type, member } of expected) {
        if (type === 'UNKNOWN') findings.push(`force-app/main/default/${member}: folder of an unknown metadata type`);
        else if (!listed.get(type)?.has(member)) findings.push(`package.xml lacks ${type} ${member}`);
      }
      const typeCount = new Set(expected.map((e) => e.type)).size;
      return {
        ok: findings.length === 0,
        findings,
        summary: `converted; package.xml lists ${listed.size} type(s); ${expected.length} component(s) of ${typeCount} type(s) checked`
      };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}

if (require.main === module) runAsScript(metadataGate);
