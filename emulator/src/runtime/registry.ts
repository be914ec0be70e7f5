/**
 * The platform's built-in types as the interpreter sees them: static methods (`String.valueOf`), instance methods
 * of each value kind (`'abc'.length()`), constructors (`new HttpRequest()`), static properties and enums
 * (`RoundingMode.HALF_UP`, `Schema.DisplayType.STRING`). The standard-library modules under `stdlib/` register
 * themselves here; the interpreter only looks things up.
 */
import type { Interpreter } from './interpreter';
import { EnumValue, RType } from './values';

export interface CallContext {
  interp: Interpreter;
  /** The receiver of an instance method (the value), undefined for static methods. */
  self: unknown;
}

export type NativeFn = (ctx: CallContext, args: unknown[]) => unknown;

export interface BuiltinType {
  /** Canonical name, e.g. `String`, `System.Pattern`, `Schema.DescribeFieldResult`, `Database.SaveResult`. */
  name: string;
  /** Exception types: the parent exception type name. */
  exceptionParent?: string;
  /** Enum constants, in order. */
  enumValues?: EnumValue[];
  /** Interfaces (for `instanceof` on native objects and user classes implementing platform interfaces). */
  isInterface?: boolean;
  /** Supertype of a platform type (`Metadata.CustomMetadata` is a `Metadata.Metadata`), for casts and instanceof. */
  parent?: string;
  /** Exceptions whose `getMessage()` hides the constructor's message until `setMessage` (AuraHandledException). */
  hiddenConstructorMessage?: string;
  /** A type of a namespace the emulator does not model (`DataWeave`, `ConnectApi`): using it fails loudly. */
  unsupported?: string;
}

const lower = (s: string): string => s.toLowerCase();

/** `System.String` → `string`; `Schema.SObjectType` → `sobjecttype`; `Database.SaveResult` stays qualified. */
export function builtinKey(name: string): string {
  const l = lower(name);
  if (l.startsWith('system.')) return l.substring(7);
  if (l.startsWith('schema.')) return l.substring(7);
  return l;
}

export class Registry {
  readonly types = new Map<string, BuiltinType>();
  private readonly statics = new Map<string, NativeFn>();
  private readonly instance = new Map<string, NativeFn>();
  /**
   * `findMethod` answers by the names as spelled at the call (kind, then method): a call site asks with the same
   * spelling each time, so most lookups skip the case folding. Emptied when a method is registered.
   */
  private readonly methodsBySpelling = new Map<string, Map<string, NativeFn | undefined>>();
  private readonly ctors = new Map<string, NativeFn>();
  private readonly staticProps = new Map<string, (interp: Interpreter) => unknown>();
  private readonly staticResolvers = new Map<string, (interp: Interpreter, name: string) => unknown>();
  private readonly instanceProps = new Map<string, (interp: Interpreter, self: unknown) => unknown>();
  /** Namespaces left unmodelled (`dataweave.` → `DataWeave`): their types resolve, every call on them throws. */
  private readonly unsupportedNamespaces = new Map<string, string>();
  /** Throws `not supported by the emulator: <feature>` (the standard library may refine it per feature). */
  unsupportedCall: (feature: string, interp: Interpreter) => never = (feature) => {
    throw new Error(`not supported by the emulator: ${feature}`);
  };

  /** Marks a platform namespace as not modelled: its types resolve, and any static call, constructor or method fails. */
  unsupportedNamespace(namespace: string, feature: string): void {
    this.unsupportedNamespaces.set(lower(namespace) + '.', feature);
  }

  private unsupportedFeature(name: string): string | undefined {
    const l = lower(name);
    for (const [prefix, feature] of this.unsupportedNamespaces) if (l.startsWith(prefix)) return feature;
    return undefined;
  }

  type(name: string, extra: Omit<BuiltinType, 'name'> = {}): BuiltinType {
    const t: BuiltinType = { name, ...extra };
    this.types.set(builtinKey(name), t);
    const short = name.split('.').pop() as string;
    // Types of the System and Schema namespaces can be named without it; Database.X etc. cannot.
    if (/^(System|Schema)\./.test(name) && !this.types.has(lower(short))) this.types.set(lower(short), t);
    return t;
  }

  enumType(name: string, values: string[]): BuiltinType {
    const enumValues = values.map((v, i) => new EnumValue(name, v, i));
    return this.type(name, { enumValues });
  }

