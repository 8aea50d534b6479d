import type { Client } from 'pg';

export interface DatasetOptions {
  /** The reconsideration body owning the cases. */
  agencyId: string;
  /** Handler of the cases. */
  handlerId: string;
  cases: number;
  /** Closed cases are spread over this many days before `today`. */
  days: number;
  /** YYYY-MM-DD */
  today: string;
}

/**
 * A realistic dataset generated inside PostgreSQL (INSERT … SELECT generate_series, no round
 * trips per row): cases over `days` days — most archived, the recent ones received or under
 * review — each with its events and deadlines. Open cases have open deadlines due around
 * `today`, so the worklist and the sweep have real work.
 */
export async function seedDataset(client: Client, options: DatasetOptions): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(
      `CREATE TEMP TABLE seed_case ON COMMIT DROP AS
       SELECT s.*,
              CASE WHEN s.status = 'received' THEN $2::date - (s.g % 3)
                   WHEN s.status = 'under_review' THEN $2::date - (s.g % 40)
                   ELSE $2::date - 70 - (s.g % $3::int) END AS received_on
         FROM (SELECT gen_random_uuid() AS id, g,
                      CASE WHEN g % 50 = 0 THEN 'received'
                           WHEN g % 50 < 4 THEN 'under_review'
                           WHEN g % 50 = 4 THEN 'rejected'
                           WHEN g % 50 = 5 THEN 'concluded'
                           WHEN g % 50 = 6 THEN 'served'
                           ELSE 'archived' END AS status,
                      (ARRAY['张','李','王','刘','陈','杨','赵','黄','周','吴'])[1 + g % 10] ||
                      (ARRAY['伟','芳','娜','敏','静','强','磊','军','洋','勇'])[1 + (g / 10) % 10] ||
                      g AS applicant,
                      (ARRAY['公安局','自然资源局','市场监督管理局','人力资源和社会保障局','住房和城乡建设局'])[1 + g % 5] AS respondent,
                      (ARRAY['public_security','natural_resources','market_regulation','human_resources_social_security','housing_construction'])[1 + g % 5] AS field
                 FROM generate_series(1, $1::int) AS g) s`,
      [options.cases, options.today, options.days],
    );
    await client.query(
      `INSERT INTO reconsideration_case (
         id, agency_id, receipt_number, case_number, status, procedure, major, hearing_requested,
         channel, applicants, applicant_type, agent, third_parties, respondent_agency_id,
         respondent_name, contested_act, field, act_kind, known_on, received_on, postmarked_on,
         act_on, real_estate, remedy_rights_not_told, limitation_obstacle, requests,
         facts_and_reasons, handler_id, review_start_on, correction_items, accepted_on,
         accepted_how, rejected_on, rejection, copy_sent_on, opinion_heard_on, opinion_heard_how,
         hearings_held, suspensions, decision_due_on, concluded_on, outcome, decision_number,
         concluded_late, served_on, archived_on, search_text, version)
       SELECT c.id, $1, 'BENCH复收〔' || extract(year FROM c.received_on) || '〕' || c.g || '号',
              CASE WHEN c.status NOT IN ('received', 'rejected')
                   THEN 'BENCH复〔' || extract(year FROM c.received_on) || '〕' || c.g || '号' END,
              c.status, 'ordinary', false, false, 'in_person',
              jsonb_build_array(jsonb_build_object('kind', 'person', 'name', c.applicant,
                'idNumber', '3602811990' || lpad((c.g % 100000000)::text, 8, '0'), 'contact', null)),
              'person', NULL, '[]'::jsonb, NULL, '乐平市' || c.respondent,
              jsonb_build_object('title', '行政处罚决定书', 'documentNumber', '乐罚字〔' || c.g || '〕号',
                'actOn', c.received_on - 30, 'field', c.field, 'actKind', 'administrative_penalty'),
              c.field, 'administrative_penalty', c.received_on - 20, c.received_on, NULL,
              c.received_on - 30, false, false, NULL, '撤销行政处罚决定', NULL, $2, c.received_on,
              '[]'::jsonb,
              CASE WHEN c.status NOT IN ('received', 'rejected') THEN c.received_on + 5 END,
              CASE WHEN c.status NOT IN ('received', 'rejected') THEN 'decided' END,
              CASE WHEN c.status = 'rejected' THEN c.received_on + 4 END,
              CASE WHEN c.status = 'rejected' THEN '{"reason": "不属于受理范围", "competentBody": null}'::jsonb END,
              CASE WHEN c.status NOT IN ('received', 'rejected') THEN c.received_on + 8 END,
              CASE WHEN c.status IN ('concluded', 'served', 'archived') THEN c.received_on + 30 END,
              CASE WHEN c.status IN ('concluded', 'served', 'archived') THEN 'in_person' END,
              0, '[]'::jsonb,
              CASE WHEN c.status NOT IN ('received', 'rejected') THEN c.received_on + 65 END,
              CASE WHEN c.status IN ('concluded', 'served', 'archived') THEN c.received_on + 50 END,
              CASE WHEN c.status IN ('concluded', 'served', 'archived')
                   THEN (ARRAY['uphold','revoke','dismiss_request','confirm_illegal','terminated'])[1 + c.g % 5] END,
              CASE WHEN c.status IN ('concluded', 'served', 'archived')
                   THEN 'BENCH复决〔' || c.g || '〕号' END,
              false,
              CASE WHEN c.status IN ('served', 'archived') THEN c.received_on + 55 END,
              CASE WHEN c.status = 'archived' THEN c.received_on + 70 END,
              'BENCH复收〔' || extract(year FROM c.received_on) || '〕' || c.g || '号 ' || c.applicant ||
                ' 乐平市' || c.respondent || ' 乐罚字〔' || c.g || '〕号',
              1
         FROM seed_case c`,
      [options.agencyId, options.handlerId],
    );
    await client.query(
      `INSERT INTO case_event (case_type, case_id, agency_id, type, actor_kind, actor_id, actor_name,
                               occurred_on, payload)
       SELECT 'reconsideration', c.id, $1, e.type, 'user', $2, 'bench', e.occurred_on, '{}'::jsonb
         FROM seed_case c
         CROSS JOIN LATERAL (VALUES
           ('received', c.received_on, true),
           ('accepted', c.received_on + 5, c.status NOT IN ('received', 'rejected')),
           ('rejected', c.received_on + 4, c.status = 'rejected'),
           ('concluded', c.received_on + 50, c.status IN ('concluded', 'served', 'archived')),
           ('served', c.received_on + 55, c.status IN ('served', 'archived')),
           ('archived', c.received_on + 70, c.status = 'archived')
         ) AS e(type, occurred_on, present)
        WHERE e.present`,
      [options.agencyId, options.handlerId],
    );
    await client.query(
      `INSERT INTO deadline (agency_id, case_type, case_id, kind, status, trigger_on, due_on, met_on,
                             first_year, last_year, calendar_version, input, record)
       SELECT $1, 'reconsideration', c.id, d.kind, d.status, d.trigger_on, d.due_on, d.met_on,
              extract(year FROM d.trigger_on), extract(year FROM d.due_on), 1,
              jsonb_build_object('kind', d.kind, 'triggerOn', d.trigger_on, 'procedure', 'ordinary'),
              jsonb_build_object('kind', d.kind, 'basis', d.basis, 'dueOn', d.due_on)
         FROM seed_case c
         CROSS JOIN LATERAL (VALUES
           ('acceptance_review', c.received_on, c.received_on + 7,
              CASE WHEN c.status = 'received' THEN 'open' ELSE 'met' END,
              CASE WHEN c.status = 'received' THEN NULL ELSE c.received_on + 5 END,
              '行政复议法 第三十条', true),
           ('decision', c.received_on + 5, c.received_on + 65,
              CASE WHEN c.status = 'under_review' THEN 'open' ELSE 'met' END,
              CASE WHEN c.status = 'under_review' THEN NULL ELSE c.received_on + 50 END,
              '行政复议法 第六十二条', c.status NOT IN ('received', 'rejected'))
         ) AS d(kind, trigger_on, due_on, status, met_on, basis, present)
        WHERE d.present`,
      [options.agencyId],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  // As autovacuum leaves a table that has settled: statistics for the planner, and the visibility
  // map that lets the statistics read their covering index alone.
  await client.query('VACUUM ANALYZE reconsideration_case');
  await client.query('ANALYZE deadline');
  await client.query('ANALYZE case_event');
}
