/**
 * Parses Apex source with Certinia's ANTLR grammar (`@apexdevtools/apex-parser`, the parser family apex-ls and PMD
 * use) and converts the parse tree into the emulator's compact syntax tree (`ast.ts`).
 */
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import type {
  Annotation,
  CatchClause,
  Expr,
  FieldDecl,
  Initializer,
  MethodDecl,
  Param,
  PropertyDecl,
  SoqlQuery,
  Stmt,
  TriggerDecl,
  TypeDecl,
  TypeRef,
  WhenClause
} from './ast';

/* eslint-disable @typescript-eslint/no-explicit-any -- ANTLR contexts are navigated generically by rule name. */
type Ctx = any;

export class ApexSyntaxError extends Error {
  constructor(
    public readonly file: string,
    public readonly line: number,
    public readonly column: number,
    detail: string
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
  }
}

class CollectingErrors extends ApexErrorListener {
  errors: { line: number; column: number; message: string }[] = [];
  override apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push({ line, column, message });
  }
}

function parserFor(source: string, file: string) {
  const errors = new CollectingErrors();
  const { parser } = ApexParserFactory.createLexerAndParser(source, errors);
  return {
    parser,
    check(): void {
      if (errors.errors.length > 0) {
        const first = errors.errors[0];
        throw new ApexSyntaxError(file, first.line, first.column, first.message);
      }
    }
  };
}

const kind = (ctx: Ctx): string => ctx.constructor.name;
const line = (ctx: Ctx): number => (ctx.start ? ctx.start.line : ctx.symbol ? ctx.symbol.line : 0);
const children = (ctx: Ctx): Ctx[] => ctx.children ?? [];
const isTerminal = (ctx: Ctx): boolean => ctx.symbol !== undefined;

class Builder {
  /**
   * The source as code points when it holds a character outside the Basic Multilingual Plane (an emoji): the
   * lexer's token positions count code points, JavaScript strings count UTF-16 units, so slicing by token
   * positions goes through this array (null: every character is one unit and `substring` is exact).
   */
  private readonly codePoints: string[] | null;

  constructor(
    private readonly source: string,
    private readonly file: string
  ) {
    this.codePoints = /[\uD800-\uDBFF]/.test(source) ? Array.from(source) : null;
  }

  /** Source text between two token positions (code point offsets, `stop` inclusive). */
  private slice(start: number, stop: number): string {
    if (this.codePoints) return this.codePoints.slice(start, stop + 1).join('');
    return this.source.substring(start, stop + 1);
  }

  /** The original source text of a context (the lexer upper-cases nothing, but keeps comments out). */
  text(ctx: Ctx): string {
    if (isTerminal(ctx)) return ctx.getText();
    const start = ctx.start.start;
    const stop = ctx.stop ? ctx.stop.stop : start - 1;
    return this.slice(start, stop);
  }

  id(ctx: Ctx): string {
    return ctx.getText();
  }

  // ------------------------------------------------------------------ types

  typeRef(ctx: Ctx): TypeRef {
    const names: string[] = [];
    let args: TypeRef[] = [];
    for (const tn of ctx.typeName_list()) {
      if (tn.LIST()) names.push('List');
      else if (tn.SET()) names.push('Set');
      else if (tn.MAP()) names.push('Map');
      else names.push(this.id(tn.id()));
      const ta = tn.typeArguments();
      args = ta
        ? ta
            .typeList()
            .typeRef_list()
            .map((t: Ctx) => this.typeRef(t))
        : [];
    }
    const subs = ctx.arraySubscripts();
    const arrayDims = subs ? subs.LBRACK_list().length : 0;
    return { names, args, arrayDims };
  }

