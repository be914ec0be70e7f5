/**
 * SOQL over the in-memory org (SOQL and SOSL Reference): field lists with parent relationships (`Owner.Email`;
 * polymorphic `Who`/`What`/`Owner` through the Name object, `Who.Type`), TYPEOF, child sub-queries, WHERE with
 * AND/OR/NOT, every comparison operator, typed literals, IN/NOT IN, semi-/anti-joins, LIKE, INCLUDES/EXCLUDES, date
 * literals and date formulas (in the running user's time zone), date functions (GMT, or the user's zone with
 * convertTimezone()), aggregate functions with GROUP BY, ROLLUP/CUBE, GROUPING() and HAVING (AggregateResult),
 * COUNT(), ORDER BY with NULLS FIRST/LAST, LIMIT/OFFSET, FOR UPDATE/VIEW/REFERENCE (accepted, no locking), ALL ROWS
 * (deleted rows), and the security clauses WITH USER_MODE / SECURITY_ENFORCED / SYSTEM_MODE.
 *
 * Not modelled, each refused with "not supported by the emulator: <construct>": FORMAT()/toLabel()/convertCurrency(),
 * FROM aliases, USING SCOPE, WITH DATA CATEGORY, UPDATE TRACKING/VIEWSTAT, FORMULA() and time literals in WHERE.
 * Fiscal periods are the calendar year.
 */
import { parseExpression, parseSoqlTree, unquote } from '../parse/build';
import type { Interpreter } from '../runtime/interpreter';
import { compareNumbers, fault, str, toDecimal, dateAsDatetime } from '../runtime/ops';
import type { Num } from '../runtime/ops';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexId,
  ApexList,
  ApexMap,
  ApexSet,
  NativeObject,
  SObjectValue,
  T
} from '../runtime/values';
import type { FieldModel, ObjectModel } from '../metadata/model';
import { epochOfLocal, localFieldsOf } from '../stdlib/javaDateFormat';
import { AGGREGATE_FUNCTIONS, DATE_FUNCTIONS, NAME_OBJECT, dateFunction } from './soql/functions';
import type { Org } from './org';
import { materializeDefinitions, metadataRelationshipTarget } from './metadataRelationships';
import { canRead, isAccessibleField, sharingEnforced, visibilityFilter } from './access';
import { lowerBound, SortedEntry, topN } from './indexes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctx = any;

export interface QueryOptions {
  dynamic: boolean;
  accessLevel?: 'user' | 'system';
  count?: boolean;
  /** Database.queryWithBinds: bind values by name. */
  bindMap?: Map<string, unknown>;
}

/** A path of relationship names ending in a field: `Owner.Profile.Name` → ['Owner','Profile','Name']. */
type Path = string[];

/** A field, or a date function of a field (`CALENDAR_YEAR(convertTimezone(CreatedDate))`). */
interface FieldExpr {
  path: Path;
  dateFn: string | null;
  /** convertTimezone(): the date function reads a Datetime in the running user's zone, else in GMT. */
  userZone: boolean;
}

interface SelectField {
  k: 'field';
  path: Path;
  /** Alias of a grouped field in an aggregate query (`Status__c status`). */
  alias?: string | null;
  /** Date function over the field (aggregate queries; the field is then `path`). */
  dateFn?: string | null;
  userZone?: boolean;
}
interface SelectAgg {
  k: 'agg';
  /** AVG, COUNT, COUNT_DISTINCT, MIN, MAX, SUM, or GROUPING. */
  fn: string;
  path: Path | null;
  alias: string;
}
interface SelectSub {
  k: 'sub';
  relationship: string;
  ctx: Ctx;
}
/** `TYPEOF What WHEN Account THEN Phone ELSE Name END` (SOQL and SOSL Reference, TYPEOF). */
interface SelectTypeOf {
  k: 'typeof';
  relationship: string;
  whens: { object: string; paths: Path[] }[];
  otherwise: Path[] | null;
}
type SelectItem = SelectField | SelectAgg | SelectSub | SelectTypeOf;

/** A HAVING operand: an aggregate of the group, GROUPING(), or a grouped field. */
interface AggOperand {
  fn: string;
  path: Path | null;
}

type Cond =
  | { k: 'and' | 'or'; items: Cond[] }
  | { k: 'not'; item: Cond }
  | { k: 'cmp'; expr: FieldExpr; op: string; value: unknown }
  | { k: 'agg'; agg: AggOperand; op: string; value: unknown };

/** One row of an aggregate query before it becomes an AggregateResult. */
interface GroupRow {
  rows: SObjectValue[];
  /** The grouped values (null on a subtotal row for the rolled-up fields), by group-by index. */
  keys: unknown[];
  /** GROUPING(field) per group-by index: 1 on a subtotal row for that field. */
  grouping: number[];
}

/** A semi-join or anti-join sub-select in WHERE (`Id IN (SELECT LeadId FROM …)`). */
class SemiJoin {
  constructor(readonly ctx: Ctx) {}
}

/** A date formula's range of local days [start, end). */
class DayRange {
  constructor(
    readonly start: number,
    readonly end: number
  ) {}
}

export const NO_SUCH_COLUMN = (field: string, object: string): string =>
  `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`;

export const NOT_SUPPORTED = (object: string): string =>
  `sObject type '${object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`;

const qfault = (msg: string): never => {
  throw fault('System.QueryException', msg);
};

class QueryRun {
  readonly accessedFields: { object: string; field: string }[] = [];

  constructor(
    readonly org: Org,
    readonly interp: Interpreter,
    readonly binds: Map<string, unknown>,
    readonly options: QueryOptions
  ) {}

  // ------------------------------------------------------------ schema resolution

  object(name: string): ObjectModel {
    const o = this.org.object(name);
    if (!o) qfault(NOT_SUPPORTED(name));
    return o as ObjectModel;
  }

  /** The reference field a relationship name denotes (`Owner` → OwnerId, `Lead__r` → Lead__c). */
  relationshipField(object: ObjectModel, rel: string): FieldModel | undefined {
    let byRel = relCache.get(object);
    if (!byRel) {
      byRel = new Map();
      for (const f of Object.values(object.fields)) {
        if ((f.type === 'REFERENCE' || f.metadataRelationship) && f.relationshipName)
          byRel.set(f.relationshipName.toLowerCase(), f);
      }
      relCache.set(object, byRel);
    }
    return byRel.get(rel.toLowerCase());
  }

