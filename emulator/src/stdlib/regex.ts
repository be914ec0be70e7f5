/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerRegex(r: Registry): void {
  void r;
}
