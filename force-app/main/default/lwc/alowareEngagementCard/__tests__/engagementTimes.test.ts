import {
  absoluteDate,
  recordedInstant,
  relativeDate,
  relativeTime,
  safeLocale,
  safeTimeZone,
  showDateTime,
  showRecorded
} from '../engagementTimes';
import { contactLink, httpsUrl, syncLine } from '../syncStatus';
import type { EngagementStatus } from '../syncStatus';

// Every "now" is a parameter: nothing here reads the clock.
const NOW = Date.UTC(2025, 10, 25, 18, 0, 0); // 2025-11-25 18:00:00 UTC
const LA = { locale: 'en-US', timeZone: 'America/Los_Angeles', now: NOW };
const MINUTE = 60_000;

describe('engagement times', () => {
  it('should place a recorded date and time with its offset at the right instant', () => {
    expect(recordedInstant('2025-11-20', '08:33:16-07:00')).toBe(Date.UTC(2025, 10, 20, 15, 33, 16));
    expect(recordedInstant('2025-11-20', '08:33:16+0530')).toBe(Date.UTC(2025, 10, 20, 3, 3, 16));
    expect(recordedInstant('2025-11-20', '23:30Z')).toBe(Date.UTC(2025, 10, 20, 23, 30, 0));
    expect(recordedInstant('2025-11-20', '08:33:16.250-07')).toBe(Date.UTC(2025, 10, 20, 15, 33, 16, 250));
    // A time field holding a whole date and time wins over the date field.
    expect(recordedInstant(null, '2025-11-20 08:33:16-07:00')).toBe(Date.UTC(2025, 10, 20, 15, 33, 16));
  });

  it('should not invent an instant without an offset, a date or a valid value', () => {
    expect(recordedInstant('2025-11-20', '08:33:16')).toBeNull();
    expect(recordedInstant(null, '08:33:16-07:00')).toBeNull();
    expect(recordedInstant('2025-02-30', '08:33:16-07:00')).toBeNull();
    expect(recordedInstant('2025-11-20', '25:00:00Z')).toBeNull();
    expect(recordedInstant('Nov 20, 2025', 'noon')).toBeNull();
  });

  it('should say how long ago in the largest unit that fits, in the rep locale', () => {
    expect(relativeTime(NOW - 20_000, LA)).toBe('now');
    expect(relativeTime(NOW - 2 * MINUTE, LA)).toBe('2 minutes ago');
    expect(relativeTime(NOW + 3 * MINUTE, LA)).toBe('in 3 minutes');
    expect(relativeTime(NOW - 5 * 60 * MINUTE, LA)).toBe('5 hours ago');
    expect(relativeTime(NOW - 24 * 60 * MINUTE, LA)).toBe('yesterday');
    // 40 hours before 10:00 on Nov 25 (Los Angeles) is 18:00 on Nov 23: two calendar days, not "yesterday".
    expect(relativeTime(NOW - 40 * 60 * MINUTE, LA)).toBe('2 days ago');
    // 34 hours before: Nov 24 00:00 in Los Angeles (yesterday there), Nov 24 17:00 in Tokyo where it is already Nov 26.
    expect(relativeTime(NOW - 34 * 60 * MINUTE, LA)).toBe('yesterday');
    expect(relativeTime(NOW - 34 * 60 * MINUTE, { ...LA, timeZone: 'Asia/Tokyo' })).toBe('2 days ago');
    expect(relativeTime(NOW - 60 * 24 * 60 * MINUTE, LA)).toBe('2 months ago');
    expect(relativeTime(NOW - 800 * 24 * 60 * MINUTE, LA)).toBe('2 years ago');
    expect(relativeTime(NOW - 2 * MINUTE, { ...LA, locale: 'fr-FR' })).toBe('il y a 2 minutes');
  });

  it('should count a date without time in calendar days of the rep zone', () => {
    // 18:00 UTC on Nov 25 is Nov 25 in Los Angeles but already Nov 26 in Tokyo.
    expect(relativeDate('2025-11-24', LA)).toBe('yesterday');
    expect(relativeDate('2025-11-24', { ...LA, timeZone: 'Asia/Tokyo' })).toBe('2 days ago');
    expect(relativeDate('2025-11-25', LA)).toBe('today');
    expect(relativeDate('2025-08-01', LA)).toBe('3 months ago');
    expect(relativeDate('2023-11-01', LA)).toBe('2 years ago');
    expect(relativeDate('not a date', LA)).toBeNull();
    expect(absoluteDate('2025-11-24', { ...LA, timeZone: 'Asia/Tokyo' })).toBe('Nov 24, 2025');
  });

  it('should show a recorded time in the rep zone with the recorded value kept for the tooltip', () => {
    const shown = showRecorded('2025-11-20', '08:33:16-07:00', { ...LA, timeZone: 'Europe/Paris', locale: 'en-GB' })!;
    expect(shown.absolute).toBe('20 Nov 2025, 16:33 CET');
    expect(shown.relative).toBe('5 days ago');
    expect(shown.recorded).toBe('2025-11-20 08:33:16-07:00');
    expect(shown.machine).toBe('2025-11-20T15:33:16.000Z');
    expect(showRecorded('2025-11-20', '08:33:16-07:00', LA)!.absolute).toBe('Nov 20, 2025, 7:33 AM PST');
  });

  it('should show a zone-less time as recorded, next to the date, without converting it', () => {
    const shown = showRecorded('2025-11-24', '08:33:16', LA)!;
    expect(shown.absolute).toBe('Nov 24, 2025 08:33:16');
    expect(shown.relative).toBe('yesterday');
    expect(shown.instant).toBeNull();
    expect(shown.machine).toBe('2025-11-24');
    const timeOnly = showRecorded(null, '08:33:16-07:00', LA)!;
    expect(timeOnly.relative).toBeNull();
    expect(timeOnly.absolute).toBe('08:33:16-07:00');
    expect(showRecorded(null, null, LA)).toBeNull();
    expect(showRecorded('', '  ', LA)).toBeNull();
  });

  it('should show a DateTime field in the rep zone and ignore a value that is not a date', () => {
    const shown = showDateTime('2025-11-25T17:45:00.000Z', LA)!;
    expect(shown.absolute).toBe('Nov 25, 2025, 9:45 AM PST');
    expect(shown.relative).toBe('15 minutes ago');
    expect(showDateTime('garbage', LA)).toBeNull();
    expect(showDateTime(null, LA)).toBeNull();
  });

  it('should fall back to UTC and en-US for a zone or locale the runtime does not know', () => {
    expect(safeTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(safeTimeZone('')).toBe('UTC');
    expect(safeTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(safeLocale('en_GB')).toBe('en-GB');
    expect(safeLocale('not a locale!')).toBe('en-US');
    expect(safeLocale(undefined)).toBe('en-US');
    expect(showDateTime('2025-11-25T17:45:00.000Z', { ...LA, timeZone: 'Nowhere/Else' })!.absolute).toBe(
      'Nov 25, 2025, 5:45 PM UTC'
    );
  });
});

describe('sync status line', () => {
  const status = (sync: EngagementStatus['sync'], extra: Partial<EngagementStatus> = {}): EngagementStatus => ({
    contactLinkTemplate: 'https://app.aloware.com/contacts/{id}',
    phoneFieldLabel: 'Phone',
    hasPhone: true,
    syncLogReadable: true,
    sync,
    ...extra
  });
  const iso = (ms: number): string => new Date(ms).toISOString();

  it('should say when the Lead was last synced', () => {
    const line = syncLine(status({ status: 'Succeeded', completedAt: iso(NOW - 2 * MINUTE) }), LA)!;
    expect(line.text).toBe('Synced 2 minutes ago');
    expect(line.kind).toBe('success');
    expect(line.title).toBe('Nov 25, 2025, 9:58 AM PST');
  });

  it('should say a Lead without a phone can never sync, whatever the log says', () => {
    const line = syncLine(status({ status: 'Succeeded', completedAt: iso(NOW) }, { hasPhone: false }), LA)!;
    expect(line.text).toBe('Not syncing: this Lead has no phone');
    expect(line.kind).toBe('blocked');
    expect(line.detail).toContain('add a phone to sync this Lead');
    // Even for a rep who may not read the sync log.
    expect(syncLine(status(null, { hasPhone: false, syncLogReadable: false }), LA)!.text).toBe(
      'Not syncing: this Lead has no phone'
    );
    expect(syncLine(status({ status: 'Skipped', errorMessage: 'PHONE_MISSING' }, { hasPhone: null }), LA)!.text).toBe(
      'Not syncing: this Lead has no phone'
    );
    expect(syncLine(status({ status: 'Skipped', errorMessage: 'PHONE_INVALID' }), LA)!.text).toBe(
      "Not syncing: this Lead's phone is not a usable phone number"
    );
  });

  it('should say it waits for the Aloware rate limit and when it tries again', () => {
    const line = syncLine(
      status({ status: 'Retrying', outcome: 'RATE_LIMITED', nextAttemptAt: iso(NOW + 3 * MINUTE) }),
      LA
    )!;
    expect(line.text).toBe('Waiting to retry: Aloware rate limit');
    expect(line.detail).toBe('Next attempt in 3 minutes');
    expect(line.kind).toBe('waiting');
    const due = syncLine(status({ status: 'Retrying', outcome: 'TIMEOUT', nextAttemptAt: iso(NOW - MINUTE) }), LA)!;
    expect(due.text).toBe('Waiting to retry: no answer from Aloware');
    expect(due.detail).toBe('Next attempt due now');
    expect(syncLine(status({ status: 'Retrying' }), LA)!.text).toBe('Waiting to retry');
    expect(syncLine(status({ status: 'Retrying', nextAttemptAt: iso(NOW + 20_000) }), LA)!.detail).toBe(
      'Next attempt in less than a minute'
    );
    expect(syncLine(status({ status: 'Pending' }), LA)!.text).toBe('Waiting to sync');
    expect(syncLine(status({ status: 'In Progress' }), LA)!.text).toBe('Syncing now');
  });

  it("should show a failure with the entry's own reason and invent none", () => {
    const failed = syncLine(
      status({
        status: 'Failed',
        outcome: 'INVALID',
        errorMessage: 'The email field must be a valid email.',
        completedAt: iso(NOW - 60 * MINUTE)
      }),
      LA
    )!;
    expect(failed.text).toBe('Sync failed: The email field must be a valid email.');
    expect(failed.detail).toBe('Failed 1 hour ago');
    expect(failed.kind).toBe('failed');
    expect(syncLine(status({ status: 'Failed', outcome: 'UNAUTHORIZED' }), LA)!.text).toBe(
      'Sync failed: Aloware refused the connection'
    );
    expect(syncLine(status({ status: 'Failed', outcome: 'SOMETHING_NEW' }), LA)!.text).toBe(
      'Sync failed: SOMETHING_NEW'
    );
    const bare = syncLine(status({ status: 'Failed', errorMessage: '  ' }), LA)!;
    expect(bare.text).toBe('Sync failed');
    expect(bare.detail).toBeNull();
  });

  it('should say what it can about skipped, unsent and unknown entries', () => {
    expect(syncLine(status({ status: 'Skipped', errorMessage: 'Superseded by a newer change.' }), LA)!.text).toBe(
      'Not sent: Superseded by a newer change.'
    );
    expect(syncLine(status({ status: 'Ignored' }), LA)!.text).toBe('Not sent');
    expect(syncLine(status(null), LA)!.text).toBe('No changes sent to Aloware yet');
    expect(syncLine(status({ status: 'Succeeded' }), LA)!.text).toBe('Synced');
    expect(syncLine(status({ status: 'Something else' }), LA)).toBeNull();
  });

  it('should show nothing when the rep may not read the log or the status is unknown', () => {
    expect(syncLine(status({ status: 'Failed' }, { syncLogReadable: false }), LA)).toBeNull();
    expect(syncLine(null, LA)).toBeNull();
  });

  it('should build the Aloware link from the template and the contact id, https only', () => {
    expect(contactLink('https://app.aloware.com/contacts/{id}', '5003')).toBe('https://app.aloware.com/contacts/5003');
    expect(contactLink('https://x.example/{id}/view?c={id}', 'a b')).toBe('https://x.example/a%20b/view?c=a%20b');
    expect(contactLink('https://app.aloware.com/contacts/{id}', ' ')).toBeNull();
    expect(contactLink('https://app.aloware.com/contacts/', '5003')).toBeNull();
    expect(contactLink(null, '5003')).toBeNull();
    expect(contactLink('http://app.aloware.com/contacts/{id}', '5003')).toBeNull();
    expect(httpsUrl('not a url')).toBeNull();
  });
});