  /**
   * Validates a path from `object` and returns the final field. A polymorphic relationship (`Who`, `What`, `Owner`)
   * leads to the `Name` object, whose fields are the only ones it exposes (SOQL and SOSL Reference, Understanding
   * Relationship Fields and Polymorphic Fields).
   */
  resolvePath(object: ObjectModel, path: Path): FieldModel {
    let cur = object;
    for (let i = 0; i < path.length - 1; i++) {
      const rf = this.relationshipField(cur, path[i]);
      if (!rf)
        return qfault(
          `Didn't understand relationship '${path[i]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
        );
      if (cur !== NAME_OBJECT) this.accessedFields.push({ object: cur.name, field: rf.name });
      if (rf.referenceTo.length > 1) {
        cur = NAME_OBJECT;
        continue;
      }
      const target = this.org.object(rf.referenceTo[0]);
      if (!target) return qfault(NO_SUCH_COLUMN(path.slice(0, i + 1).join('.'), cur.name)) as never;
      cur = target;
    }
    const last = path[path.length - 1];
    const f = cur.fields[last.toLowerCase()];
    if (!f) return qfault(NO_SUCH_COLUMN(last, cur.name)) as never;
    if (cur !== NAME_OBJECT) this.accessedFields.push({ object: cur.name, field: f.name });
    return f;
  }

  /** True when `rel` on the object of `rec` is polymorphic (its parent is read through the Name object). */
  isPolymorphic(rec: SObjectValue, rel: string): boolean {
    const model = this.org.object(rec.object);
    const rf = model ? this.relationshipField(model, rel) : undefined;
    return !!rf && rf.referenceTo.length > 1;
  }

  /** The value of a path on a stored record (parents followed through the tables). */
  valueOf(rec: SObjectValue, path: Path): unknown {
    let cur: SObjectValue | null = rec;
    const n = path.length - 1;
    for (let i = 0; i < n && cur; i++) {
      if (i === n - 1 && path[n].toLowerCase() === 'type' && this.isPolymorphic(cur, path[i])) {
        const parent = this.parentOf(cur, path[i]);
        return parent ? parent.object : null;
      }
      cur = this.parentOf(cur, path[i]);
    }
    if (!cur) return null;
    return cur.values.get(path[n].toLowerCase()) ?? null;
  }

  /** A field or date-function value of a stored record. */
  exprValue(rec: SObjectValue, e: FieldExpr): unknown {
    const v = this.valueOf(rec, e.path);
    return e.dateFn ? dateFunction(e.dateFn, v, e.userZone ? this.interp.user.timeZone : null) : v;
  }

  parentOf(rec: SObjectValue, rel: string): SObjectValue | null {
    const model = this.org.object(rec.object);
    if (!model) return null;
    const rf = this.relationshipField(model, rel);
    if (!rf) return null;
    const id = rec.values.get(rf.name.toLowerCase());
    if (rf.metadataRelationship) return metadataRelationshipTarget(this.org, rf, id);
    if (!(id instanceof ApexId)) return null;
    return findById(this.org, id);
  }

  /** `CALENDAR_YEAR(convertTimezone(CreatedDate))` in WHERE, GROUP BY or SELECT: its field and function. */
  dateExpr(fn: Ctx, object: ObjectModel): FieldExpr {
    const name = fn.getChild(0).getText().toUpperCase();
    const dfn: Ctx = fn.dateFieldName();
    if (!DATE_FUNCTIONS.has(name) || !dfn) return unsupported(`${name}() here`);
    const userZone = !!dfn.CONVERT_TIMEZONE();
    const path = fieldPath(dfn.fieldName());
    const f = this.resolvePath(object, path);
    if (f.type !== 'DATE' && f.type !== 'DATETIME')
      qfault(`${name}() can only be used with a date or dateTime field: ${path.join('.')}`);
    if ((name === 'DAY_ONLY' || name === 'HOUR_IN_DAY') && f.type !== 'DATETIME')
      qfault(`${name}() can only be used with dateTime fields: ${path.join('.')}`);
    if (userZone && f.type !== 'DATETIME') qfault(`convertTimezone() can only be used with dateTime fields`);
    return { path, dateFn: name, userZone };
  }

  // ------------------------------------------------------------ binds and values

  bind(ctx: Ctx): unknown {
    const text: string = ctx.expression().getText();
    if (this.binds.has(text)) return this.binds.get(text);
    if (this.options.bindMap) {
      const m = this.options.bindMap;
      if (m.has(text)) return m.get(text);
      for (const [k, v] of m) if (k.toLowerCase() === text.toLowerCase()) return v;
      return qfault(`Key '${text}' does not exist in the bindMap`);
    }
    const frame = this.interp.stack[this.interp.stack.length - 1];
    if (!frame) return qfault(`Variable does not exist: ${text}`);
    // Dynamic SOQL binds simple variables only; `:acc.Name` in the string fails with "Variable does not exist"
    // (Apex Developer Guide, Dynamic SOQL: unlike inline SOQL, bind variable fields aren't supported).
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text.trim())) return qfault(`Variable does not exist: ${text.trim()}`);
    try {
      return this.interp.eval(parseExpression(text), frame);
    } catch (e) {
      throw this.interp.materialize(e);
    }
  }

  value(ctx: Ctx): unknown {
    if (ctx.NULL()) return null;
    if (ctx.BooleanLiteral()) return ctx.BooleanLiteral().getText().toLowerCase() === 'true';
    if (ctx.signedNumber()) return ApexDecimal.of(ctx.signedNumber().getText());
    if (ctx.IntegerLiteral()) return ApexDecimal.of(ctx.getText());
    if (ctx.StringLiteral()) return unquote(ctx.StringLiteral().getText());
    if (ctx.MultilineStringLiteral()) return unquote(ctx.MultilineStringLiteral().getText());
    if (ctx.DateLiteral()) return parseDate(ctx.DateLiteral().getText());
    if (ctx.DateTimeLiteral()) return parseDatetime(ctx.DateTimeLiteral().getText());
    if (ctx.dateFormula()) return this.dateFormula(ctx.dateFormula());
    if (ctx.boundExpression()) return this.bind(ctx.boundExpression());
    if (ctx.valueList())
      return ctx
        .valueList()
        .value_list()
        .map((v: Ctx) => this.value(v));
    if (ctx.subQuery()) return new SemiJoin(ctx.subQuery());
    if (ctx.TimeLiteral()) return unsupported('Time literals');
    if (ctx.IntegralCurrencyLiteral()) return ApexDecimal.of(ctx.getText().replace(/^[A-Z]{3}/, ''));
    return qfault(`unexpected token: '${ctx.getText()}'`);
  }

  today(): ApexDate {
    const f = localFieldsOf(this.interp.now(), this.interp.user.timeZone);
    return new ApexDate(f.year, f.month, f.day);
  }

  dateFormula(ctx: Ctx): DayRange {
    const text: string = ctx.getText().toUpperCase();
    const [name, nText] = text.split(':');
    const n = nText === undefined ? 0 : parseInt(nText, 10);
    return formulaRange(name, n, this.today());
  }

  // ------------------------------------------------------------ WHERE and HAVING

  /** Semi-/anti-joins seen in this WHERE clause (at most two, SOQL and SOSL Reference, Comparison Operators). */
  semiJoins = 0;

  cond(ctx: Ctx, object: ObjectModel, having: Ctx | null = null, inOr = false, inNot = false): Cond {
    // whereLogicalExpression / logicalExpression
    const items: Ctx[] = ctx.whereConditionalExpression_list
      ? ctx.whereConditionalExpression_list()
      : ctx.conditionalExpression_list();
    const or = ctx.SOQLOR_list().length > 0;
    const not = !!ctx.NOT();
    const parts = items.map((c: Ctx) => this.condItem(c, object, having, inOr || or, inNot || not));
    if (not) return { k: 'not', item: parts[0] };
    if (parts.length === 1) return parts[0];
    return { k: or ? 'or' : 'and', items: parts };
  }

  condItem(ctx: Ctx, object: ObjectModel, having: Ctx | null, inOr: boolean, inNot: boolean): Cond {
    const inner = ctx.whereLogicalExpression ? ctx.whereLogicalExpression() : ctx.logicalExpression();
    if (inner) return this.cond(inner, object, having, inOr, inNot);
    if (ctx.whereFieldExpression?.()?.FORMULA()) return unsupported('FORMULA() in WHERE');
    const fe: Ctx = ctx.whereFieldExpression ? ctx.whereFieldExpression().fieldExpression() : ctx.fieldExpression();
    if (!fe) return qfault(`unexpected token: '${ctx.getText()}'`);
    const opCtx = fe.comparisonOperator();
    let op = children(opCtx)
      .map((c: Ctx) => c.getText().toUpperCase())
      .join(' ')
      .replace(/([<>!]) =/, '$1=')
      .replace('< >', '<>');
    if (op === '<>') op = '!=';
    const value = this.value(fe.value());
    if (value instanceof SemiJoin && having) qfault('A HAVING clause cannot contain a semi-join or anti-join');
    if (fe.soqlFunction()) {
      const fn: Ctx = fe.soqlFunction();
      const name = fn.getChild(0).getText().toUpperCase();
      if (AGGREGATE_FUNCTIONS.has(name) || name === 'GROUPING') {
        if (!having) return qfault('Aggregate functions are not allowed in WHERE: use HAVING');
        const argCtx: Ctx = fn.fieldName();
        const path = argCtx ? fieldPath(argCtx) : null;
        if (path) this.resolvePath(object, path);
        return { k: 'agg', agg: { fn: name, path }, op, value };
      }
      const e = this.dateExpr(fn, object);
      if (value instanceof SemiJoin) qfault('The left operand of a semi-join must be an Id or reference field');
      return { k: 'cmp', expr: e, op, value };
    }
    const path = fieldPath(fe.fieldName());
    const f = this.resolvePath(object, path);
    if (value instanceof SemiJoin) return this.semiJoin(object, path, f, op, value, inOr, inNot);
    if (!f.filterable || f.longText) qfault(`field '${f.name}' can not be filtered in a query call`);
    if (op === 'INCLUDES' || op === 'EXCLUDES') {
      if (f.type !== 'MULTIPICKLIST') qfault(`${op} operator is only valid on multipicklist fields`);
    }
    if (
      (f.type === 'ID' || f.type === 'REFERENCE') &&
      typeof value === 'string' &&
      value !== '' &&
      !ApexId.parse(value)
    ) {
      if (op === '=' || op === '!=') qfault(`invalid ID field: ${value}`);
    }
    checkLiteral(f, fe.value());
    if (having) return { k: 'agg', agg: { fn: 'FIELD', path }, op, value };
    return { k: 'cmp', expr: { path, dateFn: null, userZone: false }, op, value };
  }

  /**
   * `Id IN (SELECT LeadId FROM …)` / `NOT IN`: runs the sub-select once and compares with its Ids. Restrictions
   * (SOQL and SOSL Reference, Comparison Operators, Semi-Joins with IN and Anti-Joins with NOT IN): IN or NOT IN
   * only; at most two per WHERE clause; not under OR or NOT; the left operand an Id or reference field of the
   * queried object (no relationship path); the sub-select selects one Id or reference field of another object,
   * without ORDER BY or LIMIT, without nested semi-joins; Task and Event cannot be sub-selected.
   */
  semiJoin(
    object: ObjectModel,
    path: Path,
    f: FieldModel,
    op: string,
    sj: SemiJoin,
    inOr: boolean,
    inNot: boolean
  ): Cond {
    if (op !== 'IN' && op !== 'NOT IN') qfault('A semi-join sub-select can only be used with IN or NOT IN');
    if (++this.semiJoins > 2) qfault('Maximum of 2 semi-join sub-selects are allowed');
    if (inOr) qfault("Semi join sub-selects are not allowed with the 'OR' operator");
    if (inNot) qfault("Semi join sub-selects are not allowed with the 'NOT' operator");
    if (path.length > 1 || (f.type !== 'ID' && f.type !== 'REFERENCE'))
      qfault(`The left operand of a semi-join must be an Id or reference field: ${path.join('.')}`);
    const ctx = sj.ctx;
    const subName = fieldPath(ctx.fromNameList().fieldName(0)).join('.');
    const sub = this.object(subName);
    if (/^(Task|Event)$/i.test(sub.name)) qfault(`Entity '${sub.name}' is not supported for semi join inner selects`);
    if (ctx.orderByClause() || ctx.limitClause())
      qfault('ORDER BY and LIMIT are not allowed in a semi-join sub-select');
    const entries = ctx.subFieldList().subFieldEntry_list() as Ctx[];
    if (entries.length !== 1 || !entries[0].fieldName())
      qfault('A semi-join sub-select must select exactly one Id or reference field');
    const subPath = fieldPath(entries[0].fieldName());
    const sf = this.resolvePath(sub, subPath);
    if (subPath.length > 1 || (sf.type !== 'ID' && sf.type !== 'REFERENCE'))
      qfault(`The selected field in a semi-join sub-select must be an Id or reference field: ${subPath.join('.')}`);
    const leftTargets = f.type === 'ID' ? [object.name] : f.referenceTo;
    const rightTargets = sf.type === 'ID' ? [sub.name] : sf.referenceTo;
    const l = new Set(leftTargets.map((t) => t.toLowerCase()));
    if (!rightTargets.some((t) => l.has(t.toLowerCase())))
      qfault(`The sub-select field ${sub.name}.${sf.name} does not reference the type of ${object.name}.${f.name}`);
    const outer = this.semiJoins;
    this.semiJoins = 3; // a nested semi-join in the sub-select is refused
    let where: Cond | null = null;
    try {
      where = ctx.whereClause() ? this.cond(ctx.whereClause().whereLogicalExpression(), sub) : null;
    } catch (e) {
      if (e instanceof Error && /Maximum of 2 semi-join/.test(e.message)) {
        qfault('Nesting of semi join sub-selects is not supported');
      }
      throw e;
    }
    this.semiJoins = outer;
    const ids: unknown[] = [];
    for (const r of this.org.table(sub.name).values()) {
      if (r.values.get('isdeleted') === true) continue;
      if (where && !this.test(where, r)) continue;
      const v = r.values.get(sf.name.toLowerCase());
      if (v !== null && v !== undefined) ids.push(v);
    }
    return { k: 'cmp', expr: { path, dateFn: null, userZone: false }, op, value: ids };
  }

  test(c: Cond, rec: SObjectValue): boolean {
    switch (c.k) {
      case 'and':
        return c.items.every((i) => this.test(i, rec));
      case 'or':
        return c.items.some((i) => this.test(i, rec));
      case 'not':
        return !this.test(c.item, rec);
      case 'cmp':
        return compareOp(c.op, this.exprValue(rec, c.expr), c.value, this.interp.user.timeZone);
      case 'agg':
        return qfault('Aggregate functions are not allowed in WHERE');
    }
  }
}

// ---------------------------------------------------------------- helpers for the query

/**
 * A literal in WHERE must have the field's type (SOQL and SOSL Reference, Date Formats and Date Literals: a date
 * value filters date fields only, a dateTime value dateTime fields only; quoted strings only for text fields).
 * Bind variables are converted by Apex and not checked here.
 */
function checkLiteral(f: FieldModel, v: Ctx): void {
  const lits: Ctx[] = v.valueList() ? v.valueList().value_list() : [v];
  for (const l of lits) {
    if (l.NULL() || l.boundExpression() || l.subQuery()) continue;
    const quoted = !!(l.StringLiteral() || l.MultilineStringLiteral());
    const want = (type: string, q: boolean): never =>
      qfault(
        `value of filter criterion for field '${f.name}' must be of type ${type} and ${q ? 'should be enclosed in quotes' : 'should not be enclosed in quotes'}`
      );
    switch (f.type) {
      case 'DATETIME':
        if (!(l.DateTimeLiteral() || l.dateFormula())) want('dateTime', false);
        break;
      case 'DATE':
        if (!(l.DateLiteral() || l.dateFormula())) want('date', false);
        break;
      case 'BOOLEAN':
        if (!l.BooleanLiteral()) want('boolean', false);
        break;
      case 'INTEGER':
      case 'LONG':
      case 'DOUBLE':
      case 'CURRENCY':
      case 'PERCENT':
        if (quoted || !(l.signedNumber() || l.IntegerLiteral() || l.IntegralCurrencyLiteral())) want('double', false);
        break;
      default:
        if (!quoted) want('string', true);
    }
  }
}

const relCache = new WeakMap<ObjectModel, Map<string, FieldModel>>();

/** A construct the emulator does not run: refused loudly rather than run as something else. */
function unsupported(construct: string): never {
  throw fault('System.QueryException', `not supported by the emulator: ${construct}`);
}

// ---------------------------------------------------------------- public entry

export function executeQuery(
  org: Org,
  interp: Interpreter,
  text: string,
  binds: Map<string, unknown>,
  options: QueryOptions
): unknown {
  let tree: Ctx = treeCache.get(text);
  if (!tree) {
    try {
      tree = parseSoqlTree(likeEscapes(text));
    } catch (e) {
      throw fault('System.QueryException', (e as Error).message.replace(/^.*?:\s*/, ''));
    }
    // Parse trees are only read, never changed: a query text is parsed once per process.
    if (treeCache.size > 5000) treeCache.clear();
    treeCache.set(text, tree);
  }
  org.limits.add('queries');
  const run = new QueryRun(org, interp, binds, options);
  return runQuery(run, tree);
}

/**
 * SOQL string literals accept `\%` and `\_` (a literal percent sign or underscore in LIKE; SOQL and SOSL Reference,
 * Quoted String Escape Sequences), which the Apex lexer does not: they become `\\%` / `\\_`, which unquote to the
 * `\%` / `\_` that LIKE matching reads as literals.
 */
function likeEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString && c === '\\' && i + 1 < text.length) {
      const n = text[++i];
      out += n === '%' || n === '_' ? '\\\\' + n : c + n;
      continue;
    }
    if (c === "'") inString = !inString;
    out += c;
  }
  return out;
}

const treeCache = new Map<string, Ctx>();

function runQuery(run: QueryRun, q: Ctx): unknown {
  const { org, interp } = run;
  const from: Ctx = q.fromNameList();
  if (from.fieldName_list().length > 1 || from.soqlId_list().length) unsupported('FROM aliases and multiple objects');
  const objectName = fieldPath(from.fieldName(0)).join('.');
  const object = run.object(objectName);
  if (/^(Entity|Field)Definition$/.test(object.name)) materializeDefinitions(org);

  // Security clause.
  let mode: 'user' | 'system' | 'enforced' | null = run.options.accessLevel === 'user' ? 'user' : null;
  const w = q.withClause();
  if (w) {
    if (w.USER_MODE()) mode = 'user';
    else if (w.SYSTEM_MODE()) mode = 'system';
    else if (w.SECURITY_ENFORCED()) mode = 'enforced';
  }
  if (mode === 'user' && !canRead(org, object.name)) qfault(NOT_SUPPORTED(object.name));

  // SELECT list.
  const items: SelectItem[] = [];
  let countOnly = false;
  let exprN = 0;
  for (const e of q.selectList().selectEntry_list() as Ctx[]) {
    if (e.subQuery()) {
      const sub = e.subQuery();
      items.push({ k: 'sub', relationship: fieldPath(sub.fromNameList().fieldName(0)).join('.'), ctx: sub });
      continue;
    }
    if (e.typeOf()) {
      items.push(typeOfItem(run, object, e.typeOf()));
      continue;
    }
    const fn: Ctx = e.soqlFunction();
    if (fn) {
      const name = fn.getChild(0).getText().toUpperCase();
      if (name === 'FIELDS') {
        const which = fn.soqlFieldsParameter().getText().toUpperCase();
        for (const f of Object.values(object.fields)) {
          if (which === 'ALL' || (which === 'CUSTOM') === f.custom) items.push({ k: 'field', path: [f.name] });
        }
        continue;
      }
      if (name === 'TOLABEL' || name === 'FORMAT' || name === 'CONVERTCURRENCY')
        return unsupported(`${fn.getChild(0).getText()}()`);
      if (DATE_FUNCTIONS.has(name)) {
        const de = run.dateExpr(fn, object);
        const alias = e.soqlId() ? e.soqlId().getText() : `expr${exprN++}`;
        items.push({ k: 'field', path: de.path, alias, dateFn: de.dateFn, userZone: de.userZone });
        continue;
      }
      if (!AGGREGATE_FUNCTIONS.has(name) && name !== 'GROUPING') return unsupported(`${name}()`);
      const argCtx: Ctx = fn.fieldName();
      const path = argCtx ? fieldPath(argCtx) : null;
      if (path) {
        const f = run.resolvePath(object, path);
        if ((name === 'SUM' || name === 'AVG') && !NUMERIC.has(f.type))
          qfault(`field ${f.name} does not support aggregate operator ${name}`);
        if (
          (name === 'MIN' || name === 'MAX' || name === 'COUNT_DISTINCT') &&
          (f.longText || f.type === 'MULTIPICKLIST')
        )
          qfault(`field ${f.name} does not support aggregate operator ${name}`);
      }
      if (name === 'COUNT' && !path) {
        countOnly = true;
        continue;
      }
      const alias = e.soqlId() ? e.soqlId().getText() : `expr${exprN++}`;
      items.push({ k: 'agg', fn: name, path, alias });
      continue;
    }
    const path = fieldPath(e.fieldName());
    const alias = e.soqlId() ? e.soqlId().getText() : null;
    run.resolvePath(object, path);
    items.push({ k: 'field', path, alias });
  }
  // A field selected twice is refused (SOQL and SOSL Reference: duplicate field selected).
  const selected = new Set<string>();
  for (const i of items) {
    if (i.k !== 'field' || i.alias || i.dateFn) continue;
    const key = i.path.join('.').toLowerCase();
    if (selected.has(key)) qfault(`duplicate field selected: ${i.path.join('.')}`);
    selected.add(key);
  }
  const aliases = new Set<string>();
  for (const i of items) {
    const a = i.k === 'agg' ? i.alias : i.k === 'field' ? i.alias : null;
    if (!a) continue;
    if (aliases.has(a.toLowerCase())) qfault(`duplicate alias: ${a}`);
    aliases.add(a.toLowerCase());
  }
  const typeOfs = items.filter((i): i is SelectTypeOf => i.k === 'typeof');
  for (const t of typeOfs) {
    const rel = t.relationship.toLowerCase();
    if (items.some((i) => i.k === 'field' && i.path.length > 1 && i.path[0].toLowerCase() === rel))
      qfault(`TYPEOF ${t.relationship} cannot be combined with ${t.relationship}.<field> in the same SELECT`);
  }

  const where = q.whereClause() ? run.cond(q.whereClause().whereLogicalExpression(), object) : null;
  const groupBy: FieldExpr[] = [];
  let subtotals: 'rollup' | 'cube' | null = null;
  let having: Cond | null = null;
  if (q.groupByClause()) {
    const g = q.groupByClause();
    subtotals = g.ROLLUP() ? 'rollup' : g.CUBE() ? 'cube' : null;
    for (const fg of g.fieldGroupByList().fieldGroupBy_list() as Ctx[]) {
      let e: FieldExpr;
      if (fg.soqlFunction()) e = run.dateExpr(fg.soqlFunction(), object);
      else e = { path: fieldPath(fg.fieldName()), dateFn: null, userZone: false };
      const f = run.resolvePath(object, e.path);
      if (!e.dateFn && (f.longText || f.type === 'MULTIPICKLIST' || f.type === 'DATETIME'))
        qfault(`field '${f.name}' can not be grouped in a query call`);
      groupBy.push(e);
    }
    if (subtotals && groupBy.length > 3) qfault(`GROUP BY ${subtotals.toUpperCase()} can include up to three fields`);
    if (g.HAVING()) having = run.cond(g.logicalExpression(), object, g);
  }
  const aggregate = items.some((i) => i.k === 'agg') || groupBy.length > 0;
  const order: OrderItem[] = [];
  if (q.orderByClause()) {
    for (const fo of q.orderByClause().fieldOrderList().fieldOrder_list() as Ctx[]) {
      const desc = !!fo.DESC();
      const nullsLast = fo.NULLS() ? !!fo.LAST() : false;
      if (fo.fieldName()) {
        const p = fieldPath(fo.fieldName());
        const f = run.resolvePath(object, p);
        if (!f.sortable || f.longText || f.type === 'MULTIPICKLIST')
          qfault(`field '${f.name}' can not be sorted in a query call`);
        order.push({ expr: { path: p, dateFn: null, userZone: false }, agg: null, desc, nullsLast });
      } else {
        const fn: Ctx = fo.soqlFunction();
        const name = fn.getChild(0).getText().toUpperCase();
        if (DATE_FUNCTIONS.has(name)) order.push({ expr: run.dateExpr(fn, object), agg: null, desc, nullsLast });
        else if (AGGREGATE_FUNCTIONS.has(name) || name === 'GROUPING') {
          if (!aggregate) qfault(`Ordered field must be grouped or aggregated: ${fn.getText()}`);
          const argCtx: Ctx = fn.fieldName();
          const path = argCtx ? fieldPath(argCtx) : null;
          if (path) run.resolvePath(object, path);
          order.push({ expr: null, agg: { fn: name, path }, desc, nullsLast });
        } else return unsupported(`ORDER BY ${name}()`);
      }
    }
  }
  const limit = q.limitClause() ? intOf(q.limitClause(), run) : null;
  const offset = q.offsetClause() ? intOf(q.offsetClause(), run) : 0;
  if (offset > 2000) qfault('Maximum SOQL offset allowed is 2000');
  const allRows = !!q.allRowsClause();
  if (q.usingScope()) unsupported('USING SCOPE');
  if (w && (w.DATA() || w.logicalExpression()))
    unsupported(`WITH ${w.DATA() ? 'DATA CATEGORY' : w.getChild(1).getText()}`);
  if (q.UPDATE()) unsupported('UPDATE TRACKING / UPDATE VIEWSTAT');

  // Field-level security.
  if (mode === 'user' || mode === 'enforced') {
    const denied = run.accessedFields.filter(
      (a) => !isAccessibleField(org, a.object, a.field) || !canRead(org, a.object)
    );
    if (denied.length) {
      if (mode === 'enforced') qfault('Insufficient permissions: secure query included inaccessible field');
      const first = denied[0];
      const ex = fault(
        'System.QueryException',
        first.object === object.name ? NO_SUCH_COLUMN(first.field, object.name) : NOT_SUPPORTED(first.object)
      );
      throw ex;
    }
  }

  // Rows. Sharing is decided once for the query: null when it hides none of the object's records.
  const visible = mode === 'user' || sharingEnforced(interp) ? visibilityFilter(org, object.name) : null;
  const keep = (r: SObjectValue): boolean =>
    !(r.values.get('isdeleted') === true && !allRows) && (!visible || visible(r)) && (!where || run.test(where, r));
  // A COUNT() with LIMIT stops counting at OFFSET + LIMIT matches (the answer cannot grow beyond LIMIT); so does a
  // LIMIT without ORDER BY (the rows are the first matches in table order).
  const enough =
    !aggregate && !order.length && limit !== null && (countOnly ? !items.length : true) ? offset + limit : Infinity;
  const found = candidates(run, object, where);
  const walk =
    !aggregate && !countOnly && !found.narrowed ? sortedWalk(run, object, order, where, limit, offset) : null;
  let rows: SObjectValue[] = [];
  if (walk) {
    // ORDER BY … LIMIT through a sorted index: the matches in order, from the first that can match, up to the limit.
    const wanted = offset + (limit as number);
    for (const [from, to] of walk.segments) {
      for (let i = from; i < to && rows.length < wanted; i++) {
        const r = (walk.entries[i] as SortedEntry).rec;
        if (keep(r)) rows.push(r);
      }
    }
  } else {
    for (const r of found.rows) {
      if (!keep(r)) continue;
      rows.push(r);
      if (rows.length >= enough) break;
    }
  }

  if (countOnly && !aggregate) {
    if (items.length) qfault('COUNT() cannot be used with other fields');
    if (order.length) qfault('ORDER BY cannot be used with COUNT()');
    org.limits.add('queryRows', 1);
    let n = rows.length - offset;
    if (limit !== null) n = Math.min(n, limit);
    return Math.max(0, n);
  }
  if (countOnly) qfault('COUNT() cannot be used with GROUP BY or other aggregate functions');

  if (aggregate) {
    if (typeOfs.length) qfault('TYPEOF cannot be used in an aggregate query');
    return aggregateRows(run, object, rows, items, groupBy, subtotals, having, order, limit, offset);
  }
  if (having) qfault('HAVING requires GROUP BY');

  if (order.length && !walk) rows = sortRows(run, rows, order, limit === null ? null : offset + limit);
  rows = rows.slice(offset, limit === null ? undefined : offset + limit);
  org.limits.add('queryRows', rows.length);
  const out = rows.map((r) => project(run, object, r, items, mode));
  return new ApexList(T(object.name), out);
}

const NUMERIC = new Set(['INTEGER', 'LONG', 'DOUBLE', 'CURRENCY', 'PERCENT']);

interface OrderItem {
  expr: FieldExpr | null;
  agg: AggOperand | null;
  desc: boolean;
  nullsLast: boolean;
}

/** `TYPEOF What WHEN Account THEN Phone, Name ELSE Name END`: WHEN types among the relationship's targets. */
function typeOfItem(run: QueryRun, object: ObjectModel, t: Ctx): SelectTypeOf {
  const relPath = fieldPath(t.fieldName());
  if (relPath.length !== 1) unsupported('TYPEOF on a parent relationship path');
  const rel = relPath[0];
  const rf = run.relationshipField(object, rel);
  if (!rf || rf.referenceTo.length < 2) qfault(`TYPEOF can only be used with a polymorphic relationship: ${rel}`);
  const targets = (rf as FieldModel).referenceTo;
  const whens: { object: string; paths: Path[] }[] = [];
  for (const w of t.whenClause_list() as Ctx[]) {
    const typeName = fieldPath(w.fieldName()).join('.');
    const target = targets.find((x) => x.toLowerCase() === typeName.toLowerCase());
    const model = target ? run.org.object(target) : undefined;
    if (!model) return qfault(`${typeName} is not a valid type for the polymorphic relationship ${rel}`);
    const paths = (w.fieldNameList().fieldName_list() as Ctx[]).map((f: Ctx) => {
      const p = fieldPath(f);
      run.resolvePath(model, p);
      return p;
    });
    whens.push({ object: model.name, paths });
  }
  let otherwise: Path[] | null = null;
  if (t.elseClause()) {
    otherwise = (t.elseClause().fieldNameList().fieldName_list() as Ctx[]).map((f: Ctx) => {
      const p = fieldPath(f);
      run.resolvePath(NAME_OBJECT, p);
      return p;
    });
  }
  return { k: 'typeof', relationship: (rf as FieldModel).relationshipName ?? rel, whens, otherwise };
}

function intOf(ctx: Ctx, run: QueryRun): number {
  if (ctx.IntegerLiteral()) return parseInt(ctx.IntegerLiteral().getText(), 10);
  const v = run.bind(ctx.boundExpression());
  if (v === null || v === undefined) return qfault('LIMIT/OFFSET bind value cannot be null');
  return Number(str(v));
}

/** A copy of a stored record with only the selected fields (and Id), parents nested under their relationship names. */
function project(
  run: QueryRun,
  object: ObjectModel,
  rec: SObjectValue,
  items: SelectItem[],
  mode: string | null,
  asName = false
): SObjectValue {
  const out = new SObjectValue(object.name);
  out.queried = new Set();
  const put = (target: SObjectValue, model: ObjectModel | undefined, name: string, value: unknown): void => {
    const f = model?.fields[name.toLowerCase()];
    const key = (f?.name ?? name).toLowerCase();
    target.values.set(key, value);
    target.names.set(key, f?.name ?? name);
    target.queried?.add(key);
  };
  put(out, object, 'Id', rec.values.get('id') ?? null);
  for (const item of items) {
    if (item.k === 'field' && asName && item.path.length === 1 && !object.fields[item.path[0].toLowerCase()]) {
      // TYPEOF … ELSE <Name fields>: a field the record's object lacks reads null, `Type` is its object.
      const nf = NAME_OBJECT.fields[item.path[0].toLowerCase()];
      put(out, undefined, nf?.name ?? item.path[0], nf?.name === 'Type' ? rec.object : null);
      continue;
    }
    if (item.k === 'field') {
      let src: SObjectValue | null = rec;
      let dst = out;
      for (let i = 0; i < item.path.length - 1; i++) {
        const model = src ? run.org.object(src.object) : undefined;
        const rf = model ? run.relationshipField(model, item.path[i]) : undefined;
        const relName = rf?.relationshipName ?? item.path[i];
        const key = relName.toLowerCase();
        const parent: SObjectValue | null = src ? run.parentOf(src, item.path[i]) : null;
        if (!parent) {
          if (!dst.values.has(key)) {
            dst.values.set(key, null);
            dst.names.set(key, relName);
            dst.queried?.add(key);
          }
          src = null;
          break;
        }
        let next = dst.values.get(key);
        if (!(next instanceof SObjectValue)) {
          next = new SObjectValue(parent.object);
          (next as SObjectValue).queried = new Set();
          put(next as SObjectValue, run.org.object(parent.object), 'Id', parent.values.get('id') ?? null);
          dst.values.set(key, next);
          dst.names.set(key, relName);
          dst.queried?.add(key);
        }
        dst = next as SObjectValue;
        src = parent;
      }
      if (src) {
        const last = item.path[item.path.length - 1];
        const model = run.org.object(src.object);
        const n = item.path.length;
        const viaName = n > 1 && src !== rec && isPolymorphicHop(run, rec, item.path);
        if (model?.fields[last.toLowerCase()])
          put(dst, model, last, copyValue(src.values.get(last.toLowerCase()) ?? null));
        else if (viaName) {
          // A Name field the referenced object lacks (`Who.Alias` on a Lead) reads null; `Type` is its object.
          const nf = NAME_OBJECT.fields[last.toLowerCase()];
          put(dst, undefined, nf?.name ?? last, nf?.name === 'Type' ? src.object : null);
        }
      }
    } else if (item.k === 'typeof') {
      const parent = run.parentOf(rec, item.relationship);
      const key = item.relationship.toLowerCase();
      out.names.set(key, item.relationship);
      out.queried.add(key);
      if (!parent) {
        out.values.set(key, null);
        continue;
      }
      const when = item.whens.find((w) => w.object.toLowerCase() === parent.object.toLowerCase());
      const paths = when ? when.paths : (item.otherwise ?? []);
      const sub = project(
        run,
        run.org.object(parent.object) as ObjectModel,
        parent,
        paths.map((p) => ({ k: 'field', path: p }) as SelectField),
        mode,
        !when
      );
      out.values.set(key, sub);
    } else if (item.k === 'sub') {
      const rel = childRelationship(run.org, object, item.relationship);
      if (!rel)
        qfault(
          `Didn't understand relationship '${item.relationship}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
        );
      const { child, field } = rel as { child: ObjectModel; field: FieldModel };
      const children = runSubQuery(run, child, field, item.ctx, rec.values.get('id') as ApexId, mode);
      const key = item.relationship.toLowerCase();
      out.values.set(key, children);
      out.names.set(key, item.relationship);
      out.queried.add(key);
    }
  }
  return out;
}

