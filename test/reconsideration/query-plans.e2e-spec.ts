import { Client } from 'pg';
import { seedDataset } from '../../bench/seed-dataset';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { indexesOf, planOfRequest, seqScans } from '../setup/query-plans';
import { createTestApp, type TestApp } from '../setup/test-app';

/** Proves on a few thousand rows that the list and worklist queries use their indexes. */
describe('query plans', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await createTestApp();
    const adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
    const other = await createTenant(t, adminToken);
    const client = new Client({ connectionString: t.ownerUrl }); // ANALYZE needs the owner
    await client.connect();
    try {
      const today = t.clock.today();
      await seedDataset(client, {
        agencyId: other.agency.id,
        handlerId: other.clerk.id,
        cases: 6000,
        days: 1500,
        today,
      });
      await seedDataset(client, {
        agencyId: tenant.agency.id,
        handlerId: tenant.clerk.id,
        cases: 4000,
        days: 1500,
        today,
      });
    } finally {
      await client.end();
    }
  }, 120_000);
  afterAll(() => t.close());

  const planOf = (path: string, marker: RegExp) =>
    planOfRequest(t, tenant.clerk.token, path, marker);

  it('lists cases through the agency/received index', async () => {
    const nodes = await planOf('/api/v1/reconsideration-cases', /FROM reconsideration_case c/);
    expect(seqScans(nodes, 'reconsideration_case')).toEqual([]);
    expect(indexesOf(nodes)).toContain('reconsideration_case_list_idx');
  });

  it('filters by status through the status index', async () => {
    const nodes = await planOf(
      '/api/v1/reconsideration-cases?status=under_review',
      /FROM reconsideration_case c/,
    );
    expect(seqScans(nodes, 'reconsideration_case')).toEqual([]);
    expect(indexesOf(nodes)).toContain('reconsideration_case_status_idx');
  });

  it('searches Chinese substrings through the trigram index', async () => {
    const nodes = await planOf(
      `/api/v1/reconsideration-cases?q=${encodeURIComponent('张伟1234')}`,
      /FROM reconsideration_case c/,
    );
    expect(seqScans(nodes, 'reconsideration_case')).toEqual([]);
    expect(indexesOf(nodes)).toContain('reconsideration_case_search_trgm_idx');
  });

  it('reads the worklist through the deadline worklist index', async () => {
    const nodes = await planOf('/api/v1/deadlines', /FROM deadline d/);
    expect(seqScans(nodes, 'deadline')).toEqual([]);
    expect(indexesOf(nodes)).toContain('deadline_open_due_idx');
  });
});
