import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import { dayBefore, type StatisticsPeriod } from '../../domain/statistics/statistics-period.value';
import {
  foldCaseGroups,
  LAST_COUNTED_ON,
  monthBoundaries,
  monthNumberSql,
  type CaseGroup,
  type OutcomeSets,
} from './case-groups';
import type { MutableTally } from '../../domain/statistics/reconsideration-tally';

/** Scope filter: `$1` is the body, or null for the roll-up over every body. */
const IN_SCOPE = '($1::uuid IS NULL OR agency_id = $1::uuid)';

/** A body a report is about. */
export interface ReportAgency {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

/**
 * The reconsideration figures of a period, aggregated in PostgreSQL (never case by case in
 * Node): one pass over the period's cases grouped by the months of their legal dates, one over
 * extensions and hearings, one over the suspended and extended cases for the stocks. The tallies
 * are the reference definition's (src/domain/statistics/tally-cases.rule.ts), which a test checks
 * against these queries.
 */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one read-only REPEATABLE READ transaction, so every query of a report sees the
   * same snapshot of the data (a report is consistent even while cases are being written).
   */
  inSnapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  /** A reconsideration body by id, or null. */
  async agencyById(manager: EntityManager, id: string): Promise<ReportAgency | null> {
    const [row] = await manager.query<ReportAgency[]>(
      `SELECT id, code, name FROM agency WHERE id = $1 AND kind = 'reconsideration_body'`,
      [id],
    );
    return row ?? null;
  }

  /** A reconsideration body by its code (the CLI's `--agency`), or null. */
  async agencyByCode(manager: EntityManager, code: string): Promise<ReportAgency | null> {
    const [row] = await manager.query<ReportAgency[]>(
      `SELECT id, code, name FROM agency WHERE code = $1 AND kind = 'reconsideration_body'`,
      [code],
    );
    return row ?? null;
  }

  /**
   * The tallies of consecutive months (in order), for one body or all (`scope.agencyId` null):
   * one pass over the period's cases (case-groups.ts), one over its extensions and hearings, and
   * one over the few cases a stock needs more of (suspensions, extensions).
   */
  async monthlyTallies(
    manager: EntityManager,
    scope: TenantScope,
    months: readonly StatisticsPeriod[],
    sets: OutcomeSets,
  ): Promise<MutableTally[]> {
    const from = months[0].from;
    const to = months[months.length - 1].to;
    // The planner cannot tell how few groups the pass makes (it guesses one per case). With this
    // transaction's own memory budget it aggregates them in a hash table instead of sorting every
    // case on disk; with a cheaper tuple transfer it lets parallel workers read the index (the
    // cases reach the leader once, the groups are few).
    await manager.query(`SET LOCAL work_mem = '64MB'; SET LOCAL parallel_tuple_cost = 0.01`);
    const groups = await manager.query<CaseGroup[]>(CASE_GROUPS, [
      scope.agencyId,
      from,
      to,
      monthBoundaries(months),
    ]);
    const { tallies, pending, overdue } = foldCaseGroups(groups, months.length, sets);
    const monthIndex = new Map(months.map((month, index) => [month.label, index]));
    for (const row of await manager.query<{ month: string; kind: string; n: number }[]>(
      EXTENSIONS_AND_HEARINGS,
      [scope.agencyId, from, to],
    )) {
      const index = monthIndex.get(row.month);
      if (index === undefined) throw new Error(`statistics row outside the period: ${row.month}`);
      if (row.kind === 'extended') tallies[index].extended += row.n;
      else tallies[index].hearingsHeld += row.n;
    }
    const days = [dayBefore(from), ...months.map((month) => month.to)];
    const exceptions = await this.suspendedAndExtendedAt(manager, scope, days);
    tallies.forEach((tally, index) => {
      const end = exceptions[index + 1];
      tally.pendingAtStart = pending[index];
      tally.pendingAtEnd = pending[index + 1];
      tally.suspendedAtEnd = end.suspended;
      tally.extendedAtEnd = end.extended;
      tally.overdueAtEnd = overdue[index + 1] - end.suspendedOverdue;
    });
    return tallies;
  }

