import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import {
  rate,
  RATE_DEFINITIONS,
  type AppearanceRates,
} from '../../domain/litigation/appearance-rates.rule';
import {
  ABSENCE_REASONS,
  APPEARANCE_CLASSIFICATIONS,
} from '../../domain/litigation/court-appearance.rule';
import {
  emptyLitigationTally,
  type LitigationTally,
} from '../../domain/statistics/litigation-tally';
import type { StatisticsPeriod } from '../../domain/statistics/statistics-period.value';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The held (session, defendant) facts of a period, as appearance-rates.rule.ts defines them: every
 * defendant of the case at every session held in [$2, $3], with its appearance record if any.
 */
const HELD_FACTS = `SELECT s.case_id, d.id AS defendant_id, c.head_summon_required, s.head_summoned,
         a.classification, a.official_rank, a.spoke_on_merits, a.absence_reason
    FROM court_session s
    JOIN litigation_case c ON c.id = s.case_id
    JOIN litigation_defendant d ON d.case_id = s.case_id
    LEFT JOIN court_appearance a ON a.session_id = s.id AND a.defendant_id = d.id
   WHERE s.status = 'held' AND ($1::uuid IS NULL OR s.agency_id = $1::uuid)
     AND s.held_on BETWEEN $2::date AND $3::date`;

/**
 * Litigation figures of a period (DESIGN, "Statistics" → Litigation), aggregated in PostgreSQL
 * over the litigation module's tables (litigation_case, litigation_judgment, court_session,
 * litigation_defendant, court_appearance). A litigation case belongs to the reconsideration body
 * in `agency_id`; a case row is one case-instance.
 */
@Injectable()
export class LitigationStatisticsRepository {
  /** The additive counts of consecutive months, in order. */
  async monthlyTallies(
    manager: EntityManager,
    scope: TenantScope,
    months: readonly StatisticsPeriod[],
  ): Promise<LitigationTally[]> {
    const tallies = new Map(
      months.map((month) => [month.label, emptyLitigationTally() as Mutable<LitigationTally>]),
    );
    const rows = await manager.query<{ month: string; kind: string; key: string; n: number }[]>(
      `SELECT to_char(complaint_received_on, 'YYYY-MM') AS month, 'new' AS kind, instance AS key,
              count(*)::int AS n
         FROM litigation_case
        WHERE ($1::uuid IS NULL OR agency_id = $1::uuid)
          AND complaint_received_on BETWEEN $2::date AND $3::date
        GROUP BY 1, 3
       UNION ALL
       SELECT to_char(complaint_received_on, 'YYYY-MM'), 'co_defendant', '', count(*)::int
         FROM litigation_case
        WHERE ($1::uuid IS NULL OR agency_id = $1::uuid) AND co_defendant
          AND complaint_received_on BETWEEN $2::date AND $3::date
        GROUP BY 1
       UNION ALL
       SELECT to_char(j.decided_on, 'YYYY-MM'), 'concluded',
              j.kind || ':' || (j.result IN ('lose', 'partial'))::text, count(*)::int
         FROM litigation_judgment j
        WHERE ($1::uuid IS NULL OR j.tenant_id = $1::uuid)
          AND j.decided_on BETWEEN $2::date AND $3::date
        GROUP BY 1, 3
       UNION ALL
       SELECT to_char(held_on, 'YYYY-MM'), 'sessions', '', count(*)::int
         FROM court_session
        WHERE ($1::uuid IS NULL OR agency_id = $1::uuid) AND status = 'held'
          AND held_on BETWEEN $2::date AND $3::date
        GROUP BY 1
       UNION ALL
       SELECT to_char((r.value ->> 'receivedOn')::date, 'YYYY-MM'), 'recommendations', '',
              count(*)::int
         FROM litigation_case c CROSS JOIN LATERAL jsonb_array_elements(c.judicial_recommendations) AS r(value)
        WHERE ($1::uuid IS NULL OR c.agency_id = $1::uuid)
          AND jsonb_array_length(c.judicial_recommendations) > 0
          AND (r.value ->> 'receivedOn')::date BETWEEN $2::date AND $3::date
        GROUP BY 1`,
      [scope.agencyId, months[0].from, months[months.length - 1].to],
    );
    for (const row of rows) {
      const tally = tallies.get(row.month);
      if (!tally) continue;
      switch (row.kind) {
        case 'new':
          if (row.key === 'first') tally.newFirst += row.n;
          else if (row.key === 'second') tally.newSecond += row.n;
          else tally.newRetrial += row.n;
          break;
        case 'co_defendant':
          tally.coDefendant += row.n;
          break;
        case 'concluded': {
          const [kind, lost] = row.key.split(':');
          tally.concluded += row.n;
          if (kind === 'judgment') tally.concludedByJudgment += row.n;
          if (lost === 'true') tally.lost += row.n;
          break;
        }
        case 'sessions':
          tally.sessionsHeld += row.n;
          break;
        default:
          tally.judicialRecommendations += row.n;
      }
    }
    return months.map((month) => tallies.get(month.label) ?? emptyLitigationTally());
  }

