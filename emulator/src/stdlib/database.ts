/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerDatabase(r: Registry): void {
  void r;
}