  annotation(ctx: Ctx): Annotation {
    const params: Record<string, string> = {};
    const pairs = ctx.elementValuePairs();
    if (pairs) {
      for (const pair of pairs.elementValuePair_list()) {
        params[this.id(pair.id()).toLowerCase()] = this.text(pair.elementValue());
      }
    }
    // `@IsTest(SeeAllData=true)` and space-separated pairs `@RestResource(urlMapping='/x')` both land here.
    const value = ctx.elementValue();
    if (value) params['value'] = this.text(value);
    return { name: ctx.qualifiedName ? ctx.qualifiedName().getText() : this.id(ctx.id()), params };
  }

  modifiers(list: Ctx[]): { modifiers: Set<string>; annotations: Annotation[] } {
    const modifiers = new Set<string>();
    const annotations: Annotation[] = [];
    for (const m of list) {
      const a = m.annotation();
      if (a) annotations.push(this.annotation(a));
      else modifiers.add(m.getText().toLowerCase().replace(/\s+/g, ' '));
    }
    // `with sharing` is lexed as two modifier children in some grammar versions: normalise.
    if (modifiers.has('with') && modifiers.has('sharing')) modifiers.add('with sharing');
    if (modifiers.has('without') && modifiers.has('sharing')) modifiers.add('without sharing');
    if (modifiers.has('inherited') && modifiers.has('sharing')) modifiers.add('inherited sharing');
    for (const a of annotations) {
      if (a.name.toLowerCase() === 'istest') modifiers.add('@istest');
    }
    return { modifiers, annotations };
  }

  // ------------------------------------------------------------------ declarations

  typeDeclaration(ctx: Ctx, mods: Ctx[]): TypeDecl {
    const { modifiers, annotations } = this.modifiers(mods);
    if (ctx.classDeclaration()) return this.classDecl(ctx.classDeclaration(), modifiers, annotations);
    if (ctx.interfaceDeclaration()) return this.interfaceDecl(ctx.interfaceDeclaration(), modifiers, annotations);
    return this.enumDecl(ctx.enumDeclaration(), modifiers, annotations);
  }

  emptyType(
    kindName: TypeDecl['kind'],
    name: string,
    ctx: Ctx,
    modifiers: Set<string>,
    annotations: Annotation[]
  ): TypeDecl {
    return {
      kind: kindName,
      name,
      modifiers,
      annotations,
      extendsType: null,
      implementsTypes: [],
      fields: [],
      properties: [],
      methods: [],
      constructors: [],
      initializers: [],
      inner: [],
      enumValues: [],
      line: line(ctx),
      endLine: ctx.stop ? ctx.stop.line : line(ctx)
    };
  }

  classDecl(ctx: Ctx, modifiers: Set<string>, annotations: Annotation[]): TypeDecl {
    const decl = this.emptyType('class', this.id(ctx.id()), ctx, modifiers, annotations);
    if (ctx.EXTENDS()) decl.extendsType = this.typeRef(ctx.typeRef());
    if (ctx.IMPLEMENTS())
      decl.implementsTypes = ctx
        .typeList()
        .typeRef_list()
        .map((t: Ctx) => this.typeRef(t));
    for (const body of ctx.classBody().classBodyDeclaration_list()) {
      const block = body.block();
      if (block) {
        decl.initializers.push({ k: 'block', isStatic: !!body.STATIC(), body: this.block(block) });
        continue;
      }
      const member = body.memberDeclaration();
      if (!member) continue;
      this.member(decl, member, body.modifier_list());
    }
    return decl;
  }

