import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type { Outcome } from '../../domain/reconsideration/reconsideration-case.types';
import {
  BREAKDOWN_DIMENSIONS,
  EMPTY_BREAKDOWN,
  emptyReconsiderationTally,
  type BreakdownDimension,
  type BreakdownTally,
  type ReconsiderationTally,
} from '../../domain/statistics/reconsideration-tally';
import { dayBefore, type StatisticsPeriod } from '../../domain/statistics/statistics-period.value';

/** The outcome sets the counts are made with (configuration). */
export interface OutcomeSets {
  readonly correctionOutcomes: readonly Outcome[];
  readonly decisionOutcomes: readonly Outcome[];
}

/** A body a report is about. */
export interface ReportAgency {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

interface BreakdownRow {
  month: string;
  field: string;
  act_kind: string;
  applicant_type: string;
  procedure: string;
}

const DIMENSION_COLUMNS: Readonly<Record<BreakdownDimension, keyof BreakdownRow>> = {
  field: 'field',
  actKind: 'act_kind',
  applicantKind: 'applicant_type',
  procedure: 'procedure',
};

/** Scope filter: `$1` is the body, or null for the roll-up over every body. */
const IN_SCOPE = '($1::uuid IS NULL OR agency_id = $1::uuid)';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableTally = Mutable<ReconsiderationTally> & {
  concludedByOutcome: Record<Outcome, number>;
  breakdowns: Record<BreakdownDimension, Record<string, BreakdownTally>>;
};

/**
 * The reconsideration figures of a period, aggregated in PostgreSQL (never case by case in
 * Node): one grouped query per kind of legal date (receipt, acceptance, rejection and abandonment,
 * conclusion, extension, hearing) and one for the stocks at each month's end. Each returns a
 * handful of rows per month; the tallies are the reference definition's
 * (src/domain/statistics/tally-cases.rule.ts), which a test checks against these queries.
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

  /** The tallies of consecutive months (in order), for one body or all (`scope.isAll`). */
  async monthlyTallies(
    manager: EntityManager,
    scope: TenantScope,
    months: readonly StatisticsPeriod[],
    sets: OutcomeSets,
  ): Promise<MutableTally[]> {
    const from = months[0].from;
    const to = months[months.length - 1].to;
    const byMonth = new Map<string, MutableTally>(
      months.map((month) => [month.label, emptyReconsiderationTally() as MutableTally]),
    );
    const tallyOf = (month: string): MutableTally => {
      const tally = byMonth.get(month);
      if (!tally) throw new Error(`statistics row outside the period: ${month}`);
      return tally;
    };
    const params = [scope.agencyId, from, to];

    for (const row of await manager.query<(BreakdownRow & { n: number })[]>(
      `SELECT to_char(date_trunc('month', received_on), 'YYYY-MM') AS month, field, act_kind, applicant_type, procedure,
              count(*)::int AS n
         FROM reconsideration_case
        WHERE ${IN_SCOPE} AND received_on BETWEEN $2::date AND $3::date
        GROUP BY date_trunc('month', received_on), 2, 3, 4, 5`,
      params,
    )) {
      const tally = tallyOf(row.month);
      tally.received += row.n;
      bump(tally, row, { received: row.n });
    }

    for (const row of await manager.query<(BreakdownRow & { n: number; deemed: number })[]>(
      `SELECT to_char(date_trunc('month', accepted_on), 'YYYY-MM') AS month, field, act_kind, applicant_type, procedure,
              count(*)::int AS n, count(*) FILTER (WHERE accepted_how = 'deemed')::int AS deemed
         FROM reconsideration_case
        WHERE ${IN_SCOPE} AND accepted_on BETWEEN $2::date AND $3::date
        GROUP BY date_trunc('month', accepted_on), 2, 3, 4, 5`,
      params,
    )) {
      const tally = tallyOf(row.month);
      tally.accepted += row.n;
      tally.acceptedDeemed += row.deemed;
      bump(tally, row, { accepted: row.n });
    }

    for (const row of await manager.query<{ month: string; kind: string; n: number }[]>(
      `SELECT to_char(rejected_on, 'YYYY-MM') AS month, 'rejected' AS kind, count(*)::int AS n
         FROM reconsideration_case
        WHERE ${IN_SCOPE} AND rejected_on BETWEEN $2::date AND $3::date
        GROUP BY 1
       UNION ALL
       SELECT to_char(abandoned_on, 'YYYY-MM'), 'abandoned', count(*)::int
         FROM reconsideration_case
        WHERE ${IN_SCOPE} AND abandoned_on BETWEEN $2::date AND $3::date
        GROUP BY 1
       UNION ALL
       SELECT to_char((extension ->> 'approvedOn')::date, 'YYYY-MM'), 'extended', count(*)::int
         FROM reconsideration_case
        WHERE ${IN_SCOPE} AND accepted_on <= $3::date AND extension IS NOT NULL
          AND (extension ->> 'approvedOn')::date BETWEEN $2::date AND $3::date
        GROUP BY 1
       UNION ALL
       SELECT to_char(held_on, 'YYYY-MM'), 'hearings', count(*)::int
         FROM hearing
        WHERE ${IN_SCOPE} AND status = 'held' AND kind = 'hearing'
          AND held_on BETWEEN $2::date AND $3::date
        GROUP BY 1`,
      params,
    )) {
      const tally = tallyOf(row.month);
      if (row.kind === 'rejected') tally.rejected += row.n;
      else if (row.kind === 'abandoned') tally.abandoned += row.n;
      else if (row.kind === 'extended') tally.extended += row.n;
      else tally.hearingsHeld += row.n;
    }

    for (const row of await manager.query<
      (BreakdownRow & {
        outcome: Outcome;
        withdrawn: boolean;
        n: number;
        late: number;
        days: number;
        max_days: number | null;
      })[]
    >(
      `SELECT to_char(date_trunc('month', concluded_on), 'YYYY-MM') AS month, outcome,
              (outcome = 'terminated' AND termination_reason = 'withdrawn') AS withdrawn,
              field, act_kind, applicant_type, procedure,
              count(*)::int AS n,
              count(*) FILTER (WHERE concluded_late)::int AS late,
              coalesce(sum(concluded_on - accepted_on), 0)::int AS days,
              max(concluded_on - accepted_on)::int AS max_days
         FROM reconsideration_case
        WHERE ${IN_SCOPE} AND concluded_on BETWEEN $2::date AND $3::date AND outcome IS NOT NULL
        GROUP BY date_trunc('month', concluded_on), 2, 3, 4, 5, 6, 7`,
      params,
    )) {
      const tally = tallyOf(row.month);
      const corrected = sets.correctionOutcomes.includes(row.outcome) ? row.n : 0;
      tally.concludedByOutcome[row.outcome] += row.n;
      if (row.withdrawn) tally.terminatedByWithdrawal += row.n;
      tally.corrected += corrected;
      tally.concludedLate += row.late;
      tally.handlingDaysTotal += row.days;
      if (row.max_days !== null) {
        tally.handlingDaysMax =
          tally.handlingDaysMax === null
            ? row.max_days
            : Math.max(tally.handlingDaysMax, row.max_days);
      }
      bump(tally, row, {
        concluded: row.n,
        decided: sets.decisionOutcomes.includes(row.outcome) ? row.n : 0,
        corrected,
      });
    }

    const days = [dayBefore(from), ...months.map((month) => month.to)];
    const stocks = new Map(
      (await this.stocksAt(manager, scope, days)).map((row) => [row.day, row] as const),
    );
    let opening = stocks.get(days[0])?.pending ?? 0;
    for (const month of months) {
      const tally = tallyOf(month.label);
      const end = stocks.get(month.to);
      tally.pendingAtStart = opening;
      tally.pendingAtEnd = end?.pending ?? 0;
      tally.suspendedAtEnd = end?.suspended ?? 0;
      tally.extendedAtEnd = end?.extended ?? 0;
      tally.overdueAtEnd = end?.overdue ?? 0;
      opening = tally.pendingAtEnd;
    }
    return months.map((month) => tallyOf(month.label));
  }

