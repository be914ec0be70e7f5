/**
 * Benchmark of the TypeScript mapping rules (c/alowareMappingRules) with the full catalog:
 * - outbound: 10,000 Leads → forms payloads (conversion, owner look-up, fingerprint), Leads/s;
 * - inbound: the same Leads receiving full Aloware contact data (with Aloware's counters) → changes, Leads/s;
 * - fingerprint alone, Leads/s;
 * - validation of a 500-row mapping set, ms per validation.
 * Peak heap is sampled with process.memoryUsage() during each phase. Prints a table; writes docs/bench/engine.json.
 *
 * Run: `npx tsx scripts/bench/engine.ts [N]` (tsx resolves `c/...` through tsconfig paths; run
 * `npx tsx scripts/lwc-paths.ts` first in a fresh checkout).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { CATALOG } from '../../force-app/main/default/lwc/alowareCatalog/alowareCatalog';
import { DISPLAY_TYPE_OF } from '../catalog/catalog';
import {
  DEFAULT_SETTINGS,
  DescribeJson,
  EngineSettings,
  FieldDescribe,
  FieldMapping,
  OwnerDirectory,
  RecordValues,
  applyInboundValues,
  buildOutbound,
  defaultMappings,
  fingerprintOf,
  validateMappings
} from '../../force-app/main/default/lwc/alowareMappingRules/alowareMappingRules';

interface Phase {
  name: string;
  items: number;
  unit: string;
  ms: number;
  perSecond: number;
  peakHeapMb: number;
  note: string;
}

const ROOT = join(__dirname, '..', '..');
const N = Number(process.argv[2] ?? '10000');
const VALIDATION_ROWS = 500;
const VALIDATION_RUNS = 20;
const SETTINGS: EngineSettings = { ...DEFAULT_SETTINGS, accountTimeZone: 'America/Los_Angeles' };

/** Salesforce types of the default fields (standard fields by name, package fields from the catalog). */
const STANDARD: Record<string, Omit<FieldDescribeEntry, never>> = {
  Phone: { type: 'phone', length: 40 },
  MobilePhone: { type: 'phone', length: 40 },
  Fax: { type: 'phone', length: 40 },
  Email: { type: 'email', length: 80 },
  OwnerId: { type: 'reference', referenceTo: ['Group', 'User'] },
  FirstName: { type: 'string', length: 40 },
  LastName: { type: 'string', length: 80 },
  Company: { type: 'string', length: 255 },
  LeadSource: { type: 'picklist', picklistValues: ['Web', 'Phone Inquiry', 'Partner Referral', 'Other'] },
  City: { type: 'string', length: 40 },
  State: { type: 'string', length: 80 },
  Country: { type: 'string', length: 80 },
  PostalCode: { type: 'string', length: 20 },
  Website: { type: 'url', length: 255 }
};
type FieldDescribeEntry = DescribeJson['fields'][string];

function leadDescribe(extraFields: number): DescribeJson {
  const fields: Record<string, FieldDescribeEntry> = { ...STANDARD };
  for (const entry of CATALOG) {
    if (!entry.customField) continue;
    fields[entry.defaultField] = {
      type: DISPLAY_TYPE_OF[entry.customField.type],
      length:
        entry.customField.length ??
        (entry.customField.type === 'Url' ? 255 : entry.customField.type === 'Phone' ? 40 : null),
      precision: entry.customField.precision,
      scale: entry.customField.scale
    };
  }
  for (let i = 0; i < extraFields; i++) fields[`Extra_${i}__c`] = { type: 'string', length: 255 };
  return { namespacePrefix: '', fields };
}

function userId(i: number): string {
  return `005${String(i).padStart(12, '0')}`;
}

function owners(): OwnerDirectory {
  const directory = new OwnerDirectory();
  for (let i = 0; i < 50; i++) {
    directory.addAlowareUser(1000 + i, `rep${i}@example.com`);
    directory.addSalesforceUser(userId(i), `Rep${i}@Example.com`, i % 10 !== 9);
  }
  return directory;
}

function lead(i: number): Record<string, unknown> {
  const area = 200 + (i % 700);
  return {
    Phone: `(${area}) 555-${String(i % 10000).padStart(4, '0')}`,
    MobilePhone: `${area}.555.${String((i * 7) % 10000).padStart(4, '0')}`,
    Fax: i % 5 === 0 ? `+44 20 7946 ${String(i % 10000).padStart(4, '0')}` : null,
    Email: `lead${i}@example.com`,
    OwnerId: i % 20 === 0 ? `00G${String(i).padStart(12, '0')}` : userId(i % 50),
    FirstName: `First${i}`,
    LastName: `Last ${i}`,
    Company: `Company ${i % 300}`,
    LeadSource: ['Web', 'Phone Inquiry', 'Other'][i % 3],
    City: 'San Francisco',
    State: 'CA',
    Country: 'United States',
    PostalCode: '94105',
    Website: `www.company${i % 300}.example.com`,
    Aloware_Custom_Field_1__c: `VIP ${i % 4}`,
    Aloware_Custom_Field_2__c: i % 2 === 0 ? null : 'note',
    Aloware_TCPA_Approved__c: i % 2 === 0,
    Aloware_DNC__c: i % 50 === 0,
    Aloware_Total_Inbound_Calls__c: i % 17,
    Aloware_Last_Engagement__c: '2024-03-05T22:30:00.000Z'
  };
}

