import request from 'supertest';
import type { TestApp } from './test-app';

/** One node of a JSON EXPLAIN plan (the fields the plan tests read). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** The plan's nodes, flattened. */
export function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

export const seqScans = (nodes: PlanNode[], table: string): PlanNode[] =>
  nodes.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === table);

export const indexesOf = (nodes: PlanNode[]): string[] =>
  nodes.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));

/**
 * Calls `GET path` as `token`, captures the SQL it ran through the data source, and EXPLAINs each
 * query `keep` accepts with the parameters it ran with: the plans by SQL text.
 */
export async function plansOfRequest(
  t: TestApp,
  token: string,
  path: string,
  keep: (sql: string) => boolean,
): Promise<Map<string, PlanNode[]>> {
  const spy = jest.spyOn(t.dataSource, 'query');
  let calls: unknown[][];
  try {
    await request(t.http).get(path).auth(token, { type: 'bearer' }).expect(200);
    calls = spy.mock.calls.filter(([sql]) => keep(sql));
  } finally {
    spy.mockRestore();
  }
  const plans = new Map<string, PlanNode[]>();
  for (const [sql, params] of calls as [string, unknown[]][]) {
    const [row] = await t.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    plans.set(sql, nodesOf(row['QUERY PLAN'][0].Plan as PlanNode));
  }
  return plans;
}

/** The plan of the first query matching `marker` that `GET path` ran. */
export async function planOfRequest(
  t: TestApp,
  token: string,
  path: string,
  marker: RegExp,
): Promise<PlanNode[]> {
  const plans = await plansOfRequest(t, token, path, (sql) => marker.test(sql));
  const [first] = plans.values();
  if (!first) throw new Error(`no query matching ${marker}`);
  return first;
}
