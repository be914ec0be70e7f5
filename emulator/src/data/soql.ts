/**
 * SOQL over the in-memory org. (Stub: replaced by the full implementation.)
 */
import type { Interpreter } from '../runtime/interpreter';
import { fault } from '../runtime/ops';
import type { Org } from './org';

export interface QueryOptions {
  dynamic: boolean;
  accessLevel?: 'user' | 'system';
  count?: boolean;
}

export function executeQuery(org: Org, interp: Interpreter, text: string, binds: Map<string, unknown>, options: QueryOptions): unknown {
  void org;
  void interp;
  void binds;
  void options;
  throw fault('System.QueryException', `SOQL not supported yet: ${text}`);
}
