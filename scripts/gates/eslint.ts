/** Gate: ESLint (LWC + lightning rules, typescript-eslint) over the whole repository; any error or warning fails. */
import { GateResult, bin, run, runAsScript, timed } from './lib';

interface EslintMessage {
  ruleId: string | null;
  message: string;
  line: number;
  severity: number;
}

export function eslintGate(root: string): GateResult {
  return timed('eslint', () => {
    const result = run(bin(root, 'eslint'), ['--format', 'json', '--max-warnings', '0', '.'], root);
    let files: { filePath: string; messages: EslintMessage[] }[];
    try {
      files = JSON.parse(result.stdout) as typeof files;
    } catch {
      return {
        ok: false,
        findings: [`eslint did not run: ${result.stderr.trim() || result.stdout.trim()}`],
        summary: 'crashed'
      };
    }
    const findings = files.flatMap((file) =>
      file.messages.map(
        (m) => `${file.filePath.replace(root + '/', '')}:${m.line} ${m.ruleId ?? 'parse'}: ${m.message}`
      )
    );
    const ok = result.status === 0 && findings.length === 0;
    return { ok, findings, summary: `${files.length} file(s) linted, ${findings.length} finding(s)` };
  });
}

if (require.main === module) runAsScript(eslintGate);
