/**
 * (Stub, being written.)
 */
import type { Registry } from '../runtime/registry';

export function registerMetadataApi(r: Registry): void {
  void r;
}
