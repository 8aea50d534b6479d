import type { Client } from 'pg';

export interface LitigationDatasetOptions {
  /** The reconsideration body: the cases' owner and their defendant. */
  agencyId: string;
  cases: number;
  /** Closed lawsuits are spread over this many days before `today`. */
  days: number;
  /** YYYY-MM-DD */
  today: string;
}

/**
 * Lawsuits against the body (行政应诉) generated inside PostgreSQL like the reconsideration
 * dataset: most closed with a judgment, the recent ones pending or defended with open deadlines
 * (defense submission, first-instance term) due around `today`, so the mixed worklist reads both
 * kinds. Every case has the body as its defendant; one in four had a held court session.
 */
export async function seedLitigationDataset(
  client: Client,
  options: LitigationDatasetOptions,
): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(
      `CREATE TEMP TABLE seed_lawsuit ON COMMIT DROP AS
       SELECT s.*,
              CASE WHEN s.status = 'pending' THEN $2::date - (s.g % 10)
                   WHEN s.status = 'defended' THEN $2::date - 15 - (s.g % 60)
                   ELSE $2::date - 200 - (s.g % $3::int) END AS received_on
         FROM (SELECT gen_random_uuid() AS id, g,
                      CASE WHEN g % 50 = 0 THEN 'pending'
                           WHEN g % 50 < 4 THEN 'defended'
                           ELSE 'closed' END AS status,
                      (ARRAY['张','李','王','刘','陈','杨','赵','黄','周','吴'])[1 + g % 10] ||
                      (ARRAY['伟','芳','娜','敏','静','强','磊','军','洋','勇'])[1 + (g / 10) % 10] ||
                      g AS plaintiff,
                      (ARRAY['public_security','natural_resources','market_regulation','human_resources_social_security','housing_construction'])[1 + g % 5] AS field,
                      (ARRAY['dismissed_claims','dismissed_suit','revoked','confirmed_illegal','withdrawn'])[1 + g % 5] AS disposition
                 FROM generate_series(1, $1::int) AS g) s`,
      [options.cases, options.today, options.days],
    );
    await client.query(
      `INSERT INTO litigation_case (
         version, id, agency_id, court_case_number, court_case_year, court_code, court_case_type,
         court_name, instance, procedure, retrial_procedure, status, plaintiffs,
         plaintiff_id_hashes, reconsideration_case_id, previous_instance_id, co_defendant, cause,
         act_kind, field, state_compensation, head_summon_required, filed_on,
         complaint_received_on, evidence_obstacle_removed_on, defense_submitted_on, defense_late,
         appeal, closed_on, judicial_recommendations, search_text)
       SELECT 1, l.id, $1,
              '(' || extract(year FROM l.received_on) || ')赣0281行初' || l.g || '号',
              extract(year FROM l.received_on), '赣0281', '行初', '乐平市人民法院', 'first',
              'ordinary', NULL, l.status,
              jsonb_build_array(jsonb_build_object('kind', 'person', 'name', l.plaintiff,
                'idNumberSealed', NULL, 'idNumberHash', NULL, 'idNumberMasked', NULL)),
              '{}', NULL, NULL, false, '撤销行政处罚决定', 'administrative_penalty', l.field,
              false, l.g % 7 = 0, l.received_on - 3, l.received_on, NULL,
              CASE WHEN l.status <> 'pending' THEN l.received_on + 10 END, false, NULL,
              CASE WHEN l.status = 'closed' THEN l.received_on + 150 END, '[]'::jsonb,
              '(' || extract(year FROM l.received_on) || ')赣0281行初' || l.g || '号 乐平市人民法院 ' ||
                l.plaintiff
         FROM seed_lawsuit l`,
      [options.agencyId],
    );
    await client.query(
      `INSERT INTO litigation_defendant (case_id, tenant_id, agency_id, role, task, position)
       SELECT l.id, $1, $1, 'original_act', 'defend_original_act', 0 FROM seed_lawsuit l`,
      [options.agencyId],
    );
    await client.query(
      `INSERT INTO litigation_judgment (case_id, tenant_id, court_document_id, decided_on, kind,
                                        disposition, partial, served_on, result)
       SELECT l.id, $1, NULL, l.received_on + 120,
              CASE WHEN l.disposition IN ('dismissed_suit', 'withdrawn') THEN 'ruling' ELSE 'judgment' END,
              l.disposition, false, l.received_on + 125,
              CASE l.disposition WHEN 'dismissed_claims' THEN 'win' WHEN 'dismissed_suit' THEN 'win'
                                 WHEN 'withdrawn' THEN 'withdrawn' ELSE 'lose' END
         FROM seed_lawsuit l WHERE l.status = 'closed'`,
      [options.agencyId],
    );
    await client.query(
      `INSERT INTO court_session (version, agency_id, case_id, court_session_id, starts_at,
                                  session_on, courtroom, notice_received_on, short_notice,
                                  head_summoned, status, held_on, cancel_reason)
       SELECT 1, $1, l.id, NULL, (l.received_on + 60)::timestamp + time '09:30' - interval '8 hours',
              l.received_on + 60, '第一审判庭', l.received_on + 40, false, false, 'held',
              l.received_on + 60, NULL
         FROM seed_lawsuit l WHERE l.status = 'closed' AND l.g % 4 = 0`,
      [options.agencyId],
    );
    await client.query(
      `INSERT INTO deadline (agency_id, case_type, case_id, kind, status, trigger_on, due_on, met_on,
                             first_year, last_year, calendar_version, input, record)
       SELECT $1, 'litigation', l.id, d.kind, d.status, d.trigger_on, d.due_on, d.met_on,
              extract(year FROM d.trigger_on), extract(year FROM d.due_on), 1,
              jsonb_build_object('kind', d.kind, 'triggerOn', d.trigger_on, 'procedure', 'ordinary'),
              jsonb_build_object('kind', d.kind, 'basis', d.basis, 'dueOn', d.due_on)
         FROM seed_lawsuit l
         CROSS JOIN LATERAL (VALUES
           ('defense_submission', l.received_on, l.received_on + 15,
              CASE WHEN l.status = 'pending' THEN 'open' ELSE 'met' END,
              CASE WHEN l.status = 'pending' THEN NULL ELSE l.received_on + 10 END,
              '行政诉讼法 第六十七条第一款'),
           ('first_instance_term', l.received_on - 3, (l.received_on - 3 + interval '6 months')::date,
              CASE WHEN l.status = 'closed' THEN 'met' ELSE 'open' END,
              CASE WHEN l.status = 'closed' THEN l.received_on + 120 END,
              '行政诉讼法 第八十一条')
         ) AS d(kind, trigger_on, due_on, status, met_on, basis)`,
      [options.agencyId],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  for (const table of [
    'litigation_case',
    'litigation_defendant',
    'litigation_judgment',
    'court_session',
    'deadline',
  ]) {
    await client.query(`ANALYZE ${table}`);
  }
}
