/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerStrings(r: Registry): void {
  void r;
}
