/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerPlatform(r: Registry): void {
  void r;
}