function copyValue(v: unknown): unknown {
  return v;
}

/** True when the last relationship hop of `path` from `rec` is polymorphic (its fields are the Name object's). */
function isPolymorphicHop(run: QueryRun, rec: SObjectValue, path: Path): boolean {
  let cur: SObjectValue | null = rec;
  for (let i = 0; i < path.length - 2 && cur; i++) cur = run.parentOf(cur, path[i]);
  return !!cur && run.isPolymorphic(cur, path[path.length - 2]);
}

/** Child relationship `Aloware_Sync_Logs__r` of Lead: the child object and its lookup. Named `<RelName>s` / plural label. */
function childRelationship(
  org: Org,
  parent: ObjectModel,
  rel: string
): { child: ObjectModel; field: FieldModel } | null {
  const l = rel.toLowerCase();
  for (const o of org.objects.values()) {
    for (const f of Object.values(o.fields)) {
      if (f.type !== 'REFERENCE' && !f.metadataRelationship) continue;
      if (!f.referenceTo.some((t) => t.toLowerCase() === parent.name.toLowerCase())) continue;
      const names = new Set<string>();
      const declared = (f as FieldModel & { childRelationshipName?: string }).childRelationshipName;
      if (declared) names.add(declared.toLowerCase() + (f.custom ? '__r' : ''));
      names.add(o.labelPlural.replace(/\s+/g, '_').toLowerCase() + (o.custom ? '__r' : ''));
      names.add(o.name.replace(/__c$/i, '').toLowerCase() + 's' + (o.custom ? '__r' : ''));
      if (names.has(l)) return { child: o, field: f };
    }
  }
  return null;
}