  /**
   * At the end of each day, among the cases pending then (accepted, not concluded): those
   * suspended that day, those of them past their decision deadline (not overdue while
   * suspended), and those extended by then. Read only from the cases with a suspension or an
   * extension (a partial index holds them).
   */
  private async suspendedAndExtendedAt(
    manager: EntityManager,
    scope: TenantScope,
    days: readonly LegalDate[],
  ): Promise<{ suspended: number; suspendedOverdue: number; extended: number }[]> {
    const rows = await manager.query<
      { day: number; suspended: number; suspended_overdue: number; extended: number }[]
    >(SUSPENDED_AND_EXTENDED, [scope.agencyId, days, days[0], days[days.length - 1]]);
    const byDay = new Map(rows.map((row) => [row.day, row]));
    return days.map((_, day) => ({
      suspended: byDay.get(day)?.suspended ?? 0,
      suspendedOverdue: byDay.get(day)?.suspended_overdue ?? 0,
      extended: byDay.get(day)?.extended ?? 0,
    }));
  }
}

/** The cases of a period grouped by their month numbers (see case-groups.ts); `$1` the scope. */
const CASE_GROUPS = `
  SELECT ${monthNumberSql('received_on')} AS received_m,
         ${monthNumberSql('accepted_on')} AS accepted_m,
         accepted_how = 'deemed' AS deemed,
         ${monthNumberSql('rejected_on')} AS rejected_m,
         ${monthNumberSql('abandoned_on')} AS abandoned_m,
         ${monthNumberSql('concluded_on')} AS concluded_m,
         ${monthNumberSql('(decision_due_on + 1)')} AS overdue_m,
         outcome, (outcome = 'terminated' AND termination_reason = 'withdrawn') AS withdrawn,
         concluded_late AS late, field, act_kind, applicant_type, procedure,
         count(*)::int AS n,
         coalesce(sum(concluded_on - accepted_on), 0)::int AS days,
         max(concluded_on - accepted_on)::int AS max_days
    FROM reconsideration_case
   WHERE ${IN_SCOPE} AND received_on <= $3::date AND ${LAST_COUNTED_ON} >= $2::date
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14`;

const EXTENSIONS_AND_HEARINGS = `
  SELECT to_char((extension ->> 'approvedOn')::date, 'YYYY-MM') AS month, 'extended' AS kind,
         count(*)::int AS n
    FROM reconsideration_case
   WHERE ${IN_SCOPE} AND accepted_on <= $3::date AND extension IS NOT NULL
     AND (extension ->> 'approvedOn')::date BETWEEN $2::date AND $3::date
   GROUP BY 1
  UNION ALL
  SELECT to_char(held_on, 'YYYY-MM'), 'hearings', count(*)::int
    FROM hearing
   WHERE ${IN_SCOPE} AND status = 'held' AND kind = 'hearing'
     AND held_on BETWEEN $2::date AND $3::date
   GROUP BY 1`;

/** `$2` the days (day numbers are their positions from 0), `$3` the first, `$4` the last. */
const SUSPENDED_AND_EXTENDED = `
  SELECT e.k::int - 1 AS day,
         count(*) FILTER (WHERE s.suspended)::int AS suspended,
         count(*) FILTER (WHERE s.suspended AND c.decision_due_on < e.day)::int AS suspended_overdue,
         count(*) FILTER (WHERE (c.extension ->> 'approvedOn')::date <= e.day)::int AS extended
    FROM reconsideration_case c
    JOIN unnest($2::date[]) WITH ORDINALITY AS e(day, k)
      ON c.accepted_on <= e.day AND (c.concluded_on IS NULL OR c.concluded_on > e.day)
   CROSS JOIN LATERAL (
     SELECT (c.suspended_on IS NOT NULL AND c.suspended_on <= e.day)
         OR (c.suspensions <> '[]'::jsonb AND EXISTS (
              SELECT 1 FROM jsonb_array_elements(c.suspensions) AS x(s)
               WHERE (x.s ->> 'suspendedOn')::date <= e.day
                 AND (x.s ->> 'resumedOn')::date > e.day)) AS suspended
   ) AS s
   WHERE ($1::uuid IS NULL OR c.agency_id = $1::uuid)
     AND (c.suspended_on IS NOT NULL OR c.suspensions <> '[]'::jsonb OR c.extension IS NOT NULL)
     AND coalesce(c.concluded_on, 'infinity'::date) > $3::date
     AND c.accepted_on <= $4::date
   GROUP BY e.k`;
