/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerSobjects(r: Registry): void {
  void r;
}
