/**
 * DML over the in-memory org. (Stub: replaced by the full implementation.)
 */
import type { Interpreter } from '../runtime/interpreter';
import { fault } from '../runtime/ops';
import type { Org } from './org';

export interface DmlOptions {
  allOrNone: boolean;
  accessLevel: 'user' | 'system';
  externalId: string | null;
  second: unknown;
  /** A DML statement (throws DmlException) rather than a Database method (returns results when allOrNone is false). */
  statement: boolean;
}

export function executeDml(org: Org, interp: Interpreter, op: string, target: unknown, options: DmlOptions): unknown {
  void org;
  void interp;
  void target;
  void options;
  throw fault('System.DmlException', `DML not supported yet: ${op}`);
}
