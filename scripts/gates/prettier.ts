/**
 * Gate: `prettier --check` over every source kind. Apex goes through prettier-plugin-apex, i.e. Salesforce's own
 * Apex parser, so this gate is also the Apex syntax gate (a parse error fails it, as does unformatted code).
 */
import { GateResult, bin, run, runAsScript, timed } from './lib';

export const PRETTIER_GLOBS = ['**/*.{cls,trigger}', '**/*.{ts,js,html,json,md}', '**/*.xml'];

export function prettierGate(root: string): GateResult {
  return timed('prettier', () => {
    const result = run(bin(root, 'prettier'), ['--check', '--no-error-on-unmatched-pattern', ...PRETTIER_GLOBS], root);
    const output = `${result.stdout}\n${result.stderr}`;
    const findings = output
      .split('\n')
      .map((line) => line.trim())
      .filter(
        (line) =>
          /^\[(warn|error)\]/.test(line) &&
          !/^\[error\]\s+at /.test(line) &&
          !/Code style issues found|Forgot to run Prettier/.test(line)
      );
    const ok = result.status === 0;
    if (!ok && findings.length === 0) findings.push(output.trim() || `prettier exited ${result.status}`);
    return {
      ok,
      findings,
      summary: ok ? 'all files formatted and parseable' : `${findings.length} file(s) unformatted or unparseable`
    };
  });
}

if (require.main === module) runAsScript(prettierGate);
