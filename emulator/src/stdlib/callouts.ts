/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerCallouts(r: Registry): void {
  void r;
}
