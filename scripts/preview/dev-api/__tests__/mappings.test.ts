/**
 * The preview's simulated mapping deployment mirrors AlowareMappingController: a save whose changed rows map to
 * {@link DEPLOY_FAILURE_FIELD} fails (nothing applied; `getDeploymentStatus` reports Failed with the failing record),
 * and saving again without it succeeds once the records read back as saved.
 */
// The tooling jest project does not map LWC `c/` imports (the preview's build and tsx resolve them); the mapping
// rules import the catalog that way.
jest.mock(
  'c/alowareCatalog',
  () => jest.requireActual('../../../../force-app/main/default/lwc/alowareCatalog/alowareCatalog'),
  { virtual: true }
);

import { DEPLOY_FAILURE_FIELD, DEPLOY_MS, PreviewMappings, type MappingRow } from '../mappings';
import type { PreviewState } from '../state';

function edited(rows: MappingRow[], property: string, salesforceField: string): MappingRow[] {
  return rows.map((r) => (r.alowareProperty === property ? { ...r, salesforceField } : { ...r }));
}

describe('preview mapping deployment', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fails a deployment that maps a row to the sentinel field, then succeeds once it is changed', () => {
    // save and getDeploymentStatus do not read the org state (Leads, users).
    const mappings = new PreviewMappings({} as PreviewState);
    const before = mappings.rows.map((r) => ({ ...r }));
    const failing = edited(before, 'custom_field_2', DEPLOY_FAILURE_FIELD);

    const saved = mappings.save(failing);
    expect(saved).toMatchObject({ accepted: true, issues: [] });
    const jobId = saved.jobId as string;
    expect(mappings.deploymentStatus(jobId, failing).status).toBe('InProgress');

    jest.advanceTimersByTime(DEPLOY_MS);
    const failed = mappings.deploymentStatus(jobId, failing);
    expect(failed.status).toBe('Failed');
    expect(failed.message).toContain('The mappings were not saved.');
    expect(failed.message).toContain(`Lead_custom_field_2: Salesforce_Field__c: ${DEPLOY_FAILURE_FIELD}`);
    expect(failed.message).toContain('save again');
    expect(mappings.rows).toEqual(before);
    expect(mappings.lastOutcome).toMatchObject({ jobId, status: 'Failed' });

    const fixed = edited(before, 'custom_field_2', 'Primary_Region_Text__c');
    const again = mappings.save(fixed);
    const secondJob = again.jobId as string;
    expect(secondJob).not.toBe(jobId);
    expect(mappings.deploymentStatus(secondJob, fixed).status).toBe('InProgress');
    jest.advanceTimersByTime(DEPLOY_MS);
    expect(mappings.deploymentStatus(secondJob, fixed).status).toBe('Succeeded');
    expect(mappings.lastOutcome).toEqual({ jobId: secondJob, status: 'Succeeded', message: null });
    expect(mappings.rows.find((r) => r.alowareProperty === 'custom_field_2')?.salesforceField).toBe(
      'Primary_Region_Text__c'
    );
  });
});
