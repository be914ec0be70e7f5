/**
 * The Apex interpreter: executes the syntax tree of our classes with Apex's semantics (see README for what is and
 * is not modelled). One Interpreter holds the loaded classes; static state lives in a Transaction-scoped store
 * that the test runner replaces for every test method.
 */
import type { Expr, FieldDecl, MethodDecl, PropertyDecl, Stmt, TypeDecl, TypeRef } from '../parse/ast';
import {
  fault,
  RuntimeFault,
  setNativeText,
  str,
  objText,
  looseEquals,
  keyOf,
  arith,
  compareNumbers,
  negate,
  toDecimal,
  toDouble,
  toLong,
  toInteger,
  dateAsDatetime
} from './ops';
import type { Num } from './ops';
import { builtinKey, Registry } from './registry';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexId,
  ITERATING,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  EnumValue,
  NativeObject,
  RType,
  SObjectValue,
  T,
  TypeValue,
  OBJECT,
  isNumber,
  typeName
} from './values';
import Decimal from 'decimal.js';

// ------------------------------------------------------------------ classes

export class ClassInfo {
  readonly lname: string;
  /** The last segment of `lname` (an inner class's own name). */
  readonly simpleLname: string;
  readonly methods = new Map<string, MethodDecl[]>();
  readonly fields = new Map<string, FieldDecl>();
  readonly properties = new Map<string, PropertyDecl>();
  readonly inner = new Map<string, ClassInfo>();
  superclass: ClassInfo | null | undefined = undefined;
  interfaces: ClassInfo[] | undefined = undefined;
  /** Native interfaces (Comparable, Queueable, HttpCalloutMock, …) this class implements. */
  nativeInterfaces: string[] = [];
  enumValues: EnumValue[] = [];
  isException = false;

  constructor(
    readonly name: string,
    readonly decl: TypeDecl | null,
    /** Top-level class name (file), for stack traces and coverage. */
    readonly file: string,
    readonly outer: ClassInfo | null,
    /** Builtin exceptions: the parent's name. */
    readonly builtinParent: string | null = null
  ) {
    this.lname = name.toLowerCase();
    this.simpleLname = this.lname.slice(this.lname.lastIndexOf('.') + 1);
    if (decl) {
      for (const m of decl.methods) {
        const key = m.name.toLowerCase();
        const list = this.methods.get(key) ?? [];
        list.push(m);
        this.methods.set(key, list);
      }
      for (const f of decl.fields) this.fields.set(f.name.toLowerCase(), f);
      for (const p of decl.properties) this.properties.set(p.name.toLowerCase(), p);
      this.enumValues = decl.enumValues.map((v, i) => new EnumValue(name, v, i));
    }
  }

  get isInterface(): boolean {
    return this.decl?.kind === 'interface';
  }
  get isEnum(): boolean {
    return this.decl?.kind === 'enum';
  }
  get isTest(): boolean {
    return !!this.decl?.annotations.some((a) => a.name.toLowerCase() === 'istest');
  }
  get sharing(): 'with' | 'without' | 'inherited' | null {
    const m = this.decl?.modifiers;
    if (!m) return null;
    if (m.has('with sharing')) return 'with';
    if (m.has('without sharing')) return 'without';
    if (m.has('inherited sharing')) return 'inherited';
    return null;
  }
}

// ------------------------------------------------------------------ control flow

/** A thrown Apex exception: the exception object. */
export class ApexThrow {
  constructor(public readonly exception: ApexObject) {}
}

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;

class Scope {
  readonly vars = new Map<string, { value: unknown; type: RType }>();
  constructor(readonly parent: Scope | null) {}

  lookup(name: string): { value: unknown; type: RType } | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let s: Scope | null = this;
    while (s) {
      const v = s.vars.get(name);
      if (v) return v;
      s = s.parent;
    }
    return undefined;
  }
}

/** What constructing an instance of a class sets up before its constructor body (`instanceInitPlan`). */
interface InstanceInitPlan {
  readonly names: string[];
  readonly initializers: ({ k: 'field'; decl: FieldDecl; init: Expr } | { k: 'block'; body: Stmt })[];
}

/** Where a field or property lives: its declaring class, the instance (null: a static) and its lower-case name. */
interface MemberRef {
  readonly cls: ClassInfo;
  readonly self: ApexObject | null;
  readonly key: string;
}

/** An instance field seen as `{ value }`: the backing variable inside a property's accessors. */
class InstanceFieldHolder {
  constructor(
    private readonly self: ApexObject,
    private readonly key: string
  ) {}

  get value(): unknown {
    return this.self.fields.get(this.key);
  }

  set value(v: unknown) {
    this.self.fields.set(this.key, v);
  }
}

export class Frame {
  line = 0;
  returnValue: unknown = null;
  constructor(
    readonly cls: ClassInfo,
    readonly self: ApexObject | null,
    readonly method: string,
    public scope: Scope
  ) {}
}

/** A name that denotes a type or namespace while resolving `a.b.c`. */
class Namespace {
  constructor(readonly name: string) {}
}

const PRIMITIVES: Record<string, string> = {
  integer: 'Integer',
  long: 'Long',
  double: 'Double',
  decimal: 'Decimal',
  string: 'String',
  boolean: 'Boolean',
  id: 'Id',
  date: 'Date',
  datetime: 'Datetime',
  time: 'Time',
  blob: 'Blob',
  object: 'Object',
  sobject: 'SObject',
  list: 'List',
  set: 'Set',
  map: 'Map',
  void: 'void'
};

const NUMERIC_TYPES = new Set(['Integer', 'Long', 'Double', 'Decimal']);

/** Platform calls whose declared result type is Object (`JSON.deserializeUntyped`, `record.get`, …), lower case. */
const OBJECT_RESULT_STATICS = new Set(['json.deserializeuntyped', 'json.deserialize', 'json.deserializestrict']);
const OBJECT_RESULT_METHODS = new Set(['get', 'put', 'readvalueas', 'readvalueasstrict', 'newinstance']);

const NAMESPACES = new Set([
  'system',
  'schema',
  'database',
  'messaging',
  'auth',
  'metadata',
  'connectapi',
  'dom',
  'reports',
  'approval',
  'cache',
  'canvas',
  'flow',
  'kbmanagement',
  'process',
  'search',
  'sfc',
  'site',
  'support',
  'txnsecurity',
  'userprovisioning',
  'eventbus',
  'invocable',
  'functions',
  'commercepayments',
  'dataweave',
  'ftest',
  'slack'
]);

/** Hooks the data layer, test runner and platform services plug into. */
export interface Platform {
  /** Object API name by lower-case name, or undefined. */
  objectName(name: string): string | undefined;
  /** Field API name of an object by lower-case name, or undefined. */
  fieldName(object: string, field: string): string | undefined;
  /** A new SObject (with field defaults when `defaults`). */
  newSObject(object: string, defaults: boolean): SObjectValue;
  /** Inline SOQL with evaluated binds. */
  query(text: string, binds: Map<string, unknown>, interp: Interpreter): unknown;
  dml(
    op: string,
    target: unknown,
    options: { externalId: string | null; accessLevel: 'user' | 'system' | null; second: unknown },
    interp: Interpreter
  ): unknown;
  runAs(user: unknown, body: () => void, interp: Interpreter): void;
  /** Called once per executed statement (line coverage, CPU estimate). */
  onStatement?(file: string, line: number): void;
  /** A call of an `@future` method: the platform queues it (returns true) instead of running it now. */
  onFutureCall?(cls: ClassInfo, method: MethodDecl, args: unknown[], interp: Interpreter): boolean;
}

export interface TransactionState {
  statics: Map<ClassInfo, Map<string, { value: unknown; type: RType }>>;
  initialized: Set<ClassInfo>;
}

export class Interpreter {
  readonly classes = new Map<string, ClassInfo>();
  readonly stack: Frame[] = [];
  state: TransactionState = { statics: new Map(), initialized: new Set() };
  platform!: Platform;
  /** Running user's locale and time zone (the platform layer sets them). */
  user = { timeZone: 'America/Los_Angeles', locale: 'en_US', language: 'en_US' };
  /** Frozen clock for tests (ms since epoch) or null for the real clock. */
  clock: number | null = null;
  private readonly typeCache = new WeakMap<TypeRef, Map<ClassInfo | null, RType>>();
  private readonly instanceInitPlans = new WeakMap<ClassInfo, InstanceInitPlan>();
  /** `classByName` by the name as spelled (null: no such class); emptied when a class is registered. */
  private readonly classesByName = new Map<string, ClassInfo | null>();
  /** Objects made by `Test.createStub`: every instance method call goes to the stub provider (stdlib/stubs.ts). */
  readonly stubs = new WeakMap<ApexObject, (name: string, args: unknown[]) => unknown>();

  constructor(readonly registry: Registry) {
    setNativeText((v) => {
      const fn = this.registry.findMethod(v.type, 'toString');
      return fn ? str(fn({ interp: this, self: v }, [])) : undefined;
    });
  }

  now(): number {
    return this.clock ?? Date.now();
  }

  // ---------------------------------------------------------------- loading

  addClass(decl: TypeDecl, file: string, outer: ClassInfo | null = null): ClassInfo {
    const name = outer ? `${outer.name}.${decl.name}` : decl.name;
    const info = new ClassInfo(name, decl, file, outer);
    this.classesByName.clear();
    if (outer) outer.inner.set(decl.name.toLowerCase(), info);
    else this.classes.set(info.lname, info);
    for (const inner of decl.inner) this.addClass(inner, file, info);
    return info;
  }

  resetTransaction(): void {
    this.state = { statics: new Map(), initialized: new Set() };
  }

  // ---------------------------------------------------------------- type resolution

  /** Resolves a written type in the context of a class (inner classes first, then outer, then top level). */
  resolveType(ref: TypeRef, ctx: ClassInfo | null): RType {
    let byCtx = this.typeCache.get(ref);
    if (!byCtx) {
      byCtx = new Map();
      this.typeCache.set(ref, byCtx);
    }
    const cached = byCtx.get(ctx);
    if (cached) return cached;
    let t = this.resolveTypeUncached(ref, ctx);
    for (let i = 0; i < ref.arrayDims; i++) t = T('List', t);
    byCtx.set(ctx, t);
    return t;
  }

  private resolveTypeUncached(ref: TypeRef, ctx: ClassInfo | null): RType {
    const args = ref.args.map((a) => this.resolveType(a, ctx));
    const name = this.resolveTypeName(ref.names, ctx);
    if (!name) throw fault('System.TypeException', `Invalid type: ${ref.names.join('.')}`);
    return { name, args };
  }

  /** Canonical name of a dotted type name, or null. */
  resolveTypeName(names: string[], ctx: ClassInfo | null): string | null {
    const parts = names.map((n) => n.toLowerCase());
    if (parts.length === 1 && PRIMITIVES[parts[0]]) return PRIMITIVES[parts[0]];
    if (parts.length === 2 && parts[0] === 'system' && PRIMITIVES[parts[1]]) return PRIMITIVES[parts[1]];
    const user = this.findClass(parts, ctx);
    if (user) return user.name;
    if (parts.length === 1) {
      const o = this.platform?.objectName(parts[0]);
      if (o) return o;
    }
    if (parts.length === 2 && parts[0] === 'schema') {
      const o = this.platform?.objectName(parts[1]);
      if (o) return o;
    }
    const builtin = this.registry.lookupType(names.join('.'));
    if (builtin) return builtin.name;
    return null;
  }