  member(decl: TypeDecl, member: Ctx, mods: Ctx[]): void {
    const { modifiers, annotations } = this.modifiers(mods);
    if (member.methodDeclaration()) {
      decl.methods.push(this.method(member.methodDeclaration(), modifiers, annotations));
    } else if (member.constructorDeclaration()) {
      const c = member.constructorDeclaration();
      const names = c.qualifiedName().id_list();
      decl.constructors.push({
        name: this.id(names[names.length - 1]),
        modifiers,
        annotations,
        returnType: null,
        params: this.params(c.formalParameters()),
        body: this.block(c.block()),
        line: line(c),
        endLine: c.stop.line
      });
    } else if (member.fieldDeclaration()) {
      const f = member.fieldDeclaration();
      const type = this.typeRef(f.typeRef());
      for (const v of f.variableDeclarators().variableDeclarator_list()) {
        const field: FieldDecl = {
          name: this.id(v.id()),
          type,
          modifiers,
          annotations,
          init: v.expression() ? this.expr(v.expression()) : null,
          line: line(v)
        };
        decl.fields.push(field);
        decl.initializers.push({ k: 'field', decl: field });
      }
    } else if (member.propertyDeclaration()) {
      const p = member.propertyDeclaration();
      const prop: PropertyDecl = {
        name: this.id(p.id()),
        type: this.typeRef(p.typeRef()),
        modifiers,
        annotations,
        line: line(p)
      };
      for (const pb of p.propertyBlock_list()) {
        const accessorMods = this.modifiers(pb.modifier_list()).modifiers;
        if (pb.getter()) {
          const b = pb.getter().block();
          prop.getter = { body: b ? this.block(b) : null, modifiers: accessorMods };
        } else if (pb.setter()) {
          const b = pb.setter().block();
          prop.setter = { body: b ? this.block(b) : null, modifiers: accessorMods };
        }
      }
      decl.properties.push(prop);
      decl.initializers.push({ k: 'property', decl: prop } as Initializer);
    } else if (member.classDeclaration()) {
      decl.inner.push(this.classDecl(member.classDeclaration(), modifiers, annotations));
    } else if (member.interfaceDeclaration()) {
      decl.inner.push(this.interfaceDecl(member.interfaceDeclaration(), modifiers, annotations));
    } else if (member.enumDeclaration()) {
      decl.inner.push(this.enumDecl(member.enumDeclaration(), modifiers, annotations));
    }
  }

  method(m: Ctx, modifiers: Set<string>, annotations: Annotation[]): MethodDecl {
    const block = m.block();
    return {
      name: this.id(m.id()),
      modifiers,
      annotations,
      returnType: m.typeRef() ? this.typeRef(m.typeRef()) : null,
      params: this.params(m.formalParameters()),
      body: block ? this.block(block) : null,
      line: line(m),
      endLine: m.stop ? m.stop.line : line(m)
    };
  }

  params(fp: Ctx): Param[] {
    const list = fp.formalParameterList();
    if (!list) return [];
    return list.formalParameter_list().map((p: Ctx) => ({ type: this.typeRef(p.typeRef()), name: this.id(p.id()) }));
  }

  interfaceDecl(ctx: Ctx, modifiers: Set<string>, annotations: Annotation[]): TypeDecl {
    const decl = this.emptyType('interface', this.id(ctx.id()), ctx, modifiers, annotations);
    if (ctx.EXTENDS())
      decl.implementsTypes = ctx
        .typeList()
        .typeRef_list()
        .map((t: Ctx) => this.typeRef(t));
    for (const m of ctx.interfaceBody().interfaceMethodDeclaration_list()) {
      const mods = this.modifiers(m.modifier_list());
      mods.modifiers.add('abstract');
      decl.methods.push({
        name: this.id(m.id()),
        modifiers: mods.modifiers,
        annotations: mods.annotations,
        returnType: m.typeRef() ? this.typeRef(m.typeRef()) : null,
        params: this.params(m.formalParameters()),
        body: null,
        line: line(m),
        endLine: line(m)
      });
    }
    return decl;
  }

  enumDecl(ctx: Ctx, modifiers: Set<string>, annotations: Annotation[]): TypeDecl {
    const decl = this.emptyType('enum', this.id(ctx.id()), ctx, modifiers, annotations);
    const constants = ctx.enumConstants();
    decl.enumValues = constants ? constants.id_list().map((i: Ctx) => this.id(i)) : [];
    return decl;
  }

  // ------------------------------------------------------------------ statements

  block(ctx: Ctx): Stmt {
    return { k: 'block', body: ctx.statement_list().map((s: Ctx) => this.stmt(s)), line: line(ctx) };
  }

