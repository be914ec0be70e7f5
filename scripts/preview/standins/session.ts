/**
 * The preview's user and switches, read once from the page URL:
 * `?perm=none` (custom/user permissions false), `?latency=300` (added delay per server call, ms).
 */
const params = new URLSearchParams(globalThis.location?.search ?? '');

/**
 * The running user: `?user=admin` (Avery Admin, System Administrator with Aloware_Admin, the default), `?user=rep`
 * (Blake Rep, Standard User with Aloware_User), `?user=none` or `?perm=none` (Drew, Standard User without the
 * package's permission sets). The emulated Apex runs as that user.
 */
export const previewUser: 'admin' | 'rep' | 'none' =
  params.get('perm') === 'none'
    ? 'none'
    : params.get('user') === 'rep'
      ? 'rep'
      : params.get('user') === 'none'
        ? 'none'
        : 'admin';

/** Id of the preview user (`@salesforce/user/Id`): the sample users' ids (scripts/preview/sample-data.ts). */
export const PREVIEW_USER_ID = { admin: '005000000000001AAA', rep: '005000000000002AAA', none: '005000000000004AAA' }[
  previewUser
];

/** Value of every `@salesforce/customPermission/*` and `@salesforce/userPermission/*` import. */
export const hasPermission: boolean = previewUser !== 'none';

/** Extra latency added to each server call, to make loading states visible. */
export const latencyMs: number = Math.max(0, Number(params.get('latency') ?? 0) || 0);
