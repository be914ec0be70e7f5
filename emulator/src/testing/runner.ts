/**
 * The Apex test runner: runs `@IsTest` methods the way the platform does — each test method in its own
 * transaction (fresh static state, fresh governor limits, the org as `@TestSetup` left it), `@TestSetup` once per
 * class — and reports failures with the Apex exception type, message and stack, per-method governor use, JUnit
 * XML and line coverage per class.
 */
import type { Annotation, MethodDecl } from '../parse/ast';
import { Emulator, describeThrow } from '../emulator';
import type { ClassInfo } from '../runtime/interpreter';
import { Limits } from '../data/limits';

export interface TestOutcome {
  className: string;
  methodName: string;
  outcome: 'pass' | 'fail' | 'skip';
  message?: string;
  stack?: string;
  ms: number;
  /** Governor use of the test's transaction(s): SOQL queries, DML statements, callouts. */
  soql: number;
  dml: number;
  callouts: number;
}

export interface SkippedClass {
  className: string;
  reason: string;
}

export interface RunResult {
  outcomes: TestOutcome[];
  skippedClasses: SkippedClass[];
  coverage: Map<string, { covered: number; total: number }>;
}

export interface RunOptions {
  /** `Class` or `Class.method` selectors (case-insensitive); empty: every test class. */
  tests?: string[];
  /** Classes not run, with the reason (missing emulator feature). */
  skip?: Map<string, string>;
  /** Called after each method (progress output). */
  onOutcome?: (o: TestOutcome) => void;
}

const isTestMethod = (m: MethodDecl): boolean =>
  m.modifiers.has('testmethod') || m.annotations.some((a) => a.name.toLowerCase() === 'istest');
const isSetup = (m: MethodDecl): boolean => m.annotations.some((a) => a.name.toLowerCase() === 'testsetup');

/** `@IsTest(SeeAllData=true)` on the method, else on its class (Apex Developer Guide, IsTest Annotation). */
function seeAllData(classAnnotations: Annotation[], methodAnnotations: Annotation[]): boolean {
  const flag = (list: Annotation[]): boolean | undefined => {
    const value = list.find((x) => x.name.toLowerCase() === 'istest')?.params.seealldata?.toLowerCase();
    return value === undefined ? undefined : value === 'true';
  };
  return flag(methodAnnotations) ?? flag(classAnnotations) ?? false;
}