  localDecl(ctx: Ctx): Stmt {
    return {
      k: 'local',
      type: this.typeRef(ctx.typeRef()),
      decls: ctx
        .variableDeclarators()
        .variableDeclarator_list()
        .map((v: Ctx) => ({
          name: this.id(v.id()),
          init: v.expression() ? this.expr(v.expression()) : null,
          line: line(v)
        })),
      line: line(ctx)
    };
  }

  stmt(ctx: Ctx): Stmt {
    const inner: Ctx = children(ctx)[0];
    const l = line(ctx);
    switch (kind(inner)) {
      case 'BlockContext':
        return this.block(inner);
      case 'LocalVariableDeclarationStatementContext':
        return this.localDecl(inner.localVariableDeclaration());
      case 'ExpressionStatementContext':
        return { k: 'expr', expr: this.expr(inner.expression()), line: l };
      case 'IfStatementContext': {
        const stmts = inner.statement_list();
        return {
          k: 'if',
          test: this.expr(inner.parExpression().expression()),
          then: this.stmt(stmts[0]),
          else: stmts.length > 1 ? this.stmt(stmts[1]) : null,
          line: l
        };
      }
      case 'ForStatementContext': {
        const control = inner.forControl();
        const body = inner.statement() ? this.stmt(inner.statement()) : { k: 'block' as const, body: [], line: l };
        const enhanced = control.enhancedForControl();
        if (enhanced) {
          return {
            k: 'foreach',
            type: this.typeRef(enhanced.typeRef()),
            name: this.id(enhanced.id()),
            iterable: this.expr(enhanced.expression()),
            body,
            line: l
          };
        }
        const fi = control.forInit();
        let init: Stmt | Expr[] | null = null;
        if (fi) {
          init = fi.localVariableDeclaration()
            ? this.localDecl(fi.localVariableDeclaration())
            : fi
                .expressionList()
                .expression_list()
                .map((e: Ctx) => this.expr(e));
        }
        const fu = control.forUpdate();
        return {
          k: 'for',
          init,
          test: control.expression() ? this.expr(control.expression()) : null,
          update: fu
            ? fu
                .expressionList()
                .expression_list()
                .map((e: Ctx) => this.expr(e))
            : [],
          body,
          line: l
        };
      }
      case 'WhileStatementContext':
        return {
          k: 'while',
          test: this.expr(inner.parExpression().expression()),
          body: inner.statement() ? this.stmt(inner.statement()) : { k: 'block', body: [], line: l },
          line: l
        };
      case 'DoWhileStatementContext':
        return {
          k: 'do',
          body: this.block(inner.block()),
          test: this.expr(inner.parExpression().expression()),
          line: l
        };
      case 'TryStatementContext': {
        const catches: CatchClause[] = inner.catchClause_list().map((c: Ctx) => ({
          type: {
            names: c
              .qualifiedName()
              .id_list()
              .map((i: Ctx) => this.id(i)),
            args: [],
            arrayDims: 0
          },
          varName: this.id(c.id()),
          body: this.block(c.block()),
          line: line(c)
        }));
        const fin = inner.finallyBlock();
        return {
          k: 'try',
          body: this.block(inner.block()),
          catches,
          finally: fin ? this.block(fin.block()) : null,
          line: l
        };
      }
      case 'ReturnStatementContext':
        return { k: 'return', value: inner.expression() ? this.expr(inner.expression()) : null, line: l };
      case 'ThrowStatementContext':
        return { k: 'throw', value: this.expr(inner.expression()), line: l };
      case 'BreakStatementContext':
        return { k: 'break', line: l };
      case 'ContinueStatementContext':
        return { k: 'continue', line: l };
      case 'SwitchStatementContext':
        return this.switchStmt(inner);
      case 'InsertStatementContext':
      case 'UpdateStatementContext':
      case 'DeleteStatementContext':
      case 'UndeleteStatementContext':
      case 'UpsertStatementContext':
      case 'MergeStatementContext': {
        const op = kind(inner).replace('StatementContext', '').toLowerCase() as
          'insert' | 'update' | 'delete' | 'undelete' | 'upsert' | 'merge';
        const access = inner.accessLevel();
        const accessLevel = access ? (access.USER() ? 'user' : 'system') : null;
        if (op === 'merge') {
          const exprs = inner.expression_list();
          return {
            k: 'dml',
            op,
            target: this.expr(exprs[0]),
            second: this.expr(exprs[1]),
            externalId: null,
            accessLevel,
            line: l
          };
        }
        const qn = op === 'upsert' ? inner.qualifiedName() : null;
        return {
          k: 'dml',
          op,
          target: this.expr(inner.expression()),
          second: null,
          externalId: qn ? qn.getText() : null,
          accessLevel,
          line: l
        };
      }
      case 'RunAsStatementContext': {
        const list = inner.expressionList();
        return {
          k: 'runAs',
          args: list ? list.expression_list().map((e: Ctx) => this.expr(e)) : [],
          body: this.block(inner.block()),
          line: l
        };
      }
      default:
        if (isTerminal(inner) && inner.getText() === ';') return { k: 'block', body: [], line: l };
        throw new ApexSyntaxError(this.file, l, 0, `unsupported statement ${kind(inner)}`);
    }
  }