function runSubQuery(
  run: QueryRun,
  child: ObjectModel,
  field: FieldModel,
  ctx: Ctx,
  parentId: ApexId,
  mode: string | null
): ApexList {
  const items: SelectItem[] = [];
  for (const e of ctx.subFieldList().subFieldEntry_list() as Ctx[]) {
    if (!e.fieldName()) unsupported(`${e.getText()} in a relationship sub-query`);
    const p = fieldPath(e.fieldName());
    run.resolvePath(child, p);
    items.push({ k: 'field', path: p });
  }
  const where = ctx.whereClause() ? run.cond(ctx.whereClause().whereLogicalExpression(), child) : null;
  const table = run.org.table(child.name);
  const lookup = field.type === 'REFERENCE' ? table.idsWhere(field.name.toLowerCase(), [parentId.value]) : null;
  const scope = lookup ? lookup.map((id) => table.get(id) as SObjectValue) : table.values();
  // A metadata relationship holding a name (FieldDefinition.EntityDefinitionId) points at the parent's DurableId.
  const durable = field.metadataRelationship ? findById(run.org, parentId)?.values.get('durableid') : undefined;
  const linked = (v: unknown): boolean =>
    v instanceof ApexId
      ? v.value === parentId.value
      : typeof v === 'string' && typeof durable === 'string' && v.toLowerCase() === durable.toLowerCase();
  let rows = [...scope].filter(
    (r) =>
      r.values.get('isdeleted') !== true &&
      linked(r.values.get(field.name.toLowerCase())) &&
      (!where || run.test(where, r))
  );
  if (ctx.orderByClause()) {
    const order = (ctx.orderByClause().fieldOrderList().fieldOrder_list() as Ctx[]).map((fo: Ctx) => {
      if (!fo.fieldName()) unsupported('functions in ORDER BY of a sub-query');
      const path = fieldPath(fo.fieldName());
      run.resolvePath(child, path);
      return {
        expr: { path, dateFn: null, userZone: false },
        agg: null,
        desc: !!fo.DESC(),
        nullsLast: fo.NULLS() ? !!fo.LAST() : false
      };
    });
    rows = sortRows(run, rows, order);
  }
  if (ctx.limitClause()) rows = rows.slice(0, intOf(ctx.limitClause(), run));
  run.org.limits.add('queryRows', rows.length);
  return new ApexList(
    T(child.name),
    rows.map((r) => project(run, child, r, items, mode))
  );
}

