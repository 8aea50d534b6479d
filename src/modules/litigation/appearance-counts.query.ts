import type { EntityManager } from 'typeorm';
import type { AppearanceCounts } from '../../domain/litigation/appearance-rates.rule';

/**
 * The held (session, defendant) facts: every defendant of the case at every held session, with
 * its appearance record when there is one (the facts of appearance-rates.rule.ts). `$1` the body
 * or null for all, `$2`/`$3` the first and last day held, each null for open.
 */
export const HELD_FACTS = `SELECT s.case_id, c.instance, d.id AS defendant_id, s.id AS session_id,
         s.held_on, c.head_summon_required, s.head_summoned, a.classification, a.official_rank,
         a.spoke_on_merits, a.absence_reason
    FROM court_session s
    JOIN litigation_case c ON c.id = s.case_id
    JOIN litigation_defendant d ON d.case_id = s.case_id
    LEFT JOIN court_appearance a ON a.session_id = s.id AND a.defendant_id = d.id
   WHERE s.status = 'held' AND s.held_on IS NOT NULL AND ($1::uuid IS NULL OR s.agency_id = $1)
     AND ($2::date IS NULL OR s.held_on >= $2::date) AND ($3::date IS NULL OR s.held_on <= $3::date)`;

/** A range of days held; null ends are open. */
export interface HeldPeriod {
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * The appearance counts of several periods in one query over the facts (the periods are `$4`
 * and `$5`; a case-instance is one litigation case row): per period, the case-instances and
 * (case-instance, defendant) pairs with a session held in it, those with a qualifying
 * appearance, and the records by classification and absence reason.
 */
const COUNTS_BY_PERIOD = `
  WITH f AS (${HELD_FACTS}),
  p AS (SELECT * FROM unnest($4::date[], $5::date[]) WITH ORDINALITY AS p(from_on, to_on, period)),
  pf AS (
    SELECT p.period, f.* FROM p JOIN f
      ON (p.from_on IS NULL OR f.held_on >= p.from_on) AND (p.to_on IS NULL OR f.held_on <= p.to_on)),
  ci AS (
    SELECT period, case_id,
           coalesce(bool_or(classification = 'qualifying_appearance'), false) AS appeared,
           bool_or(head_summon_required OR head_summoned) AS summoned,
           coalesce(bool_or(classification = 'qualifying_appearance'
                            AND official_rank = 'principal'), false) AS principal,
           coalesce(bool_or(classification = 'qualifying_appearance'
                            AND spoke_on_merits), false) AS spoke
      FROM pf GROUP BY period, case_id),
  cd AS (
    SELECT period, case_id, defendant_id,
           coalesce(bool_or(classification = 'qualifying_appearance'), false) AS appeared
      FROM pf GROUP BY period, case_id, defendant_id)
  SELECT p.period::int,
         coalesce(ci.held, 0) AS held, coalesce(ci.appeared, 0) AS appeared,
         coalesce(ci.summoned, 0) AS summoned,
         coalesce(ci.summoned_appeared, 0) AS summoned_appeared,
         coalesce(ci.principal, 0) AS principal, coalesce(ci.spoke, 0) AS spoke,
         coalesce(cd.pairs, 0) AS pairs, coalesce(cd.pairs_appeared, 0) AS pairs_appeared,
         ab.absences, cl.classifications
    FROM p
    LEFT JOIN (
      SELECT period, count(*)::int AS held, count(*) FILTER (WHERE appeared)::int AS appeared,
             count(*) FILTER (WHERE summoned)::int AS summoned,
             count(*) FILTER (WHERE summoned AND appeared)::int AS summoned_appeared,
             count(*) FILTER (WHERE principal)::int AS principal,
             count(*) FILTER (WHERE spoke)::int AS spoke
        FROM ci GROUP BY period) ci USING (period)
    LEFT JOIN (
      SELECT period, count(*)::int AS pairs, count(*) FILTER (WHERE appeared)::int AS pairs_appeared
        FROM cd GROUP BY period) cd USING (period)
    LEFT JOIN (
      SELECT period, jsonb_object_agg(reason, n) AS absences FROM (
        SELECT period, coalesce(absence_reason, 'none') AS reason, count(*)::int AS n FROM pf
         WHERE classification IS NOT NULL AND classification <> 'qualifying_appearance'
         GROUP BY 1, 2) x GROUP BY period) ab USING (period)
    LEFT JOIN (
      SELECT period, jsonb_object_agg(code, n) AS classifications FROM (
        SELECT period, coalesce(classification, 'not_recorded') AS code, count(*)::int AS n
          FROM pf GROUP BY 1, 2) x GROUP BY period) cl USING (period)
   ORDER BY p.period`;

interface CountsRow {
  held: number;
  appeared: number;
  summoned: number;
  summoned_appeared: number;
  principal: number;
  spoke: number;
  pairs: number;
  pairs_appeared: number;
  absences: Record<string, number> | null;
  classifications: Record<string, number> | null;
}

/** The counts of each period, in order, for one body (`agencyId`) or all (null). */
export async function appearanceCountsByPeriod(
  manager: EntityManager,
  agencyId: string | null,
  periods: readonly HeldPeriod[],
): Promise<AppearanceCounts[]> {
  const froms = periods.map((period) => period.from);
  const tos = periods.map((period) => period.to);
  const earliest = froms.includes(null) ? null : (froms as string[]).reduce(min);
  const latest = tos.includes(null) ? null : (tos as string[]).reduce(max);
  const rows = await manager.query<CountsRow[]>(COUNTS_BY_PERIOD, [
    agencyId,
    earliest,
    latest,
    froms,
    tos,
  ]);
  return rows.map((row) => ({
    caseInstancesHeld: row.held,
    caseInstancesAppeared: row.appeared,
    summonedHeld: row.summoned,
    summonedAppeared: row.summoned_appeared,
    pairsHeld: row.pairs,
    pairsAppeared: row.pairs_appeared,
    principal: row.principal,
    spoke: row.spoke,
    absencesByReason: row.absences ?? {},
    byClassification: row.classifications ?? {},
  }));
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);
