/**
 * Per-request context of the dev API: whether the preview user has the package's permissions (the page's
 * `?perm=none` arrives as the `X-Preview-Perm: none` header). Route handlers read it with {@link hasPermissions}.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  /** Admin permission set and field access to the package's Lead fields. */
  permissions: boolean;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** True unless the current request comes from a page opened with `?perm=none`. */
export function hasPermissions(): boolean {
  return storage.getStore()?.permissions ?? true;
}