  findClass(parts: string[], ctx: ClassInfo | null): ClassInfo | null {
    let first: ClassInfo | null = null;
    // Inner classes visible from the context: own, outer's, and superclasses'.
    for (let c: ClassInfo | null = ctx; c && !first; c = c.outer) {
      for (let s: ClassInfo | null = c; s && !first; s = this.superOf(s)) {
        first = s.inner.get(parts[0]) ?? null;
      }
      if (!first && c.simpleLname === parts[0]) first = c;
    }
    if (!first) first = this.classes.get(parts[0]) ?? null;
    if (!first) return null;
    let cur: ClassInfo | null = first;
    for (const p of parts.slice(1)) {
      cur = cur?.inner.get(p) ?? null;
    }
    return cur;
  }

  classByName(name: string): ClassInfo | null {
    let found = this.classesByName.get(name);
    if (found === undefined) {
      found = this.findClass(name.toLowerCase().split('.'), null);
      this.classesByName.set(name, found);
    }
    return found;
  }

  superOf(c: ClassInfo): ClassInfo | null {
    if (c.superclass !== undefined) return c.superclass;
    c.superclass = null;
    const ext = c.decl?.extendsType;
    if (ext) {
      const parts = ext.names.map((n) => n.toLowerCase());
      const found = this.findClass(parts, c.outer ?? c);
      if (found) c.superclass = found;
      else {
        const name = ext.names.join('.');
        const builtin = this.registry.lookupType(name);
        if (builtin?.exceptionParent !== undefined || builtinKey(name) === 'exception') {
          c.superclass = this.builtinExceptionClass(builtin ? builtin.name : 'Exception');
        } else {
          // A platform class extended by a user class (a test's DeployCallbackContext): instanceof and native methods.
          c.nativeInterfaces.push(builtinKey(name));
        }
      }
    }
    if (c.superclass) {
      this.superOf(c.superclass);
      if (c.superclass.isException) c.isException = true;
    }
    return c.superclass;
  }

  interfacesOf(c: ClassInfo): ClassInfo[] {
    if (c.interfaces) return c.interfaces;
    c.interfaces = [];
    for (const ref of c.decl?.implementsTypes ?? []) {
      const found = this.findClass(
        ref.names.map((n) => n.toLowerCase()),
        c.outer ?? c
      );
      if (found) c.interfaces.push(found);
      else c.nativeInterfaces.push(builtinKey(ref.names.join('.')));
    }
    return c.interfaces;
  }

  private readonly builtinExceptions = new Map<string, ClassInfo>();

  /** The class record of a platform exception type (`System.NullPointerException`), created on first use. */
  builtinExceptionClass(name: string): ClassInfo {
    const t = this.registry.lookupType(name);
    const canonical = t ? t.name : name;
    const key = builtinKey(canonical);
    let info = this.builtinExceptions.get(key);
    if (!info) {
      const parent = key === 'exception' ? null : (t?.exceptionParent ?? 'Exception');
      info = new ClassInfo(canonical, null, canonical, null, parent);
      info.isException = true;
      info.superclass = parent ? this.builtinExceptionClass(parent) : null;
      info.interfaces = [];
      this.builtinExceptions.set(key, info);
    }
    return info;
  }

  /** Is class `c` the class `target` or a subclass / implementation of it? */
  isSubclass(c: ClassInfo, target: ClassInfo): boolean {
    for (let s: ClassInfo | null = c; s; s = this.superOf(s)) {
      if (s === target) return true;
      for (const i of this.interfacesOf(s)) if (this.isSubclass(i, target)) return true;
    }
    return false;
  }

  implementsNative(c: ClassInfo, iface: string): boolean {
    const key = builtinKey(iface);
    for (let s: ClassInfo | null = c; s; s = this.superOf(s)) {
      this.interfacesOf(s);
      if (s.nativeInterfaces.includes(key)) return true;
      for (const i of s.interfaces ?? []) if (this.implementsNative(i, key)) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- exceptions

  /** A new exception object of a platform or user exception type. */
  newException(typeNameText: string, message: string | null, cause: ApexObject | null = null): ApexObject {
    const cls = this.classByName(typeNameText) ?? this.builtinExceptionClass(typeNameText);
    const e = new ApexObject(cls);
    this.initException(e, message, cause);
    return e;
  }

  initException(e: ApexObject, message: string | null, cause: ApexObject | null): void {
    e.fields.set('$message', message);
    e.fields.set('$cause', cause);
    e.fields.set('$stack', this.stackTrace());
    e.fields.set('$line', this.stack.length ? this.stack[this.stack.length - 1].line : 0);
  }

  stackTrace(): string {
    const lines: string[] = [];
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i];
      lines.push(`Class.${f.cls.name}.${f.method}: line ${f.line}, column 1`);
    }
    return lines.join('\n');
  }

  /** Throws an Apex exception of a platform type from native code. */
  throwFault(type: string, message: string): never {
    throw fault(type, message);
  }

  /** Converts a runtime fault into a thrown Apex exception, at the current frame. */
  materialize(err: unknown): unknown {
    if (err instanceof RuntimeFault) return new ApexThrow(this.newException(err.type, err.message));
    return err;
  }

  exceptionTypeName(e: ApexObject): string {
    return e.cls.name;
  }

  // ---------------------------------------------------------------- statics

  private staticsOf(cls: ClassInfo): Map<string, { value: unknown; type: RType }> {
    let m = this.state.statics.get(cls);
    if (!m) {
      m = new Map();
      this.state.statics.set(cls, m);
    }
    if (!this.state.initialized.has(cls)) this.initStatics(cls, m);
    return m;
  }

  /** Runs a class's static initialisers (once per transaction, on first use), outer and super classes first. */
  private initStatics(cls: ClassInfo, m: Map<string, { value: unknown; type: RType }>): void {
    this.state.initialized.add(cls);
    const sup = this.superOf(cls);
    if (sup) this.staticsOf(sup);
    if (!cls.decl) return;
    for (const f of cls.decl.fields) {
      if (f.modifiers.has('static')) m.set(f.name.toLowerCase(), { value: null, type: this.resolveType(f.type, cls) });
    }
    for (const p of cls.decl.properties) {
      if (p.modifiers.has('static')) m.set(p.name.toLowerCase(), { value: null, type: this.resolveType(p.type, cls) });
    }
    const frame = new Frame(cls, null, '<clinit>', new Scope(null));
    this.stack.push(frame);
    try {
      for (const init of cls.decl.initializers) {
        if (init.k === 'field' && init.decl.modifiers.has('static') && init.decl.init) {
          frame.line = init.decl.line;
          this.hit(cls, init.decl.line);
          const slot = m.get(init.decl.name.toLowerCase()) as { value: unknown; type: RType };
          slot.value = this.coerce(this.evalCatching(init.decl.init, frame), slot.type);
        } else if (init.k === 'block' && init.isStatic) {
          this.execBody(init.body, frame);
        }
      }
    } finally {
      this.stack.pop();
    }
  }

  // ---------------------------------------------------------------- invocation

  /** Calls a static method of a user class by name (test runner, REST, async jobs). */
  callStatic(cls: ClassInfo, name: string, args: unknown[]): unknown {
    this.staticsOf(cls);
    const m = this.selectMethod(cls, name, args, true);
    if (!m) throw fault('System.NoSuchMethodException', `Method does not exist: ${cls.name}.${name}`);
    return this.invoke(m.cls, m.method, null, args);
  }

  /** Calls an instance method with virtual dispatch (async jobs, interfaces called by the platform). */
  callMethod(self: ApexObject, name: string, args: unknown[]): unknown {
    const m = this.selectMethod(self.cls, name, args, false);
    if (!m) throw fault('System.NoSuchMethodException', `Method does not exist: ${self.cls.name}.${name}`);
    return this.invoke(m.cls, m.method, self, args);
  }

  hasMethod(cls: ClassInfo, name: string): boolean {
    for (let s: ClassInfo | null = cls; s; s = this.superOf(s)) if (s.methods.has(name.toLowerCase())) return true;
    return false;
  }

  /** Finds the method for a call: by name and arity, then by argument types; walks superclasses. */
  selectMethod(
    cls: ClassInfo,
    name: string,
    args: unknown[],
    staticOnly: boolean
  ): { cls: ClassInfo; method: MethodDecl } | null {
    const key = name.toLowerCase();
    for (let s: ClassInfo | null = cls; s; s = this.superOf(s)) {
      const candidates = s.methods.get(key);
      if (!candidates) continue;
      const m = this.pickOverload(
        s,
        candidates.filter((c) => c.params.length === args.length && (!staticOnly || c.modifiers.has('static'))),
        args,
        this.callHints?.args === args ? this.callHints.types : undefined
      );
      if (m) return { cls: s, method: m };
    }
    // Interfaces' methods have no body; only reached for abstract dispatch errors.
    return null;
  }

  /**
   * Static types of the cast arguments of the call being dispatched (`m((String) null)`), by the arguments' array:
   * a null argument fits a parameter by the type it was cast to, as the compiler chooses the overload (Apex Developer
   * Guide, Using Overloaded Methods: the parameter types decide).
   */
  private callHints: { args: unknown[]; types: (RType | undefined)[] } | null = null;

  private hintCasts(exprs: Expr[], args: unknown[], frame: Frame): void {
    if (!exprs.some((a) => a.k === 'cast')) return;
    this.callHints = {
      args,
      types: exprs.map((a, i) => (a.k === 'cast' && args[i] === null ? this.resolveType(a.type, frame.cls) : undefined))
    };
  }

