/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerAsync(r: Registry): void {
  void r;
}
