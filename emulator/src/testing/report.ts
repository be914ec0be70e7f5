/**
 * The grouped failure report of a test run (`apex-test --report <file>`): failures grouped by their cause, so a run
 * of another project's suite shows which emulator gaps or infidelities cost the most tests.
 *
 * A failure's cause is, in this order: the first `not supported by the emulator: X` in its message (a feature the
 * emulator does not model); an unknown type or name (`Invalid type: X`, `Variable does not exist: X`, `Method does not
 * exist…: X`); else the Apex exception type and its message with Ids, numbers and quoted values normalised. Causes
 * named in `EXCLUDED` (features left unmodelled on purpose) are counted apart from the pass rate.
 */
import type { RunResult, TestOutcome } from './runner';

/** Platform features the emulator leaves unmodelled on purpose: their tests are counted apart. */
export const EXCLUDED = ['DataWeave', 'ConnectApi'];

export interface FailureGroup {
  cause: string;
  /** `unsupported` (not modelled), `unknown` (type or name), `exception` (a thrown or asserted difference). */
  kind: 'unsupported' | 'unknown' | 'exception';
  /** Counted apart from the pass rate (a feature in `EXCLUDED`). */
  excluded: boolean;
  count: number;
  /** `Class.method`, with `(@TestSetup)` when the class's setup failed. */
  tests: string[];
}

export interface FailureReport {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Failures whose cause is an excluded feature. */
  excluded: number;
  /** passed / (total − skipped − excluded), in percent with one decimal. */
  passRate: number;
  groups: FailureGroup[];
}

const SETUP_PREFIX = '@TestSetup failed: ';

/** Ids, numbers and quoted values out of a message, so that failures of one cause share one text. */
export function normaliseMessage(message: string): string {
  return message
    .replace(/\b[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?\b/g, (m) => (/\d/.test(m) && /[a-zA-Z]/.test(m) ? '<id>' : m))
    .replace(/\b\d+(?:\.\d+)?\b/g, '<n>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 240);
}

/** The cause of one failure message (`Type: message`, as the runner records it). */
export function causeOf(message: string): { cause: string; kind: FailureGroup['kind'] } {
  const text = message.startsWith(SETUP_PREFIX) ? message.slice(SETUP_PREFIX.length) : message;
  const unsupported =
    /not supported by the emulator: ([^.;:\n]+)/i.exec(text) ??
    /(?:^|: )([^:]+?) (?:is|are) not supported by the emulator/i.exec(text);
  if (unsupported) return { cause: `not supported by the emulator: ${unsupported[1].trim()}`, kind: 'unsupported' };
  const unknown =
    /^[\w.]+: (Invalid type|Variable does not exist|Method does not exist(?: or incorrect signature)?): (\S+)/.exec(
      text
    );
  if (unknown) return { cause: `${unknown[1]}: ${unknown[2].replace(/\(\d+\)$/, '')}`, kind: 'unknown' };
  return { cause: normaliseMessage(text), kind: 'exception' };
}

const isExcluded = (cause: string): boolean =>
  EXCLUDED.some((feature) => new RegExp(`\\b${feature}\\b`).test(cause.replace(/^.*?: /, '')));

export function failureReport(result: Pick<RunResult, 'outcomes'>): FailureReport {
  const groups = new Map<string, FailureGroup>();
  const outcomes: TestOutcome[] = result.outcomes;
  for (const o of outcomes) {
    if (o.outcome !== 'fail') continue;
    const message = o.message ?? '';
    const { cause, kind } = causeOf(message);
    let group = groups.get(cause);
    if (!group) {
      group = { cause, kind, excluded: kind !== 'exception' && isExcluded(cause), count: 0, tests: [] };
      groups.set(cause, group);
    }
    group.count++;
    group.tests.push(`${o.className}.${o.methodName}${message.startsWith(SETUP_PREFIX) ? ' (@TestSetup)' : ''}`);
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause));
  const passed = outcomes.filter((o) => o.outcome === 'pass').length;
  const failed = outcomes.filter((o) => o.outcome === 'fail').length;
  const skipped = outcomes.filter((o) => o.outcome === 'skip').length;
  const excluded = sorted.filter((g) => g.excluded).reduce((n, g) => n + g.count, 0);
  const counted = outcomes.length - skipped - excluded;
  return {
    total: outcomes.length,
    passed,
    failed,
    skipped,
    excluded,
    passRate: Math.round((1000 * passed) / Math.max(1, counted)) / 10,
    groups: sorted
  };
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportMarkdown(report: FailureReport, title = 'Apex test failures by cause'): string {
  const lines = [
    `# ${title}`,
    '',
    `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped of ${report.total} test methods; ` +
      `${report.excluded} failures counted apart (unmodelled: ${EXCLUDED.join(', ')}); ` +
      `pass rate without them ${report.passRate} %.`,
    ''
  ];
  if (report.groups.length) {
    lines.push('| failures | kind | cause |', '| ---: | --- | --- |');
    for (const g of report.groups) {
      lines.push(`| ${g.count} | ${g.kind}${g.excluded ? ' (counted apart)' : ''} | ${cell(g.cause)} |`);
    }
    lines.push('');
    for (const g of report.groups) {
      lines.push(`## ${cell(g.cause)} (${g.count})`, '', ...g.tests.map((t) => `- ${t}`), '');
    }
  }
  return lines.join('\n');
}

export function reportJson(report: FailureReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
