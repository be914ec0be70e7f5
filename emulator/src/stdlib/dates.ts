/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerDates(r: Registry): void {
  void r;
}