// ---------------------------------------------------------------- aggregates

function aggregateRows(
  run: QueryRun,
  object: ObjectModel,
  rows: SObjectValue[],
  items: SelectItem[],
  groupBy: FieldExpr[],
  subtotals: 'rollup' | 'cube' | null,
  having: Cond | null,
  order: OrderItem[],
  limit: number | null,
  offset: number
): ApexList {
  const sameExpr = (a: FieldExpr, b: FieldExpr): boolean =>
    a.dateFn === b.dateFn &&
    a.userZone === b.userZone &&
    a.path.join('.').toLowerCase() === b.path.join('.').toLowerCase();
  const groupIndex = (e: FieldExpr): number => groupBy.findIndex((g) => sameExpr(g, e));
  for (const i of items) {
    if (i.k === 'field' && groupIndex({ path: i.path, dateFn: i.dateFn ?? null, userZone: !!i.userZone }) < 0) {
      qfault(
        `Field must be grouped or aggregated: ${i.dateFn ? `${i.dateFn}(${i.path.join('.')})` : i.path[i.path.length - 1]}`
      );
    }
    if (i.k === 'agg' && i.fn === 'GROUPING' && groupIndex({ path: i.path as Path, dateFn: null, userZone: false }) < 0)
      qfault(`GROUPING() field must be in the GROUP BY clause: ${(i.path ?? []).join('.')}`);
    if (i.k === 'sub') qfault('A relationship sub-query cannot be used in an aggregate query');
  }
  for (const o of order) {
    if (o.expr && groupIndex(o.expr) < 0)
      qfault(`Ordered field must be grouped or aggregated: ${o.expr.path.join('.')}`);
  }

  // The grouping sets: the GROUP BY list, then (ROLLUP) its prefixes or (CUBE) every subset, the empty set last.
  const n = groupBy.length;
  let sets: number[][] = [[...Array(n).keys()]];
  if (subtotals === 'rollup') for (let k = n - 1; k >= 0; k--) sets.push([...Array(k).keys()]);
  if (subtotals === 'cube') {
    sets = [];
    for (let mask = (1 << n) - 1; mask >= 0; mask--)
      sets.push([...Array(n).keys()].filter((j) => mask & (1 << (n - 1 - j))));
  }
  const groups: GroupRow[] = [];
  for (const set of sets) {
    const bySet = new Map<string, GroupRow>();
    for (const r of rows) {
      const keys = groupBy.map((g, j) => (set.includes(j) ? run.exprValue(r, g) : null));
      const key = keys.map(groupKey).join('\u0000');
      let g = bySet.get(key);
      if (!g) {
        g = { rows: [], keys, grouping: groupBy.map((_, j) => (set.includes(j) ? 0 : 1)) };
        bySet.set(key, g);
      }
      g.rows.push(r);
    }
    // An aggregate query without GROUP BY (or a grand total) has one row even over no records.
    if (set.length === 0 && bySet.size === 0)
      bySet.set('', { rows: [], keys: groupBy.map(() => null), grouping: groupBy.map(() => 1) });
    groups.push(...bySet.values());
  }
  if (subtotals === 'rollup') {
    // Each subtotal follows the rows it totals, the grand total last (SOQL and SOSL Reference, GROUP BY ROLLUP).
    const level = (g: GroupRow): number => g.grouping.filter((x) => x === 0).length;
    const pos = new Map<GroupRow, number>(groups.map((g, i) => [g, i]));
    const firstOf = new Map<string, number>();
    for (const g of groups) {
      for (let k = 1; k <= n; k++) {
        const pre = g.keys.slice(0, k).map(groupKey).join('\u0000');
        if (level(g) >= k && !firstOf.has(`${k}:${pre}`)) firstOf.set(`${k}:${pre}`, pos.get(g) as number);
      }
    }
    const sortKey = (g: GroupRow): number[] => {
      const l = level(g);
      const out: number[] = [];
      for (let k = 1; k <= n; k++) {
        out.push(
          k <= l ? (firstOf.get(`${k}:${g.keys.slice(0, k).map(groupKey).join('\u0000')}`) as number) : Infinity
        );
      }
      return out;
    };
    groups.sort((a, b) => {
      const ka = sortKey(a);
      const kb = sortKey(b);
      for (let k = 0; k < n; k++) if (ka[k] !== kb[k]) return ka[k] < kb[k] ? -1 : 1;
      return 0;
    });
  }

  const operand = (g: GroupRow, a: AggOperand): unknown => {
    if (a.fn === 'FIELD' || a.fn === 'GROUPING') {
      const j = groupIndex({ path: a.path as Path, dateFn: null, userZone: false });
      if (j < 0)
        qfault(
          a.fn === 'FIELD'
            ? `Field must be grouped or aggregated: ${(a.path as Path).join('.')}`
            : `GROUPING() field must be in the GROUP BY clause: ${(a.path as Path).join('.')}`
        );
      return a.fn === 'FIELD' ? g.keys[j] : g.grouping[j];
    }
    return aggregate(run, { k: 'agg', fn: a.fn, path: a.path, alias: '' }, g.rows);
  };
  const testGroup = (c: Cond, g: GroupRow): boolean => {
    switch (c.k) {
      case 'and':
        return c.items.every((i) => testGroup(i, g));
      case 'or':
        return c.items.some((i) => testGroup(i, g));
      case 'not':
        return !testGroup(c.item, g);
      case 'agg':
        return compareOp(c.op, operand(g, c.agg), c.value, run.interp.user.timeZone);
      case 'cmp':
        return compareOp(c.op, operand(g, { fn: 'FIELD', path: c.expr.path }), c.value, run.interp.user.timeZone);
    }
  };
  // HAVING names only aggregates and grouped fields (SOQL and SOSL Reference, Considerations When Using HAVING).
  const checkHaving = (c: Cond): void => {
    if (c.k === 'and' || c.k === 'or') c.items.forEach(checkHaving);
    else if (c.k === 'not') checkHaving(c.item);
    else if (c.k === 'agg' && (c.agg.fn === 'FIELD' || c.agg.fn === 'GROUPING')) {
      if (groupIndex({ path: c.agg.path as Path, dateFn: null, userZone: false }) < 0)
        qfault(`Field must be grouped or aggregated: ${(c.agg.path as Path).join('.')}`);
    }
  };
  if (having) checkHaving(having);
  let results = having ? groups.filter((g) => testGroup(having, g)) : groups;
  if (order.length) {
    const keyed = results.map((g, i) => ({ g, i }));
    keyed.sort((a, b) => {
      for (const o of order) {
        const va = o.expr ? a.g.keys[groupIndex(o.expr)] : operand(a.g, o.agg as AggOperand);
        const vb = o.expr ? b.g.keys[groupIndex(o.expr)] : operand(b.g, o.agg as AggOperand);
        const c = compareForOrder(va, vb, o.desc, o.nullsLast);
        if (c) return c;
      }
      return a.i - b.i;
    });
    results = keyed.map((x) => x.g);
  }
  results = results.slice(offset, limit === null ? undefined : offset + limit);
  const onlyCounts = items.every((i) => i.k !== 'agg' || i.fn === 'COUNT' || i.fn === 'COUNT_DISTINCT');
  run.org.limits.add('queryRows', onlyCounts ? results.length : rows.length);
  return new ApexList(
    T('Schema.AggregateResult'),
    results.map((g) => {
      const values = new Map<string, unknown>();
      const names = new Map<string, string>();
      for (const i of items) {
        if (i.k === 'field') {
          const j = groupIndex({ path: i.path, dateFn: i.dateFn ?? null, userZone: !!i.userZone });
          // A grouped field is read by its alias when it has one (SOQL and SOSL Reference, Using Aliases with GROUP BY),
          // else by its field name.
          const name = i.alias ?? run.resolvePath(object, i.path).name;
          values.set(name.toLowerCase(), g.keys[j]);
          names.set(name.toLowerCase(), name);
        } else if (i.k === 'agg') {
          values.set(i.alias.toLowerCase(), operand(g, { fn: i.fn, path: i.path }));
          names.set(i.alias.toLowerCase(), i.alias);
        }
      }
      return newAggregateResult(values, names);
    })
  );
}

