/**
 * Apex triggers (Apex Developer Guide, Triggers; Trigger Context Variables; Triggers and Order of Execution): the
 * triggers declared for an object run for every DML on it, in chunks of 200 records, with the context variables
 * `Trigger.new/old/newMap/oldMap/isInsert/…/operationType/size` read from a context stack kept on the org.
 * After-trigger records are copies (changes to them are not saved; the read-only FinalException is not raised).
 */
import { ApexThrow, ClassInfo, Frame } from '../runtime/interpreter';
import type { Interpreter } from '../runtime/interpreter';
import { ApexId, ApexList, ApexMap, SObjectValue, T } from '../runtime/values';
import type { TriggerDecl } from '../parse/ast';
import type { Org } from './org';

/** The platform's trigger batch size. */
export const TRIGGER_CHUNK = 200;

export type TriggerOp = 'insert' | 'update' | 'delete' | 'undelete';

export interface TriggerContext {
  op: TriggerOp;
  before: boolean;
  object: string;
  newList: SObjectValue[] | null;
  oldList: SObjectValue[] | null;
}

export function triggerStack(org: Org): TriggerContext[] {
  let s = org.hooks['triggerStack'] as TriggerContext[] | undefined;
  if (!s) {
    s = [];
    org.hooks['triggerStack'] = s;
  }
  return s;
}

export function currentTrigger(org: Org): TriggerContext | null {
  const s = triggerStack(org);
  return s.length ? s[s.length - 1] : null;
}

/** Triggers of an object for an event (`before insert`), in declaration order. */
export function triggersFor(org: Org, object: string, before: boolean, op: TriggerOp): TriggerDecl[] {
  const event = `${before ? 'before' : 'after'} ${op}`;
  return org.triggers.filter(
    (t) => t.object.toLowerCase() === object.toLowerCase() && t.events.some((e) => e.replace(/\s+/g, ' ') === event)
  );
}

const classes = new WeakMap<TriggerDecl, ClassInfo>();

/** Runs the object's triggers for one chunk (≤ 200 records). */
export function runTriggers(org: Org, interp: Interpreter, ctx: TriggerContext): void {
  const decls = triggersFor(org, ctx.object, ctx.before, ctx.op);
  if (!decls.length) return;
  const stack = triggerStack(org);
  stack.push(ctx);
  try {
    for (const decl of decls) {
      let cls = classes.get(decl);
      if (!cls) {
        cls = new ClassInfo('__trigger__' + decl.name, null, decl.name, null);
        classes.set(decl, cls);
      }
      const frame = new Frame(cls, null, decl.name, new MiniScope(null) as unknown as Frame['scope']);
      frame.line = decl.line;
      interp.stack.push(frame);
      try {
        interp.exec(decl.body, frame);
      } catch (e) {
        const thrown = interp.materialize(e);
        if (thrown instanceof ApexThrow && !thrown.exception.fields.has('$trigger')) {
          const event = `${ctx.before ? 'Before' : 'After'}${ctx.op[0].toUpperCase()}${ctx.op.slice(1)}`;
          thrown.exception.fields.set('$trigger', `${decl.name}: execution of ${event}`);
        }
        throw thrown;
      } finally {
        interp.stack.pop();
      }
    }
  } finally {
    stack.pop();
  }
}

/** A root scope shaped like the interpreter's (which is not exported): variables and a parent chain. */
class MiniScope {
  readonly vars = new Map<string, { value: unknown; type: unknown }>();
  constructor(readonly parent: MiniScope | null) {}
  lookup(name: string): { value: unknown; type: unknown } | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let s: MiniScope | null = this;
    while (s) {
      const v = s.vars.get(name);
      if (v) return v;
      s = s.parent;
    }
    return undefined;
  }
}

// ---------------------------------------------------------------- context variables

export function contextList(ctx: TriggerContext, which: 'new' | 'old'): ApexList | null {
  const l = which === 'new' ? ctx.newList : ctx.oldList;
  if (!l) return null;
  return new ApexList(T(ctx.object), l);
}

export function contextMap(interp: Interpreter, ctx: TriggerContext, which: 'new' | 'old'): ApexMap | null {
  const l = which === 'new' ? ctx.newList : ctx.oldList;
  if (!l) return null;
  // Trigger.newMap is not available in before insert (no Ids yet).
  if (which === 'new' && ctx.op === 'insert' && ctx.before) return null;
  const m = new ApexMap(T('Id'), T(ctx.object));
  for (const r of l) {
    const id = r.values.get('id');
    if (id instanceof ApexId) interp.mapPut(m, id, r);
  }
  return m;
}

export function operationTypeName(ctx: TriggerContext): string {
  return `${ctx.before ? 'BEFORE' : 'AFTER'}_${ctx.op.toUpperCase()}`;
}
