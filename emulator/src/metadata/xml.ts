/**
 * Metadata XML reading: fast-xml-parser with every tag value kept as a string (`0001` stays `0001`), attributes kept
 * (`xsi:type`, `xsi:nil`), comments dropped, and repeated elements always arrays. Malformed XML is refused with the file,
 * line and column, through MetadataError.
 */
import * as fs from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A metadata file the loader refuses: the message names the file (relative to the project root when known). */
export class MetadataError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'MetadataError';
    this.file = file;
  }
}

/** A parsed XML element: text content under `#text`, attributes under `@_name`, children by tag name. */
export type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
  [key: string]: XmlValue;
}

/** Elements that repeat in the metadata types the loader reads; always parsed as arrays. */
const ARRAY_TAGS = new Set([
  'value',
  'values',
  'fieldPermissions',
  'objectPermissions',
  'classAccesses',
  'customPermissions',
  'customMetadataTypeAccesses',
  'customSettingAccesses',
  'tabSettings',
  'applicationVisibilities',
  'pageAccesses',
  'recordTypeVisibilities',
  'userPermissions',
  'namedCredentialParameters',
  'customValue',
  'fields',
  'listViews',
  'valueSettings'
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  removeNSPrefix: false,
  isArray: (tagName) => ARRAY_TAGS.has(tagName)
});

/**
 * Reads and parses `file`, checks the root element is `rootTag`, and returns it. `displayPath` names the file in errors.
 */
export function readXml(file: string, displayPath: string, rootTag: string): XmlNode {
  const text = fs.readFileSync(file, 'utf8');
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw new MetadataError(`${displayPath}:${line}:${col}`, `malformed XML: ${msg}`);
  }
  const document = parser.parse(text) as XmlNode;
  const root = document[rootTag];
  if (root === undefined) {
    const found = Object.keys(document).filter((key) => !key.startsWith('?'));
    throw new MetadataError(
      displayPath,
      `expected root element <${rootTag}>, found <${found.join('>, <') || 'nothing'}>`
    );
  }
  // `<CustomObject xmlns="…"/>` with no children parses as '' (or an attributes-only node).
  return typeof root === 'string' || Array.isArray(root) ? {} : root;
}

/** Text of a child element (`undefined` when absent, '' when empty). */
export function text(node: XmlNode, tag: string): string | undefined {
  const value = node[tag];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const first = value[0];
    return typeof first === 'string' ? first : first === undefined ? undefined : textOf(first);
  }
  return textOf(value);
}

function textOf(value: XmlValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length > 0 ? textOf(value[0]) : '';
  const inner = value['#text'];
  return typeof inner === 'string' ? inner : '';
}

/** Child elements as nodes (an array tag, a single child, or none). */
export function children(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? { '#text': item } : Array.isArray(item) ? {} : item));
}

/** A single child element as a node, or undefined. */
export function child(node: XmlNode, tag: string): XmlNode | undefined {
  return children(node, tag)[0];
}

/** `true`/`false` text as a boolean; absent → `fallback`. Anything else is refused. */
export function bool(node: XmlNode, tag: string, fallback: boolean, displayPath: string): boolean {
  const value = text(node, tag);
  if (value === undefined || value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new MetadataError(displayPath, `<${tag}> must be true or false, found '${value}'`);
}

/** A non-negative integer child element; absent → `fallback`. */
export function int(node: XmlNode, tag: string, fallback: number, displayPath: string): number {
  const value = text(node, tag);
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new MetadataError(displayPath, `<${tag}> must be a whole number, found '${value}'`);
  return Number(value);
}