export function newAggregateResult(values: Map<string, unknown>, names: Map<string, string>): NativeObject {
  return new NativeObject('Schema.AggregateResult', {
    values,
    names,
    __toString: () =>
      `AggregateResult:{${[...values.entries()].map(([k, v]) => `${names.get(k) ?? k}=${str(v)}`).join(', ')}}`
  });
}

function aggregate(run: QueryRun, i: SelectAgg, rows: SObjectValue[]): unknown {
  const vals = i.path
    ? rows.map((r) => run.valueOf(r, i.path as Path)).filter((v) => v !== null && v !== undefined)
    : rows;
  switch (i.fn) {
    case 'COUNT':
      return i.path ? vals.length : rows.length;
    case 'COUNT_DISTINCT':
      return new Set(vals.map(groupKey)).size;
    case 'SUM': {
      if (!vals.length) return null;
      let s = toDecimal(0);
      for (const v of vals)
        s = new ApexDecimal(s.v.plus(toDecimal(v as Num).v), Math.max(s.scale, toDecimal(v as Num).scale));
      return s;
    }
    case 'AVG': {
      if (!vals.length) return null;
      let s = toDecimal(0).v;
      for (const v of vals) s = s.plus(toDecimal(v as Num).v);
      const avg = s.div(vals.length);
      return ApexDecimal.of(avg.toString());
    }
    case 'MIN':
    case 'MAX': {
      if (!vals.length) return null;
      let best = vals[0];
      for (const v of vals.slice(1)) {
        const c = compareValues(v, best);
        if (i.fn === 'MIN' ? c < 0 : c > 0) best = v;
      }
      return best;
    }
  }
  return qfault(`Unsupported aggregate function: ${i.fn}`);
}

function groupKey(v: unknown): string {
  if (v === null || v === undefined) return '\u0001null';
  if (typeof v === 'string') return 's' + v.toLowerCase();
  if (v instanceof ApexId) return 's' + v.value.toLowerCase();
  return 'v' + str(v);
}

// ---------------------------------------------------------------- ordering

function sortRows(
  run: QueryRun,
  rows: SObjectValue[],
  order: OrderItem[],
  first: number | null = null
): SObjectValue[] {
  // Each row's sort values are read once (a path walk per value), then compared.
  const keyed = rows.map((r, i) => ({ r, i, k: order.map((o) => sortValue(run, r, o.expr as FieldExpr)) }));
  const compare = (a: { k: unknown[] }, b: { k: unknown[] }): number => {
    for (let j = 0; j < order.length; j++) {
      const c = compareForOrder(a.k[j], b.k[j], order[j].desc, order[j].nullsLast);
      if (c) return c;
    }
    return 0;
  };
  // `ORDER BY … LIMIT n`: the first n of the order (a bounded heap, ties in table order), not a sort of every row.
  const sorted =
    first !== null && first < keyed.length
      ? topN(keyed, first, compare)
      : keyed.sort((a, b) => compare(a, b) || a.i - b.i);
  return sorted.map((x) => x.r);
}

/** A stored record's value of an ORDER BY expression (a field of the record itself read directly). */
function sortValue(run: QueryRun, rec: SObjectValue, e: FieldExpr): unknown {
  if (e.path.length === 1 && !e.dateFn) return rec.values.get(e.path[0].toLowerCase()) ?? null;
  return run.exprValue(rec, e);
}

/**
 * The rows a WHERE clause can match, in table order: through the Id (`Id = :id`, `Id IN :ids`) or a lookup
 * index (`Lead__c IN :leadIds`) when a conjunct of the clause allows it, else the whole table. Every candidate is
 * still tested against the whole clause by the caller, so the choice changes the cost, never the answer.
 */
function candidates(
  run: QueryRun,
  object: ObjectModel,
  where: Cond | null
): { rows: Iterable<SObjectValue>; narrowed: boolean } {
  const table = run.org.table(object.name);
  const conjuncts = !where ? [] : where.k === 'and' ? where.items : [where];
  let best: string[] | null = null;
  for (const c of conjuncts) {
    if (c.k !== 'cmp' || (c.op !== '=' && c.op !== 'IN') || c.expr.dateFn || c.expr.path.length !== 1) continue;
    const f = object.fields[c.expr.path[0].toLowerCase()];
    if (!f || (f.type !== 'ID' && f.type !== 'REFERENCE') || c.value instanceof DayRange) continue;
    const keys = idKeys(c.op === 'IN' ? listOf(c.value) : [c.value]);
    if (!keys) continue;
    const ids = f.type === 'ID' ? table.inOrder(keys) : table.idsWhere(f.name.toLowerCase(), keys);
    if (ids && (!best || ids.length < best.length)) best = ids;
  }
  if (!best) return { rows: table.values(), narrowed: false };
  return { rows: best.map((id) => table.get(id) as SObjectValue), narrowed: true };
}

/** When the SOQL engine reads `ORDER BY … LIMIT` through a sorted index (the tests lower `minRows` to 0). */
export const sortedIndexOptions = { enabled: true, minRows: 2000 };

/** The first ORDER BY field's values a WHERE clause can match: an interval of non-null values and/or null. */
interface KeyRange {
  lo: { v: unknown; strict: boolean } | null;
  hi: { v: unknown; strict: boolean } | null;
  values: boolean;
  nulls: boolean;
}

/**
 * `ORDER BY … LIMIT n` (every ORDER BY item a field of the object itself, the whole table a candidate, a large
 * table) through the table's sorted index for that order: the index and the position ranges, in order, that hold
 * every row the WHERE clause can match. The ranges come from a necessary condition on the first ORDER BY field
 * (`CreatedDate < :v OR (CreatedDate = :v AND Id < :id)` of a keyset page: at or before v), found by binary search;
 * every row in them is still tested against the whole clause, so the answer is the sort's, only cheaper.
 */
