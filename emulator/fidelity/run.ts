/**
 * Runs the fidelity suite: every case in `cases/*.json` is an Apex snippet with the result the platform gives and
 * the source that documents it. `npx tsx emulator/fidelity/run.ts [area|id-substring ...] [--verbose]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Emulator } from '../src/emulator';

export interface FidelityCase {
  id: string;
  cite: string;
  code: string;
  expect?: string;
  throws?: string;
  message?: string;
  messageContains?: string;
  classes?: string[];
  user?: { timeZone?: string; locale?: string };
  now?: string;
}

export interface CaseOutcome {
  id: string;
  ok: boolean;
  detail: string;
}

export function loadCases(dir = join(__dirname, 'cases')): FidelityCase[] {
  const cases: FidelityCase[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.json')) cases.push(...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as FidelityCase[]));
  }
  return cases;
}

export function runCase(c: FidelityCase): CaseOutcome {
  const emulator = new Emulator(null);
  emulator.interp.user = {
    timeZone: c.user?.timeZone ?? 'America/Los_Angeles',
    locale: c.user?.locale ?? 'en_US',
    language: 'en_US'
  };
  emulator.interp.clock = c.now ? Date.parse(c.now) : null;
  let result;
  try {
    result = emulator.runSnippet(c.code, c.classes ?? []);
  } catch (e) {
    return { id: c.id, ok: false, detail: `emulator error: ${(e as Error).message}` };
  }
  if (c.throws !== undefined) {
    if (!result.exception) return { id: c.id, ok: false, detail: `expected ${c.throws}, returned ${result.value}` };
    if (result.exception.type !== c.throws) {
      return {
        id: c.id,
        ok: false,
        detail: `expected ${c.throws}, threw ${result.exception.type}: ${result.exception.message}`
      };
    }
    if (c.message !== undefined && result.exception.message !== c.message) {
      return {
        id: c.id,
        ok: false,
        detail: `message ${JSON.stringify(result.exception.message)} ≠ ${JSON.stringify(c.message)}`
      };
    }
    if (c.messageContains !== undefined && !result.exception.message.includes(c.messageContains)) {
      return {
        id: c.id,
        ok: false,
        detail: `message ${JSON.stringify(result.exception.message)} lacks ${JSON.stringify(c.messageContains)}`
      };
    }
    return { id: c.id, ok: true, detail: '' };
  }
  if (result.exception) {
    return { id: c.id, ok: false, detail: `threw ${result.exception.type}: ${result.exception.message}` };
  }
  if (result.value !== c.expect) {
    return { id: c.id, ok: false, detail: `got ${JSON.stringify(result.value)}, expected ${JSON.stringify(c.expect)}` };
  }
  return { id: c.id, ok: true, detail: '' };
}

if (require.main === module) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const verbose = process.argv.includes('--verbose');
  const cases = loadCases().filter((c) => args.length === 0 || args.some((a) => c.id.includes(a)));
  let failed = 0;
  for (const c of cases) {
    const o = runCase(c);
    if (!o.ok) {
      failed++;
      console.log(`FAIL ${o.id}: ${o.detail}`);
    } else if (verbose) console.log(`ok   ${o.id}`);
  }
  console.log(`${cases.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
