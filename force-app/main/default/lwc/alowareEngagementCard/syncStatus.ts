/**
 * The sync status line of the engagement card, from `AlowareEngagementController.getEngagementStatus`: what the
 * Lead's latest outbound sync log entry says (statuses and outcomes as in docs/outbound-sync.md), in words a rep
 * understands. Nothing is invented: a failure shows the entry's own error text, or its outcome, or nothing more.
 */
import { absoluteTime, relativeTime } from './engagementTimes';
import type { Viewer } from './engagementTimes';

/** One outbound sync log entry (`AlowareEngagementStatus.Entry`). */
export interface SyncEntry {
  status: string | null;
  outcome?: string | null;
  errorMessage?: string | null;
  httpStatus?: number | null;
  attempts?: number | null;
  nextAttemptAt?: string | null;
  completedAt?: string | null;
  createdAt?: string | null;
  /** True for a change the Lead trigger recorded that is not in the sync log yet (status Pending). */
  queued?: boolean | null;
}

/** The controller's answer (`AlowareEngagementStatus`). */
export interface EngagementStatus {
  contactLinkTemplate?: string | null;
  phoneFieldLabel?: string | null;
  hasPhone?: boolean | null;
  syncLogReadable?: boolean | null;
  sync?: SyncEntry | null;
}

/** The rendered line. */
export interface SyncLine {
  /** success | waiting | failed | blocked | info: picks the icon. */
  kind: 'success' | 'waiting' | 'failed' | 'blocked' | 'info';
  text: string;
  /** Secondary text (e.g. when the next attempt is due), or null. */
  detail: string | null;
  /** Absolute time of the moment the line refers to, for the tooltip, or null. */
  title: string | null;
}

/** Why an entry waits to be retried, per outcome (docs/outbound-sync.md "Outcomes and retry policy"). */
const RETRY_CAUSES: Record<string, string> = {
  RATE_LIMITED: 'Aloware rate limit',
  SERVER_ERROR: 'Aloware server error',
  TIMEOUT: 'no answer from Aloware',
  UNAUTHORIZED: 'Aloware refused the connection'
};

/** Outcome names for a failure without an error text. */
const OUTCOME_WORDS: Record<string, string> = {
  ...RETRY_CAUSES,
  INVALID: 'Aloware rejected the data',
  NOT_FOUND: 'not found in Aloware',
  CONFLICT: 'conflict in Aloware',
  MALFORMED: 'unreadable answer from Aloware'
};

const NO_PHONE = 'Not syncing: this Lead has no phone';

function instantOf(value: string | null | undefined): number | null {
  if (!value) return null;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? null : instant;
}

function nextAttempt(entry: SyncEntry, viewer: Viewer): { detail: string | null; title: string | null } {
  const at = instantOf(entry.nextAttemptAt);
  if (at === null) return { detail: null, title: null };
  return {
    detail:
      at <= viewer.now
        ? 'Next attempt due now'
        : at - viewer.now < 60_000
          ? 'Next attempt in less than a minute'
          : `Next attempt ${relativeTime(at, viewer)}`,
    title: absoluteTime(at, viewer)
  };
}

/**
 * The sync status line, or null when nothing can be said truthfully (the status is unknown or the rep may not read
 * the sync log and the Lead has a phone).
 */
export function syncLine(status: EngagementStatus | null | undefined, viewer: Viewer): SyncLine | null {
  if (!status) return null;
  const phoneWord = status.phoneFieldLabel ? status.phoneFieldLabel.toLowerCase() : 'phone';
  if (status.hasPhone === false) {
    return {
      kind: 'blocked',
      text: NO_PHONE,
      detail: `Aloware identifies contacts by phone number: add a ${phoneWord} to sync this Lead.`,
      title: null
    };
  }
  if (!status.syncLogReadable) return null;
  const entry = status.sync;
  if (!entry) {
    return { kind: 'info', text: 'No changes sent to Aloware yet', detail: null, title: null };
  }
  const error = entry.errorMessage?.trim() || null;
  const outcome = entry.outcome ?? null;
  switch (entry.status) {
    case 'Succeeded': {
      const at = instantOf(entry.completedAt) ?? instantOf(entry.createdAt);
      return at === null
        ? { kind: 'success', text: 'Synced', detail: null, title: null }
        : {
            kind: 'success',
            text: `Synced ${relativeTime(at, viewer)}`,
            detail: null,
            title: absoluteTime(at, viewer)
          };
    }
    case 'Retrying': {
      const cause = (outcome && RETRY_CAUSES[outcome]) ?? error;
      return {
        kind: 'waiting',
        text: cause ? `Waiting to retry: ${cause}` : 'Waiting to retry',
        ...nextAttempt(entry, viewer)
      };
    }
    case 'Pending': {
      if (entry.queued) {
        // Recorded by the trigger, not yet in the sync log: no attempt time exists yet, only when it was recorded.
        const at = instantOf(entry.createdAt);
        return {
          kind: 'waiting',
          text: 'Waiting to be sent',
          detail: null,
          title: at === null ? null : absoluteTime(at, viewer)
        };
      }
      return { kind: 'waiting', text: 'Waiting to sync', ...nextAttempt(entry, viewer) };
    }
    case 'In Progress':
      return { kind: 'waiting', text: 'Syncing now', detail: null, title: null };
    case 'Failed': {
      const reason = error ?? (outcome ? (OUTCOME_WORDS[outcome] ?? outcome) : null);
      const at = instantOf(entry.completedAt);
      return {
        kind: 'failed',
        text: reason ? `Sync failed: ${reason}` : 'Sync failed',
        detail: at === null ? null : `Failed ${relativeTime(at, viewer)}`,
        title: at === null ? null : absoluteTime(at, viewer)
      };
    }
    case 'Skipped':
    case 'Ignored': {
      if (error === 'PHONE_MISSING') {
        return { kind: 'blocked', text: NO_PHONE, detail: null, title: null };
      }
      if (error === 'PHONE_INVALID') {
        return {
          kind: 'blocked',
          text: `Not syncing: this Lead's ${phoneWord} is not a usable phone number`,
          detail: null,
          title: null
        };
      }
      return { kind: 'info', text: error ? `Not sent: ${error}` : 'Not sent', detail: null, title: null };
    }
    default:
      return null;
  }
}

/** "Open in Aloware" from the contact id and the template (`{id}` replaced, URL-encoded); https only. */
export function contactLink(template: string | null | undefined, contactId: string | null): string | null {
  const id = contactId?.trim();
  if (!id || !template || !template.includes('{id}')) return null;
  return httpsUrl(template.split('{id}').join(encodeURIComponent(id)));
}

/** The URL when it is an https URL, else null: a stored value is never trusted to be a safe link. */
export function httpsUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : null;
  } catch (error) {
    // new URL throws a TypeError for a value that is not a URL (by name: jsdom's and the page's realms differ): no
    // link then; anything else is a defect.
    if ((error as { name?: unknown } | null)?.name === 'TypeError') return null;
    throw error;
  }
}
