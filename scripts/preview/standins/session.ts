/**
 * The preview's user and switches, read once from the page URL:
 * `?perm=none` (custom/user permissions false), `?latency=300` (added delay per server call, ms).
 */
const params = new URLSearchParams(globalThis.location?.search ?? '');

/** Id of the preview user (`@salesforce/user/Id`). */
export const PREVIEW_USER_ID = '005000000000001AAA';

/** Value of every `@salesforce/customPermission/*` and `@salesforce/userPermission/*` import. */
export const hasPermission: boolean = params.get('perm') !== 'none';

/** Extra latency added to each server call, to make loading states visible. */
export const latencyMs: number = Math.max(0, Number(params.get('latency') ?? 0) || 0);
