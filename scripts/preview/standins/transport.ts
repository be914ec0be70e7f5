/** JSON transport of the stand-ins to the preview's emulated org, with errors shaped like the platform's. */
import { latencyMs, previewUser } from './session';

/** The error object a component receives from a failed Apex / UI API call (`error.body.message`). */
export interface PlatformError {
  status: number;
  statusText: string;
  ok: false;
  headers: Record<string, string>;
  body: { message: string; exceptionType?: string; isUserDefinedException?: boolean; stackTrace?: string | null };
}

function platformError(status: number, statusText: string, body: unknown): PlatformError {
  const message =
    body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : `${status} ${statusText}`;
  return {
    status,
    statusText,
    ok: false,
    headers: {},
    body: { ...(body && typeof body === 'object' ? body : {}), message }
  };
}

/** POSTs `payload` as JSON; resolves with the parsed answer or rejects with a {@link PlatformError}. */
export async function postJson(url: string, payload: unknown): Promise<unknown> {
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-Preview-User': previewUser
      },
      body: JSON.stringify(payload ?? {})
    });
  } catch (e) {
    throw platformError(0, 'Network Error', { message: `Cannot reach the preview server: ${String(e)}` });
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw platformError(response.status, response.statusText, { message: text.slice(0, 200) });
  }
  if (!response.ok) throw platformError(response.status, response.statusText, body);
  return body;
}