export function testClasses(emulator: Emulator): ClassInfo[] {
  return [...emulator.interp.classes.values()]
    .filter((c) => c.isTest && c.decl?.methods.some(isTestMethod))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function runTests(emulator: Emulator, options: RunOptions = {}): RunResult {
  const { interp, org } = emulator;
  const selectors = (options.tests ?? []).map((t) => t.toLowerCase());
  const outcomes: TestOutcome[] = [];
  const skippedClasses: SkippedClass[] = [];
  const baseline = org.snapshot();
  const baseUser = org.user;
  const baseUserCtx = { ...interp.user };

  const freshTransaction = (): void => {
    interp.resetTransaction();
    org.limits = new Limits(false);
    org.user = baseUser;
    interp.user = { ...baseUserCtx };
    for (const k of Object.keys(org.hooks)) delete org.hooks[k];
    interp.stack.length = 0;
  };

  for (const cls of testClasses(emulator)) {
    const lname = cls.name.toLowerCase();
    const methods = (cls.decl?.methods ?? []).filter(isTestMethod).filter((m) => {
      if (selectors.length === 0) return true;
      return selectors.some((s) => s === lname || s === `${lname}.${m.name.toLowerCase()}`);
    });
    if (methods.length === 0) continue;
    const reason = options.skip?.get(cls.name);
    if (reason !== undefined) {
      skippedClasses.push({ className: cls.name, reason });
      for (const m of methods) {
        const o: TestOutcome = {
          className: cls.name,
          methodName: m.name,
          outcome: 'skip',
          message: reason,
          ms: 0,
          soql: 0,
          dml: 0,
          callouts: 0
        };
        outcomes.push(o);
        options.onOutcome?.(o);
      }
      continue;
    }
    org.restore(baseline);
    let setupError: ReturnType<typeof describeThrow> | null = null;
    for (const setup of (cls.decl?.methods ?? []).filter(isSetup)) {
      freshTransaction();
      try {
        interp.invoke(cls, setup, null, []);
      } catch (e) {
        setupError = describeThrow(interp, e);
      }
    }
    const afterSetup = org.snapshot();
    for (const m of methods) {
      freshTransaction();
      org.restore(afterSetup);
      if (seeAllData(cls.decl?.annotations ?? [], m.annotations)) org.hooks.seeAllData = true;
      const started = Date.now();
      let outcome: TestOutcome;
      const usage = (): Pick<TestOutcome, 'soql' | 'dml' | 'callouts'> => {
        const totals = (org.hooks.limitTotals as Record<string, number> | undefined) ?? {};
        return {
          soql: org.limits.used.queries + (totals.queries ?? 0),
          dml: org.limits.used.dmlStatements + (totals.dmlStatements ?? 0),
          callouts: org.limits.used.callouts + (totals.callouts ?? 0)
        };
      };
      if (setupError) {
        outcome = {
          className: cls.name,
          methodName: m.name,
          outcome: 'fail',
          message: `@TestSetup failed: ${setupError.type}: ${setupError.message}`,
          stack: setupError.stack,
          ms: 0,
          soql: 0,
          dml: 0,
          callouts: 0
        };
      } else {
        try {
          interp.invoke(cls, m, null, []);
          outcome = { className: cls.name, methodName: m.name, outcome: 'pass', ms: Date.now() - started, ...usage() };
        } catch (e) {
          const d = describeThrow(interp, e);
          outcome = {
            className: cls.name,
            methodName: m.name,
            outcome: 'fail',
            message: `${d.type}: ${d.message}`,
            stack: d.stack,
            ms: Date.now() - started,
            ...usage()
          };
        }
      }
      outcomes.push(outcome);
      options.onOutcome?.(outcome);
    }
  }
  org.restore(baseline);
  freshTransaction();

  const coverage = new Map<string, { covered: number; total: number }>();
  for (const [file, lines] of emulator.executableLines) {
    // The platform does not count @IsTest classes in code coverage.
    if (file.startsWith('FidelitySnippet') || emulator.interp.classes.get(file.toLowerCase())?.isTest) continue;
    const hit = org.coverage.get(file) ?? new Set<number>();
    let covered = 0;
    for (const l of lines) if (hit.has(l)) covered++;
    coverage.set(file, { covered, total: lines.size });
  }
  return { outcomes, skippedClasses, coverage };
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function junitXml(result: RunResult): string {
  const byClass = new Map<string, TestOutcome[]>();
  for (const o of result.outcomes) byClass.set(o.className, [...(byClass.get(o.className) ?? []), o]);
  const suites = [...byClass].map(([cls, list]) => {
    const cases = list
      .map((o) => {
        const head =
          `    <testcase classname="${esc(cls)}" name="${esc(o.methodName)}" time="${(o.ms / 1000).toFixed(3)}">` +
          `\n      <properties><property name="soql" value="${o.soql}"/><property name="dml" value="${o.dml}"/>` +
          `<property name="callouts" value="${o.callouts}"/></properties>`;
        if (o.outcome === 'fail') {
          return `${head}\n      <failure message="${esc(o.message ?? '')}">${esc(o.stack ?? '')}</failure>\n    </testcase>`;
        }
        if (o.outcome === 'skip') return `${head}\n      <skipped message="${esc(o.message ?? '')}"/>\n    </testcase>`;
        return `${head}\n    </testcase>`;
      })
      .join('\n');
    const failures = list.filter((o) => o.outcome === 'fail').length;
    const skipped = list.filter((o) => o.outcome === 'skip').length;
    return `  <testsuite name="${esc(cls)}" tests="${list.length}" failures="${failures}" skipped="${skipped}">\n${cases}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="Apex (emulator)">\n${suites.join('\n')}\n</testsuites>\n`;
}