  /**
   * Stocks at the end of each day: accepted by then and not concluded by then; of which
   * suspended that day, extended by then, and overdue (not suspended, deadline in force passed).
   */
  async stocksAt(
    manager: EntityManager,
    scope: TenantScope,
    days: readonly LegalDate[],
  ): Promise<
    { day: string; pending: number; suspended: number; extended: number; overdue: number }[]
  > {
    return manager.query(
      `SELECT to_char(e.day, 'YYYY-MM-DD') AS day,
              count(c.id)::int AS pending,
              count(c.id) FILTER (WHERE s.suspended)::int AS suspended,
              count(c.id) FILTER (WHERE (c.extension ->> 'approvedOn')::date <= e.day)::int AS extended,
              count(c.id) FILTER (WHERE NOT s.suspended AND c.decision_due_on < e.day)::int AS overdue
         FROM reconsideration_case c
         JOIN unnest($2::date[]) AS e(day)
           ON c.accepted_on <= e.day AND (c.concluded_on IS NULL OR c.concluded_on > e.day)
        CROSS JOIN LATERAL (
          SELECT (c.suspended_on IS NOT NULL AND c.suspended_on <= e.day)
              OR (c.suspensions <> '[]'::jsonb AND EXISTS (
                   SELECT 1 FROM jsonb_array_elements(c.suspensions) AS x(s)
                    WHERE (x.s ->> 'suspendedOn')::date <= e.day
                      AND (x.s ->> 'resumedOn')::date > e.day)) AS suspended
        ) AS s
        WHERE ($1::uuid IS NULL OR c.agency_id = $1::uuid)
          -- Only cases pending on some day asked: accepted by the last, not concluded by the first.
          AND c.accepted_on <= $3::date
          AND (c.concluded_on IS NULL OR c.concluded_on > $4::date)
        GROUP BY e.day`,
      [
        scope.agencyId,
        days,
        days.reduce((a, b) => (a > b ? a : b)),
        days.reduce((a, b) => (a < b ? a : b)),
      ],
    );
  }
}

function bump(tally: MutableTally, row: BreakdownRow, what: Partial<BreakdownTally>): void {
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const key = row[DIMENSION_COLUMNS[dimension]];
    const base = tally.breakdowns[dimension][key] ?? EMPTY_BREAKDOWN;
    tally.breakdowns[dimension][key] = {
      received: base.received + (what.received ?? 0),
      accepted: base.accepted + (what.accepted ?? 0),
      concluded: base.concluded + (what.concluded ?? 0),
      decided: base.decided + (what.decided ?? 0),
      corrected: base.corrected + (what.corrected ?? 0),
    };
  }
}
