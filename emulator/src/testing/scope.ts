/**
 * What the emulator does not run yet, said by name: a test class outside `tests/engine/` that uses a platform
 * feature of "Apex runs here (2 of 2)" (DML beyond test-data setup, callouts, async jobs, Apex REST, the Metadata
 * API) is skipped with the list of those features. Engine tests are never skipped.
 */
const FEATURES: [RegExp, string][] = [
  [/\bTest\.setMock\b|\bHttpCalloutMock\b|\bHttpRequest\b/i, 'callouts'],
  [
    /\bSystem\.enqueueJob\b|\bDatabase\.executeBatch\b|\bSystem\.schedule\b|\bTest\.stopTest\b|\bFinalizer/i,
    'async Apex'
  ],
  [/\bRestContext\b/i, 'Apex REST'],
  [/\bMetadata\.(DeployContainer|DeployResult|DeployCallback|Operations)\b/i, 'Metadata API'],
  [/\b(update|upsert|delete|undelete)\s+[a-z_]/i, 'DML update/upsert/delete'],
  [/\bDatabase\.(update|upsert|delete|query|countQuery|getQueryLocator)/i, 'Database methods'],
  [/\btrigger\b|\bLead\b[^;]*\binsert\b|insert\s+(leads|lead|records)\b/i, 'triggers']
];

export function missingFeatures(path: string, source: string): string[] {
  if (/[\\/]tests[\\/]engine[\\/]/.test(path)) return [];
  const found: string[] = [];
  for (const [pattern, feature] of FEATURES) if (pattern.test(source) && !found.includes(feature)) found.push(feature);
  if (found.length === 0) found.push('the data layer');
  return found;
}
