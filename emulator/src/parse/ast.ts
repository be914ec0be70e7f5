/**
 * The emulator's Apex syntax tree: a compact form of the ANTLR parse tree of Certinia's grammar
 * (`@apexdevtools/apex-parser`), built once per file by `build.ts`. Every node carries its source line for stack
 * traces and line coverage. Names keep their declared case; resolution is case-insensitive.
 */

export interface TypeRef {
  /** Dotted name parts as written: `['Schema', 'SObjectType']`, `['List']`, `['AlowareFieldDescribe', 'Field']`. */
  names: string[];
  /** Type arguments of the last part: `Map<String, Object>`. */
  args: TypeRef[];
  /** `String[]` → 1 (an array is a List). */
  arrayDims: number;
}

export interface Annotation {
  name: string;
  /** Element values by lower-case name, as literal source text (`true`, `'x'`). */
  params: Record<string, string>;
}

export interface Node {
  line: number;
}

export type Expr =
  | (Node & { k: 'lit'; type: 'Integer' | 'Long' | 'Decimal' | 'String' | 'Boolean' | 'Null'; value: string })
  | (Node & { k: 'name'; name: string })
  | (Node & { k: 'this' })
  | (Node & { k: 'super' })
  | (Node & { k: 'field'; target: Expr; name: string; safe: boolean })
  | (Node & { k: 'call'; target: Expr | null; name: string; args: Expr[]; safe: boolean })
  | (Node & { k: 'ctorCall'; kind: 'this' | 'super'; args: Expr[] })
  | (Node & { k: 'index'; target: Expr; index: Expr })
  | (Node & { k: 'new'; type: TypeRef; args: Expr[] })
  | (Node & { k: 'newSObject'; type: TypeRef; pairs: { name: string; value: Expr }[] })
  | (Node & { k: 'newList'; type: TypeRef; items: Expr[] | null; size: Expr | null })
  | (Node & { k: 'newMap'; type: TypeRef; pairs: { key: Expr; value: Expr }[] })
  | (Node & { k: 'assign'; op: string; target: Expr; value: Expr })
  | (Node & { k: 'binary'; op: string; left: Expr; right: Expr })
  | (Node & { k: 'unary'; op: '!' | '-' | '+' | '~'; operand: Expr })
  | (Node & { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr })
  | (Node & { k: 'cond'; test: Expr; then: Expr; else: Expr })
  | (Node & { k: 'cast'; type: TypeRef; operand: Expr })
  | (Node & { k: 'instanceof'; operand: Expr; type: TypeRef })
  | (Node & { k: 'classLit'; type: TypeRef | null })
  | (Node & { k: 'soql'; query: SoqlQuery })
  | (Node & { k: 'sosl'; text: string });

/** An inline SOQL query: the query text and its bind expressions (`:expr`), parsed as Apex. */
export interface SoqlQuery {
  text: string;
  /** Bind expressions in order of appearance; the text holds `:__bind0`, `:__bind1`, … in their place. */
  binds: Expr[];
}

export interface WhenClause extends Node {
  kind: 'else' | 'values' | 'type';
  values: Expr[];
  type?: TypeRef;
  varName?: string;
  body: Stmt;
}

export interface CatchClause extends Node {
  type: TypeRef;
  varName: string;
  body: Stmt;
}

export type Stmt =
  | (Node & { k: 'block'; body: Stmt[] })
  | (Node & { k: 'local'; type: TypeRef; decls: { name: string; init: Expr | null; line: number }[] })
  | (Node & { k: 'expr'; expr: Expr })
  | (Node & { k: 'if'; test: Expr; then: Stmt; else: Stmt | null })
  | (Node & { k: 'for'; init: Stmt | Expr[] | null; test: Expr | null; update: Expr[]; body: Stmt })
  | (Node & { k: 'foreach'; type: TypeRef; name: string; iterable: Expr; body: Stmt })
  | (Node & { k: 'while'; test: Expr; body: Stmt })
  | (Node & { k: 'do'; body: Stmt; test: Expr })
  | (Node & { k: 'return'; value: Expr | null })
  | (Node & { k: 'throw'; value: Expr })
  | (Node & { k: 'break' })
  | (Node & { k: 'continue' })
  | (Node & { k: 'try'; body: Stmt; catches: CatchClause[]; finally: Stmt | null })
  | (Node & { k: 'switch'; value: Expr; whens: WhenClause[] })
  | (Node & {
      k: 'dml';
      op: 'insert' | 'update' | 'delete' | 'undelete' | 'upsert' | 'merge';
      target: Expr;
      second: Expr | null;
      externalId: string | null;
      accessLevel: 'user' | 'system' | null;
    })
  | (Node & { k: 'runAs'; args: Expr[]; body: Stmt });

export interface Param {
  type: TypeRef;
  name: string;
}

export interface MethodDecl extends Node {
  name: string;
  modifiers: Set<string>;
  annotations: Annotation[];
  /** null for void. */
  returnType: TypeRef | null;
  params: Param[];
  /** null for abstract and interface methods. */
  body: Stmt | null;
  endLine: number;
}

export interface FieldDecl extends Node {
  name: string;
  type: TypeRef;
  modifiers: Set<string>;
  annotations: Annotation[];
  init: Expr | null;
}

export interface PropertyDecl extends Node {
  name: string;
  type: TypeRef;
  modifiers: Set<string>;
  annotations: Annotation[];
  /** Accessor bodies (null body = automatic); undefined accessor = not declared. */
  getter?: { body: Stmt | null; modifiers: Set<string> };
  setter?: { body: Stmt | null; modifiers: Set<string> };
}

/** Field initialisers and initialiser blocks, in declaration order (the order they run in). */
export type Initializer =
  | { k: 'field'; decl: FieldDecl }
  | { k: 'property'; decl: PropertyDecl }
  | { k: 'block'; isStatic: boolean; body: Stmt };

export interface TypeDecl extends Node {
  kind: 'class' | 'interface' | 'enum';
  name: string;
  modifiers: Set<string>;
  annotations: Annotation[];
  extendsType: TypeRef | null;
  implementsTypes: TypeRef[];
  fields: FieldDecl[];
  properties: PropertyDecl[];
  methods: MethodDecl[];
  constructors: MethodDecl[];
  initializers: Initializer[];
  inner: TypeDecl[];
  enumValues: string[];
  endLine: number;
}

export interface TriggerDecl extends Node {
  name: string;
  object: string;
  events: string[];
  body: Stmt;
}
