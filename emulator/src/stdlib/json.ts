/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerJson(r: Registry): void {
  void r;
}
