/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerNumbers(r: Registry): void {
  void r;
}
