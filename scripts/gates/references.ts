/**
 * Gate: cross-layer references that apex-ls cannot see.
 * 1. Every Lead field named in Apex (`Lead.X`, `Schema.Lead.X`, `SObjectType.Lead.fields.X`, a Lead-typed variable's
 *    `.X` / `.get('X')` / `.put('X', ...)`, `new Lead(X = ...)`, SOQL on Lead — static or in a string) and every
 *    `@salesforce/schema/Lead.X` import exists: a standard Lead field of every org or a field under
 *    `objects/Lead/fields` (apex-ls stops reporting unknown Lead fields once that folder exists).
 * 2. Every `@salesforce/apex/Class.method` import in LWC resolves to a `static @AuraEnabled` method of that class,
 *    and every call passes an inline object literal whose keys are exactly the method's parameter names.
 * (The local preview answers those imports with the Apex itself, run by the Apex emulator; the browser suite's
 * "every Apex import is answered" scenario checks that each import resolves there.)
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';
import {
  AuraMethod,
  auraPropertyTypes,
  blankStrings,
  innerClassNames,
  enclosingBlockEnd,
  lineOf,
  matchingClose,
  methodSignatures,
  openParenBefore,
  splitTopLevel,
  stripComments
} from './apex-source';
import { GateResult, apexFiles, listFiles, lwcTsFiles, read, runAsScript, timed } from './lib';

interface LeadFieldCatalog {
  fields: Set<string>;
  relationships: Map<string, string>;
  featureDependent: Map<string, string>;
}

const STANDARD = JSON.parse(read(join(__dirname, 'data', 'lead-standard-fields.json'))) as {
  fields: string[];
  relationships: Record<string, string>;
  featureDependent: Record<string, string>;
};

/** Standard Lead fields plus the fields under objects/Lead/fields (lower-cased: Apex is case-insensitive). */
export function leadFields(root: string): LeadFieldCatalog {
  const fields = new Set(STANDARD.fields.map((f) => f.toLowerCase()));
  const dir = join(root, 'force-app', 'main', 'default', 'objects', 'Lead', 'fields');
  if (existsSync(dir)) {
    for (const file of readdirSync(dir)) {
      if (file.endsWith('.field-meta.xml')) fields.add(file.replace('.field-meta.xml', '').toLowerCase());
    }
  }
  const relationships = new Map(Object.entries(STANDARD.relationships).map(([k, v]) => [k.toLowerCase(), v]));
  const featureDependent = new Map(Object.entries(STANDARD.featureDependent).map(([k, v]) => [k.toLowerCase(), v]));
  return { fields, relationships, featureDependent };
}

/** Checks one Lead field path (`Phone`, `Owner.Email`, `Aloware_DNC__c`); returns a problem or null. */
export function checkLeadPath(catalog: LeadFieldCatalog, path: string): string | null {
  const first = path.split('.')[0]?.trim() ?? '';
  const key = first.toLowerCase();
  if (!first) return null;
  if (path.includes('.')) {
    if (catalog.relationships.has(key)) return null;
    if (key.endsWith('__r') && catalog.fields.has(key.replace(/__r$/, '__c'))) return null;
    return `unknown Lead relationship '${first}'`;
  }
  if (catalog.fields.has(key)) return null;
  const feature = catalog.featureDependent.get(key);
  if (feature) return `Lead field '${first}' exists only with ${feature}: a package must not reference it statically`;
  return `unknown Lead field '${first}' (not a standard Lead field, not under objects/Lead/fields)`;
}

const SOQL_KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'null',
  'true',
  'false',
  'limit',
  'offset',
  'with',
  'user_mode',
  'system_mode',
  'security_enforced',
  'asc',
  'desc',
  'nulls',
  'first',
  'last',
  'in',
  'like',
  'includes',
  'excludes',
  'order',
  'by',
  'group',
  'having',
  'for',
  'update',
  'view',
  'reference',
  'all',
  'rows',
  'today',
  'yesterday',
  'tomorrow',
  'this_week',
  'last_week',
  'next_week',
  'this_month',
  'last_month',
  'next_month',
  'this_year',
  'last_year'
]);