  pickOverload(
    cls: ClassInfo,
    candidates: MethodDecl[],
    args: unknown[],
    hints?: (RType | undefined)[]
  ): MethodDecl | null {
    if (candidates.length === 0) return null;
    if (candidates.length === 1) return candidates[0];
    let best: MethodDecl | null = null;
    let bestScore = -1;
    for (const c of candidates) {
      let score = 0;
      let ok = true;
      for (let i = 0; i < args.length; i++) {
        const t = this.resolveType(c.params[i].type, cls);
        const hint = hints?.[i];
        const s = hint ? this.hintScore(hint, t) : this.matchScore(args[i], t);
        if (s < 0) {
          ok = false;
          break;
        }
        score += s;
      }
      if (ok && score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best ?? candidates[0];
  }

  /** How well a null cast to `hint` fits a parameter type: 3 same type, 2 a supertype, 1 Object, -1 no. */
  private hintScore(hint: RType, t: RType): number {
    if (typeName(hint).toLowerCase() === typeName(t).toLowerCase()) return 3;
    if (t.name === 'Object') return 1;
    const sub = this.classByName(hint.name);
    const sup = this.classByName(t.name);
    if (sub && sup && this.isSubclass(sub, sup)) return 2;
    return -1;
  }

  /** How well a value fits a parameter type: 3 exact, 2 widening, 1 Object/supertype, -1 no. */
  private matchScore(v: unknown, t: RType): number {
    if (v === null || v === undefined) return 1;
    const n = t.name;
    const actual = this.runtimeTypeName(v);
    if (actual.toLowerCase() === n.toLowerCase()) return 3;
    if (n === 'Object') return 1;
    if (typeof v === 'number' && (n === 'Long' || n === 'Double' || n === 'Decimal')) return 2;
    if (typeof v === 'bigint' && (n === 'Double' || n === 'Decimal')) return 2;
    if (v instanceof ApexDate && n === 'Datetime') return 2;
    if (typeof v === 'string' && n === 'Id') return ApexId.parse(v) ? 1 : -1;
    if (v instanceof ApexId && n === 'String') return 2;
    if (this.isInstance(v, t)) return 2;
    return -1;
  }

  invoke(cls: ClassInfo, method: MethodDecl, self: ApexObject | null, args: unknown[], direct = false): unknown {
    if (
      !direct &&
      method.annotations.length > 0 &&
      this.platform?.onFutureCall &&
      method.annotations.some((a) => a.name.toLowerCase() === 'future')
    ) {
      if (this.platform.onFutureCall(cls, method, args, this)) return null;
    }
    if (!method.body) {
      throw fault('System.UnexpectedException', `Abstract method called: ${cls.name}.${method.name}`);
    }
    if (this.stack.length > 1000) throw fault('System.LimitException', 'Maximum stack depth reached: 1001');
    const scope = new Scope(null);
    for (let i = 0; i < method.params.length; i++) {
      const p = method.params[i];
      const type = this.resolveType(p.type, cls);
      scope.vars.set(p.name.toLowerCase(), { value: this.coerce(args[i] ?? null, type), type });
    }
    const frame = new Frame(cls, self, method.name, scope);
    frame.line = method.line;
    this.stack.push(frame);
    try {
      this.execBody(method.body, frame);
      if (method.returnType) return this.coerce(frame.returnValue, this.resolveType(method.returnType, cls));
      return null;
    } finally {
      this.stack.pop();
    }
  }

  // ---------------------------------------------------------------- objects

  /** `new C(args)` for a user class. */
  construct(cls: ClassInfo, args: unknown[]): ApexObject {
    if (cls.decl?.modifiers.has('abstract') || cls.isInterface) {
      throw fault('System.TypeException', `Cannot instantiate abstract class or interface: ${cls.name}`);
    }
    this.staticsOf(cls);
    const obj = new ApexObject(cls);
    this.superOf(cls);
    if (cls.isException) this.initException(obj, null, null);
    this.runConstructor(cls, obj, args);
    return obj;
  }

  private runConstructor(cls: ClassInfo, obj: ApexObject, args: unknown[]): void {
    if (!cls.decl) {
      // Platform exception constructors: (), (String message), (Exception cause), (String message, Exception cause).
      this.exceptionCtorArgs(obj, args);
      return;
    }
    const ctors = cls.decl.constructors.filter((c) => c.params.length === args.length);
    const ctor = this.pickOverload(cls, ctors, args);
    if (!ctor) {
      if (cls.decl.constructors.length > 0 || args.length > 0) {
        if (cls.isException) {
          this.runSuperChainDefault(cls, obj);
          this.exceptionCtorArgs(obj, args);
          return;
        }
        throw fault(
          'System.TypeException',
          `Constructor not defined: [${cls.name}].<Constructor>(${args.length} arguments)`
        );
      }
      this.runSuperChainDefault(cls, obj);
      return;
    }
    const scope = new Scope(null);
    for (let i = 0; i < ctor.params.length; i++) {
      const p = ctor.params[i];
      const type = this.resolveType(p.type, cls);
      scope.vars.set(p.name.toLowerCase(), { value: this.coerce(args[i] ?? null, type), type });
    }
    const frame = new Frame(cls, obj, '<init>', scope);
    frame.line = ctor.line;
    this.stack.push(frame);
    try {
      const body = (ctor.body as Stmt & { k: 'block' }).body;
      let rest = body;
      const first = body[0];
      if (first && first.k === 'expr' && first.expr.k === 'ctorCall') {
        frame.line = first.line;
        this.hit(cls, first.line);
        const callArgs = first.expr.args.map((a) => this.evalCatching(a, frame));
        rest = body.slice(1);
        if (first.expr.kind === 'this') {
          this.runConstructor(cls, obj, callArgs);
        } else {
          const sup = this.superOf(cls);
          if (sup) this.runConstructor(sup, obj, callArgs);
          this.runInstanceInitializers(cls, obj);
        }
      } else {
        const sup = this.superOf(cls);
        if (sup) this.runConstructor(sup, obj, []);
        this.runInstanceInitializers(cls, obj);
      }
      this.execBody({ k: 'block', body: rest, line: ctor.line }, frame);
    } finally {
      this.stack.pop();
    }
  }

  private runSuperChainDefault(cls: ClassInfo, obj: ApexObject): void {
    const sup = this.superOf(cls);
    if (sup && sup.decl) this.runConstructor(sup, obj, []);
    this.runInstanceInitializers(cls, obj);
  }

  private exceptionCtorArgs(obj: ApexObject, args: unknown[]): void {
    const hidden = this.registry.lookupType(obj.cls.name)?.hiddenConstructorMessage;
    if (hidden !== undefined && typeof args[0] === 'string') {
      obj.fields.set('$clientMessage', args[0]);
      obj.fields.set('$message', hidden);
      return;
    }
    for (const a of args) {
      if (typeof a === 'string' || a === null) obj.fields.set('$message', a);
      else if (a instanceof ApexObject && a.cls.isException) obj.fields.set('$cause', a);
    }
    if (args.length === 1 && args[0] instanceof ApexObject) {
      // new X(cause): the message is the cause's `toString()` form, `Type: message`.
      const cause = args[0] as ApexObject;
      obj.fields.set('$message', `${cause.cls.name}: ${str(cause.fields.get('$message'))}`);
    }
  }

  private runInstanceInitializers(cls: ClassInfo, obj: ApexObject): void {
    if (!cls.decl) return;
    const plan = this.instanceInitPlan(cls);
    for (const name of plan.names) obj.fields.set(name, null);
    if (plan.initializers.length === 0) return;
    const frame = new Frame(cls, obj, '<init>', new Scope(null));
    this.stack.push(frame);
    try {
      for (const init of plan.initializers) {
        if (init.k === 'field') {
          frame.line = init.decl.line;
          this.hit(cls, init.decl.line);
          const type = this.resolveType(init.decl.type, cls);
          obj.fields.set(init.decl.name.toLowerCase(), this.coerce(this.evalCatching(init.init, frame), type));
        } else {
          this.execBody(init.body, frame);
        }
      }
    } finally {
      this.stack.pop();
    }
  }

  /** A class's instance fields and properties (lower case) and its instance initializers in source order, read once. */
  private instanceInitPlan(cls: ClassInfo): InstanceInitPlan {
    let plan = this.instanceInitPlans.get(cls);
    if (plan) return plan;
    const decl = cls.decl;
    const names: string[] = [];
    const initializers: InstanceInitPlan['initializers'] = [];
    if (decl) {
      for (const f of decl.fields) if (!f.modifiers.has('static')) names.push(f.name.toLowerCase());
      for (const p of decl.properties) if (!p.modifiers.has('static')) names.push(p.name.toLowerCase());
      for (const init of decl.initializers) {
        if (init.k === 'field' && !init.decl.modifiers.has('static') && init.decl.init) {
          initializers.push({ k: 'field', decl: init.decl, init: init.decl.init });
        } else if (init.k === 'block' && !init.isStatic) initializers.push({ k: 'block', body: init.body });
      }
    }
    plan = { names, initializers };
    this.instanceInitPlans.set(cls, plan);
    return plan;
  }

  // ---------------------------------------------------------------- statements

  private hit(cls: ClassInfo, line: number): void {
    this.platform?.onStatement?.(cls.file, line);
  }

  execBody(body: Stmt, frame: Frame): number {
    return this.exec(body, frame);
  }

  exec(s: Stmt, frame: Frame): number {
    frame.line = s.line;
    if (s.k !== 'block') this.hit(frame.cls, s.line);
    try {
      return this.execInner(s, frame);
    } catch (e) {
      if (e instanceof RuntimeFault) throw this.materialize(e);
      throw e;
    }
  }

  private execInner(s: Stmt, frame: Frame): number {
    switch (s.k) {
      case 'block': {
        const saved = frame.scope;
        frame.scope = new Scope(saved);
        try {
          for (const st of s.body) {
            const r = this.exec(st, frame);
            if (r !== NORMAL) return r;
          }
          return NORMAL;
        } finally {
          frame.scope = saved;
        }
      }
      case 'local': {
        const type = this.resolveType(s.type, frame.cls);
        for (const d of s.decls) {
          const value = d.init ? this.coerce(this.eval(d.init, frame), type) : null;
          frame.scope.vars.set(d.name.toLowerCase(), { value, type });
        }
        return NORMAL;
      }
      case 'expr':
        this.eval(s.expr, frame);
        return NORMAL;
      case 'if': {
        const test = this.eval(s.test, frame);
        if (test === null) throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        if (test) return this.exec(s.then, frame);
        if (s.else) return this.exec(s.else, frame);
        return NORMAL;
      }
      case 'while':
        for (;;) {
          frame.line = s.line;
          if (!this.truthy(this.eval(s.test, frame))) return NORMAL;
          const r = this.exec(s.body, frame);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
      case 'do':
        for (;;) {
          const r = this.exec(s.body, frame);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
          frame.line = s.line;
          if (!this.truthy(this.eval(s.test, frame))) return NORMAL;
        }
      case 'for': {
        const saved = frame.scope;
        frame.scope = new Scope(saved);
        try {
          if (s.init) {
            if (Array.isArray(s.init)) for (const e of s.init) this.eval(e, frame);
            else this.exec(s.init, frame);
          }
          for (;;) {
            if (s.test && !this.truthy(this.eval(s.test, frame))) return NORMAL;
            const r = this.exec(s.body, frame);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return r;
            for (const u of s.update) this.eval(u, frame);
          }
        } finally {
          frame.scope = saved;
        }
      }
      case 'foreach': {
        const iterable = this.eval(s.iterable, frame);
        if (iterable === null) throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        let items: Iterable<unknown>;
        if (iterable instanceof ApexList) items = iterable.items.slice();
        else if (iterable instanceof ApexSet) items = [...iterable.map.values()];
        else if (iterable instanceof NativeObject && typeof iterable.data['__iterate'] === 'function') {
          items = (iterable.data['__iterate'] as () => unknown[])();
        } else if (iterable instanceof ApexObject && this.hasMethod(iterable.cls, 'iterator')) {
          // An Iterable (Apex Developer Guide, Iterable interface): iterator(), then hasNext()/next() per turn.
          const it = this.callValueMethod(iterable, 'iterator', [], false);
          items = {
            [Symbol.iterator]: () => ({
              next: (): IteratorResult<unknown> =>
                this.truthy(this.callValueMethod(it, 'hasNext', [], false))
                  ? { value: this.callValueMethod(it, 'next', [], false), done: false }
                  : { value: undefined, done: true }
            })
          };
        } else throw fault('System.TypeException', 'Loop must iterate over collection');
        const type = this.resolveType(s.type, frame.cls);
        // The list form of a SOQL for loop, `for (List<Lead> chunk : [SELECT …])`, gets the rows 200 at a time
        // (Apex Developer Guide, SOQL For Loops).
        if (
          type.name === 'List' &&
          iterable instanceof ApexList &&
          (iterable.elemType.name === 'SObject' ||
            iterable.elemType.name === 'Schema.AggregateResult' ||
            this.platform.objectName(iterable.elemType.name.toLowerCase()))
        ) {
          const rows = items as unknown[];
          const chunks: unknown[] = [];
          for (let i = 0; i < rows.length; i += 200)
            chunks.push(new ApexList(iterable.elemType, rows.slice(i, i + 200)));
          items = chunks;
        }
        const saved = frame.scope;
        // The List or Set iterated may not gain or lose elements until the loop ends (ITERATING, collections.ts).
        const guarded = iterable instanceof ApexList || iterable instanceof ApexSet ? iterable : null;
        if (guarded) ITERATING.set(guarded, (ITERATING.get(guarded) ?? 0) + 1);
        try {
          for (const item of items) {
            frame.scope = new Scope(saved);
            frame.scope.vars.set(s.name.toLowerCase(), { value: this.coerce(item, type), type });
            const r = this.exec(s.body, frame);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return r;
          }
          return NORMAL;
        } finally {
          frame.scope = saved;
          if (guarded) ITERATING.set(guarded, (ITERATING.get(guarded) ?? 1) - 1);
        }
      }
      case 'return':
        frame.returnValue = s.value ? this.eval(s.value, frame) : null;
        return RETURN;
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'throw': {
        const e = this.eval(s.value, frame);
        if (e === null) throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        if (!(e instanceof ApexObject) || !e.cls.isException)
          throw fault('System.TypeException', 'Throw requires an exception');
        throw new ApexThrow(e);
      }
      case 'try':
        return this.execTry(s, frame);
      case 'switch':
        return this.execSwitch(s, frame);
      case 'dml': {
        const target = this.eval(s.target, frame);
        const second = s.second ? this.eval(s.second, frame) : null;
        this.platform.dml(s.op, target, { externalId: s.externalId, accessLevel: s.accessLevel, second }, this);
        return NORMAL;
      }
      case 'runAs': {
        const user = s.args.length ? this.eval(s.args[0], frame) : null;
        let result = NORMAL;
        this.platform.runAs(
          user,
          () => {
            result = this.exec(s.body, frame);
          },
          this
        );
        return result;
      }
    }
  }

  private execTry(s: Stmt & { k: 'try' }, frame: Frame): number {
    const savedScope = frame.scope;
    const depth = this.stack.length;
    let result = NORMAL;
    let pending: unknown = null;
    let hasPending = false;
    try {
      result = this.exec(s.body, frame);
    } catch (raw) {
      const err = this.materialize(raw);
      this.stack.length = depth;
      frame.scope = savedScope;
      if (!(err instanceof ApexThrow)) throw err;
      const exc = err.exception;
      const clause = this.isUncatchable(exc)
        ? undefined
        : s.catches.find((c) => this.catches(c.type.names, exc, frame.cls));
      if (!clause) {
        pending = err;
        hasPending = true;
      } else {
        frame.scope = new Scope(savedScope);
        frame.scope.vars.set(clause.varName.toLowerCase(), { value: exc, type: T(exc.cls.name) });
        try {
          result = this.exec(clause.body, frame);
        } catch (inner) {
          pending = this.materialize(inner);
          hasPending = true;
        } finally {
          frame.scope = savedScope;
        }
      }
    }
    if (s.finally) {
      const r = this.exec(s.finally, frame);
      if (r !== NORMAL) return r;
    }
    if (hasPending) throw pending;
    return result;
  }

  /** LimitException and an assertion failure end the transaction: no catch block runs for them. */
  isUncatchable(exc: ApexObject): boolean {
    const n = exc.cls.name.toLowerCase();
    return n === 'system.limitexception' || n === 'system.assertexception';
  }

  private catches(names: string[], exc: ApexObject, ctx: ClassInfo): boolean {
    const user = this.findClass(
      names.map((n) => n.toLowerCase()),
      ctx
    );
    const target = user ?? this.builtinExceptionClass(names.join('.'));
    if (builtinKey(target.name) === 'exception') return true;
    return this.isSubclass(exc.cls, target);
  }

  private execSwitch(s: Stmt & { k: 'switch' }, frame: Frame): number {
    const value = this.eval(s.value, frame);
    for (const w of s.whens) {
      if (w.kind === 'else') return this.exec(w.body, frame);
      if (w.kind === 'type') {
        const t = this.resolveType(w.type as TypeRef, frame.cls);
        if (value !== null && this.isInstance(value, t)) {
          const saved = frame.scope;
          frame.scope = new Scope(saved);
          frame.scope.vars.set((w.varName as string).toLowerCase(), { value, type: t });
          try {
            return this.exec(w.body, frame);
          } finally {
            frame.scope = saved;
          }
        }
        continue;
      }
      for (const v of w.values) {
        let candidate: unknown;
        if (v.k === 'name' && value instanceof EnumValue) {
          candidate = value.enumType && v.name.toLowerCase() === value.name.toLowerCase() ? value : undefined;
        } else if (v.k === 'name' && value instanceof TypeValue) {
          candidate = undefined;
        } else {
          candidate = this.eval(v, frame);
        }
        if (candidate === undefined) continue;
        // switch on String is case-sensitive (unlike ==).
        const match =
          typeof value === 'string' && typeof candidate === 'string'
            ? value === candidate
            : looseEquals(value, candidate);
        if (match) return this.exec(w.body, frame);
      }
    }
    return NORMAL;
  }

  truthy(v: unknown): boolean {
    if (v === null || v === undefined)
      throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
    return v === true;
  }

  // ---------------------------------------------------------------- expressions

  /** Evaluates an expression outside a statement (initialisers), converting runtime faults. */
  evalCatching(e: Expr, frame: Frame): unknown {
    try {
      return this.eval(e, frame);
    } catch (err) {
      throw this.materialize(err);
    }
  }

  eval(e: Expr, frame: Frame): unknown {
    switch (e.k) {
      case 'lit':
        return this.literal(e);
      case 'name': {
        const r = this.resolveName(e.name, frame);
        if (r instanceof Namespace) throw fault('System.TypeException', `Variable does not exist: ${e.name}`);
        return r;
      }
      case 'this':
        return frame.self;
      case 'field':
        return this.evalField(e, frame);
      case 'call':
        return this.evalCall(e, frame);
      case 'index': {
        const target = this.eval(e.target, frame);
        const index = this.eval(e.index, frame);
        if (target === null) throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        if (target instanceof ApexList) return this.listGet(target, index as number);
        throw fault('System.TypeException', 'Expression must be a list type');
      }
      case 'assign':
        return this.assign(e, frame);
      case 'binary':
        return this.binary(e.op, e.left, e.right, frame);
      case 'unary': {
        const v = this.eval(e.operand, frame);
        if (v === null) throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        if (e.op === '!') return !v;
        if (e.op === '-') return negate(v as Num);
        if (e.op === '~') return typeof v === 'bigint' ? BigInt.asIntN(64, ~v) : ~(v as number);
        return v;
      }
      case 'incdec': {
        const old = this.eval(e.target, frame);
        if (old === null) throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        const next = arith(e.op === '++' ? '+' : '-', old as Num, 1);
        this.store(e.target, next, frame);
        return e.prefix ? next : old;
      }
      case 'cond': {
        const t = this.eval(e.test, frame);
        return this.truthy(t) ? this.eval(e.then, frame) : this.eval(e.else, frame);
      }
      case 'cast': {
        const t = this.resolveType(e.type, frame.cls);
        const v = this.eval(e.operand, frame);
        if (NUMERIC_TYPES.has(t.name) && isNumber(v) && this.operandIsObjectTyped(e.operand, frame)) {
          return this.castFromObject(v, t);
        }
        return this.cast(v, t);
      }
      case 'instanceof': {
        const v = this.eval(e.operand, frame);
        const t = this.resolveType(e.type, frame.cls);
        // A String that is a valid 15- or 18-character Id is `instanceof Id` (the usual Id check in Apex).
        if (t.name === 'Id' && typeof v === 'string') return ApexId.parse(v) !== null;
        return v !== null && this.isInstance(v, t);
      }
      case 'classLit':
        return new TypeValue(e.type ? this.resolveType(e.type, frame.cls) : T('void'), true);
      case 'new':
        return this.evalNew(e, frame);
      case 'newSObject': {
        const t = this.resolveType(e.type, frame.cls);
        // `new Lead(...)` does not load field defaults (only newSObject(null, true) and insert do).
        const rec = this.platform.newSObject(t.name, false);
        for (const p of e.pairs) {
          this.checkFieldWrite(rec, p.name);
          this.sobjectPut(rec, p.name, this.eval(p.value, frame));
        }
        return rec;
      }
      case 'newList': {
        const t = this.resolveType(e.type, frame.cls);
        if (t.name === 'Set') {
          const set = new ApexSet(t.args[0] ?? OBJECT);
          for (const item of e.items ?? []) this.setAdd(set, this.coerce(this.eval(item, frame), set.elemType));
          return set;
        }
        const elem = e.type.arrayDims > 0 ? t.args[0] : (t.args[0] ?? OBJECT);
        if (t.name === 'Map') return new ApexMap(t.args[0] ?? OBJECT, t.args[1] ?? OBJECT);
        const list = new ApexList(elem, []);
        if (e.items) for (const item of e.items) list.items.push(this.coerce(this.eval(item, frame), elem));
        if (e.size) {
          const n = this.eval(e.size, frame) as number;
          for (let i = 0; i < n; i++) list.items.push(null);
        }
        return list;
      }
      case 'newMap': {
        const t = this.resolveType(e.type, frame.cls);
        const map = new ApexMap(t.args[0] ?? OBJECT, t.args[1] ?? OBJECT);
        for (const p of e.pairs) {
          this.mapPut(
            map,
            this.coerce(this.eval(p.key, frame), map.keyType),
            this.coerce(this.eval(p.value, frame), map.valueType)
          );
        }
        return map;
      }
      case 'soql': {
        const binds = new Map<string, unknown>();
        e.query.binds.forEach((b, i) => binds.set(`__bind${i}`, this.eval(b, frame)));
        return this.platform.query(e.query.text, binds, this);
      }
      case 'super':
        return frame.self;
      case 'ctorCall':
        throw fault('System.UnexpectedException', 'this()/super() must be the first statement of a constructor');
      case 'sosl': {
        // Only what Test.setFixedSearchResults defines is modelled (stdlib/sosl.ts); otherwise it fails loudly.
        const search = this.registry.findStatic('$sosl', 'search');
        if (!search) throw fault('System.UnexpectedException', 'not supported by the emulator: SOSL');
        return search({ interp: this, self: undefined }, [e.text]);
      }
    }
  }

  private literal(e: Expr & { k: 'lit' }): unknown {
    const cache = e as unknown as { __v?: unknown };
    if ('__v' in cache) return cache.__v;
    let v: unknown;
    switch (e.type) {
      case 'Integer': {
        const n = Number(e.value);
        v = n > 2147483647 ? n | 0 : n;
        break;
      }
      case 'Long':
        v = BigInt.asIntN(64, BigInt(e.value));
        break;
      case 'Decimal':
        v = e.value.startsWith('D') ? new ApexDouble(Number(e.value.substring(1))) : ApexDecimal.of(e.value);
        break;
      case 'String':
        v = e.value;
        break;
      case 'Boolean':
        v = e.value === 'true';
        break;
      default:
        v = null;
    }
    cache.__v = v;
    return v;
  }

  /** A bare name: local, field of this class chain, static of an outer class, or a type/namespace. */
  resolveName(name: string, frame: Frame): unknown {
    const key = name.toLowerCase();
    const local = frame.scope.lookup(key);
    if (local) return local.value;
    const member = this.findMember(frame.cls, frame.self, key);
    if (member) return this.readMember(member);
    return this.typeOrNamespace([key], frame.cls) ?? this.unknownName(name);
  }

  private unknownName(name: string): never {
    throw fault('System.TypeException', `Variable does not exist: ${name}`);
  }

  /** A type or namespace named by dotted parts, as a TypeValue or Namespace; null when it is neither. */
  typeOrNamespace(parts: string[], ctx: ClassInfo | null): TypeValue | Namespace | null {
    const user = this.findClass(parts, ctx);
    if (user) return new TypeValue(T(user.name));
    if (parts.length === 1) {
      if (PRIMITIVES[parts[0]]) return new TypeValue(T(PRIMITIVES[parts[0]]));
      const o = this.platform?.objectName(parts[0]);
      if (o) return new TypeValue(T(o));
      const b = this.registry.lookupType(parts[0]);
      if (b) return new TypeValue(T(b.name));
      if (NAMESPACES.has(parts[0])) return new Namespace(parts[0]);
      if (this.registry.hasStatics(parts[0])) return new TypeValue(T(parts[0]));
    }
    return null;
  }

  /** A field or property of the class chain (instance when `self`), or a static of an outer class. */
  private findMember(cls: ClassInfo, self: ApexObject | null, key: string): MemberRef | null {
    for (let c: ClassInfo | null = cls; c; c = c.outer) {
      for (let s: ClassInfo | null = c; s; s = this.superOf(s)) {
        const f = s.fields.get(key);
        const p = f ? undefined : s.properties.get(key);
        if (!f && !p) continue;
        const isStatic = (f ?? p)?.modifiers.has('static');
        if (isStatic) return { cls: s, self: null, key };
        if (c === cls && self) return { cls: s, self, key };
      }
    }
    return null;
  }

  /** The property declared with accessor bodies under `key`, if any (a plain field or auto-property otherwise). */
  private accessorOf(cls: ClassInfo, key: string): PropertyDecl | undefined {
    const prop = cls.properties.get(key);
    return prop && (prop.getter?.body || prop.setter?.body) ? prop : undefined;
  }

  /** Reads a member: runs its getter when it has one. */
  private readMember(ref: MemberRef): unknown {
    const { cls, self, key } = ref;
    const accessor = this.accessorOf(cls, key);
    if (self === null) {
      const slot = this.staticsOf(cls).get(key);
      return accessor ? this.runGetter(cls, accessor, null, slot) : (slot as { value: unknown }).value;
    }
    if (accessor) return this.runGetter(cls, accessor, self, new InstanceFieldHolder(self, key));
    const v = self.fields.get(key);
    return v === undefined ? null : v;
  }

  /** Writes a member: runs its setter when it has one, otherwise stores the value converted to the declared type. */
  private writeMember(ref: MemberRef, v: unknown): void {
    const { cls, self, key } = ref;
    const accessor = this.accessorOf(cls, key);
    if (self === null) {
      const slot = this.staticsOf(cls).get(key) as { value: unknown; type: RType };
      if (accessor) this.runSetter(cls, accessor, null, slot, v);
      else slot.value = this.coerce(v, slot.type);
      return;
    }
    if (accessor) {
      this.runSetter(cls, accessor, self, new InstanceFieldHolder(self, key), v);
      return;
    }
    const decl = cls.fields.get(key) ?? cls.properties.get(key);
    self.fields.set(key, decl ? this.coerce(v, this.resolveType(decl.type, cls)) : v);
  }

  private runGetter(
    cls: ClassInfo,
    prop: PropertyDecl,
    self: ApexObject | null,
    holder: { value: unknown } | undefined
  ): unknown {
    if (!prop.getter?.body) return holder?.value ?? null;
    const scope = new Scope(null);
    // Inside the accessors the property name denotes the backing variable.
    scope.vars.set(prop.name.toLowerCase(), {
      get value() {
        return holder?.value ?? null;
      },
      set value(v: unknown) {
        if (holder) holder.value = v;
      },
      type: this.resolveType(prop.type, cls)
    });
    const frame = new Frame(cls, self, prop.name, scope);
    this.stack.push(frame);
    try {
      this.execBody(prop.getter.body, frame);
      return frame.returnValue;
    } finally {
      this.stack.pop();
    }
  }

  private runSetter(
    cls: ClassInfo,
    prop: PropertyDecl,
    self: ApexObject | null,
    holder: { value: unknown } | undefined,
    v: unknown
  ): void {
    const type = this.resolveType(prop.type, cls);
    if (!prop.setter?.body) {
      if (holder) holder.value = this.coerce(v, type);
      return;
    }
    const scope = new Scope(null);
    scope.vars.set('value', { value: this.coerce(v, type), type });
    scope.vars.set(prop.name.toLowerCase(), {
      get value() {
        return holder?.value ?? null;
      },
      set value(x: unknown) {
        if (holder) holder.value = x;
      },
      type
    });
    const frame = new Frame(cls, self, prop.name, scope);
    this.stack.push(frame);
    try {
      this.execBody(prop.setter.body, frame);
    } finally {
      this.stack.pop();
    }
  }

  /** Evaluates the target of `a.b` / `a.m()`, which may be a type or namespace rather than a value. */
  private evalTarget(e: Expr, frame: Frame): unknown {
    if (e.k === 'name') {
      const key = e.name.toLowerCase();
      const local = frame.scope.lookup(key);
      if (local) return local.value;
      const member = this.findMember(frame.cls, frame.self, key);
      if (member) return this.readMember(member);
      const t = this.typeOrNamespace([key], frame.cls);
      if (t) return t;
      return this.unknownName(e.name);
    }
    if (e.k === 'field') {
      const target = this.evalTarget(e.target, frame);
      if (target === null && e.safe) return null;
      return this.fieldOf(target, e.name, frame, e.safe);
    }
    if (e.k === 'super') return new SuperRef(frame);
    return this.eval(e, frame);
  }

  private evalField(e: Expr & { k: 'field' }, frame: Frame): unknown {
    const target = this.evalTarget(e.target, frame);
    if (target === null && e.safe) return null;
    const v = this.fieldOf(target, e.name, frame, e.safe);
    if (v instanceof Namespace) throw fault('System.TypeException', `Variable does not exist: ${e.name}`);
    return v;
  }

  /** `target.name`: a static of a type, a member of a namespace, a field of a record or object. */
  fieldOf(target: unknown, name: string, frame: Frame | null, safe = false): unknown {
    const key = name.toLowerCase();
    if (target === null || target === undefined) {
      if (safe) return null;
      throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    if (target instanceof Namespace) {
      const inner = this.typeOrNamespace([target.name, key], frame?.cls ?? null);
      if (inner) return inner;
      const t = this.registry.lookupType(`${target.name}.${name}`);
      if (t) return new TypeValue(T(t.name));
      if (target.name === 'schema' || target.name === 'system') {
        const o = this.typeOrNamespace([key], null);
        if (o) return o;
      }
      if (this.registry.hasStatics(`${target.name}.${name}`)) return new TypeValue(T(`${target.name}.${name}`));
      return new Namespace(`${target.name}.${key}`);
    }
    if (target instanceof TypeValue && !target.literal) return this.staticField(target.type, name, frame);
    if (target instanceof SObjectValue) return this.sobjectGet(target, name);
    // `[SELECT Id FROM X LIMIT 1].Id`: a query used as a single record.
    if (target instanceof ApexList && this.platform.objectName(target.elemType.name.toLowerCase())) {
      return this.sobjectGet(this.singleRow(target) as SObjectValue, name);
    }
    if (target instanceof ApexObject) {
      if (target.cls.isException && !target.cls.decl) throw fault('System.TypeException', `Invalid field ${name}`);
      for (let s: ClassInfo | null = target.cls; s; s = this.superOf(s)) {
        if (s.fields.has(key) || s.properties.has(key)) return this.readMember({ cls: s, self: target, key });
      }
      throw fault('System.TypeException', `Variable does not exist: ${name}`);
    }
    if (target instanceof NativeObject && typeof target.data.__prop === 'function') {
      const v = (target.data.__prop as (n: string) => unknown)(name);
      if (v !== undefined) return v;
    }
    const kind = this.kindOf(target);
    const prop = this.registry.findInstanceProp(kind, name);
    if (prop) return prop(this, target);
    if (target instanceof NativeObject && key in target.data && !key.startsWith('__')) return target.data[key];
    throw fault('System.TypeException', `Variable does not exist: ${name} on ${kind}`);
  }

  /** `Type.name`: a user class's static member, inner class or enum constant; an SObject token; a platform static. */
  staticField(type: RType, name: string, frame: Frame | null): unknown {
    const key = name.toLowerCase();
    const user = this.classByName(type.name);
    if (user) {
      if (user.isEnum) {
        const v = user.enumValues.find((x) => x.name.toLowerCase() === key);
        if (v) return v;
      }
      const inner = user.inner.get(key);
      if (inner) return new TypeValue(T(inner.name));
      for (let s: ClassInfo | null = user; s; s = this.superOf(s)) {
        const f = s.fields.get(key) ?? s.properties.get(key);
        if (f && f.modifiers.has('static')) return this.readMember({ cls: s, self: null, key });
      }
      throw fault('System.TypeException', `Variable does not exist: ${type.name}.${name}`);
    }
    const found = this.registry.findStaticProp(type.name, name, this);
    if (found) return found.value;
    const objectName = this.platform.objectName(type.name.toLowerCase());
    if (objectName) {
      const token = this.registry.findMethod('$sobjectstatic', 'field');
      if (token) return token({ interp: this, self: objectName }, [name]);
    }
    void frame;
    throw fault('System.TypeException', `Variable does not exist: ${type.name}.${name}`);
  }

  // ---------------------------------------------------------------- calls

  /**
   * The outermost call evaluated last: its receiver (undefined: an unqualified call), name and arguments. A cast
   * reads it right after evaluating a call operand to learn the call's declared result type (see
   * `lastCallReturnsObject`); kept as references so that finding the type costs nothing unless a cast asks.
   */
  private lastCall: { target: unknown; name: string; args: unknown[]; frame: Frame } | null = null;

  private evalCall(e: Expr & { k: 'call' }, frame: Frame): unknown {
    if (e.target === null) {
      const uargs = e.args.map((a) => this.eval(a, frame));
      this.hintCasts(e.args, uargs, frame);
      const r = this.callUnqualified(e.name, uargs, frame);
      this.lastCall = { target: undefined, name: e.name, args: uargs, frame };
      return r;
    }
    const target = this.evalTarget(e.target, frame);
    if (target === null || target === undefined) {
      this.lastCall = null;
      if (e.safe) return null;
      throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    const args = e.args.map((a) => this.eval(a, frame));
    this.hintCasts(e.args, args, frame);
    const r = this.dispatchCall(e, target, args, frame);
    this.lastCall = { target, name: e.name, args, frame };
    return r;
  }

  private dispatchCall(e: Expr & { k: 'call' }, target: unknown, args: unknown[], frame: Frame): unknown {
    if (target instanceof SuperRef) {
      const sup = this.superOf(frame.cls);
      if (!sup) throw fault('System.TypeException', 'No superclass');
      const m = this.selectMethod(sup, e.name, args, false);
      if (m) return this.invoke(m.cls, m.method, frame.self, args);
      return this.callValueMethod(frame.self as ApexObject, e.name, args, true);
    }
    if (target instanceof TypeValue && !target.literal) return this.callStaticOn(target.type, e.name, args, frame);
    if (target instanceof Namespace) {
      const fn = this.registry.findStatic(target.name, e.name);
      if (fn) return fn({ interp: this, self: undefined }, args);
      throw fault('System.TypeException', `Method does not exist: ${target.name}.${e.name}`);
    }
    return this.callValueMethod(target, e.name, args, false);
  }

  private callUnqualified(name: string, args: unknown[], frame: Frame): unknown {
    for (let c: ClassInfo | null = frame.cls; c; c = c.outer) {
      const self = c === frame.cls ? frame.self : null;
      const target = self ? self.cls : c;
      const m = this.selectMethod(target, name, args, !self);
      if (m) {
        if (m.method.modifiers.has('static')) this.staticsOf(m.cls);
        return this.invoke(m.cls, m.method, m.method.modifiers.has('static') ? null : self, args);
      }
    }
    if (frame.self && frame.self.cls.isException) return this.callValueMethod(frame.self, name, args, false);
    throw fault('System.TypeException', `Method does not exist or incorrect signature: ${name}(${args.length})`);
  }

  callStaticOn(type: RType, name: string, args: unknown[], frame: Frame | null): unknown {
    const user = this.classByName(type.name);
    if (user) {
      if (user.isEnum) {
        const key = name.toLowerCase();
        if (key === 'values') return new ApexList(T(user.name), user.enumValues.slice());
        if (key === 'valueof') {
          const v = user.enumValues.find((x) => x.name === args[0]);
          if (!v) throw fault('System.NoSuchElementException', `No enum constant ${user.name}.${str(args[0])}`);
          return v;
        }
      }
      this.staticsOf(user);
      const m = this.selectMethod(user, name, args, true);
      if (m) return this.invoke(m.cls, m.method, null, args);
      throw fault('System.TypeException', `Method does not exist or incorrect signature: ${type.name}.${name}`);
    }
    const fn = this.registry.findStatic(type.name, name);
    if (fn) return fn({ interp: this, self: undefined }, args);
    const builtinEnum = this.registry.lookupType(type.name)?.enumValues;
    if (builtinEnum) {
      const key = name.toLowerCase();
      if (key === 'values')
        return new ApexList(T(this.registry.lookupType(type.name)?.name ?? type.name), builtinEnum.slice());
      if (key === 'valueof') {
        const v = builtinEnum.find((x) => x.name === args[0]);
        if (!v) throw fault('System.NoSuchElementException', `No enum constant ${type.name}.${str(args[0])}`);
        return v;
      }
    }
    if (this.platform.objectName(type.name.toLowerCase())) {
      const sfn = this.registry.findStatic('$sobjecttype', name);
      if (sfn) return sfn({ interp: this, self: type.name }, args);
    }
    void frame;
    throw fault('System.TypeException', `Method does not exist or incorrect signature: ${type.name}.${name}`);
  }

  /** Kind of a value for native method lookup. */
  kindOf(v: unknown): string {
    switch (typeof v) {
      case 'string':
        return 'String';
      case 'number':
        return 'Integer';
      case 'bigint':
        return 'Long';
      case 'boolean':
        return 'Boolean';
    }
    if (v instanceof ApexDouble) return 'Double';
    if (v instanceof ApexDecimal) return 'Decimal';
    if (v instanceof ApexId) return 'Id';
    if (v instanceof ApexDate) return 'Date';
    if (v instanceof ApexDatetime) return 'Datetime';
    if (v instanceof ApexTime) return 'Time';
    if (v instanceof ApexBlob) return 'Blob';
    if (v instanceof ApexList) return 'List';
    if (v instanceof ApexSet) return 'Set';
    if (v instanceof ApexMap) return 'Map';
    if (v instanceof SObjectValue) return 'SObject';
    if (v instanceof EnumValue) return 'Enum';
    if (v instanceof NativeObject) return v.type;
    if (v instanceof TypeValue) return 'System.Type';
    if (v instanceof ApexObject) return v.cls.isException ? 'Exception' : 'Object';
    return 'Object';
  }

  callValueMethod(target: unknown, name: string, args: unknown[], nonVirtual: boolean): unknown {
    const stub = target instanceof ApexObject ? this.stubs.get(target) : undefined;
    if (stub) return stub(name, args);
    if (target instanceof ApexObject && !nonVirtual) {
      const m = this.selectMethod(target.cls, name, args, false);
      if (m) return this.invoke(m.cls, m.method, target, args);
    }
    const kind = this.kindOf(target);
    let fn = this.registry.findMethod(kind, name);
    if (!fn && target instanceof ApexId) fn = this.registry.findMethod('String', name);
    if (!fn && target instanceof ApexObject) fn = this.registry.findMethod('Object', name);
    if (!fn && target instanceof NativeObject) fn = this.registry.findMethod('Object', name);
    if (!fn && (target instanceof EnumValue || typeof target === 'number'))
      fn = this.registry.findMethod('Object', name);
    if (fn) return fn({ interp: this, self: target }, args);
    throw fault(
      'System.TypeException',
      `Method does not exist or incorrect signature: ${kind}.${name}(${args.length})`
    );
  }

  // ---------------------------------------------------------------- new

  private evalNew(e: Expr & { k: 'new' }, frame: Frame): unknown {
    const t = this.resolveType(e.type, frame.cls);
    const args = e.args.map((a) => this.eval(a, frame));
    return this.instantiate(t, args);
  }

  instantiate(t: RType, args: unknown[]): unknown {
    switch (t.name) {
      case 'List': {
        const list = new ApexList(t.args[0] ?? OBJECT, []);
        if (args.length === 1 && args[0] !== null) {
          const src = args[0];
          if (src instanceof ApexList) list.items = src.items.map((x) => this.coerce(x, list.elemType));
          else if (src instanceof ApexSet) list.items = [...src.map.values()];
          else if (typeof src === 'number') {
            // new List<T>(capacity) is not Apex; Integer argument is an error.
            throw fault('System.TypeException', 'Invalid initial list');
          }
        } else if (args.length === 1) throw fault('System.NullPointerException', 'Argument cannot be null.');
        return list;
      }
      case 'Set': {
        const set = new ApexSet(t.args[0] ?? OBJECT);
        if (args.length === 1) {
          const src = args[0];
          if (src === null) throw fault('System.NullPointerException', 'Argument cannot be null.');
          const items = src instanceof ApexList ? src.items : src instanceof ApexSet ? [...src.map.values()] : [];
          for (const x of items) this.setAdd(set, this.coerce(x, set.elemType));
        }
        return set;
      }
      case 'Map': {
        const map = new ApexMap(t.args[0] ?? OBJECT, t.args[1] ?? OBJECT);
        if (args.length === 1) {
          const src = args[0];
          if (src === null) throw fault('System.NullPointerException', 'Argument cannot be null.');
          if (src instanceof ApexMap) for (const [k, v] of src.map) map.map.set(k, [v[0], v[1]]);
          else if (src instanceof ApexList) {
            // Map<Id, sObject>(List): a record without an Id or with an Id seen before throws (Salesforce Stack
            // Exchange 235182: "System.ListException: Row with duplicate Id at index: X"); putAll keeps the last.
            src.items.forEach((rec, index) => {
              if (rec instanceof SObjectValue) {
                const id = rec.values.get('id');
                if (id === null || id === undefined)
                  throw fault('System.ListException', 'Row with null Id at index: ' + index);
                const key = this.coerce(id, map.keyType);
                if (map.map.has(this.mapKey(map, key)))
                  throw fault('System.ListException', 'Row with duplicate Id at index: ' + index);
                this.mapPut(map, key, rec);
              }
            });
          }
        }
        return map;
      }
    }
    const user = this.classByName(t.name);
    if (user) return this.construct(user, args);
    if (this.platform.objectName(t.name.toLowerCase())) return this.platform.newSObject(t.name, false);
    const ctor = this.registry.findCtor(t.name);
    if (ctor) return ctor({ interp: this, self: undefined }, args);
    const builtin = this.registry.lookupType(t.name);
    if (builtin?.exceptionParent !== undefined || builtinKey(t.name) === 'exception') {
      const e = new ApexObject(this.builtinExceptionClass(t.name));
      this.initException(e, null, null);
      this.exceptionCtorArgs(e, args);
      return e;
    }
    throw fault('System.TypeException', `Cannot construct ${typeName(t)}`);
  }

  // ---------------------------------------------------------------- assignment

  private assign(e: Expr & { k: 'assign' }, frame: Frame): unknown {
    if (e.op === '=') {
      const v = this.eval(e.value, frame);
      return this.store(e.target, v, frame);
    }
    const old = this.eval(e.target, frame);
    const rhs = this.eval(e.value, frame);
    const op = e.op.slice(0, -1);
    const next = this.binaryValues(op, old, rhs);
    return this.store(e.target, next, frame);
  }

  /** Stores into a variable, field, property, list element or record field; returns the stored value. */
  store(target: Expr, value: unknown, frame: Frame): unknown {
    switch (target.k) {
      case 'name': {
        const key = target.name.toLowerCase();
        const local = frame.scope.lookup(key);
        if (local) {
          local.value = this.coerce(value, local.type);
          return local.value;
        }
        const member = this.findMember(frame.cls, frame.self, key);
        if (member) {
          this.writeMember(member, value);
          return value;
        }
        throw fault('System.TypeException', `Variable does not exist: ${target.name}`);
      }
      case 'field': {
        const obj = this.evalTarget(target.target, frame);
        if (obj === null || obj === undefined)
          throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        const key = target.name.toLowerCase();
        if (obj instanceof SObjectValue) {
          this.checkFieldWrite(obj, target.name);
          this.sobjectPut(obj, target.name, value);
          return value;
        }
        if (obj instanceof ApexObject) {
          for (let s: ClassInfo | null = obj.cls; s; s = this.superOf(s)) {
            if (s.fields.has(key) || s.properties.has(key)) {
              const decl = s.fields.get(key) ?? s.properties.get(key);
              this.writeMember({ cls: s, self: decl?.modifiers.has('static') ? null : obj, key }, value);
              return value;
            }
          }
          throw fault('System.TypeException', `Variable does not exist: ${target.name}`);
        }
        if (obj instanceof TypeValue) {
          const user = this.classByName(obj.type.name);
          if (user) {
            for (let s: ClassInfo | null = user; s; s = this.superOf(s)) {
              if (s.fields.has(key) || s.properties.has(key)) {
                this.writeMember({ cls: s, self: null, key }, value);
                return value;
              }
            }
          }
          const setter = this.registry.findStatic(obj.type.name, '$set_' + key);
          if (setter) {
            setter({ interp: this, self: undefined }, [value]);
            return value;
          }
        }
        if (obj instanceof NativeObject) {
          const setter = this.registry.findMethod(obj.type, '$set_' + key);
          if (setter) {
            setter({ interp: this, self: obj }, [value]);
            return value;
          }
          obj.data[key] = value;
          return value;
        }
        throw fault('System.TypeException', `Cannot assign to ${target.name}`);
      }
      case 'index': {
        const list = this.eval(target.target, frame);
        const index = this.eval(target.index, frame) as number;
        if (list === null) throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        if (!(list instanceof ApexList)) throw fault('System.TypeException', 'Expression must be a list type');
        if (index === null) throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        if (index < 0 || index >= list.items.length)
          throw fault('System.ListException', `List index out of bounds: ${index}`);
        list.items[index] = this.coerce(value, list.elemType);
        return value;
      }
      default:
        throw fault('System.TypeException', 'Invalid assignment target');
    }
  }

  // ---------------------------------------------------------------- operators

  private binary(op: string, left: Expr, right: Expr, frame: Frame): unknown {
    if (op === '&&') {
      const l = this.eval(left, frame);
      if (!this.truthy(l)) return false;
      return this.truthy(this.eval(right, frame));
    }
    if (op === '||') {
      const l = this.eval(left, frame);
      if (this.truthy(l)) return true;
      return this.truthy(this.eval(right, frame));
    }
    if (op === '??') {
      const l = this.eval(left, frame);
      return l !== null ? l : this.eval(right, frame);
    }
    const l = this.eval(left, frame);
    const r = this.eval(right, frame);
    // `+` with a null operand declared String concatenates ("null"), as it does for a null String variable:
    // `String s; s + 1` is 'null1' (Apex Developer Guide, Expression Operators: + concatenates when either operand
    // is a String). Without the declared type a null would be taken as a number (NullPointerException).
    if (op === '+' && (l === null || r === null) && typeof l !== 'string' && typeof r !== 'string') {
      if ((l === null && this.declaredString(left, frame)) || (r === null && this.declaredString(right, frame)))
        return objText(l) + objText(r);
    }
    return this.binaryValues(op, l, r);
  }

  /** Whether a variable or member expression is declared String (found only for locals, members and fields). */
  private declaredString(e: Expr, frame: Frame): boolean {
    if (e.k === 'name') {
      const key = e.name.toLowerCase();
      const local = frame.scope.lookup(key);
      if (local) return local.type.name === 'String';
      const member = this.findMember(frame.cls, frame.self, key);
      if (!member) return false;
      const decl = member.cls.fields.get(key) ?? member.cls.properties.get(key);
      return !!decl && this.resolveType(decl.type, member.cls).name === 'String';
    }
    if (e.k === 'field' && (e.target.k === 'this' || e.target.k === 'name')) {
      const target = e.target.k === 'this' ? frame.self : this.evalTarget(e.target, frame);
      const key = e.name.toLowerCase();
      if (target instanceof ApexObject) {
        for (let c: ClassInfo | null = target.cls; c; c = this.superOf(c)) {
          const decl = c.fields.get(key) ?? c.properties.get(key);
          if (decl) return this.resolveType(decl.type, c).name === 'String';
        }
      }
    }
    return false;
  }

  binaryValues(op: string, a: unknown, b: unknown): unknown {
    switch (op) {
      case '==':
        return this.equalsValues(a, b);
      case '!=':
      case '<>':
        return !this.equalsValues(a, b);
      case '===':
        return this.identical(a, b);
      case '!==':
        return !this.identical(a, b);
      case '+':
        if (typeof a === 'string' || typeof b === 'string' || a instanceof ApexId || b instanceof ApexId) {
          return objText(a) + objText(b);
        }
        if (a === null || b === null)
          throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        if (a instanceof ApexDate && typeof b === 'number') return ApexDate.fromEpochDay(a.epochDay + b);
        if (
          a instanceof ApexDatetime &&
          (typeof b === 'number' || b instanceof ApexDecimal || b instanceof ApexDouble)
        ) {
          return new ApexDatetime(a.ms + Math.round(toDouble(b as Num) * 86400000));
        }
        return arith('+', a as Num, b as Num);
      case '-':
      case '*':
      case '/':
        if (a === null || b === null)
          throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
        if (op === '-' && a instanceof ApexDate && typeof b === 'number') return ApexDate.fromEpochDay(a.epochDay - b);
        return arith(op, a as Num, b as Num);
      case '<':
      case '>':
      case '<=':
      case '>=': {
        if (a === null || b === null) {
          // Apex: comparisons with null are false (no exception) for primitives.
          return false;
        }
        const c = this.compare(a, b);
        return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
      }
      case '&':
      case '|':
      case '^':
        if (typeof a === 'boolean') {
          return op === '&' ? a && (b as boolean) : op === '|' ? a || (b as boolean) : a !== b;
        }
        return this.bitwise(op, a as number | bigint, b as number | bigint);
      case '<<':
      case '>>':
      case '>>>':
        return this.shift(op, a as number | bigint, b as number);
    }
    throw fault('System.UnexpectedException', `operator ${op}`);
  }

  private bitwise(op: string, a: number | bigint, b: number | bigint): number | bigint {
    if (typeof a === 'bigint' || typeof b === 'bigint') {
      const x = BigInt(a);
      const y = BigInt(b);
      return BigInt.asIntN(64, op === '&' ? x & y : op === '|' ? x | y : x ^ y);
    }
    return op === '&' ? a & b : op === '|' ? a | b : a ^ b;
  }

  private shift(op: string, a: number | bigint, b: number): number | bigint {
    if (typeof a === 'bigint') {
      const n = BigInt(b & 63);
      if (op === '<<') return BigInt.asIntN(64, a << n);
      if (op === '>>') return a >> n;
      return BigInt.asIntN(64, BigInt.asUintN(64, a) >> n);
    }
    if (op === '<<') return a << b;
    if (op === '>>') return a >> b;
    return (a >>> b) | 0;
  }

  compare(a: unknown, b: unknown): number {
    if (typeof a === 'string' && typeof b === 'string') {
      // String < and > compare case-insensitively like ==? Apex uses compareTo semantics on lower-case.
      const x = a.toLowerCase();
      const y = b.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    }
    if (
      (typeof a === 'number' || typeof a === 'bigint' || a instanceof ApexDouble || a instanceof ApexDecimal) &&
      (typeof b === 'number' || typeof b === 'bigint' || b instanceof ApexDouble || b instanceof ApexDecimal)
    ) {
      return compareNumbers(a, b);
    }
    if (a instanceof ApexDate && b instanceof ApexDate) return a.epochDay - b.epochDay;
    if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms - b.ms;
    if (a instanceof ApexDate && b instanceof ApexDatetime) return dateAsDatetime(a).ms - b.ms;
    if (a instanceof ApexDatetime && b instanceof ApexDate) return a.ms - dateAsDatetime(b).ms;
    if (a instanceof ApexTime && b instanceof ApexTime) return a.ms - b.ms;
    if (a instanceof ApexId && b instanceof ApexId) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    throw fault(
      'System.TypeException',
      `Comparison arguments must be compatible types: ${this.runtimeTypeName(a)}, ${this.runtimeTypeName(b)}`
    );
  }

  equalsValues(a: unknown, b: unknown): boolean {
    // `==` on two collections compares as their `equals` does (List Class, equals: elements equal and in the same
    // order; Salesforce Stack Exchange 278496: Decimals in lists compare with their scale), not element by `==`.
    const collection = (v: unknown): boolean => v instanceof ApexList || v instanceof ApexSet || v instanceof ApexMap;
    if (collection(a) && collection(b)) return this.strictEquals(a, b);
    return looseEquals(a, b, (x, y) => {
      if (this.hasMethod(x.cls, 'equals')) return this.callMethod(x, 'equals', [y]) === true;
      return x === y;
    });
  }

  /**
   * `a.equals(b)` as collections use it (List `contains`/`indexOf`/`equals`, Set and Map keys): Strings
   * case-sensitively, Decimals with their scale (`1.0` and `1.00` differ), numbers of different types apart,
   * records and collections by content, class instances by their `equals` (identity without one).
   */
  strictEquals(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (a instanceof ApexObject) {
      return this.hasMethod(a.cls, 'equals') ? this.callMethod(a, 'equals', [b]) === true : false;
    }
    if (a instanceof ApexList && b instanceof ApexList) {
      return a.items.length === b.items.length && a.items.every((x, i) => this.strictEquals(x, b.items[i]));
    }
    if (a instanceof ApexMap && b instanceof ApexMap) {
      if (a.map.size !== b.map.size) return false;
      for (const [k, [, v]] of a.map) {
        const other = b.map.get(k);
        if (!other || !this.strictEquals(v, other[1])) return false;
      }
      return true;
    }
    // Two Sets are equal when they hold the same elements, in any order (Set Class, equals).
    if (a instanceof ApexSet && b instanceof ApexSet) {
      return a.map.size === b.map.size && [...a.map.keys()].every((k) => b.map.has(k));
    }
    const ka = this.keyOf(a);
    return typeof ka === 'string' && ka === this.keyOf(b);
  }

  private identical(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (a === null || b === null) return false;
    // === on primitives compares values.
    if (typeof a !== 'object' || typeof b !== 'object') return looseEquals(a, b);
    if (
      a instanceof ApexId ||
      a instanceof ApexDate ||
      a instanceof ApexDatetime ||
      a instanceof ApexDouble ||
      a instanceof ApexDecimal
    ) {
      return looseEquals(a, b);
    }
    return false;
  }

  // ---------------------------------------------------------------- collections

  keyOf(v: unknown): unknown {
    return keyOf(v, (o) => {
      if (!this.hasMethod(o.cls, 'hashCode')) return null;
      return 'H' + str(this.callMethod(o, 'hashCode', []));
    });
  }

  setAdd(set: ApexSet, v: unknown): boolean {
    const k = this.keyOf(v);
    if (set.map.has(k)) return false;
    set.map.set(k, v);
    return true;
  }

  /** The key of `k` in `map` (case-insensitive for describe maps). */
  mapKey(map: ApexMap, k: unknown): unknown {
    return this.keyOf(map.caseInsensitive && typeof k === 'string' ? k.toLowerCase() : k);
  }

  mapPut(map: ApexMap, k: unknown, v: unknown): unknown {
    const key = this.mapKey(map, k);
    const old = map.map.get(key);
    map.map.set(key, [old ? old[0] : k, v]);
    return old ? old[1] : null;
  }

  mapGet(map: ApexMap, k: unknown): unknown {
    const e = map.map.get(this.mapKey(map, k));
    return e ? e[1] : null;
  }

  listGet(list: ApexList, index: number): unknown {
    if (index === null) throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
    if (index < 0 || index >= list.items.length)
      throw fault('System.ListException', `List index out of bounds: ${index}`);
    return list.items[index];
  }

  // ---------------------------------------------------------------- SObjects

  sobjectGet(rec: SObjectValue, name: string): unknown {
    const key = name.toLowerCase();
    if (rec.values.has(key)) return rec.values.get(key);
    const field = this.platform.fieldName(rec.object, key);
    if (field === undefined) {
      // A relationship (Owner) not loaded reads as null.
      if (this.platform.fieldName(rec.object, key + 'id') !== undefined || key.endsWith('__r')) return null;
      throw fault('System.SObjectException', `Invalid field ${name} for ${rec.object}`);
    }
    if (rec.queried && !rec.queried.has(key)) {
      throw fault(
        'System.SObjectException',
        `SObject row was retrieved via SOQL without querying the requested field: ${rec.object}.${field}`
      );
    }
    return null;
  }

  sobjectPut(rec: SObjectValue, name: string, value: unknown): void {
    const key = name.toLowerCase();
    const field = this.platform.fieldName(rec.object, key);
    if (field === undefined) {
      if (value instanceof SObjectValue || value === null) {
        rec.values.set(key, value);
        rec.names.set(key, name);
        return;
      }
      throw fault('System.SObjectException', `Invalid field ${name} for ${rec.object}`);
    }
    const coerced = this.coerceField(rec.object, field, value);
    rec.values.set(key, coerced);
    rec.names.set(key, field);
    if (rec.queried) rec.queried.add(key);
  }

  /** Apex code assigning a field (`lead.Name = x`, `new Lead(Name = x)`): a field no one may write is refused. */
  checkFieldWrite(rec: SObjectValue, name: string): void {
    const fn = this.registry.findStatic('$sobject', 'checkwrite');
    if (fn) fn({ interp: this, self: undefined }, [rec.object, name, false]);
  }

  /** Field values take the field's Apex type (a String into an Id field becomes an Id, an Integer into a Double field a Double). */
  coerceField(object: string, field: string, value: unknown): unknown {
    const fn = this.registry.findStatic('$sobject', 'coercefield');
    if (fn) return fn({ interp: this, self: undefined }, [object, field, value]);
    return value;
  }

  // ---------------------------------------------------------------- types at runtime

  runtimeTypeName(v: unknown): string {
    if (v === null || v === undefined) return 'null';
    if (v instanceof ApexObject) return v.cls.name;
    if (v instanceof SObjectValue) return v.object;
    if (v instanceof ApexList) return `List<${typeName(v.elemType)}>`;
    if (v instanceof ApexSet) return `Set<${typeName(v.elemType)}>`;
    if (v instanceof ApexMap) return `Map<${typeName(v.keyType)},${typeName(v.valueType)}>`;
    if (v instanceof EnumValue) return v.enumType;
    return this.kindOf(v);
  }

  /** `v instanceof t`, with Apex's quirks (a Date is also a Datetime). */
  isInstance(v: unknown, t: RType): boolean {
    if (v === null || v === undefined) return false;
    const n = t.name;
    switch (n) {
      case 'Object':
        return true;
      case 'String':
        return typeof v === 'string' || v instanceof ApexId;
      case 'Id':
        return v instanceof ApexId;
      case 'Integer':
        return typeof v === 'number';
      case 'Long':
        return typeof v === 'bigint' || typeof v === 'number';
      case 'Double':
        return v instanceof ApexDouble || v instanceof ApexDecimal || typeof v === 'number' || typeof v === 'bigint';
      case 'Decimal':
        return v instanceof ApexDecimal || v instanceof ApexDouble || typeof v === 'number' || typeof v === 'bigint';
      case 'Boolean':
        return typeof v === 'boolean';
      case 'Date':
        return v instanceof ApexDate;
      case 'Datetime':
        // Platform quirk: a Date value is also instanceof Datetime.
        return v instanceof ApexDatetime || v instanceof ApexDate;
      case 'Time':
        return v instanceof ApexTime;
      case 'Blob':
        return v instanceof ApexBlob;
      case 'SObject':
        // AggregateResult is a read-only sObject (Apex Developer Guide, Working with SOQL Aggregate Functions).
        return v instanceof SObjectValue || (v instanceof NativeObject && v.type === 'Schema.AggregateResult');
      case 'List':
        return v instanceof ApexList && this.elementTypeFits(v.elemType, t.args[0]);
      case 'Set':
        return v instanceof ApexSet && this.elementTypeFits(v.elemType, t.args[0]);
      case 'Map':
        return (
          v instanceof ApexMap &&
          this.elementTypeFits(v.keyType, t.args[0]) &&
          this.elementTypeFits(v.valueType, t.args[1])
        );
    }
    if (v instanceof SObjectValue) return v.object.toLowerCase() === n.toLowerCase();
    if (v instanceof EnumValue) return v.enumType.toLowerCase() === n.toLowerCase();
    if (v instanceof ApexObject) {
      const target = this.classByName(n);
      if (target) return this.isSubclass(v.cls, target);
      if (v.cls.isException) {
        if (builtinKey(n) === 'exception') return true;
        const b = this.registry.lookupType(n);
        if (b) return this.isSubclass(v.cls, this.builtinExceptionClass(n));
      }
      return this.implementsNative(v.cls, n);
    }
    if (v instanceof NativeObject) {
      const wanted = builtinKey(n);
      for (let t: string | undefined = v.type; t; t = this.registry.lookupType(t)?.parent) {
        if (builtinKey(t) === wanted) return true;
      }
      return false;
    }
    if (v instanceof TypeValue) return builtinKey(n) === 'type';
    return false;
  }

  /** Generic type compatibility for casts and instanceof: exact, or Object target, or the SObject hierarchy. */
  private elementTypeFits(actual: RType, wanted: RType | undefined): boolean {
    if (!wanted) return true;
    const a = actual.name.toLowerCase();
    const w = wanted.name.toLowerCase();
    if (a === w) {
      if (actual.args.length !== wanted.args.length) return true;
      return actual.args.every((x, i) => this.elementTypeFits(x, wanted.args[i]));
    }
    if (w === 'object') return a !== 'object' || true;
    if (w === 'sobject') return !!this.platform.objectName(a);
    if (a === 'sobject') return !!this.platform.objectName(w);
    if (a === 'id' && w === 'string') return true;
    const ac = this.classByName(actual.name);
    const wc = this.classByName(wanted.name);
    if (ac && wc) return this.isSubclass(ac, wc);
    return false;
  }

  /**
   * Whether a cast operand's declared (compile-time) type is Object: a variable, field or property declared Object,
   * a call whose declared result is Object (a user method; `Map<K,Object>.get`, `List<Object>.get`, `SObject.get`,
   * `JSON.deserializeUntyped`, …), or a cast to Object. Apex converts between number types only when the operand is
   * declared as a number (`(Integer) 5.2`); from Object it checks the runtime type
   * (`(Integer) (Object) 5.2` throws TypeException). Operands whose declared type is not found here are taken as
   * declared numbers (the lenient reading).
   */
  private operandIsObjectTyped(e: Expr, frame: Frame): boolean {
    switch (e.k) {
      case 'cast':
        return this.resolveType(e.type, frame.cls).name === 'Object';
      case 'name': {
        const key = e.name.toLowerCase();
        const local = frame.scope.lookup(key);
        if (local) return local.type.name === 'Object';
        const member = this.findMember(frame.cls, frame.self, key);
        return member ? this.memberTypeIsObject(member.cls, key) : false;
      }
      case 'field': {
        if (e.target.k !== 'this' && e.target.k !== 'name') return false;
        const target = e.target.k === 'this' ? frame.self : this.evalTarget(e.target, frame);
        if (!(target instanceof ApexObject)) return false;
        const key = e.name.toLowerCase();
        for (let s: ClassInfo | null = target.cls; s; s = this.superOf(s)) {
          if (s.fields.has(key) || s.properties.has(key)) return this.memberTypeIsObject(s, key);
        }
        return false;
      }
      case 'index': {
        if (e.target.k !== 'name') return false;
        const list = this.evalTarget(e.target, frame);
        return list instanceof ApexList && list.elemType.name === 'Object';
      }
      case 'call':
        return this.lastCallReturnsObject();
    }
    return false;
  }

  private memberTypeIsObject(cls: ClassInfo, key: string): boolean {
    const decl = cls.fields.get(key) ?? cls.properties.get(key);
    return !!decl && this.resolveType(decl.type, cls).name === 'Object';
  }

  /** Whether the call evaluated last (`lastCall`) is declared to return Object. */
  private lastCallReturnsObject(): boolean {
    const c = this.lastCall;
    if (!c) return false;
    const key = c.name.toLowerCase();
    const returnsObject = (m: { cls: ClassInfo; method: MethodDecl } | null): boolean =>
      !!m?.method.returnType && this.resolveType(m.method.returnType, m.cls).name === 'Object';
    const target = c.target;
    if (target === undefined) {
      for (let cls: ClassInfo | null = c.frame.cls; cls; cls = cls.outer) {
        const self = cls === c.frame.cls ? c.frame.self : null;
        const m = this.selectMethod(self ? self.cls : cls, c.name, c.args, !self);
        if (m) return returnsObject(m);
      }
      return false;
    }
    if (target instanceof SuperRef) {
      const sup = this.superOf(c.frame.cls);
      return !!sup && returnsObject(this.selectMethod(sup, c.name, c.args, false));
    }
    if (target instanceof TypeValue && !target.literal) {
      const user = this.classByName(target.type.name);
      if (user) return returnsObject(this.selectMethod(user, c.name, c.args, true));
      return OBJECT_RESULT_STATICS.has(`${target.type.name.toLowerCase()}.${key}`);
    }
    if (target instanceof Namespace) return OBJECT_RESULT_STATICS.has(`${target.name.toLowerCase()}.${key}`);
    if (target instanceof ApexObject) {
      const m = this.selectMethod(target.cls, c.name, c.args, false);
      if (m) return returnsObject(m);
    }
    if (target instanceof ApexMap) return (key === 'get' || key === 'remove') && target.valueType.name === 'Object';
    if (target instanceof ApexList) return (key === 'get' || key === 'remove') && target.elemType.name === 'Object';
    if (target instanceof SObjectValue || target instanceof NativeObject) return OBJECT_RESULT_METHODS.has(key);
    return false;
  }

  /**
   * `(T) v` where v is declared Object and holds a number: allowed when the runtime type is T or a lower type in
   * the number hierarchy (what `instanceof T` accepts), then converted; otherwise TypeException.
   */
  private castFromObject(v: Num, t: RType): unknown {
    if (!this.isInstance(v, t)) {
      throw fault(
        'System.TypeException',
        `Invalid conversion from runtime type ${this.runtimeTypeName(v)} to ${typeName(t)}`
      );
    }
    return this.coerceNumber(v, t.name, true);
  }

  /** `(T) v`: checks the runtime type (TypeException when it does not fit), converts numbers. */
  cast(v: unknown, t: RType): unknown {
    if (v === null || v === undefined) return null;
    const n = t.name;
    if (n === 'Object') return v;
    if (n === 'Integer' || n === 'Long' || n === 'Double' || n === 'Decimal') {
      if (typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDouble || v instanceof ApexDecimal) {
        return this.coerceNumber(v, n, true);
      }
    }
    if (n === 'String' && v instanceof ApexId) return v.value;
    if (n === 'Id' && typeof v === 'string') return this.toId(v);
    if (n === 'Datetime' && v instanceof ApexDate) return dateAsDatetime(v);
    if (
      (n === 'List' || n === 'Set' || n === 'Map') &&
      (v instanceof ApexList || v instanceof ApexSet || v instanceof ApexMap)
    ) {
      if (this.isInstance(v, t)) return v;
      // List<Object> to List<String> etc.: allowed when the target is the SObject family or the source is SObject.
      // The platform names an Object type argument ANY: `List<ANY> to Map<String,ANY>`.
      const any = (text: string): string => text.replace(/(?<=[<,])Object(?=[>,])/g, 'ANY');
      throw fault(
        'System.TypeException',
        `Invalid conversion from runtime type ${any(this.runtimeTypeName(v))} to ${any(typeName(t))}`
      );
    }
    if (this.isInstance(v, t)) return v;
    throw fault(
      'System.TypeException',
      `Invalid conversion from runtime type ${this.runtimeTypeName(v)} to ${typeName(t)}`
    );
  }

  toId(v: string): ApexId {
    const id = ApexId.parse(v);
    if (!id) throw fault('System.StringException', `Invalid id: ${v}`);
    return id;
  }

  private coerceNumber(v: Num, target: string, explicit: boolean): unknown {
    switch (target) {
      case 'Integer':
        if (typeof v === 'number') return v;
        if (!explicit) return v;
        return toInteger(v);
      case 'Long':
        return toLong(v);
      case 'Double':
        return v instanceof ApexDouble ? v : new ApexDouble(toDouble(v));
      case 'Decimal':
        return toDecimal(v);
    }
    return v;
  }

  /** Assignment conversion to a declared type: numeric widening, Date → Datetime (midnight GMT), String ↔ Id. */
  coerce(v: unknown, t: RType): unknown {
    if (v === null || v === undefined) return null;
    switch (t.name) {
      case 'Long':
        return typeof v === 'number' ? BigInt(v) : v;
      case 'Double':
        if (typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDecimal)
          return new ApexDouble(toDouble(v as Num));
        return v;
      case 'Decimal':
        if (typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDouble) return toDecimal(v as Num);
        return v;
      case 'Datetime':
        return v instanceof ApexDate ? dateAsDatetime(v) : v;
      case 'Id':
        if (typeof v === 'string') return this.toId(v);
        return v;
      case 'String':
        return v instanceof ApexId ? v.value : v;
      case 'List':
      case 'Set':
      case 'Map':
      case 'Object':
        return v;
    }
    if (
      v instanceof ApexList &&
      (t.name === 'SObject' ||
        (t.name === 'Schema.AggregateResult' && v.elemType.name === t.name) ||
        this.platform.objectName(t.name.toLowerCase()))
    )
      return this.singleRow(v);
    return v;
  }

  /** A SOQL result assigned to a single SObject (Apex Developer Guide, SOQL statements: exactly one row). */
  singleRow(list: ApexList): unknown {
    if (list.items.length === 0) throw fault('System.QueryException', 'List has no rows for assignment to SObject');
    if (list.items.length > 1)
      throw fault('System.QueryException', 'List has more than 1 row for assignment to SObject');
    return list.items[0];
  }

  // helpers for natives
  newDecimal(d: Decimal, scale: number): ApexDecimal {
    return new ApexDecimal(d, scale);
  }
}

/** `super.m()` target. */
class SuperRef {
  constructor(readonly frame: Frame) {}
}