  exceptionType(name: string, parent = 'Exception'): BuiltinType {
    return this.type(name, { exceptionParent: parent });
  }

  lookupType(name: string): BuiltinType | undefined {
    const found = this.types.get(builtinKey(name));
    if (found || this.unsupportedNamespaces.size === 0) return found;
    const feature = this.unsupportedFeature(name);
    return feature ? { name, unsupported: feature } : undefined;
  }

  /** `register('String', 'valueOf', fn)`: a static method. */
  static(typeName: string, method: string, fn: NativeFn): void {
    this.statics.set(builtinKey(typeName) + '#' + lower(method), fn);
  }

  /** An instance method of a value kind (`String`, `List`, `SObject`, `Exception`, a native type name). */
  method(kind: string, method: string, fn: NativeFn): void {
    this.instance.set(builtinKey(kind) + '#' + lower(method), fn);
    this.methodsBySpelling.clear();
  }

  ctor(typeName: string, fn: NativeFn): void {
    this.ctors.set(builtinKey(typeName), fn);
  }

  /** A static property (`UserInfo` has none; `RestContext.request` is one). */
  staticProp(typeName: string, prop: string, get: (interp: Interpreter) => unknown): void {
    this.staticProps.set(builtinKey(typeName) + '#' + lower(prop), get);
  }

  /** Any static name of a type (`Schema.SObjectType.Lead`). Return undefined for unknown names. */
  staticResolver(typeName: string, resolve: (interp: Interpreter, name: string) => unknown): void {
    this.staticResolvers.set(builtinKey(typeName), resolve);
  }

  /** A readable property of a native object (`describe.fields`). */
  instanceProp(kind: string, prop: string, get: (interp: Interpreter, self: unknown) => unknown): void {
    this.instanceProps.set(builtinKey(kind) + '#' + lower(prop), get);
  }

  findStatic(typeName: string, method: string): NativeFn | undefined {
    const fn = this.statics.get(builtinKey(typeName) + '#' + lower(method));
    if (fn || this.unsupportedNamespaces.size === 0) return fn;
    const feature = this.unsupportedFeature(typeName);
    return feature ? (ctx) => this.unsupportedCall(feature, ctx.interp) : undefined;
  }

  findMethod(kind: string, method: string): NativeFn | undefined {
    let byMethod = this.methodsBySpelling.get(kind);
    if (!byMethod) {
      byMethod = new Map();
      this.methodsBySpelling.set(kind, byMethod);
    }
    let fn = byMethod.get(method);
    if (fn === undefined && !byMethod.has(method)) {
      fn = this.instance.get(builtinKey(kind) + '#' + lower(method));
      byMethod.set(method, fn);
    }
    return fn;
  }

  findCtor(typeName: string): NativeFn | undefined {
    const fn = this.ctors.get(builtinKey(typeName));
    if (fn || this.unsupportedNamespaces.size === 0) return fn;
    const feature = this.unsupportedFeature(typeName);
    return feature ? (ctx) => this.unsupportedCall(feature, ctx.interp) : undefined;
  }

  findStaticProp(typeName: string, prop: string, interp: Interpreter): { value: unknown } | undefined {
    const get = this.staticProps.get(builtinKey(typeName) + '#' + lower(prop));
    if (get) return { value: get(interp) };
    const t = this.lookupType(typeName);
    if (t?.enumValues) {
      const v = t.enumValues.find((e) => lower(e.name) === lower(prop));
      if (v) return { value: v };
    }
    const resolver = this.staticResolvers.get(builtinKey(typeName));
    if (resolver) {
      const value = resolver(interp, prop);
      if (value !== undefined) return { value };
    }
    return undefined;
  }

  findInstanceProp(kind: string, prop: string): ((interp: Interpreter, self: unknown) => unknown) | undefined {
    return this.instanceProps.get(builtinKey(kind) + '#' + lower(prop));
  }

  hasStatics(typeName: string): boolean {
    const prefix = builtinKey(typeName) + '#';
    for (const k of this.statics.keys()) if (k.startsWith(prefix)) return true;
    for (const k of this.staticProps.keys()) if (k.startsWith(prefix)) return true;
    return this.staticResolvers.has(builtinKey(typeName));
  }
}

export type RTypeLike = RType;