  /** The appearance-rate variants over the sessions held in [from, to] (appearance-rates.rule.ts). */
  async appearanceRates(
    manager: EntityManager,
    scope: TenantScope,
    period: { readonly from: string; readonly to: string },
  ): Promise<AppearanceRates> {
    const [row] = await manager.query<
      {
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
      }[]
    >(
      `WITH f AS (${HELD_FACTS}),
       ci AS (
         SELECT case_id,
                coalesce(bool_or(classification = 'qualifying_appearance'), false) AS appeared,
                bool_or(head_summon_required OR head_summoned) AS summoned,
                coalesce(bool_or(classification = 'qualifying_appearance'
                                 AND official_rank = 'principal'), false) AS principal,
                coalesce(bool_or(classification = 'qualifying_appearance'
                                 AND spoke_on_merits), false) AS spoke
           FROM f GROUP BY case_id),
       cd AS (
         SELECT case_id, defendant_id,
                coalesce(bool_or(classification = 'qualifying_appearance'), false) AS appeared
           FROM f GROUP BY case_id, defendant_id)
       SELECT (SELECT count(*) FROM ci)::int AS held,
              (SELECT count(*) FROM ci WHERE appeared)::int AS appeared,
              (SELECT count(*) FROM ci WHERE summoned)::int AS summoned,
              (SELECT count(*) FROM ci WHERE summoned AND appeared)::int AS summoned_appeared,
              (SELECT count(*) FROM ci WHERE principal)::int AS principal,
              (SELECT count(*) FROM ci WHERE spoke)::int AS spoke,
              (SELECT count(*) FROM cd)::int AS pairs,
              (SELECT count(*) FROM cd WHERE appeared)::int AS pairs_appeared,
              (SELECT jsonb_object_agg(reason, n) FROM (
                 SELECT coalesce(absence_reason, 'none') AS reason, count(*)::int AS n FROM f
                  WHERE classification IS NOT NULL AND classification <> 'qualifying_appearance'
                  GROUP BY 1) a) AS absences,
              (SELECT jsonb_object_agg(code, n) FROM (
                 SELECT coalesce(classification, 'not_recorded') AS code, count(*)::int AS n
                   FROM f GROUP BY 1) b) AS classifications`,
      [scope.agencyId, period.from, period.to],
    );
    const absences = Object.fromEntries(
      [...ABSENCE_REASONS, 'none'].map((reason) => [reason, row.absences?.[reason] ?? 0]),
    ) as AppearanceRates['absencesByReason'];
    const byClassification = Object.fromEntries(
      [...APPEARANCE_CLASSIFICATIONS, 'not_recorded'].map((code) => [
        code,
        row.classifications?.[code] ?? 0,
      ]),
    ) as AppearanceRates['byClassification'];
    return {
      variants: [
        rate('per_case_instance', RATE_DEFINITIONS.per_case_instance, row.appeared, row.held),
        rate(
          'per_summoned_case_instance',
          RATE_DEFINITIONS.per_summoned_case_instance,
          row.summoned_appeared,
          row.summoned,
        ),
        rate(
          'per_defendant_case_instance',
          RATE_DEFINITIONS.per_defendant_case_instance,
          row.pairs_appeared,
          row.pairs,
        ),
      ],
      principalHeadRate: rate(
        'principal_head',
        RATE_DEFINITIONS.principal_head,
        row.principal,
        row.held,
      ),
      spokeOnMeritsRate: rate(
        'spoke_on_merits',
        RATE_DEFINITIONS.spoke_on_merits,
        row.spoke,
        row.appeared,
      ),
      absencesByReason: absences,
      byClassification,
    };
  }

  /** Per month (`YYYY-MM`): reconsideration cases concluded in it that have a linked lawsuit. */
  async concludedLitigatedByMonth(
    manager: EntityManager,
    scope: TenantScope,
    months: readonly StatisticsPeriod[],
  ): Promise<Map<string, number>> {
    const rows = await manager.query<{ month: string; n: number }[]>(
      `SELECT to_char(r.concluded_on, 'YYYY-MM') AS month, count(*)::int AS n
         FROM reconsideration_case r
        WHERE ($1::uuid IS NULL OR r.agency_id = $1::uuid)
          AND r.concluded_on BETWEEN $2::date AND $3::date AND r.outcome IS NOT NULL
          AND EXISTS (SELECT 1 FROM litigation_case l WHERE l.reconsideration_case_id = r.id)
        GROUP BY 1`,
      [scope.agencyId, months[0].from, months[months.length - 1].to],
    );
    return new Map(rows.map((row) => [row.month, row.n]));
  }
}
