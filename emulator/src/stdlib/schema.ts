/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerSchema(r: Registry): void {
  void r;
}
