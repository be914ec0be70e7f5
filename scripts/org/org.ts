/**
 * The org path (runs only against a real Salesforce org; nothing here can run offline):
 *   npm run org:create   scratch org from config/project-scratch-def.json (needs an authorised Dev Hub)
 *   npm run org:deploy   npm run build, deploy force-app, assign the admin permission set
 *   npm run org:test     every Apex test, code coverage >= 90 %, human output + JUnit/JSON in test-results/apex
 *   npm run org:open     open the org on the Aloware Setup tab
 * ALOWARE_ORG (default "aloware-dev") names the target org alias.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ORG = process.env.ALOWARE_ORG ?? 'aloware-dev';
const COVERAGE_MINIMUM = 90;
const RESULTS = join(ROOT, 'test-results', 'apex');

function sf(args: string[]): number {
  console.log(`$ sf ${args.join(' ')}`);
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'sf'), args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' }
  });
  return result.status ?? 1;
}

function must(status: number, what: string): void {
  if (status !== 0) {
    console.error(`org: ${what} failed (exit ${status})`);
    process.exit(status);
  }
}

/** Reads the run's coverage percentage from the JSON result sf writes to the output directory. */
export function coverageOf(resultsDir: string): number | null {
  if (!existsSync(resultsDir)) return null;
  for (const file of readdirSync(resultsDir)) {
    if (!/^test-result-.*\.json$/.test(file) || file.includes('codecoverage')) continue;
    const json = JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as {
      summary?: { testRunCoverage?: string; orgWideCoverage?: string };
    };
    const value = json.summary?.testRunCoverage ?? json.summary?.orgWideCoverage;
    if (value) return Number.parseFloat(value);
  }
  return null;
}

const commands: Record<string, () => void> = {
  create: () =>
    must(
      sf([
        'org',
        'create',
        'scratch',
        '--definition-file',
        'config/project-scratch-def.json',
        '--alias',
        ORG,
        '--set-default',
        '--duration-days',
        '7',
        '--wait',
        '15'
      ]),
      'scratch org creation'
    ),
  deploy: () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', '.bin', 'tsx'), 'scripts/build-lwc.ts'], {
      cwd: ROOT,
      stdio: 'inherit'
    });
    must(build.status ?? 1, 'npm run build');
    must(
      sf(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', ORG, '--wait', '30']),
      'deploy'
    );
    must(sf(['org', 'assign', 'permset', '--name', 'Aloware_Admin', '--target-org', ORG]), 'permission set assignment');
  },
  test: () => {
    must(
      sf([
        'apex',
        'run',
        'test',
        '--target-org',
        ORG,
        '--test-level',
        'RunLocalTests',
        '--code-coverage',
        '--result-format',
        'human',
        '--output-dir',
        RESULTS,
        '--wait',
        '60'
      ]),
      'Apex tests'
    );
    const coverage = coverageOf(RESULTS);
    if (coverage === null) {
      console.error(`org: no coverage figure found in ${RESULTS}`);
      process.exit(1);
    }
    console.log(`org: Apex code coverage ${coverage}% (minimum ${COVERAGE_MINIMUM}%); JUnit in ${RESULTS}`);
    if (coverage < COVERAGE_MINIMUM) process.exit(1);
  },
  open: () => must(sf(['org', 'open', '--target-org', ORG, '--path', 'lightning/n/Aloware_Setup']), 'org open')
};

const command = process.argv[2] ?? '';
const action = commands[command];
if (!action) {
  console.error(`usage: tsx scripts/org/org.ts ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
action();
