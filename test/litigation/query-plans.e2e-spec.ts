import { Client } from 'pg';
import { seedDataset } from '../../bench/seed-dataset';
import { seedLitigationDataset } from '../../bench/seed-litigation';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { planOfRequest, type PlanNode } from '../setup/query-plans';
import { createTestApp, type TestApp } from '../setup/test-app';

/**
 * Proves on a few thousand lawsuits beside reconsideration cases that a lawsuit's read and the
 * mixed worklist reach their rows through an index condition: a lawsuit's deadlines (its own and
 * its sessions') once read every deadline of the database through a filter.
 */
describe('litigation query plans', () => {
  let t: TestApp;
  let tenant: Tenant;
  let lawsuitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
    const client = new Client({ connectionString: t.ownerUrl }); // ANALYZE needs the owner
    await client.connect();
    try {
      const today = t.clock.today();
      const agencyId = tenant.agency.id;
      await seedDataset(client, {
        agencyId,
        handlerId: tenant.clerk.id,
        cases: 4000,
        days: 1500,
        today,
      });
      await seedLitigationDataset(client, { agencyId, cases: 3000, days: 1500, today });
      const [row] = (
        await client.query<{ id: string }>(
          `SELECT case_id AS id FROM court_session WHERE agency_id = $1 LIMIT 1`,
          [agencyId],
        )
      ).rows;
      lawsuitId = row.id;
    } finally {
      await client.end();
    }
  }, 120_000);
  afterAll(() => t.close());

  const planOf = (path: string, marker: RegExp) =>
    planOfRequest(t, tenant.clerk.token, path, marker);
  const onTable = (nodes: PlanNode[], table: string) =>
    nodes.filter((n) => n['Relation Name'] === table);

  it("reads a lawsuit's deadlines and its sessions' by index condition", async () => {
    const nodes = await planOf(
      `/api/v1/litigation-cases/${lawsuitId}`,
      /FROM deadline\s+WHERE case_id = ANY/,
    );
    expect(onTable(nodes, 'deadline').map((n) => n['Node Type'])).not.toContain('Seq Scan');
    const byCase = nodes.find((n) => n['Index Name'] === 'deadline_case_kind_key');
    expect(byCase?.['Index Cond']).toEqual(expect.stringContaining('case_id'));
  });

  it('reads the mixed worklist through the open-deadline index', async () => {
    const nodes = await planOf('/api/v1/deadlines', /FROM deadline d/);
    expect(onTable(nodes, 'deadline').map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(nodes.map((n) => n['Index Name'])).toContain('deadline_open_due_idx');
  });
});
