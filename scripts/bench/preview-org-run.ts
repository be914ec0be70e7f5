/**
 * The preview's admin actions timed against the emulated org directly (no browser, no HTTP): the `@AuraEnabled`
 * methods the components call, invoked as the preview's worker invokes them (`PreviewOrg.callAuraJson`, the same
 * JSON binding and serialisation), in an org seeded as `npm start` seeds it (100,000 sync-log entries).
 *
 * Run by scripts/bench/preview-org.ts, which bundles this file with esbuild as the preview bundles its worker (tsx's
 * per-file transform is ~25 % slower) and runs it in a child process; `--cpu-prof` there profiles one action.
 * Arguments: `--runs N` (timed calls per action, after warm-up), `--only <action>` (one action), `--out <file>`
 * (JSON figures). Prints one line per action.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PreviewOrg } from '../preview/emulated-org/org';

const ROOT = join(__dirname, '..', '..');
/** The browser suite's anchor: the newest generated entry (2025-11-27 17:00 UTC). */
const ANCHOR = Date.parse('2025-11-27T17:00:00.000Z');

interface Stat {
  median: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    median: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(s[0] ?? NaN),
    max: round(s[s.length - 1] ?? NaN),
    n: s.length
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface LogPage {
  rows: unknown[];
  lastCursor: { value: string | null; recordId: string } | null;
  totalCount: number;
}

function main(): void {
  const runs = Number(arg('--runs') ?? 7);
  const only = arg('--only');
  const out = arg('--out');
  const started = performance.now();
  // Callouts are not part of these actions: an unreachable endpoint makes any that happened fail loudly.
  const org = new PreviewOrg({
    root: ROOT,
    alowareUrl: 'http://127.0.0.1:9',
    anchor: ANCHOR,
    apiToken: 'preview-token'
  });
  const startMillis = performance.now() - started;

  const call = (route: string, params: Record<string, unknown>): unknown => {
    const answer = org.callAuraJson(route, params, 'admin');
    const body = JSON.parse(answer.json) as unknown;
    if (answer.status !== 200) throw new Error(`${route}: ${answer.status} ${answer.json.slice(0, 400)}`);
    return body;
  };
  const page = (query: Record<string, unknown>): LogPage =>
    call('AlowareSyncLogController.getLogPage', { query }) as LogPage;

  const firstCallStarted = performance.now();
  const first = page({});
  // The very first page: cold code, and the emulator's sorted index for the log's order is built by this call.
  const firstCallMs = Math.round((performance.now() - firstCallStarted) * 10) / 10;
  const byAttempts = page({ sortBy: 'attempts', sortDirection: 'asc', pageSize: 1000 });
  const settings = call('AlowareSettingsController.getSettings', {}) as { options: Record<string, unknown> };
  const mappings = (call('AlowareMappingController.getMappingState', {}) as { mappings: Record<string, unknown>[] })
    .mappings;
  let flip = false;

  /** The actions of issue 26, each as the component calls it. */
  const actions: Record<string, () => unknown> = {
    'syncLog.firstPage': () => page({}),
    'syncLog.nextPage': () =>
      page({ navigation: 'next', cursorValue: first.lastCursor?.value, cursorId: first.lastCursor?.recordId }),
    'syncLog.nextPageByAttempts': () =>
      page({
        sortBy: 'attempts',
        sortDirection: 'asc',
        navigation: 'next',
        cursorValue: byAttempts.lastCursor?.value,
        cursorId: byAttempts.lastCursor?.recordId
      }),
    'syncLog.lastPage': () => page({ navigation: 'last' }),
    'syncLog.filterFailedOutbound': () => page({ statuses: ['Failed'], direction: 'Outbound' }),
    'syncLog.filterLeadName': () => page({ lead: 'Garcia' }),
    'settings.save': () => {
      flip = !flip;
      return call('AlowareSettingsController.saveSettings', {
        options: { ...settings.options, maxAttempts: flip ? 6 : 5 }
      });
    },
    'mappings.save': () =>
      call('AlowareMappingController.saveMappings', {
        mappings: mappings.map((m) => ({
          alowareProperty: m.alowareProperty,
          salesforceField: m.salesforceField,
          direction: m.direction,
          mappingGroup: m.mappingGroup,
          locked: m.locked,
          active: m.active,
          sortOrder: m.sortOrder
        }))
      })
  };
  const figures: Record<string, Stat> = {};
  /** Process CPU time per call (less moved than wall time by the other processes of a shared machine). */
  const cpu: Record<string, Stat> = {};
  for (const [name, action] of Object.entries(actions)) {
    if (only && !name.startsWith(only)) continue;
    // Warm-up: V8 optimises the interpreter over the first calls.
    for (let i = 0; i < 2; i++) action();
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      action();
      const c = process.cpuUsage(c0);
      samples.push(performance.now() - t0);
      cpuSamples.push((c.user + c.system) / 1000);
    }
    figures[name] = stat(samples);
    cpu[name] = stat(cpuSamples);
    console.log(
      `${name.padEnd(28)} median ${figures[name].median} ms (min ${figures[name].min}, p95 ${figures[name].p95}); CPU median ${cpu[name].median} ms`
    );
  }
  // What the actions answered is checked, so that a fast figure is never a broken action's.
  const check = (ok: boolean, what: string): void => {
    if (!ok) throw new Error(`bench check failed: ${what}`);
  };
  check(first.rows.length === 50 && first.totalCount === 2000, 'first page: 50 rows, total capped at 2,000');
  const saved = (call('AlowareSettingsController.getSettings', {}) as { options: { maxAttempts: number } }).options;
  if (!only || 'settings.save'.startsWith(only)) check(saved.maxAttempts === (flip ? 6 : 5), 'settings saved');
  const garcia = page({ lead: 'Garcia' });
  check(garcia.rows.length > 0, 'Lead-name filter finds rows');
  if (out) {
    writeFileSync(
      out,
      JSON.stringify({ startMillis: Math.round(startMillis), firstCallMs, rows: first.totalCount, figures, cpu })
    );
  }
}

main();
