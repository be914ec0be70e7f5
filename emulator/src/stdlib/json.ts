/**
 * JSON, JSONGenerator and JSONParser (Apex Reference Guide: JSON Class, JSONGenerator Class, JSONParser Class).
 *
 * The platform serialises with Jackson: compact output, or DefaultPrettyPrinter output for serializePretty /
 * createGenerator(true) (objects indented by two spaces with `"key" : value`, arrays inline as `[ 1, 2 ]`).
 * Parsing uses a hand-written tokenizer so number text survives (Long precision, Decimal scale).
 */
import type { ClassInfo, Interpreter } from '../runtime/interpreter';
import { fault, formatDouble, npe, str, dateAsDatetime } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexId,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  EnumValue,
  NativeObject,
  OBJECT,
  RType,
  SObjectValue,
  STRING,
  T,
  TypeValue,
  typeName
} from '../runtime/values';

const API_VERSION = 'v65.0';

const jsonError = (message: string) => fault('System.JSONException', message);

// ------------------------------------------------------------------ writing

function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20) {
      if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (ch === '\b') out += '\\b';
      else if (ch === '\f') out += '\\f';
      else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

interface Ctx {
  kind: 'object' | 'array';
  count: number;
  /** Object: a field name was written and its value is due. */
  pendingValue: boolean;
}

/** A streaming writer with Jackson's compact and DefaultPrettyPrinter layouts. */
export class JsonWriter {
  out = '';
  private readonly stack: Ctx[] = [];
  private nesting = 0;
  private rootCount = 0;

  constructor(readonly pretty: boolean) {}

  get depth(): number {
    return this.stack.length;
  }

  private top(): Ctx | undefined {
    return this.stack[this.stack.length - 1];
  }

  private indent(): string {
    return '\n' + '  '.repeat(this.nesting);
  }

  private beforeValue(what: string): void {
    const t = this.top();
    if (!t) {
      if (this.rootCount > 0 && this.pretty) this.out += ' ';
      this.rootCount++;
      return;
    }
    if (t.kind === 'object') {
      if (!t.pendingValue) throw jsonError(`Can not write ${what}, expecting field name`);
      t.pendingValue = false;
      return;
    }
    if (t.count > 0) this.out += this.pretty ? ', ' : ',';
    else if (this.pretty) this.out += ' ';
    t.count++;
  }

  fieldName(name: string): void {
    const t = this.top();
    if (!t || t.kind !== 'object' || t.pendingValue) throw jsonError('Can not write a field name, expecting a value');
    if (t.count > 0) this.out += ',';
    if (this.pretty) this.out += this.indent();
    this.out += quote(name) + (this.pretty ? ' : ' : ':');
    t.count++;
    t.pendingValue = true;
  }

  raw(text: string): void {
    this.beforeValue('a value');
    this.out += text;
  }

  string(s: string): void {
    this.raw(quote(s));
  }

  startObject(): void {
    this.beforeValue('a start object');
    this.out += '{';
    this.stack.push({ kind: 'object', count: 0, pendingValue: false });
    this.nesting++;
  }

  endObject(): void {
    const t = this.top();
    if (!t || t.kind !== 'object') throw jsonError('Current context not an object but ' + (t ? 'ARRAY' : 'ROOT'));
    this.stack.pop();
    this.nesting--;
    if (this.pretty) this.out += t.count > 0 ? this.indent() : ' ';
    this.out += '}';
  }

  startArray(): void {
    this.beforeValue('a start array');
    this.out += '[';
    this.stack.push({ kind: 'array', count: 0, pendingValue: false });
  }

  endArray(): void {
    const t = this.top();
    if (!t || t.kind !== 'array') throw jsonError('Current context not an array but ' + (t ? 'OBJECT' : 'ROOT'));
    this.stack.pop();
    if (this.pretty) this.out += ' ';
    this.out += ']';
  }
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

export function datetimeText(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}Z`
  );
}

function numberText(v: number | bigint | ApexDouble | ApexDecimal): string {
  if (v instanceof ApexDouble) {
    if (!Number.isFinite(v.v)) return quote(formatDouble(v.v));
    return formatDouble(v.v);
  }
  return str(v);
}

/** Serialisable members of a user class, superclass members first, each in declaration order. */
/** A serialisable instance member of a class (its own or inherited), in declaration order. */
interface JsonMember {
  name: string;
  lname: string;
  owner: ClassInfo;
  hasGetter: boolean;
  type: RType;
  isTransient: boolean;
}

/** `membersOf` per class: a class's declarations do not change while the org runs. */
const membersByClass = new WeakMap<ClassInfo, JsonMember[]>();

function membersOf(interp: Interpreter, cls: ClassInfo): JsonMember[] {
  let members = membersByClass.get(cls);
  if (!members) {
    members = readMembers(interp, cls);
    membersByClass.set(cls, members);
  }
  return members;
}

function readMembers(interp: Interpreter, cls: ClassInfo): JsonMember[] {
  const chain: ClassInfo[] = [];
  for (let c: ClassInfo | null = cls; c; c = interp.superOf(c)) chain.unshift(c);
  const out: JsonMember[] = [];
  const seen = new Set<string>();
  for (const c of chain) {
    if (!c.decl) continue;
    const members = [
      ...c.decl.fields.map((f) => ({ decl: f, hasGetter: false })),
      ...c.decl.properties.map((p) => ({ decl: p, hasGetter: !!p.getter?.body }))
    ].sort((a, b) => a.decl.line - b.decl.line);
    for (const m of members) {
      const mods = new Set([...m.decl.modifiers].map((x) => x.toLowerCase()));
      if (mods.has('static')) continue;
      const lname = m.decl.name.toLowerCase();
      if (seen.has(lname)) continue;
      seen.add(lname);
      out.push({
        name: m.decl.name,
        lname,
        owner: c,
        hasGetter: m.hasGetter,
        type: interp.resolveType(m.decl.type, c),
        isTransient: mods.has('transient')
      });
    }
  }
  return out;
}

export function writeValue(interp: Interpreter, w: JsonWriter, v: unknown, suppressNulls: boolean): void {
  if (v === null || v === undefined) return w.raw('null');
  switch (typeof v) {
    case 'string':
      return w.string(v);
    case 'boolean':
      return w.raw(v ? 'true' : 'false');
    case 'number':
    case 'bigint':
      return w.raw(String(v));
  }
  if (v instanceof ApexDouble || v instanceof ApexDecimal) return w.raw(numberText(v));
  if (v instanceof ApexId) return w.string(v.value);
  if (v instanceof ApexDate) return w.string(v.toString());
  if (v instanceof ApexDatetime) return w.string(datetimeText(v.ms));
  if (v instanceof ApexTime) return w.string(v.toString());
  if (v instanceof ApexBlob) return w.string(v.bytes.toString('base64'));
  if (v instanceof EnumValue) return w.string(v.name);
  if (v instanceof ApexList || v instanceof ApexSet) {
    w.startArray();
    for (const x of v instanceof ApexList ? v.items : v.map.values()) writeValue(interp, w, x, suppressNulls);
    return w.endArray();
  }
  if (v instanceof ApexMap) {
    w.startObject();
    for (const [k, x] of v.map.values()) {
      w.fieldName(k instanceof EnumValue ? k.name : str(k));
      writeValue(interp, w, x, suppressNulls);
    }
    return w.endObject();
  }
  if (v instanceof SObjectValue) return writeSObject(interp, w, v, suppressNulls);
  if (v instanceof ApexObject) {
    if (v.cls.isException && !(v.cls as ClassInfo).decl)
      throw jsonError(`Apex Type unsupported in JSON: ${v.cls.name}`);
    w.startObject();
    for (const m of membersOf(interp, v.cls as ClassInfo)) {
      if (m.isTransient) continue;
      const x = m.hasGetter ? interp.fieldOf(v, m.name, null) : (v.fields.get(m.lname) ?? null);
      if (x === null && suppressNulls) continue;
      w.fieldName(m.name);
      writeValue(interp, w, x, suppressNulls);
    }
    return w.endObject();
  }
  if (v instanceof TypeValue) return w.string(typeName(v.type));
  if (v instanceof NativeObject) {
    const ser = v.data['__json'];
    if (typeof ser === 'function') return writeValue(interp, w, (ser as () => unknown)(), suppressNulls);
    throw jsonError(`Apex Type unsupported in JSON: ${v.type}`);
  }
  throw jsonError(`Apex Type unsupported in JSON: ${interp.runtimeTypeName(v)}`);
}

function writeSObject(interp: Interpreter, w: JsonWriter, rec: SObjectValue, suppressNulls: boolean): void {
  w.startObject();
  w.fieldName('attributes');
  w.startObject();
  w.fieldName('type');
  w.string(rec.object);
  const id = rec.values.get('id');
  if (id instanceof ApexId || typeof id === 'string') {
    w.fieldName('url');
    w.string(`/services/data/${API_VERSION}/sobjects/${rec.object}/${str(id)}`);
  }
  w.endObject();
  for (const [key, x] of rec.values) {
    w.fieldName(rec.names.get(key) ?? key);
    if (x instanceof ApexList) {
      // A child relationship: a query result.
      w.startObject();
      w.fieldName('totalSize');
      w.raw(String(x.items.length));
      w.fieldName('done');
      w.raw('true');
      w.fieldName('records');
      writeValue(interp, w, x, suppressNulls);
      w.endObject();
    } else writeValue(interp, w, x, suppressNulls);
  }
  w.endObject();
}

export function serialize(interp: Interpreter, v: unknown, pretty: boolean, suppressNulls: boolean): string {
  const w = new JsonWriter(pretty);
  writeValue(interp, w, v, suppressNulls);
  return w.out;
}

// ------------------------------------------------------------------ parsing

export type JNode =
  | { k: 'obj'; entries: [string, JNode][]; line: number; col: number }
  | { k: 'arr'; items: JNode[]; line: number; col: number }
  | { k: 'str'; v: string; line: number; col: number }
  | { k: 'num'; text: string; isInt: boolean; line: number; col: number }
  | { k: 'bool'; v: boolean; line: number; col: number }
  | { k: 'null'; line: number; col: number };

function describeChar(c: string): string {
  return `'${c}' (code ${c.charCodeAt(0)})`;
}

class JsonParseText {
  private i = 0;
  constructor(private readonly s: string) {}

  private where(at = this.i): string {
    let line = 1;
    let start = 0;
    for (let k = 0; k < at && k < this.s.length; k++) {
      if (this.s[k] === '\n') {
        line++;
        start = k + 1;
      }
    }
    return `[line:${line}, column:${at - start + 1}]`;
  }

  private pos(at = this.i): { line: number; col: number } {
    let line = 1;
    let start = 0;
    for (let k = 0; k < at && k < this.s.length; k++) {
      if (this.s[k] === '\n') {
        line++;
        start = k + 1;
      }
    }
    return { line, col: at - start + 1 };
  }

  private ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i])) this.i++;
  }

  private eof(ctx: string): never {
    throw jsonError(`Unexpected end-of-input: ${ctx} at ${this.where()}`);
  }

  parseDocument(): JNode {
    this.ws();
    if (this.i >= this.s.length) throw jsonError('No content to map due to end-of-input');
    const v = this.value();
    this.ws();
    return v;
  }

  private value(): JNode {
    this.ws();
    if (this.i >= this.s.length) this.eof('expected a value');
    const c = this.s[this.i];
    const p = this.pos();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { k: 'str', v: this.string(), ...p };
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, node] of [
      ['true', { k: 'bool', v: true, ...p }],
      ['false', { k: 'bool', v: false, ...p }],
      ['null', { k: 'null', ...p }]
    ] as [string, JNode][]) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return node;
      }
    }
    const m = /^[A-Za-z_$][\w$]*/.exec(this.s.substring(this.i));
    if (m) {
      throw jsonError(
        `Unrecognized token '${m[0]}': was expecting ('true', 'false' or 'null') at ${this.where(this.i + m[0].length)}`
      );
    }
    throw jsonError(
      `Unexpected character (${describeChar(c)}): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at ${this.where(this.i + 1)}`
    );
  }

  private object(): JNode {
    const p = this.pos();
    this.i++;
    const entries: [string, JNode][] = [];
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return { k: 'obj', entries, ...p };
    }
    for (;;) {
      this.ws();
      if (this.i >= this.s.length) this.eof('expected close marker for OBJECT');
      const c = this.s[this.i];
      if (c !== '"') {
        throw jsonError(
          `Unexpected character (${describeChar(c)}): was expecting double-quote to start field name at ${this.where(this.i + 1)}`
        );
      }
      const key = this.string();
      this.ws();
      if (this.i >= this.s.length) this.eof('expected close marker for OBJECT');
      if (this.s[this.i] !== ':') {
        throw jsonError(
          `Unexpected character (${describeChar(this.s[this.i])}): was expecting a colon to separate field name and value at ${this.where(this.i + 1)}`
        );
      }
      this.i++;
      entries.push([key, this.value()]);
      this.ws();
      if (this.i >= this.s.length) this.eof('expected close marker for OBJECT');
      const d = this.s[this.i++];
      if (d === '}') return { k: 'obj', entries, ...p };
      if (d !== ',') {
        throw jsonError(
          `Unexpected character (${describeChar(d)}): was expecting comma to separate OBJECT entries at ${this.where(this.i)}`
        );
      }
    }
  }

  private array(): JNode {
    const p = this.pos();
    this.i++;
    const items: JNode[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return { k: 'arr', items, ...p };
    }
    for (;;) {
      items.push(this.value());
      this.ws();
      if (this.i >= this.s.length) this.eof('expected close marker for ARRAY');
      const d = this.s[this.i++];
      if (d === ']') return { k: 'arr', items, ...p };
      if (d !== ',') {
        throw jsonError(
          `Unexpected character (${describeChar(d)}): was expecting comma to separate ARRAY entries at ${this.where(this.i)}`
        );
      }
    }
  }

  private string(): string {
    this.i++;
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) this.eof('was expecting closing quote for a string value');
      const c = this.s[this.i++];
      if (c === '"') return out;
      if (c === '\\') {
        const e = this.s[this.i++];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'u': {
            const h = this.s.substring(this.i, this.i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(h))
              throw jsonError(`Unexpected character in character escape sequence at ${this.where()}`);
            out += String.fromCharCode(parseInt(h, 16));
            this.i += 4;
            break;
          }
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          default:
            if (e === undefined) this.eof('was expecting closing quote for a string value');
            throw jsonError(`Unrecognized character escape ${describeChar(e)} at ${this.where()}`);
        }
      } else if (c.charCodeAt(0) < 0x20) {
        throw jsonError(
          `Illegal unquoted character ((CTRL-CHAR, code ${c.charCodeAt(0)})): has to be escaped using backslash to be included in string value at ${this.where()}`
        );
      } else out += c;
    }
  }

  private number(): JNode {
    const p = this.pos();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.substring(this.i));
    if (!m) {
      throw jsonError(
        `Unexpected character (${describeChar(this.s[this.i + 1] ?? ' ')}): expected digit at ${this.where(this.i + 2)}`
      );
    }
    this.i += m[0].length;
    return { k: 'num', text: m[0], isInt: !m[2] && !m[3], ...p };
  }
}

export function parseJson(text: string): JNode {
  return new JsonParseText(text).parseDocument();
}

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function numberValue(n: { text: string; isInt: boolean }): unknown {
  if (n.isInt) {
    const b = BigInt(n.text);
    if (b >= INT_MIN && b <= INT_MAX) return Number(b);
    if (b >= LONG_MIN && b <= LONG_MAX) return b;
  }
  return ApexDecimal.of(n.text);
}

export function untyped(interp: Interpreter, n: JNode): unknown {
  switch (n.k) {
    case 'null':
      return null;
    case 'bool':
      return n.v;
    case 'str':
      return n.v;
    case 'num':
      return numberValue(n);
    case 'arr':
      return new ApexList(
        OBJECT,
        n.items.map((x) => untyped(interp, x))
      );
    case 'obj': {
      const m = new ApexMap(STRING, OBJECT);
      for (const [k, x] of n.entries) interp.mapPut(m, k, untyped(interp, x));
      return m;
    }
  }
}

// ------------------------------------------------------------------ typed deserialisation

const at = (n: JNode): string => `[line:${n.line}, column:${n.col}]`;

function parseIsoDatetime(text: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/.exec(
      text.trim()
    );
  if (!m) return null;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const ms = m[7] ? Number((m[7] + '00').substring(0, 3)) : 0;
  d.setUTCHours(Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms);
  let t = d.getTime();
  const z = m[8];
  if (z && z !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
    if (zm) t -= (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3] ?? 0)) * 60000;
  }
  return t;
}

function parseTimeText(text: string): ApexTime | null {
  const m = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/.exec(text.trim());
  if (!m) return null;
  return new ApexTime(
    ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000 + Number((m[4] ?? '0').padEnd(3, '0'))
  );
}

class Deserializer {
  constructor(
    readonly interp: Interpreter,
    readonly strict: boolean
  ) {}

  private scalarText(n: JNode, want: string): string {
    if (n.k === 'str') return n.v;
    if (n.k === 'num') return n.text;
    if (n.k === 'bool') return n.v ? 'true' : 'false';
    throw jsonError(
      `Cannot deserialize instance of ${want.toLowerCase()} from ${n.k === 'obj' ? 'START_OBJECT' : 'START_ARRAY'} value ${at(n)}`
    );
  }

  convert(n: JNode, t: RType): unknown {
    if (n.k === 'null') return null;
    const interp = this.interp;
    const name = t.name;
    switch (name) {
      case 'Object':
        return untyped(interp, n);
      case 'String': {
        if (n.k === 'obj' || n.k === 'arr') {
          throw jsonError(
            `Cannot deserialize instance of string from ${n.k === 'obj' ? 'START_OBJECT' : 'START_ARRAY'} value ${at(n)}`
          );
        }
        return this.scalarText(n, name);
      }
      case 'Integer':
      case 'Long':
      case 'Double':
      case 'Decimal': {
        const text = this.scalarText(n, name).trim();
        if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
          throw jsonError(`Illegal value for ${name.toLowerCase()}: ${text} ${at(n)}`);
        }
        const d = ApexDecimal.of(text.replace(/^\+/, ''));
        if (name === 'Decimal') return d;
        if (name === 'Double') return new ApexDouble(Number(text));
        const whole = BigInt(d.v.trunc().toFixed(0));
        if (name === 'Long') return BigInt.asIntN(64, whole);
        return Number(BigInt.asIntN(32, whole));
      }
      case 'Boolean': {
        const text = this.scalarText(n, name).toLowerCase();
        if (n.k === 'num') return n.text !== '0';
        return text === 'true';
      }
      case 'Id': {
        const text = this.scalarText(n, name);
        const id = ApexId.parse(text);
        if (!id) throw jsonError(`Invalid id: ${text}`);
        return id;
      }
      case 'Date': {
        const text = this.scalarText(n, name);
        const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
        if (!m) throw jsonError(`Invalid date: ${text}`);
        return new ApexDate(Number(m[1]), Number(m[2]), Number(m[3]));
      }
      case 'Datetime': {
        if (n.k === 'num' && n.isInt) return new ApexDatetime(Number(n.text));
        const text = this.scalarText(n, name);
        const ms = parseIsoDatetime(text);
        if (ms === null) throw jsonError(`Invalid datetime: ${text}`);
        return new ApexDatetime(ms);
      }
      case 'Time': {
        const text = this.scalarText(n, name);
        const tm = parseTimeText(text);
        if (!tm) throw jsonError(`Invalid time: ${text}`);
        return tm;
      }
      case 'Blob':
        return new ApexBlob(Buffer.from(this.scalarText(n, name), 'base64'));
      case 'List':
      case 'Set': {
        if (n.k !== 'arr') throw jsonError(`Malformed JSON: Expected '[' at the beginning of List/Set`);
        const elem = t.args[0] ?? OBJECT;
        if (name === 'List')
          return new ApexList(
            elem,
            n.items.map((x) => this.convert(x, elem))
          );
        const set = new ApexSet(elem);
        for (const x of n.items) interp.setAdd(set, this.convert(x, elem));
        return set;
      }
      case 'Map': {
        if (n.k !== 'obj') throw jsonError(`Malformed JSON: Expected '{' at the beginning of object`);
        const kt = t.args[0] ?? STRING;
        const vt = t.args[1] ?? OBJECT;
        const map = new ApexMap(kt, vt);
        for (const [k, x] of n.entries) {
          interp.mapPut(map, this.convert({ k: 'str', v: k, line: n.line, col: n.col }, kt), this.convert(x, vt));
        }
        return map;
      }
    }
    const cls = interp.classByName(name);
    if (cls) {
      if (cls.isEnum) {
        const text = this.scalarText(n, name);
        return cls.enumValues.find((e) => e.name === text || e.name.toLowerCase() === text.toLowerCase()) ?? null;
      }
      return this.object(n, cls);
    }
    const objectName = interp.platform?.objectName(name.toLowerCase());
    if (objectName || name === 'SObject') return this.sobject(n, objectName ?? null);
    const builtin = interp.registry.lookupType(name);
    if (builtin?.enumValues) {
      const text = this.scalarText(n, name);
      return builtin.enumValues.find((e) => e.name.toLowerCase() === text.toLowerCase()) ?? null;
    }
    throw jsonError(`Apex Type unsupported in JSON: ${typeName(t)}`);
  }

  private object(n: JNode, cls: ClassInfo): unknown {
    if (n.k !== 'obj') throw jsonError(`Malformed JSON: Expected '{' at the beginning of object`);
    if (cls.isInterface || cls.decl?.modifiers.has('abstract')) {
      throw jsonError(`Cannot deserialize instance of abstract type ${cls.name} ${at(n)}`);
    }
    const obj = this.interp.construct(cls, []);
    const members = new Map(membersOf(this.interp, cls).map((m) => [m.lname, m]));
    for (const [k, x] of n.entries) {
      const m = members.get(k.toLowerCase());
      if (!m) {
        if (this.strict) throw jsonError(`Unknown field: ${cls.name}.${k} ${at(x)}`);
        continue;
      }
      obj.fields.set(m.lname, this.interp.coerce(this.convert(x, m.type), m.type));
    }
    return obj;
  }

  private sobject(n: JNode, objectName: string | null): unknown {
    if (n.k !== 'obj') throw jsonError(`Malformed JSON: Expected '{' at the beginning of object`);
    const interp = this.interp;
    let name = objectName;
    const attrs = n.entries.find(([k]) => k === 'attributes')?.[1];
    if (attrs && attrs.k === 'obj') {
      const typeNode = attrs.entries.find(([k]) => k === 'type')?.[1];
      if (typeNode?.k === 'str') name = interp.platform.objectName(typeNode.v.toLowerCase()) ?? name;
    }
    if (!name) throw jsonError('Cannot deserialize SObject without a type: add "attributes": {"type": …}');
    const rec = interp.platform.newSObject(name, false);
    for (const [k, x] of n.entries) {
      if (k === 'attributes') continue;
      const field = interp.platform.fieldName(name, k.toLowerCase());
      if (field === undefined) {
        if (x.k === 'obj') {
          const records = x.entries.find(([key]) => key === 'records')?.[1];
          if (records?.k === 'arr') {
            const items = records.items.map((r) => this.sobject(r, null));
            const childType = items[0] instanceof SObjectValue ? items[0].object : 'SObject';
            rec.values.set(k.toLowerCase(), new ApexList(T(childType), items));
            rec.names.set(k.toLowerCase(), k);
            continue;
          }
          const related = this.sobject(x, null);
          rec.values.set(k.toLowerCase(), related);
          rec.names.set(k.toLowerCase(), k);
          continue;
        }
        if (x.k === 'null') continue;
        throw jsonError(`No such column '${k}' on sobject of type ${name}`);
      }
      const v = x.k === 'obj' || x.k === 'arr' ? untyped(interp, x) : untypedScalar(x);
      interp.sobjectPut(rec, field, v === null ? null : fieldValue(interp, name, field, x, v));
    }
    return rec;
  }
}

function untypedScalar(n: JNode): unknown {
  switch (n.k) {
    case 'str':
      return n.v;
    case 'num':
      return numberValue(n);
    case 'bool':
      return n.v;
  }
  return null;
}

/** Text values of date/time fields become Date/Datetime before the field coercion. */
function fieldValue(interp: Interpreter, object: string, field: string, n: JNode, v: unknown): unknown {
  if (n.k !== 'str') return v;
  const describe = interp.registry.findStatic('$sobject', 'fieldtype');
  const type = describe ? str(describe({ interp, self: undefined }, [object, field])).toLowerCase() : '';
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}/.test(n.v))
    return new ApexDate(Number(n.v.substring(0, 4)), Number(n.v.substring(5, 7)), Number(n.v.substring(8, 10)));
  if (type === 'datetime') {
    const ms = parseIsoDatetime(n.v);
    if (ms !== null) return new ApexDatetime(ms);
  }
  if (type === '' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(n.v)) {
    const ms = parseIsoDatetime(n.v);
    if (ms !== null) return new ApexDatetime(ms);
  }
  return v;
}

function typeArg(v: unknown): RType {
  if (v === null || v === undefined) throw npe();
  if (v instanceof TypeValue) return v.type;
  if (v instanceof NativeObject && v.data['type']) return v.data['type'] as RType;
  throw fault('System.TypeException', 'Invalid type argument');
}

function textArg(v: unknown): string {
  if (v === null || v === undefined) throw npe();
  return str(v);
}

// ------------------------------------------------------------------ JSONParser

const TOKENS = [
  'END_ARRAY',
  'END_OBJECT',
  'FIELD_NAME',
  'NOT_AVAILABLE',
  'START_ARRAY',
  'START_OBJECT',
  'VALUE_EMBEDDED_OBJECT',
  'VALUE_FALSE',
  'VALUE_NULL',
  'VALUE_NUMBER_FLOAT',
  'VALUE_NUMBER_INT',
  'VALUE_STRING',
  'VALUE_TRUE'
];

interface PToken {
  token: string;
  text: string;
  node: JNode | null;
  /** Index just past the matching end token (for START_*), for skipChildren/readValueAs. */
  end: number;
}

function flatten(n: JNode, out: PToken[]): void {
  switch (n.k) {
    case 'obj': {
      const self: PToken = { token: 'START_OBJECT', text: '{', node: n, end: 0 };
      out.push(self);
      for (const [k, x] of n.entries) {
        out.push({ token: 'FIELD_NAME', text: k, node: null, end: 0 });
        flatten(x, out);
      }
      out.push({ token: 'END_OBJECT', text: '}', node: null, end: 0 });
      self.end = out.length;
      return;
    }
    case 'arr': {
      const self: PToken = { token: 'START_ARRAY', text: '[', node: n, end: 0 };
      out.push(self);
      for (const x of n.items) flatten(x, out);
      out.push({ token: 'END_ARRAY', text: ']', node: null, end: 0 });
      self.end = out.length;
      return;
    }
    case 'str':
      out.push({ token: 'VALUE_STRING', text: n.v, node: n, end: 0 });
      return;
    case 'num':
      out.push({ token: n.isInt ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT', text: n.text, node: n, end: 0 });
      return;
    case 'bool':
      out.push({ token: n.v ? 'VALUE_TRUE' : 'VALUE_FALSE', text: n.v ? 'true' : 'false', node: n, end: 0 });
      return;
    case 'null':
      out.push({ token: 'VALUE_NULL', text: 'null', node: n, end: 0 });
  }
}

function registerParser(r: Registry): void {
  r.enumType('System.JSONToken', TOKENS);
  r.type('System.JSONParser');
  const st = (self: unknown) => (self as NativeObject).data as { tokens: PToken[]; pos: number; cleared: boolean };
  const cur = (self: unknown): PToken | null => {
    const s = st(self);
    return s.pos >= 0 && s.pos < s.tokens.length && !s.cleared ? s.tokens[s.pos] : null;
  };
  const tokenEnum = (interp: Interpreter, name: string | null): unknown => {
    if (name === null) return null;
    const t = interp.registry.lookupType('System.JSONToken');
    return t?.enumValues?.find((e) => e.name === name) ?? null;
  };
  const lastField = (self: unknown): string | null => {
    const s = st(self);
    let depth = 0;
    for (let k = s.pos; k >= 0; k--) {
      const t = s.tokens[k];
      if (k !== s.pos && (t.token === 'END_OBJECT' || t.token === 'END_ARRAY')) depth++;
      else if (k !== s.pos && (t.token === 'START_OBJECT' || t.token === 'START_ARRAY')) {
        if (depth === 0) return null;
        depth--;
      } else if (t.token === 'FIELD_NAME' && depth === 0) return t.text;
    }
    return null;
  };
  r.static('JSON', 'createParser', (_c, [text]) => {
    const tokens: PToken[] = [];
    flatten(parseJson(textArg(text)), tokens);
    return new NativeObject('System.JSONParser', { tokens, pos: -1, cleared: false });
  });
  r.method('System.JSONParser', 'nextToken', ({ interp, self }) => {
    const s = st(self);
    s.cleared = false;
    if (s.pos < s.tokens.length) s.pos++;
    return tokenEnum(interp, s.pos < s.tokens.length ? s.tokens[s.pos].token : null);
  });
  r.method('System.JSONParser', 'nextValue', ({ interp, self }) => {
    const s = st(self);
    s.cleared = false;
    do s.pos++;
    while (s.pos < s.tokens.length && s.tokens[s.pos].token === 'FIELD_NAME');
    return tokenEnum(interp, s.pos < s.tokens.length ? s.tokens[s.pos].token : null);
  });
  r.method('System.JSONParser', 'getCurrentToken', ({ interp, self }) => tokenEnum(interp, cur(self)?.token ?? null));
  r.method('System.JSONParser', 'hasCurrentToken', ({ self }) => cur(self) !== null);
  r.method('System.JSONParser', 'clearCurrentToken', ({ self }) => {
    st(self).cleared = true;
    return null;
  });
  r.method('System.JSONParser', 'getLastClearedToken', ({ interp, self }) => {
    const s = st(self);
    return s.cleared && s.pos < s.tokens.length ? tokenEnum(interp, s.tokens[s.pos].token) : null;
  });
  r.method('System.JSONParser', 'getCurrentName', ({ self }) => {
    const t = cur(self);
    if (t?.token === 'FIELD_NAME') return t.text;
    return lastField(self);
  });
  r.method('System.JSONParser', 'getText', ({ self }) => cur(self)?.text ?? null);
  const scalar = (self: unknown, kind: string): JNode => {
    const t = cur(self);
    if (!t?.node || t.node.k === 'obj' || t.node.k === 'arr') throw jsonError(`Current token not a ${kind} value`);
    return t.node;
  };
  // getIntegerValue … getBlobValue: the current scalar token converted to the Apex type, as typed deserialize does.
  const typedGetters: [string, string, string][] = [
    ['getIntegerValue', 'number', 'Integer'],
    ['getLongValue', 'number', 'Long'],
    ['getDoubleValue', 'number', 'Double'],
    ['getDecimalValue', 'number', 'Decimal'],
    ['getBooleanValue', 'boolean', 'Boolean'],
    ['getDateValue', 'string', 'Date'],
    ['getDatetimeValue', 'string', 'Datetime'],
    ['getTimeValue', 'string', 'Time'],
    ['getIdValue', 'string', 'Id'],
    ['getBlobValue', 'string', 'Blob']
  ];
  for (const [method, kind, type] of typedGetters) {
    r.method('System.JSONParser', method, ({ interp, self }) =>
      new Deserializer(interp, false).convert(scalar(self, kind), T(type))
    );
  }
  r.method('System.JSONParser', 'skipChildren', ({ self }) => {
    const s = st(self);
    const t = cur(self);
    if (t && (t.token === 'START_OBJECT' || t.token === 'START_ARRAY')) s.pos = t.end - 1;
    return null;
  });
  const readAs =
    (strict: boolean) =>
    ({ interp, self }: { interp: Interpreter; self: unknown }, [type]: unknown[]) => {
      const s = st(self);
      const t = cur(self);
      if (!t?.node) throw jsonError('Current token not a value');
      const v = new Deserializer(interp, strict).convert(t.node, typeArg(type));
      if (t.end > 0) s.pos = t.end - 1;
      return v;
    };
  r.method('System.JSONParser', 'readValueAs', readAs(false));
  r.method('System.JSONParser', 'readValueAsStrict', readAs(true));
}

// ------------------------------------------------------------------ JSONGenerator

function registerGenerator(r: Registry): void {
  r.type('System.JSONGenerator');
  const G = 'System.JSONGenerator';
  const w = (self: unknown): JsonWriter => (self as NativeObject).data['writer'] as JsonWriter;
  r.static(
    'JSON',
    'createGenerator',
    (_c, [pretty]) => new NativeObject(G, { writer: new JsonWriter(pretty === true), closed: false })
  );
  const field = (self: unknown, name: unknown) => {
    if (name === null || name === undefined) throw npe();
    w(self).fieldName(str(name));
  };
  const nil =
    <A extends unknown[]>(fn: (interp: Interpreter, self: unknown, ...args: A) => void) =>
    ({ interp, self }: { interp: Interpreter; self: unknown }, args: unknown[]) => {
      if ((self as NativeObject).data['closed']) throw jsonError('JSONGenerator is closed');
      fn(interp, self, ...(args as A));
      return null;
    };
  const value = (interp: Interpreter, self: unknown, v: unknown) => writeValue(interp, w(self), v, false);
  r.method(
    G,
    'writeStartObject',
    nil((_i, self) => w(self).startObject())
  );
  r.method(
    G,
    'writeEndObject',
    nil((_i, self) => w(self).endObject())
  );
  r.method(
    G,
    'writeStartArray',
    nil((_i, self) => w(self).startArray())
  );
  r.method(
    G,
    'writeEndArray',
    nil((_i, self) => w(self).endArray())
  );
  r.method(
    G,
    'writeFieldName',
    nil((_i, self, name: unknown) => field(self, name))
  );
  r.method(
    G,
    'writeNull',
    nil((_i, self) => w(self).raw('null'))
  );
  r.method(
    G,
    'writeNullField',
    nil((_i, self, name: unknown) => {
      field(self, name);
      w(self).raw('null');
    })
  );
  for (const m of ['writeString', 'writeNumber', 'writeBoolean', 'writeId', 'writeObject', 'writeDate', 'writeTime']) {
    r.method(
      G,
      m,
      nil((interp, self, v: unknown) => value(interp, self, v))
    );
    r.method(
      G,
      m + 'Field',
      nil((interp, self, name: unknown, v: unknown) => {
        field(self, name);
        value(interp, self, v);
      })
    );
  }
  const dt = (interp: Interpreter, self: unknown, v: unknown) =>
    value(interp, self, v instanceof ApexDate ? dateAsDatetime(v) : v);
  r.method(
    G,
    'writeDateTime',
    nil((interp, self, v: unknown) => dt(interp, self, v))
  );
  r.method(
    G,
    'writeDateTimeField',
    nil((interp, self, name: unknown, v: unknown) => {
      field(self, name);
      dt(interp, self, v);
    })
  );
  r.method(
    G,
    'writeBlob',
    nil((interp, self, v: unknown) => value(interp, self, v))
  );
  r.method(
    G,
    'writeBlobField',
    nil((interp, self, name: unknown, v: unknown) => {
      field(self, name);
      value(interp, self, v);
    })
  );
  r.method(G, 'getAsString', ({ self }) => w(self).out);
  r.method(G, 'close', ({ self }) => {
    (self as NativeObject).data['closed'] = true;
    return null;
  });
  r.method(G, 'isClosed', ({ self }) => (self as NativeObject).data['closed'] === true);
}

// ------------------------------------------------------------------ JSON

export function registerJson(r: Registry): void {
  r.static('JSON', 'serialize', ({ interp }, [v, suppress]) => serialize(interp, v, false, suppress === true));
  r.static('JSON', 'serializePretty', ({ interp }, [v, suppress]) => serialize(interp, v, true, suppress === true));
  r.static('JSON', 'deserializeUntyped', ({ interp }, [text]) => untyped(interp, parseJson(textArg(text))));
  r.static('JSON', 'deserialize', ({ interp }, [text, type]) => {
    const t = typeArg(type);
    return new Deserializer(interp, false).convert(parseJson(textArg(text)), t);
  });
  r.static('JSON', 'deserializeStrict', ({ interp }, [text, type]) => {
    const t = typeArg(type);
    return new Deserializer(interp, true).convert(parseJson(textArg(text)), t);
  });
  registerGenerator(r);
  registerParser(r);
}
