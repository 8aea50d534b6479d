import { Client } from 'pg';
import { seedDataset } from '../../bench/seed-dataset';
import { seedLitigationDataset } from '../../bench/seed-litigation';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { indexesOf, plansOfRequest, seqScans, type PlanNode } from '../setup/query-plans';
import { createTestApp, type TestApp } from '../setup/test-app';

/**
 * Proves on ten thousand cases and twenty thousand lawsuits of two bodies that one body's monthly
 * report reads them through the statistics indexes (no sequential scan of the tables). (The seed
 * has no hearings: an empty table is read by a sequential scan, as it should be.)
 */
describe('statistics query plans', () => {
  let t: TestApp;
  let tenant: Tenant;
  let plans = new Map<string, PlanNode[]>();

  beforeAll(async () => {
    t = await createTestApp();
    const adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
    const other = await createTenant(t, adminToken);
    const client = new Client({ connectionString: t.ownerUrl }); // ANALYZE needs the owner
    await client.connect();
    try {
      const today = t.clock.today();
      for (const [agency, cases] of [
        [other, 7000],
        [tenant, 3000],
      ] as const) {
        await seedDataset(client, {
          agencyId: agency.agency.id,
          handlerId: agency.clerk.id,
          cases,
          days: 1500,
          today,
        });
        await seedLitigationDataset(client, {
          agencyId: agency.agency.id,
          cases: cases * 2,
          days: 1500,
          today,
        });
      }
      await client.query('VACUUM ANALYZE'); // the visibility map, for index-only scans
    } finally {
      await client.end();
    }
    plans = await plansOfRequest(
      t,
      tenant.viewer.token,
      '/api/v1/statistics/monthly?month=2025-03',
      (sql) => /\bcount\(/.test(sql),
    );
  }, 180_000);
  afterAll(() => t.close());

  const planMatching = (marker: RegExp): PlanNode[] => {
    const found = [...plans.entries()].find(([sql]) => marker.test(sql));
    if (!found) throw new Error(`no statistics query matching ${marker}`);
    return found[1];
  };

  it.each([
    [
      "the period's cases (one pass)",
      /width_bucket\(received_on/,
      'reconsideration_case_statistics_idx',
    ],
    [
      'extensions approved in the period',
      /extension IS NOT NULL\s+AND \(extension ->> 'approvedOn'\)/,
      'reconsideration_case_stock_exceptions_idx',
    ],
    [
      'the suspended and extended cases of the stocks',
      /WITH ORDINALITY AS e\(day, k\)/,
      'reconsideration_case_stock_exceptions_idx',
    ],
  ])('reads %s through its index, never by a scan of the cases', (_what, marker, expected) => {
    const nodes = planMatching(marker);
    expect(seqScans(nodes, 'reconsideration_case')).toEqual([]);
    expect(indexesOf(nodes)).toContain(expected);
  });

  it("reads the period's lawsuits, judgments, held sessions and recommendations through indexes", () => {
    const nodes = planMatching(/'new' AS kind/);
    for (const table of ['litigation_case', 'litigation_judgment', 'court_session']) {
      expect(seqScans(nodes, table)).toEqual([]);
    }
    expect(indexesOf(nodes)).toEqual(
      expect.arrayContaining([
        'litigation_case_statistics_idx',
        'litigation_judgment_decided_idx',
        'court_session_held_idx',
        'litigation_case_recommendations_idx',
      ]),
    );
  });

  it('reads the appearance facts from the held sessions of the period', () => {
    const nodes = planMatching(/WITH f AS/);
    expect(seqScans(nodes, 'court_session')).toEqual([]);
    expect(indexesOf(nodes)).toContain('court_session_held_idx');
  });
});