  switchStmt(ctx: Ctx): Stmt {
    const whens: WhenClause[] = ctx.whenControl_list().map((w: Ctx) => {
      const value = w.whenValue();
      const body = this.block(w.block());
      if (value.ELSE()) return { kind: 'else', values: [], body, line: line(w) };
      if (value.typeRef()) {
        return {
          kind: 'type',
          values: [],
          type: this.typeRef(value.typeRef()),
          varName: this.id(value.id()),
          body,
          line: line(w)
        };
      }
      return {
        kind: 'values',
        values: value.whenLiteral_list().map((lit: Ctx) => this.whenLiteral(lit)),
        body,
        line: line(w)
      };
    });
    return { k: 'switch', value: this.expr(ctx.expression()), whens, line: line(ctx) };
  }

  whenLiteral(ctx: Ctx): Expr {
    const l = line(ctx);
    if (ctx.whenLiteral()) return this.whenLiteral(ctx.whenLiteral());
    if (ctx.NULL()) return { k: 'lit', type: 'Null', value: 'null', line: l };
    if (ctx.StringLiteral())
      return { k: 'lit', type: 'String', value: unquote(ctx.StringLiteral().getText()), line: l };
    if (ctx.qualifiedName()) {
      const ids: string[] = ctx
        .qualifiedName()
        .id_list()
        .map((i: Ctx) => this.id(i));
      let e: Expr = { k: 'name', name: ids[0], line: l };
      for (const part of ids.slice(1)) e = { k: 'field', target: e, name: part, safe: false, line: l };
      return e;
    }
    const negative = ctx.SUB_list().length % 2 === 1;
    if (ctx.LongLiteral()) {
      return {
        k: 'lit',
        type: 'Long',
        value: (negative ? '-' : '') + ctx.LongLiteral().getText().slice(0, -1),
        line: l
      };
    }
    return { k: 'lit', type: 'Integer', value: (negative ? '-' : '') + ctx.IntegerLiteral().getText(), line: l };
  }

  // ------------------------------------------------------------------ expressions

  exprs(list: Ctx | null): Expr[] {
    return list ? list.expression_list().map((e: Ctx) => this.expr(e)) : [];
  }