function sortedWalk(
  run: QueryRun,
  object: ObjectModel,
  order: OrderItem[],
  where: Cond | null,
  limit: number | null,
  offset: number
): { entries: readonly SortedEntry[]; segments: [number, number][] } | null {
  if (!sortedIndexOptions.enabled || limit === null || !order.length) return null;
  const table = run.org.table(object.name);
  if (table.size < sortedIndexOptions.minRows || offset + limit >= table.size) return null;
  const fields: string[] = [];
  for (const o of order) {
    const e = o.expr;
    if (!e || e.dateFn || e.path.length !== 1) return null;
    const f = object.fields[e.path[0].toLowerCase()];
    if (!f) return null;
    fields.push(f.name.toLowerCase());
  }
  // The Id of a stored record is never null: where its nulls would sort does not change its order.
  const spec = (flip: boolean): string =>
    order
      .map((o, i) => {
        const nulls = fields[i] === 'id' ? '' : o.nullsLast !== flip ? ' last' : ' first';
        return `${fields[i]} ${o.desc !== flip ? 'desc' : 'asc'}${nulls}`;
      })
      .join(', ');
  // With the Id among the keys no two records tie, so the reversed order is the reverse of this one's index.
  const entries = table.sorted(
    spec(false),
    fields.includes('id') ? spec(true) : null,
    (rec) => fields.map((f) => rec.values.get(f) ?? null),
    (a, b) => {
      for (let j = 0; j < order.length; j++) {
        const c = compareForOrder(a[j], b[j], order[j].desc, order[j].nullsLast);
        if (c) return c;
      }
      return 0;
    }
  );
  const n = entries.length;
  const first = order[0];
  const range = where ? keyRange(where, object.fields[fields[0]] as FieldModel) : null;
  if (!range) return { entries, segments: [[0, n]] };
  // Nulls sort first unless NULLS LAST (DESC reverses values only): the null block is a prefix or a suffix.
  const isNull = (e: SortedEntry): boolean => e.keys[0] === null;
  const nullsFirst = !first.nullsLast;
  const valuesFrom = nullsFirst ? lowerBound(entries, 0, n, (e) => !isNull(e)) : 0;
  const valuesTo = nullsFirst ? n : lowerBound(entries, 0, n, isNull);
  const cmp = (key: unknown, v: unknown): number => compareValues(key, coerceLike(key, v));
  const aboveLo = (key: unknown): boolean => !range.lo || cmp(key, range.lo.v) > (range.lo.strict ? 0 : -1);
  const belowHi = (key: unknown): boolean => !range.hi || cmp(key, range.hi.v) < (range.hi.strict ? 0 : 1);
  // Ascending, the values above the low bound are a suffix and those below the high bound a prefix; DESC swaps.
  const asc = !first.desc;
  const from = lowerBound(entries, valuesFrom, valuesTo, (e) => (asc ? aboveLo(e.keys[0]) : belowHi(e.keys[0])));
  const to = lowerBound(entries, from, valuesTo, (e) => (asc ? !belowHi(e.keys[0]) : !aboveLo(e.keys[0])));
  const segments: [number, number][] = [];
  const nullBlock: [number, number] = nullsFirst ? [0, valuesFrom] : [valuesTo, n];
  if (range.nulls && nullsFirst) segments.push(nullBlock);
  if (range.values) segments.push([from, to]);
  if (range.nulls && !nullsFirst) segments.push(nullBlock);
  return { entries, segments };
}

/** Field types whose stored values order as `<`, `<=`, `>`, `>=` and `=` compare them (one kind of value each). */
const RANGE_TYPES = new Set(['DATETIME', 'DATE', 'INTEGER', 'LONG', 'DOUBLE', 'CURRENCY', 'PERCENT']);

/**
 * A necessary condition of `c` on the values of `field`: every record `c` matches has its value in the range.
 * Null when nothing is known (any value).
 */
function keyRange(c: Cond, field: FieldModel): KeyRange | null {
  if (!RANGE_TYPES.has(field.type)) return null;
  if (c.k === 'cmp') {
    if (c.expr.dateFn || c.expr.path.length !== 1 || c.expr.path[0].toLowerCase() !== field.name.toLowerCase())
      return null;
    const v = c.value;
    if (c.op === '=' && (v === null || v === undefined)) return { lo: null, hi: null, values: false, nulls: true };
    const kind =
      field.type === 'DATETIME' || field.type === 'DATE'
        ? v instanceof ApexDatetime || v instanceof ApexDate
        : isNum(v);
    if (!kind || v instanceof DayRange) return null;
    switch (c.op) {
      case '=':
        return { lo: { v, strict: false }, hi: { v, strict: false }, values: true, nulls: false };
      case '<':
      case '<=':
        return { lo: null, hi: { v, strict: c.op === '<' }, values: true, nulls: false };
      case '>':
      case '>=':
        return { lo: { v, strict: c.op === '>' }, hi: null, values: true, nulls: false };
    }
    return null;
  }
  if (c.k === 'and') {
    let out: KeyRange | null = null;
    for (const item of c.items) {
      const r = keyRange(item, field);
      if (!r) continue;
      out = out ? intersect(out, r) : r;
    }
    return out;
  }
  if (c.k === 'or') {
    let out: KeyRange | null = null;
    for (const item of c.items) {
      const r = keyRange(item, field);
      if (!r) return null;
      out = out ? union(out, r) : r;
      if (!out) return null;
    }
    return out;
  }
  return null;
}

type Bound = KeyRange['lo'];

/** Compares two bound values of one kind; null when they are not comparable here (a Date with a Datetime). */
function compareBound(a: unknown, b: unknown): number | null {
  if (isNum(a) && isNum(b)) return compareValues(a, b);
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return compareValues(a, b);
  if (a instanceof ApexDate && b instanceof ApexDate) return compareValues(a, b);
  return null;
}

/** The tighter of two bounds (either alone is still a necessary condition when they do not compare). */
function tighter(a: Bound, b: Bound, high: boolean): Bound {
  if (!a || !b) return a ?? b;
  const c = compareBound(a.v, b.v);
  if (c === null) return a;
  if (c === 0) return { v: a.v, strict: a.strict || b.strict };
  return c < 0 === high ? a : b;
}

/** The looser of two bounds, or undefined when they do not compare (no common range). */
function looser(a: Bound, b: Bound, high: boolean): Bound | undefined {
  if (!a || !b) return null;
  const c = compareBound(a.v, b.v);
  if (c === null) return undefined;
  if (c === 0) return { v: a.v, strict: a.strict && b.strict };
  return c > 0 === high ? a : b;
}

function intersect(a: KeyRange, b: KeyRange): KeyRange {
  return {
    lo: tighter(a.lo, b.lo, false),
    hi: tighter(a.hi, b.hi, true),
    values: a.values && b.values,
    nulls: a.nulls && b.nulls
  };
}

function union(a: KeyRange, b: KeyRange): KeyRange | null {
  if (!a.values) return { ...b, nulls: b.nulls || a.nulls };
  if (!b.values) return { ...a, nulls: a.nulls || b.nulls };
  const lo = looser(a.lo, b.lo, false);
  const hi = looser(a.hi, b.hi, true);
  if (lo === undefined || hi === undefined) return null;
  return { lo, hi, values: true, nulls: a.nulls || b.nulls };
}

/** 18-character Id values of the values compared with an Id field, or null when one of them is not an Id. */
function idKeys(values: unknown[]): string[] | null {
  const keys: string[] = [];
  for (const v of values) {
    const id = v instanceof ApexId ? v : typeof v === 'string' ? ApexId.parse(v) : null;
    if (!id) return null;
    keys.push(id.value);
  }
  return keys;
}

/** ORDER BY: ascending, nulls first by default; DESC reverses values only (SOQL and SOSL Reference, ORDER BY). */
function compareForOrder(a: unknown, b: unknown, desc: boolean, nullsLast: boolean): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) {
    if (an && bn) return 0;
    return (an ? -1 : 1) * (nullsLast ? -1 : 1);
  }
  const c = compareValues(a, b);
  return desc ? -c : c;
}

