/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerEncoding(r: Registry): void {
  void r;
}