/** Field paths used by a SOQL query on Lead (select list, WHERE, ORDER BY, GROUP BY); [] for other objects. */
export function soqlLeadFields(query: string): string[] {
  const withoutSubqueries = query.replace(/\(\s*SELECT[\s\S]*?\)/gi, ' ');
  const match = /^\s*SELECT\s+([\s\S]+?)\s+FROM\s+(\w+)\b([\s\S]*)$/i.exec(withoutSubqueries);
  if (!match || (match[2] ?? '').toLowerCase() !== 'lead') return [];
  const paths: string[] = [];
  for (const item of splitTopLevel(match[1] ?? '')) {
    let field = item.trim();
    const fn = /^(\w+)\s*\(\s*([\w.]*)\s*\)/.exec(field);
    if (fn) field = fn[2] ?? '';
    field = field.split(/\s+/)[0] ?? '';
    if (/^[A-Za-z_][\w.]*$/.test(field)) paths.push(field);
  }
  const rest = (match[3] ?? '').replace(/:\s*[\w.()]+/g, ' ').replace(/'(?:\\.|[^'\\])*'/g, ' ');
  const comparison =
    /([A-Za-z_][\w.]*)\s*(?:=|!=|<>|<=|>=|<|>|\bLIKE\b|\bNOT\s+IN\b|\bIN\b|\bINCLUDES\b|\bEXCLUDES\b)/gi;
  let cmp: RegExpExecArray | null;
  while ((cmp = comparison.exec(rest)) !== null) {
    const name = cmp[1] ?? '';
    if (!SOQL_KEYWORDS.has(name.toLowerCase()) && !/^\d/.test(name)) paths.push(name);
  }
  const orderGroup = /\b(?:ORDER|GROUP)\s+BY\s+([\w.,\s]+?)(?=\bLIMIT\b|\bOFFSET\b|\bFOR\b|\bHAVING\b|\bNULLS\b|$)/gi;
  let ob: RegExpExecArray | null;
  while ((ob = orderGroup.exec(rest)) !== null) {
    for (const part of (ob[1] ?? '').split(',')) {
      const name = part.trim().split(/\s+/)[0] ?? '';
      if (name && !SOQL_KEYWORDS.has(name.toLowerCase())) paths.push(name);
    }
  }
  return paths;
}

const LEAD_MEMBERS = new Set(['sobjecttype', 'getsobjecttype', 'class', 'fields', 'fieldsets']);