  expr(ctx: Ctx): Expr {
    const l = line(ctx);
    switch (kind(ctx)) {
      case 'PrimaryExpressionContext':
        return this.primary(ctx.primary());
      case 'SubExpressionContext':
        return this.expr(ctx.expression());
      case 'DotExpressionContext': {
        const safe = !!ctx.QUESTIONDOT();
        const target = this.expr(ctx.expression());
        const call = ctx.dotMethodCall();
        if (call) {
          return {
            k: 'call',
            target,
            name: call.anyId().getText(),
            args: this.exprs(call.expressionList()),
            safe,
            line: l
          };
        }
        return { k: 'field', target, name: ctx.anyId().getText(), safe, line: l };
      }
      case 'MethodCallExpressionContext': {
        const call = ctx.methodCall();
        if (call.THIS() || call.SUPER()) {
          return {
            k: 'ctorCall',
            kind: call.THIS() ? 'this' : 'super',
            args: this.exprs(call.expressionList()),
            line: l
          };
        }
        return {
          k: 'call',
          target: null,
          name: this.id(call.id()),
          args: this.exprs(call.expressionList()),
          safe: false,
          line: l
        };
      }
      case 'ArrayExpressionContext': {
        const [target, index] = ctx.expression_list();
        return { k: 'index', target: this.expr(target), index: this.expr(index), line: l };
      }
      case 'NewExpressionContext':
        return this.creator(ctx.creator());
      case 'AssignExpressionContext': {
        const [target, value] = ctx.expression_list();
        const op = children(ctx)[1].getText();
        return { k: 'assign', op, target: this.expr(target), value: this.expr(value), line: l };
      }
      case 'CastExpressionContext':
        return { k: 'cast', type: this.typeRef(ctx.typeRef()), operand: this.expr(ctx.expression()), line: l };
      case 'InstanceOfExpressionContext':
        return { k: 'instanceof', operand: this.expr(ctx.expression()), type: this.typeRef(ctx.typeRef()), line: l };
      case 'CondExpressionContext': {
        const [test, a, b] = ctx.expression_list();
        return { k: 'cond', test: this.expr(test), then: this.expr(a), else: this.expr(b), line: l };
      }
      case 'PostOpExpressionContext':
        return {
          k: 'incdec',
          op: ctx.INC() ? '++' : '--',
          prefix: false,
          target: this.expr(ctx.expression()),
          line: l
        };
      case 'PreOpExpressionContext': {
        const op = children(ctx)[0].getText();
        if (op === '++' || op === '--')
          return { k: 'incdec', op, prefix: true, target: this.expr(ctx.expression()), line: l };
        return { k: 'unary', op: op as '-' | '+', operand: this.expr(ctx.expression()), line: l };
      }
      case 'NegExpressionContext':
        return { k: 'unary', op: ctx.BANG() ? '!' : '~', operand: this.expr(ctx.expression()), line: l };
      case 'CoalExpressionContext':
      case 'Arth1ExpressionContext':
      case 'Arth2ExpressionContext':
      case 'BitOrExpressionContext':
      case 'BitAndExpressionContext':
      case 'BitNotExpressionContext':
      case 'LogAndExpressionContext':
      case 'LogOrExpressionContext':
      case 'CmpExpressionContext':
      case 'BitExpressionContext':
      case 'EqualityExpressionContext': {
        const [left, right] = ctx.expression_list();
        // The operator is every terminal between the two operands (`>` `>` `>` for `>>>`, `>` `=` for `>=`).
        const op = children(ctx)
          .filter((c: Ctx) => isTerminal(c))
          .map((c: Ctx) => c.getText())
          .join('');
        return { k: 'binary', op, left: this.expr(left), right: this.expr(right), line: l };
      }
      default:
        throw new ApexSyntaxError(this.file, l, 0, `unsupported expression ${kind(ctx)}`);
    }
  }