/** Value order: numbers by value, text case-insensitively, dates by instant, booleans false < true. */
export function compareValues(a: unknown, b: unknown): number {
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return Math.sign(a.ms - b.ms);
  if (isNum(a) && isNum(b)) return Math.sign(compareNumbers(a, b));
  if (a instanceof ApexDate && b instanceof ApexDate) return Math.sign(a.epochDay - b.epochDay);
  if ((a instanceof ApexDate || a instanceof ApexDatetime) && (b instanceof ApexDate || b instanceof ApexDatetime))
    return Math.sign(ms(a) - ms(b));
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const x = text(a).toLowerCase();
  const y = text(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

const ms = (d: ApexDate | ApexDatetime): number => (d instanceof ApexDate ? d.epochDay * 86400000 : d.ms);

function isNum(v: unknown): v is Num {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDouble || v instanceof ApexDecimal;
}

function text(v: unknown): string {
  if (v instanceof ApexId) return v.value;
  return str(v);
}

// ---------------------------------------------------------------- comparison operators

function compareOp(op: string, field: unknown, value: unknown, tz: string): boolean {
  const isNull = field === null || field === undefined;
  if (op === 'IN' || op === 'NOT IN') {
    const list = listOf(value);
    const hit = list.some((v) => equalsValue(field, v, tz));
    return op === 'IN' ? hit : !hit;
  }
  if (op === 'INCLUDES' || op === 'EXCLUDES') {
    const have = new Set(
      isNull
        ? []
        : str(field)
            .split(';')
            .map((s) => s.trim().toLowerCase())
    );
    const hit = listOf(value).some((v) =>
      str(v)
        .split(';')
        .map((s) => s.trim().toLowerCase())
        .every((p) => have.has(p))
    );
    return op === 'INCLUDES' ? hit : !hit;
  }
  if (op === 'LIKE') {
    if (isNull || value === null) return false;
    return likeRegex(str(value)).test(text(field));
  }
  if (op === 'NOT LIKE') {
    if (isNull || value === null) return true;
    return !likeRegex(str(value)).test(text(field));
  }
  if (op === '=') return equalsValue(field, value, tz);
  if (op === '!=') return !equalsValue(field, value, tz);
  if (isNull || value === null || value === undefined) return false;
  if (value instanceof DayRange) {
    const [start, end] = rangeBounds(field, value, tz);
    const x = field instanceof ApexDate ? field.epochDay : ms(field as ApexDatetime);
    switch (op) {
      case '<':
        return x < start;
      case '<=':
        return x < end;
      case '>':
        return x >= end;
      case '>=':
        return x >= start;
    }
    return false;
  }
  const c = compareValues(field, coerceLike(field, value));
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
  return qfault(`unexpected token: '${op}'`);
}

function listOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  // A list of records bound to IN stands for their Ids (Apex Developer Guide, Using Apex Variables in SOQL).
  if (v instanceof ApexList) return v.items.map((x) => (x instanceof SObjectValue ? (x.values.get('id') ?? null) : x));
  if (v instanceof ApexSet) return [...v.map.values()];
  if (v instanceof ApexMap) return [...v.map.values()].map(([k]) => k);
  return [v];
}

/** A date formula's [start, end) in the field's unit: epoch days for Date fields, ms for Datetime fields (user's zone). */
function rangeBounds(field: unknown, r: DayRange, tz: string): [number, number] {
  if (field instanceof ApexDate) return [r.start, r.end];
  const s = ApexDate.fromEpochDay(r.start);
  const e = ApexDate.fromEpochDay(r.end);
  return [
    epochOfLocal({ year: s.year, month: s.month, day: s.day }, tz),
    epochOfLocal({ year: e.year, month: e.month, day: e.day }, tz)
  ];
}

function coerceLike(field: unknown, value: unknown): unknown {
  if (field instanceof ApexDatetime && value instanceof ApexDate) return dateAsDatetime(value);
  if (field instanceof ApexDate && value instanceof ApexDatetime)
    return ApexDate.fromEpochDay(Math.floor(value.ms / 86400000));
  return value;
}

function equalsValue(field: unknown, value: unknown, tz: string): boolean {
  // The platform keeps no empty text: '' compares as null (`WHERE NamespacePrefix = ''` finds the null ones).
  const fn = field === null || field === undefined || field === '';
  const vn = value === null || value === undefined || value === '';
  if (fn || vn) return fn && vn;
  if (value instanceof DayRange) {
    const [start, end] = rangeBounds(field, value, tz);
    const x = field instanceof ApexDate ? field.epochDay : field instanceof ApexDatetime ? field.ms : NaN;
    return x >= start && x < end;
  }
  if (field instanceof ApexId || value instanceof ApexId) {
    const a = field instanceof ApexId ? field : ApexId.parse(text(field));
    const b = value instanceof ApexId ? value : ApexId.parse(text(value));
    if (a && b) return a.value === b.value;
    return text(field).toLowerCase() === text(value).toLowerCase();
  }
  if (typeof field === 'boolean' || typeof value === 'boolean') return field === value;
  if (isNum(field) && isNum(value)) return compareNumbers(field, value) === 0;
  if (isNum(field) && typeof value === 'string') return str(field) === value;
  if (
    (field instanceof ApexDate || field instanceof ApexDatetime) &&
    (value instanceof ApexDate || value instanceof ApexDatetime)
  ) {
    return compareValues(field, coerceLike(field, value)) === 0;
  }
  return text(field).toLowerCase() === text(value).toLowerCase();
}

/** LIKE: `%` any run, `_` one character, `\%` `\_` literal; case-insensitive (SOQL and SOSL Reference, Comparison Operators). */
const likeCache = new Map<string, RegExp>();

function likeRegex(pattern: string): RegExp {
  let cached = likeCache.get(pattern);
  if (!cached) {
    if (likeCache.size > 1000) likeCache.clear();
    cached = compileLike(pattern);
    likeCache.set(pattern, cached);
  }
  return cached;
}

function compileLike(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRe(pattern[++i]);
    } else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, 'i');
}

const escapeRe = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// ---------------------------------------------------------------- literals

function parseDate(t: string): ApexDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return qfault(`line 1:0 no viable alternative at character '${t}'`);
  return new ApexDate(+m[1], +m[2], +m[3]);
}

/** `2024-03-05T10:00:00Z`, `…T10:00:00.000+05:30`, `…T10:00:00-0800`. */
function parseDatetime(t: string): ApexDatetime {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|([+-])(\d{2}):?(\d{2}))$/i.exec(t);
  if (!m) return qfault(`invalid date time: ${t}`);
  let ms0 = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], m[7] ? +m[7].padEnd(3, '0') : 0);
  if (m[8].toUpperCase() !== 'Z') {
    const off = (+m[10] * 60 + +m[11]) * 60000;
    ms0 -= m[9] === '+' ? off : -off;
  }
  return new ApexDatetime(ms0);
}

/** Date formulas (SOQL and SOSL Reference, Date Formats and Date Literals): local-day ranges [start, end). Weeks start on Sunday (en_US); fiscal = calendar. */
export function formulaRange(name: string, n: number, today: ApexDate): DayRange {
  const t = today.epochDay;
  const dow = (t + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  const weekStart = t - dow;
  const monthStart = (y: number, m: number): number => Math.floor(Date.UTC(y, m - 1, 1) / 86400000);
  const y = today.year;
  const mo = today.month;
  const q = Math.floor((mo - 1) / 3);
  const name2 = name.replace('_FISCAL', '');
  switch (name2) {
    case 'YESTERDAY':
      return new DayRange(t - 1, t);
    case 'TODAY':
      return new DayRange(t, t + 1);
    case 'TOMORROW':
      return new DayRange(t + 1, t + 2);
    case 'LAST_WEEK':
      return new DayRange(weekStart - 7, weekStart);
    case 'THIS_WEEK':
      return new DayRange(weekStart, weekStart + 7);
    case 'NEXT_WEEK':
      return new DayRange(weekStart + 7, weekStart + 14);
    case 'LAST_MONTH':
      return new DayRange(monthStart(y, mo - 1), monthStart(y, mo));
    case 'THIS_MONTH':
      return new DayRange(monthStart(y, mo), monthStart(y, mo + 1));
    case 'NEXT_MONTH':
      return new DayRange(monthStart(y, mo + 1), monthStart(y, mo + 2));
    case 'LAST_90_DAYS':
      return new DayRange(t - 90, t + 1);
    case 'NEXT_90_DAYS':
      return new DayRange(t + 1, t + 91);
    case 'LAST_N_DAYS':
      return new DayRange(t - n, t + 1);
    case 'NEXT_N_DAYS':
      return new DayRange(t + 1, t + n + 1);
    case 'N_DAYS_AGO':
      return new DayRange(t - n, t - n + 1);
    case 'LAST_N_WEEKS':
      return new DayRange(weekStart - 7 * n, weekStart);
    case 'NEXT_N_WEEKS':
      return new DayRange(weekStart + 7, weekStart + 7 * (n + 1));
    case 'N_WEEKS_AGO':
      return new DayRange(weekStart - 7 * n, weekStart - 7 * n + 7);
    case 'LAST_N_MONTHS':
      return new DayRange(monthStart(y, mo - n), monthStart(y, mo));
    case 'NEXT_N_MONTHS':
      return new DayRange(monthStart(y, mo + 1), monthStart(y, mo + 1 + n));
    case 'N_MONTHS_AGO':
      return new DayRange(monthStart(y, mo - n), monthStart(y, mo - n + 1));
    case 'THIS_QUARTER':
      return new DayRange(monthStart(y, q * 3 + 1), monthStart(y, q * 3 + 4));
    case 'LAST_QUARTER':
      return new DayRange(monthStart(y, q * 3 - 2), monthStart(y, q * 3 + 1));
    case 'NEXT_QUARTER':
      return new DayRange(monthStart(y, q * 3 + 4), monthStart(y, q * 3 + 7));
    case 'LAST_N_QUARTERS':
      return new DayRange(monthStart(y, q * 3 + 1 - 3 * n), monthStart(y, q * 3 + 1));
    case 'NEXT_N_QUARTERS':
      return new DayRange(monthStart(y, q * 3 + 4), monthStart(y, q * 3 + 4 + 3 * n));
    case 'N_QUARTERS_AGO':
      return new DayRange(monthStart(y, q * 3 + 1 - 3 * n), monthStart(y, q * 3 + 4 - 3 * n));
    case 'THIS_YEAR':
      return new DayRange(monthStart(y, 1), monthStart(y + 1, 1));
    case 'LAST_YEAR':
      return new DayRange(monthStart(y - 1, 1), monthStart(y, 1));
    case 'NEXT_YEAR':
      return new DayRange(monthStart(y + 1, 1), monthStart(y + 2, 1));
    case 'LAST_N_YEARS':
      return new DayRange(monthStart(y - n, 1), monthStart(y, 1));
    case 'NEXT_N_YEARS':
      return new DayRange(monthStart(y + 1, 1), monthStart(y + 1 + n, 1));
    case 'N_YEARS_AGO':
      return new DayRange(monthStart(y - n, 1), monthStart(y - n + 1, 1));
  }
  return qfault(`Invalid date literal: ${name}`);
}

// ---------------------------------------------------------------- helpers

function children(ctx: Ctx): Ctx[] {
  return ctx.children ?? [];
}

function fieldPath(ctx: Ctx): Path {
  return (ctx.soqlId_list() as Ctx[]).map((s: Ctx) => s.getText() as string);
}

/** The stored record with this Id, in any table (the object from the key prefix). */
export function findById(org: Org, id: ApexId): SObjectValue | null {
  const model = org.objectByPrefix(id.prefix);
  if (model) return org.table(model.name).get(id.value) ?? null;
  for (const t of org.tables.values()) {
    const r = t.get(id.value);
    if (r) return r;
  }
  return null;
}

/**
 * Assigning a query result to a single SObject variable (Apex Developer Guide, SOQL and SOSL Queries): exactly one
 * row, else `System.QueryException: List has no rows for assignment to SObject` / `List has more than 1 row for
 * assignment to SObject`. The interpreter calls this when it assigns an inline query's list to an SObject-typed target.
 */
export function toSingleRecord(list: ApexList): SObjectValue {
  if (list.items.length === 0) throw fault('System.QueryException', 'List has no rows for assignment to SObject');
  if (list.items.length > 1) throw fault('System.QueryException', 'List has more than 1 row for assignment to SObject');
  return list.items[0] as SObjectValue;
}