/** Lead field references of one Apex file, with line numbers. */
export function apexLeadReferences(source: string): { path: string; line: number }[] {
  const code = stripComments(source);
  const structural = blankStrings(code);
  const refs: { path: string; line: number }[] = [];
  const add = (path: string, offset: number): void => {
    refs.push({ path, line: lineOf(code, offset) });
  };

  // Static SOQL: [SELECT ... FROM Lead ...]
  for (let i = structural.indexOf('['); i >= 0; i = structural.indexOf('[', i + 1)) {
    if (!/^\[\s*SELECT\b/i.test(structural.slice(i, i + 20))) continue;
    const close = matchingClose(structural, i);
    for (const path of soqlLeadFields(code.slice(i + 1, close))) add(path, i);
  }
  // Dynamic SOQL in string literals.
  const literal = /'((?:\\.|[^'\\])*)'/g;
  let lit: RegExpExecArray | null;
  while ((lit = literal.exec(code)) !== null) {
    const text = (lit[1] ?? '').replace(/\\'/g, "'");
    if (/^\s*SELECT\b[\s\S]*\bFROM\s+Lead\b/i.test(text)) {
      for (const path of soqlLeadFields(text)) add(path, lit.index);
    }
  }
  // Tokens: Lead.X, Schema.Lead.X, SObjectType.Lead.fields.X, Lead.SObjectType.fields.X
  const token =
    /(^|[^\w.]|Schema\.|SObjectType\.)Lead\s*\.\s*(?:SObjectType\s*\.\s*)?(?:fields\s*\.\s*)?([A-Za-z_]\w*)\b(?!\s*\()/gi;
  // Apex is case-insensitive: where a variable is named `lead`, a bare `lead.X` is that variable (handled below
  // with its declared type), so only qualified tokens (Schema.Lead.X, SObjectType.Lead.X) count here.
  const leadIsVariable = /\b\w+(?:<[^;{}()]*>)?\s+lead\s*(?=[=;,):])/i.test(structural.replace(/\bnew\s+\w+/g, ''));
  let tk: RegExpExecArray | null;
  while ((tk = token.exec(structural)) !== null) {
    const name = tk[2] ?? '';
    const qualified = /Schema\.|SObjectType\./i.test(tk[1] ?? '');
    if (leadIsVariable && !qualified) continue;
    if (!LEAD_MEMBERS.has(name.toLowerCase())) add(name, tk.index);
  }
  // new Lead(Field = value, ...)
  const ctor = /\bnew\s+(?:Schema\.)?Lead\s*\(/gi;
  let nc: RegExpExecArray | null;
  while ((nc = ctor.exec(structural)) !== null) {
    const open = nc.index + nc[0].length - 1;
    const close = matchingClose(structural, open);
    for (const part of splitTopLevel(structural.slice(open + 1, close))) {
      const assignment = /^\s*([A-Za-z_]\w*)\s*=/.exec(part);
      if (assignment) add(assignment[1] ?? '', open);
    }
  }
  // Lead-typed variables and their member accesses within scope.
  const declaration = /(?<![\w.<])(?:Schema\.)?Lead\s+([A-Za-z_]\w*)\s*(?=[=;,):])/g;
  let decl: RegExpExecArray | null;
  while ((decl = declaration.exec(structural)) !== null) {
    const name = decl[1] ?? '';
    let start = decl.index;
    let end: number;
    const paren = openParenBefore(structural, decl.index);
    if (paren >= 0) {
      const closeParen = matchingClose(structural, paren);
      const brace = structural.indexOf('{', closeParen);
      const semicolon = structural.indexOf(';', closeParen);
      if (brace >= 0 && (semicolon < 0 || brace < semicolon)) {
        start = brace;
        end = matchingClose(structural, brace);
      } else {
        end = semicolon < 0 ? structural.length : semicolon;
      }
    } else {
      end = enclosingBlockEnd(structural, decl.index);
    }
    const scope = structural.slice(start, end);
    const scopeCode = code.slice(start, end);
    const member = new RegExp(`(?<![\\w.])${name}\\s*\\.\\s*([A-Za-z_]\\w*)\\b(?!\\s*\\()`, 'gi');
    let m: RegExpExecArray | null;
    while ((m = member.exec(scope)) !== null) add(m[1] ?? '', start + m.index);
    const dynamicAccess = new RegExp(`(?<![\\w.])${name}\\s*\\.\\s*(?:get|put)\\s*\\(\\s*'([^']+)'`, 'gi');
    while ((m = dynamicAccess.exec(scopeCode)) !== null) add(m[1] ?? '', start + m.index);
  }
  return refs;
}

interface ApexIndex {
  methods: Map<string, AuraMethod>;
  classes: Set<string>;
  /** class name (lower-case) → its inner class names (lower-case). */
  innerClasses: Map<string, Set<string>>;
  /** class name (lower-case) → types of its @AuraEnabled properties. */
  propertyTypes: Map<string, string[]>;
}