  primary(ctx: Ctx): Expr {
    const l = line(ctx);
    switch (kind(ctx)) {
      case 'ThisPrimaryContext':
        return { k: 'this', line: l };
      case 'SuperPrimaryContext':
        return { k: 'super', line: l };
      case 'IdPrimaryContext':
        return { k: 'name', name: this.id(ctx.id()), line: l };
      case 'LiteralPrimaryContext':
        return this.literal(ctx.literal());
      case 'TypeRefPrimaryContext':
        return { k: 'classLit', type: this.typeRef(ctx.typeRef()), line: l };
      case 'VoidPrimaryContext':
        return { k: 'classLit', type: null, line: l };
      case 'SoqlPrimaryContext':
        return { k: 'soql', query: this.soql(ctx.soqlLiteral().query()), line: l };
      case 'SoslPrimaryContext':
        return { k: 'sosl', text: this.text(ctx), line: l };
      default:
        throw new ApexSyntaxError(this.file, l, 0, `unsupported primary ${kind(ctx)}`);
    }
  }

  literal(ctx: Ctx): Expr {
    const l = line(ctx);
    if (ctx.IntegerLiteral()) return { k: 'lit', type: 'Integer', value: ctx.getText(), line: l };
    if (ctx.LongLiteral()) return { k: 'lit', type: 'Long', value: ctx.getText().slice(0, -1), line: l };
    if (ctx.NumberLiteral()) {
      const t = ctx.getText();
      // A trailing d/D makes a Double literal; otherwise a literal with a point is a Decimal.
      if (/[dD]$/.test(t)) return { k: 'lit', type: 'Decimal', value: 'D' + t.slice(0, -1), line: l };
      return { k: 'lit', type: 'Decimal', value: t, line: l };
    }
    if (ctx.StringLiteral()) return { k: 'lit', type: 'String', value: unquote(ctx.getText()), line: l };
    if (ctx.MultilineStringLiteral()) return { k: 'lit', type: 'String', value: unquote(ctx.getText()), line: l };
    if (ctx.BooleanLiteral()) return { k: 'lit', type: 'Boolean', value: ctx.getText().toLowerCase(), line: l };
    return { k: 'lit', type: 'Null', value: 'null', line: l };
  }

  creator(ctx: Ctx): Expr {
    const l = line(ctx);
    const cn = ctx.createdName();
    const pairs = cn.idCreatedNamePair_list();
    const names: string[] = pairs.map((p: Ctx) => p.anyId().getText());
    const last = pairs[pairs.length - 1];
    const args = last.typeList()
      ? last
          .typeList()
          .typeRef_list()
          .map((t: Ctx) => this.typeRef(t))
      : [];
    const type: TypeRef = { names, args, arrayDims: 0 };
    if (ctx.arrayCreatorRest()) {
      const rest = ctx.arrayCreatorRest();
      type.arrayDims = 1;
      if (rest.arrayInitializer()) {
        return {
          k: 'newList',
          type,
          items: this.exprs2(rest.arrayInitializer().expression_list()),
          size: null,
          line: l
        };
      }
      return { k: 'newList', type, items: null, size: this.expr(rest.expression()), line: l };
    }
    if (ctx.mapCreatorRest()) {
      return {
        k: 'newMap',
        type,
        pairs: ctx
          .mapCreatorRest()
          .mapCreatorRestPair_list()
          .map((p: Ctx) => {
            const [key, value] = p.expression_list();
            return { key: this.expr(key), value: this.expr(value) };
          }),
        line: l
      };
    }
    if (ctx.setCreatorRest()) {
      return { k: 'newList', type, items: this.exprs2(ctx.setCreatorRest().expression_list()), size: null, line: l };
    }
    if (ctx.noRest()) {
      return { k: 'newList', type, items: [], size: null, line: l };
    }
    const rest = ctx.classCreatorRest();
    const argList = rest.arguments().expressionList();
    if (argList) {
      const exprs: Ctx[] = argList.expression_list();
      // `new Lead(LastName = 'x', Company = 'y')`: name = value pairs make an SObject.
      if (
        exprs.length > 0 &&
        exprs.every((e: Ctx) => kind(e) === 'AssignExpressionContext' && isSimpleName(e.expression(0)))
      ) {
        return {
          k: 'newSObject',
          type,
          pairs: exprs.map((e: Ctx) => ({ name: e.expression(0).getText(), value: this.expr(e.expression(1)) })),
          line: l
        };
      }
    }
    return { k: 'new', type, args: this.exprs(argList), line: l };
  }

