/*
 * A small, strict XML reader for Salesforce source-format metadata (elements, attributes, text, comments, CDATA).
 * Enough for the catalog check; no dependency. Malformed XML throws an error naming the file.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Direct text content (entities decoded, comments removed), untrimmed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, source: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (match, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const value = ENTITIES[entity];
    if (value === undefined) throw new Error(`${source}: unknown XML entity ${match}`);
    return value;
  });
}

function parseAttributes(raw: string, source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let rest = raw;
  for (const match of raw.matchAll(pattern)) {
    attributes[match[1] as string] = decode(match[3] ?? match[4] ?? '', source);
    rest = rest.replace(match[0], '');
  }
  if (rest.trim().length > 0) throw new Error(`${source}: malformed attributes "${raw.trim()}"`);
  return attributes;
}

/** Parses an XML document and returns its root element. */
export function parseXml(xml: string, source = 'xml'): XmlElement {
  const body = xml.replace(/^\uFEFF/, '').replace(/^\s*<\?xml[^?]*\?>/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^<>]*?)?)(\/?)>|([^<]+)|(<)/g;
  for (const match of body.matchAll(token)) {
    const [whole, cdata, closing, name, attrs, selfClosing, text, stray] = match;
    if (stray !== undefined)
      throw new Error(`${source}: malformed markup near "${body.slice(match.index, match.index + 30)}"`);
    if (whole.startsWith('<!--')) continue;
    const current = stack[stack.length - 1];
    if (cdata !== undefined || text !== undefined) {
      const value = cdata ?? decode(text ?? '', source);
      if (current === undefined) {
        if (value.trim().length > 0) throw new Error(`${source}: text outside the root element`);
      } else {
        current.text += value;
      }
      continue;
    }
    if (closing === '/') {
      if (current === undefined || current.name !== name) {
        throw new Error(`${source}: </${String(name)}> does not close <${current?.name ?? 'nothing'}>`);
      }
      stack.pop();
      continue;
    }
    const element: XmlElement = {
      name: name as string,
      attributes: parseAttributes(attrs ?? '', source),
      children: [],
      text: ''
    };
    if (current === undefined) {
      if (root !== undefined) throw new Error(`${source}: more than one root element`);
      root = element;
    } else {
      current.children.push(element);
    }
    if (selfClosing !== '/') stack.push(element);
  }
  if (stack.length > 0) throw new Error(`${source}: <${stack[stack.length - 1]?.name}> is not closed`);
  if (root === undefined) throw new Error(`${source}: no root element`);
  return root;
}

/** Child elements named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** Trimmed text of the first child named `name`, or undefined when there is none. */
export function childText(element: XmlElement, name: string): string | undefined {
  const child = element.children.find((c) => c.name === name);
  return child === undefined ? undefined : child.text.trim();
}