function indexApex(root: string): ApexIndex {
  const methods = new Map<string, AuraMethod>();
  const classes = new Set<string>();
  const innerClasses = new Map<string, Set<string>>();
  const propertyTypes = new Map<string, string[]>();
  for (const file of apexFiles(root).filter((f) => f.endsWith('.cls'))) {
    const className = basename(file, '.cls');
    const source = read(file);
    classes.add(className.toLowerCase());
    innerClasses.set(className.toLowerCase(), innerClassNames(source));
    propertyTypes.set(className.toLowerCase(), auraPropertyTypes(source));
    for (const method of methodSignatures(className, source)) {
      const key = `${className}.${method.method}`.toLowerCase();
      const existing = methods.get(key);
      // Overloads: keep the @AuraEnabled static one (Apex forbids overloading @AuraEnabled methods anyway).
      if (!existing || (method.isAuraEnabled && method.isStatic)) methods.set(key, method);
    }
  }
  return { methods, classes, innerClasses, propertyTypes };
}

/**
 * Salesforce: "An Apex inner class as a parameter or return value for an Apex method that's called by a Lightning web
 * component isn't supported." Every @AuraEnabled static method's parameter and return types must name top-level
 * classes only (`Outer.Inner` of one of our classes, or an inner class of the method's own class, is refused).
 */