  exprs2(list: Ctx[]): Expr[] {
    return list.map((e) => this.expr(e));
  }

  /** Inline SOQL: its text with each `:expr` bind replaced by `:__bindN`, and the bind expressions. */
  soql(query: Ctx): SoqlQuery {
    const binds: Expr[] = [];
    const edits: { start: number; stop: number; name: string }[] = [];
    const walk = (node: Ctx): void => {
      if (isTerminal(node)) return;
      if (kind(node) === 'BoundExpressionContext') {
        const e = node.expression();
        edits.push({ start: e.start.start, stop: e.stop.stop, name: `__bind${binds.length}` });
        binds.push(this.expr(e));
        return;
      }
      for (const c of children(node)) walk(c);
    };
    walk(query);
    // Positions are code points: the text is rebuilt in document order, each bind replaced by its name.
    const start = query.start.start;
    let text = '';
    let at = start;
    for (const edit of edits) {
      text += this.slice(at, edit.start - 1) + edit.name;
      at = edit.stop + 1;
    }
    text += this.slice(at, query.stop.stop);
    return { text, binds: binds };
  }
}

function isSimpleName(ctx: Ctx): boolean {
  return kind(ctx) === 'PrimaryExpressionContext' && kind(ctx.primary()) === 'IdPrimaryContext';
}

/** Apex string literal → value: single quotes, Java-style escapes. */
export function unquote(literal: string): string {
  const body = literal.startsWith("'''") ? literal.slice(3, -3) : literal.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, c: string) => {
    switch (c[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'u':
        return String.fromCharCode(parseInt(c.slice(1), 16));
      default:
        return c;
    }
  });
}

export function parseClass(source: string, file: string): TypeDecl {
  const { parser, check } = parserFor(source, file);
  const unit = parser.compilationUnit();
  check();
  const builder = new Builder(source, file);
  const td = (unit as Ctx).typeDeclaration();
  return builder.typeDeclaration(td, td.modifier_list());
}

export function parseTrigger(source: string, file: string): TriggerDecl {
  const { parser, check } = parserFor(source, file);
  const unit: Ctx = parser.triggerUnit();
  check();
  const builder = new Builder(source, file);
  const ids = unit.id_list();
  const events = unit.triggerCase_list().map((c: Ctx) =>
    children(c)
      .map((t: Ctx) => t.getText().toLowerCase())
      .join(' ')
  );
  const body: Stmt[] = [];
  for (const member of unit.triggerBlock().triggerBlockMember_list()) {
    if (member.statement()) body.push(builder.stmt(member.statement()));
    // A variable declared at the top of a trigger body parses as a member declaration: it is a local variable.
    const field = member.triggerMemberDeclaration()?.fieldDeclaration();
    if (field) {
      body.push({
        k: 'local',
        type: builder.typeRef(field.typeRef()),
        decls: field
          .variableDeclarators()
          .variableDeclarator_list()
          .map((v: Ctx) => ({
            name: builder.id(v.id()),
            init: v.expression() ? builder.expr(v.expression()) : null,
            line: line(v)
          })),
        line: line(field)
      });
    }
  }
  return {
    name: builder.id(ids[0]),
    object: builder.id(ids[1]),
    events,
    body: { k: 'block', body, line: line(unit.triggerBlock()) },
    line: line(unit)
  };
}

/** Parses a SOQL query text (dynamic SOQL, or inline SOQL after bind replacement) into its ANTLR context. */
export function parseSoqlTree(text: string): Ctx {
  const { parser, check } = parserFor(text, 'SOQL');
  const q = parser.query();
  check();
  return q;
}

/** Parses a standalone expression (bind names in dynamic SOQL). */
export function parseExpression(text: string): Expr {
  const source = `public class X { Object x = ${text}; }`;
  const decl = parseClass(source, 'expression');
  return decl.fields[0].init as Expr;
}
