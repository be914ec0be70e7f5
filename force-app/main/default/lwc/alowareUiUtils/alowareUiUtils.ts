/**
 * Small, pure UI helpers shared by the Aloware components (no platform calls, no DOM except `downloadText`).
 */

/** The shape of an error thrown by an imperative Apex call or delivered by a wire adapter. */
interface ApexErrorLike {
  body?:
    | { message?: string; pageErrors?: { message?: string }[]; fieldErrors?: Record<string, { message?: string }[]> }
    | { message?: string }[];
  message?: string;
  statusText?: string;
}

/**
 * Turns anything thrown by Apex, a wire adapter or JavaScript into one readable sentence.
 * @param error what was thrown (an Apex error object, an Error, a string or a list of those)
 * @returns the messages joined with "; ", or a generic sentence when there is none
 */
export function reduceErrors(error: unknown): string {
  const list = Array.isArray(error) ? error : [error];
  const messages: string[] = [];
  for (const item of list) {
    collectMessages(item, messages);
  }
  const unique = messages.filter((m, i) => m && messages.indexOf(m) === i);
  return unique.length > 0
    ? unique.join('; ')
    : 'An unexpected error occurred. Try again, or contact your administrator.';
}

function collectMessages(item: unknown, out: string[]): void {
  if (item === null || item === undefined) return;
  if (typeof item === 'string') {
    out.push(item);
    return;
  }
  if (typeof item !== 'object') return;
  const err = item as ApexErrorLike;
  const body = err.body;
  if (Array.isArray(body)) {
    body.forEach((b) => b && typeof b.message === 'string' && out.push(b.message));
  } else if (body && typeof body === 'object') {
    const typed = body as {
      message?: string;
      pageErrors?: { message?: string }[];
      fieldErrors?: Record<string, { message?: string }[]>;
    };
    (typed.pageErrors ?? []).forEach((p) => p.message && out.push(p.message));
    Object.values(typed.fieldErrors ?? {}).forEach((errs) => errs.forEach((e) => e.message && out.push(e.message)));
    if (typeof typed.message === 'string' && typed.message) out.push(typed.message);
  }
  if (out.length === 0 && typeof err.message === 'string' && err.message) out.push(err.message);
  if (out.length === 0 && typeof err.statusText === 'string' && err.statusText) out.push(err.statusText);
}

/** A CSV column: the row key and its header. */
export interface CsvColumn {
  fieldName: string;
  label: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Escapes one CSV cell (RFC 4180) and neutralises spreadsheet formulas (cells starting with = + - @ get a leading ').
 * @param value any value; null and undefined become an empty cell
 * @returns the cell text, quoted when needed
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Builds a CSV document from rows.
 * @param rows the records to export
 * @param columns the columns, in order
 * @returns the CSV text with a header line and CRLF line ends
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly CsvColumn[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => csvCell(row[c.fieldName])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * Offers text to the user as a file download (a data: URL on a temporary link; no external host is contacted).
 * @param fileName the suggested file name
 * @param text the file content
 * @param mimeType the content type, CSV by default
 */
export function downloadText(fileName: string, text: string, mimeType = 'text/csv'): void {
  const link = document.createElement('a');
  link.href = `data:${mimeType};charset=utf-8,${encodeURIComponent(text)}`;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
}

/**
 * Formats a count with thousands separators in the user's locale.
 * @param value the number (null/undefined gives "0")
 * @returns the formatted number
 */
export function formatCount(value: number | null | undefined): string {
  return new Intl.NumberFormat().format(value ?? 0);
}

/**
 * Removes secrets from a text before it is shown: api_token values (JSON or query string) and Authorization headers.
 * Defence in depth: the services already store redacted summaries.
 * @param text the text to clean (null gives an empty string)
 * @returns the text with secrets replaced by [REDACTED]
 */
export function redactSecrets(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(/("api_token"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[REDACTED]"')
    .replace(/(api_token=)[^&\s"]+/gi, '$1[REDACTED]')
    .replace(/(authorization"?\s*[:=]\s*"?)(bearer|basic)\s+[^"\s,}]+/gi, '$1$2 [REDACTED]');
}

/** A handle of a callback scheduled with {@link runLater}. */
export type LaterHandle = ReturnType<typeof setTimeout>;

/**
 * Runs `callback` once after `delayMs`: the one place where the components wait on a timer (polling a deployment or
 * an Apex job until it finishes), so the LWC rule against async operations is switched off for this module only in
 * eslint.config.js, with this reason, and not inline in every component.
 * @param callback what to run
 * @param delayMs milliseconds to wait
 * @returns a handle for {@link cancelLater}
 */
export function runLater(callback: () => void, delayMs: number): LaterHandle {
  return setTimeout(callback, delayMs);
}

/**
 * Runs a callback every `intervalMs` until {@link cancelEvery} (the engagement card's minute tick, which keeps "x
 * minutes ago" true while a page stays open). Components call it in `connectedCallback` and cancel it in
 * `disconnectedCallback`.
 * @param callback what to run
 * @param intervalMs the interval in milliseconds
 * @returns a handle for cancelEvery
 */
export function runEvery(callback: () => void, intervalMs: number): LaterHandle {
  return setInterval(callback, intervalMs);
}

/**
 * Stops a callback started with {@link runEvery}.
 * @param handle the handle runEvery returned
 */
export function cancelEvery(handle: LaterHandle): void {
  clearInterval(handle);
}

/**
 * Runs `callback` once, in the task after the next frame is painted (a frame callback, then a zero-delay timer): for
 * secondary work that should not share the frame that shows a component's main content (Aloware Setup asks for its
 * health figures only once the mapping panel is on screen).
 * @param callback what to run
 */
export function runAfterPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    setTimeout(callback, 0);
  });
}

/**
 * Cancels a callback scheduled with {@link runLater} that has not run yet.
 * @param handle the handle runLater returned
 */
export function cancelLater(handle: LaterHandle): void {
  clearTimeout(handle);
}