export function innerClassSignatureFindings(index: ApexIndex): string[] {
  const findings: string[] = [];
  const typeRefs = (type: string): string[] => type.match(/[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/g) ?? [];
  const isInner = (ref: string, ownClass: string): boolean => {
    const parts = ref.toLowerCase().split('.');
    if (parts.length === 1) return index.innerClasses.get(ownClass.toLowerCase())?.has(parts[0] ?? '') ?? false;
    return parts.length === 2 && (index.innerClasses.get(parts[0] ?? '')?.has(parts[1] ?? '') ?? false);
  };
  for (const method of index.methods.values()) {
    if (!method.isAuraEnabled || !method.isStatic) continue;
    const where = `${method.className}.cls:${method.line} @AuraEnabled ${method.method}`;
    const roots = [
      { role: 'return type', type: method.returnType },
      ...method.paramTypes.map((type, i) => ({ role: `parameter '${method.params[i] ?? '?'}'`, type }))
    ];
    for (const { role, type } of roots) {
      // Walk the signature's type and, through our own top-level classes, their @AuraEnabled properties.
      const seen = new Set<string>();
      const queue: { ref: string; owner: string; path: string }[] = typeRefs(type).map((ref) => ({
        ref,
        owner: method.className,
        path: ''
      }));
      while (queue.length > 0) {
        const { ref, owner, path } = queue.shift() as { ref: string; owner: string; path: string };
        if (isInner(ref, owner)) {
          findings.push(
            `${where}: ${role} uses inner class '${ref}'${path} (unsupported from LWC: make it a top-level class)`
          );
          continue;
        }
        const key = ref.toLowerCase();
        if (seen.has(key) || !index.classes.has(key)) continue;
        seen.add(key);
        for (const propertyType of index.propertyTypes.get(key) ?? []) {
          for (const next of typeRefs(propertyType)) queue.push({ ref: next, owner: ref, path: ` (via ${ref})` });
        }
      }
    }
  }
  return findings;
}

function checkApexTarget(index: ApexIndex, target: string): { method?: AuraMethod; problem?: string } {
  const [className, methodName] = target.split('.');
  if (!className || !methodName) return { problem: `'${target}' is not Class.method` };
  if (!index.classes.has(className.toLowerCase())) return { problem: `Apex class '${className}' does not exist` };
  const method = index.methods.get(target.toLowerCase());
  if (!method) return { problem: `Apex method '${target}' does not exist` };
  if (!method.isStatic) return { problem: `Apex method '${target}' is not static` };
  if (!method.isAuraEnabled) return { problem: `Apex method '${target}' is not @AuraEnabled` };
  return { method };
}

function compareKeys(method: AuraMethod, keys: string[]): string | null {
  const expected = [...method.params].sort();
  const actual = [...keys].sort();
  if (expected.join(',') === actual.join(',')) return null;
  return `keys {${keys.join(', ')}} do not match the parameters of ${method.className}.${method.method}(${method.params.join(', ')})`;
}

/**
 * Checks one LWC TypeScript file: schema imports and Apex imports and their call sites.
 * @param imported collects the `Class.method` targets the file imports
 */
export function checkLwcFile(
  root: string,
  file: string,
  catalog: LeadFieldCatalog,
  index: ApexIndex,
  imported: Set<string> = new Set()
): string[] {
  const findings: string[] = [];
  const text = read(file);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const where = (node: ts.Node): string =>
    `${file.replace(root + '/', '')}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const apexImports = new Map<string, AuraMethod>();

  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const spec = statement.moduleSpecifier.text;
    const schema = /^@salesforce\/schema\/Lead\.(.+)$/.exec(spec);
    if (schema) {
      const problem = checkLeadPath(catalog, schema[1] ?? '');
      if (problem) findings.push(`${where(statement)} ${spec}: ${problem}`);
    }
    const apex = /^@salesforce\/apex\/(.+)$/.exec(spec);
    if (apex) {
      imported.add(apex[1] ?? '');
      const { method, problem } = checkApexTarget(index, apex[1] ?? '');
      if (problem) findings.push(`${where(statement)} ${spec}: ${problem}`);
      const local = statement.importClause?.name?.text;
      if (method && local) apexImports.set(local, method);
    }
  }

  const checkArgument = (node: ts.Node, method: AuraMethod, arg: ts.Expression | undefined, isWire: boolean): void => {
    if (!arg) {
      if (method.params.length > 0 && !isWire) {
        findings.push(
          `${where(node)} ${method.className}.${method.method} called without its parameters (${method.params.join(', ')})`
        );
      }
      return;
    }
    if (!ts.isObjectLiteralExpression(arg)) {
      findings.push(
        `${where(node)} ${method.className}.${method.method}: pass an inline object literal so its keys can be checked`
      );
      return;
    }
    const keys: string[] = [];
    for (const property of arg.properties) {
      if (ts.isSpreadAssignment(property)) {
        findings.push(`${where(property)} ${method.className}.${method.method}: spread arguments cannot be checked`);
        return;
      }
      const name = property.name;
      if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) keys.push(name.text);
    }
    const problem = compareKeys(method, keys);
    if (problem) findings.push(`${where(arg)} ${problem}`);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const callee = node.expression.text;
      const method = apexImports.get(callee);
      if (method) checkArgument(node, method, node.arguments[0], false);
      if (callee === 'wire' && node.arguments[0] && ts.isIdentifier(node.arguments[0])) {
        const wired = apexImports.get(node.arguments[0].text);
        if (wired) checkArgument(node, wired, node.arguments[1], true);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

export function referencesGate(root: string): GateResult {
  return timed('references', () => {
    const catalog = leadFields(root);
    const findings: string[] = [];
    let apexRefs = 0;
    for (const file of apexFiles(root)) {
      for (const ref of apexLeadReferences(read(file))) {
        apexRefs++;
        const problem = checkLeadPath(catalog, ref.path);
        if (problem) findings.push(`${file.replace(root + '/', '')}:${ref.line} ${problem}`);
      }
    }
    const index = indexApex(root);
    const lwcFiles = lwcTsFiles(root);
    const importedByLwc = new Set<string>();
    for (const file of lwcFiles) {
      findings.push(...checkLwcFile(root, file, catalog, index, importedByLwc));
    }
    findings.push(...innerClassSignatureFindings(index));
    const templates = listFiles(join(root, 'force-app'), (n) => n.endsWith('.html')).length;
    return {
      ok: findings.length === 0,
      findings,
      summary: `${apexRefs} Lead reference(s) in Apex, ${lwcFiles.length} LWC file(s), ${importedByLwc.size} Apex import(s), ${templates} template(s); ${findings.length} finding(s)`
    };
  });
}

if (require.main === module) runAsScript(referencesGate);
