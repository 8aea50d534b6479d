import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import {
  appearanceRatesOf,
  type AppearanceRates,
} from '../../domain/litigation/appearance-rates.rule';
import {
  emptyLitigationTally,
  type LitigationTally,
} from '../../domain/statistics/litigation-tally';
import type { StatisticsPeriod } from '../../domain/statistics/statistics-period.value';
import { appearanceCountsByPeriod } from '../litigation/appearance-counts.query';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
      `SELECT to_char(complaint_received_on, 'YYYY-MM') AS month, 'new' AS kind,
              instance || ':' || co_defendant::text AS key, count(*)::int AS n
         FROM litigation_case
        WHERE ($1::uuid IS NULL OR agency_id = $1::uuid)
          AND complaint_received_on BETWEEN $2::date AND $3::date
        GROUP BY 1, 3
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
        case 'new': {
          const [instance, coDefendant] = row.key.split(':');
          if (instance === 'first') tally.newFirst += row.n;
          else if (instance === 'second') tally.newSecond += row.n;
          else tally.newRetrial += row.n;
          if (coDefendant === 'true') tally.coDefendant += row.n;
          break;
        }
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

  /** The appearance-rate variants of each period, in order, in one query (appearance-rates.rule.ts). */
  async appearanceRates(
    manager: EntityManager,
    scope: TenantScope,
    periods: readonly { readonly from: string; readonly to: string }[],
  ): Promise<AppearanceRates[]> {
    const counts = await appearanceCountsByPeriod(manager, scope.agencyId, periods);
    return counts.map(appearanceRatesOf);
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