function alowareContact(i: number): Record<string, unknown> {
  return {
    id: 900000 + i,
    phone_number: `+1${200 + (i % 700)}555${String(i % 10000).padStart(4, '0')}`,
    first_name: `First${i}`,
    last_name: i % 3 === 0 ? `Renamed ${i}` : `Last ${i}`,
    email: `LEAD${i}@EXAMPLE.COM`,
    company_name: `Company ${i % 300}`,
    lead_source: i % 11 === 0 ? 'Trade Show' : 'Web',
    csf1: `VIP ${(i + 1) % 4}`,
    is_dnc: i % 40 === 0,
    user_id: 1000 + (i % 60),
    other_phone_numbers: [{ label: 'mobile', phone_number: `+1${200 + (i % 700)}5550199` }],
    inbound_call_count: (i % 17) + 1,
    outbound_call_count: i % 5,
    inbound_sms_count: i % 3,
    outbound_sms_count: i % 7
  };
}

function measure(name: string, items: number, unit: string, note: string, run: (sample: () => void) => void): Phase {
  global.gc?.();
  let peak = process.memoryUsage().heapUsed;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const start = process.hrtime.bigint();
  run(sample);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  sample();
  return { name, items, unit, ms, perSecond: (items / ms) * 1000, peakHeapMb: peak / 1048576, note };
}

function validationRows(): FieldMapping[] {
  const rows: FieldMapping[] = defaultMappings();
  const open = CATALOG.filter((entry) => entry.group === 'Open' && entry.alowareType === 'text');
  for (let i = rows.length; i < VALIDATION_ROWS; i++) {
    rows.push({
      alowareProperty: open[i % open.length].property,
      salesforceField: `Extra_${i}__c`,
      direction: i % 7 === 0 ? 'Sideways' : 'AlowareToSalesforce',
      active: i % 5 !== 0,
      sortOrder: i * 10
    });
  }
  return rows;
}

function main(): void {
  const mappings = defaultMappings();
  const describe = FieldDescribe.fromJson(leadDescribe(VALIDATION_ROWS));
  const directory = owners();
  const leads = Array.from({ length: N }, (_, i) => new RecordValues(lead(i)));
  const contacts = Array.from({ length: N }, (_, i) => alowareContact(i));
  const phases: Phase[] = [];
  let sent = 0;
  let skipped = 0;
  let warnings = 0;
  phases.push(
    measure('outbound payloads', N, 'Leads', `${CATALOG.length}-property catalog, default mappings`, (sample) => {
      for (let i = 0; i < N; i++) {
        const result = buildOutbound(leads[i], mappings, directory, SETTINGS);
        if (result.skipped) skipped++;
        else sent++;
        warnings += result.warnings.length;
        if (i % 500 === 0) sample();
      }
    })
  );
  let changed = 0;
  let refused = 0;
  phases.push(
    measure('inbound changes', N, 'Leads', 'full contact data with counters per Lead', (sample) => {
      for (let i = 0; i < N; i++) {
        const result = applyInboundValues(contacts[i], leads[i], mappings, describe, directory, SETTINGS);
        changed += Object.keys(result.changes).length;
        refused += result.errors.length;
        if (i % 500 === 0) sample();
      }
    })
  );
  phases.push(
    measure('fingerprints', N, 'Leads', 'SHA-256 of the canonical outbound values', (sample) => {
      for (let i = 0; i < N; i++) {
        fingerprintOf(leads[i], mappings);
        if (i % 500 === 0) sample();
      }
    })
  );
  const rows = validationRows();
  let issues = 0;
  const validation = measure(
    'validation',
    VALIDATION_RUNS,
    'validations',
    `${rows.length}-row mapping set`,
    (sample) => {
      for (let run = 0; run < VALIDATION_RUNS; run++) {
        issues = validateMappings(rows, describe).length;
        sample();
      }
    }
  );
  phases.push(validation);

  const pad = (text: string, width: number): string => text.padEnd(width);
  console.log(
    `Aloware mapping engine (TypeScript) — Node ${process.version}, ${cpus().length} CPU(s): ${cpus()[0]?.model ?? '?'}`
  );
  console.log(
    `${pad('phase', 20)}${pad('items', 16)}${pad('total ms', 11)}${pad('per second', 13)}${pad('peak heap MB', 14)}note`
  );
  for (const phase of phases) {
    console.log(
      `${pad(phase.name, 20)}${pad(`${phase.items} ${phase.unit}`, 16)}${pad(phase.ms.toFixed(0), 11)}${pad(phase.perSecond.toFixed(0), 13)}${pad(phase.peakHeapMb.toFixed(1), 14)}${phase.note}`
    );
  }
  console.log(
    `validation: ${(validation.ms / VALIDATION_RUNS).toFixed(2)} ms per ${rows.length}-row set (${issues} issues)`
  );
  console.log(
    `outbound: ${sent} payloads, ${skipped} skipped, ${warnings} warnings; inbound: ${changed} changes, ${refused} refusals`
  );

  const report = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? null,
    cpus: cpus().length,
    leads: N,
    catalogProperties: CATALOG.length,
    phases: phases.map((phase) => ({
      ...phase,
      ms: Math.round(phase.ms),
      perSecond: Math.round(phase.perSecond),
      peakHeapMb: Number(phase.peakHeapMb.toFixed(1))
    })),
    validation: {
      rows: rows.length,
      runs: VALIDATION_RUNS,
      msPerValidation: Number((validation.ms / VALIDATION_RUNS).toFixed(2)),
      issues
    },
    outcomes: { sent, skipped, warnings, changed, refused }
  };
  mkdirSync(join(ROOT, 'docs', 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'bench', 'engine.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('wrote docs/bench/engine.json');
}

main();
