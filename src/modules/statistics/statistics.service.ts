import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock/clock';
import { notFoundProblem, validationProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { DECISION_OUTCOMES } from '../../domain/reconsideration/closure.rule';
import type { Outcome } from '../../domain/reconsideration/reconsideration-case.types';
import { composeFigures, type MonthTallies } from '../../domain/statistics/compose-figures.rule';
import { computeDrift, type DriftEntry } from '../../domain/statistics/drift.rule';
import { checkFreezable } from '../../domain/statistics/freeze.rule';
import { noAppearances, type LitigationTally } from '../../domain/statistics/litigation-tally';
import type { ReconsiderationTally } from '../../domain/statistics/reconsideration-tally';
import {
  statisticsDefinitions,
  type PeriodFigures,
  type StatisticsConfig,
  type StatisticsDefinitions,
} from '../../domain/statistics/statistics-report';
import {
  monthsOf,
  parseMonth,
  parseYear,
  StatisticsPeriodError,
  yearPeriod,
  type StatisticsPeriod,
} from '../../domain/statistics/statistics-period.value';
import type { AppearanceRates } from '../../domain/litigation/appearance-rates.rule';
import { CommandRunner } from '../commands/command-runner';
import { statisticsRefusalProblem } from '../commands/refusal-problems';
import { LitigationStatisticsRepository } from './litigation-statistics.repository';
import type { StatisticsSnapshotEntity } from './statistics-snapshot.entity';
import { StatisticsSnapshotRepository } from './statistics-snapshot.repository';
import { StatisticsRepository, type ReportAgency } from './statistics.repository';

export interface FrozenInfo {
  readonly at: string;
  /** Who froze it (display name) and their id. */
  readonly by: string;
  readonly byId: string | null;
  readonly snapshotId: string;
  /** Earlier snapshots of the month, superseded by a re-freeze (newest first). */
  readonly superseded: readonly {
    at: string;
    by: string;
    byId: string | null;
    snapshotId: string;
  }[];
}

export interface MonthReport extends PeriodFigures {
  readonly month: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly frozen: { readonly at: string; readonly by: string } | null;
  readonly yearToDate: PeriodFigures;
}

export interface StatisticsReport extends PeriodFigures {
  readonly agencyId: string | null;
  readonly agency: ReportAgency | null;
  readonly period: {
    readonly kind: 'month' | 'year';
    readonly label: string;
    readonly from: string;
    readonly to: string;
  };
  readonly frozen: FrozenInfo | null;
  readonly drift: DriftEntry[] | null;
  readonly definitions: StatisticsDefinitions;
  /** Monthly: the year to date, to the month's end. */
  readonly yearToDate?: PeriodFigures;
  /** Yearly: each month with its year-to-date beside it. */
  readonly months?: MonthReport[];
}

/** What a frozen month keeps to be summed into its year again. */
interface FrozenTallies {
  reconsideration: ReconsiderationTally;
  litigation: LitigationTally;
  appearances: AppearanceRates;
}

export interface ReportRequest {
  readonly agencyId?: string;
}

/**
 * Monthly and yearly statistics (DESIGN, "Statistics"): computed by the statistics repositories
 * in one consistent snapshot of the database, composed by the pure domain, frozen months read
 * from their snapshot with the drift a fresh computation shows.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
    private readonly statistics: StatisticsRepository,
    private readonly litigation: LitigationStatisticsRepository,
    private readonly snapshots: StatisticsSnapshotRepository,
    private readonly commands: CommandRunner,
    private readonly clock: Clock,
  ) {}

  get config(): StatisticsConfig {
    return {
      correctionOutcomes: this.appConfig.correctionOutcomes as Outcome[],
      decisionOutcomes: DECISION_OUTCOMES,
      losingDispositions: this.appConfig.losingDispositions,
    };
  }

  monthly(actor: Actor, month: string, request: ReportRequest): Promise<StatisticsReport> {
    const period = periodOf(() => parseMonth(month));
    return this.report(this.scopeFor(actor, request.agencyId), period);
  }

  yearly(actor: Actor, year: string, request: ReportRequest): Promise<StatisticsReport> {
    const period = periodOf(() => parseYear(year));
    return this.report(this.scopeFor(actor, request.agencyId), period);
  }

  /** The report of a body (by its code: the CLI) or of every body. */
  async reportForCode(code: string | null, period: StatisticsPeriod): Promise<StatisticsReport> {
    if (code === null) return this.report(TenantScope.all(), period);
    const agency = await this.statistics.inSnapshot((manager) =>
      this.statistics.agencyByCode(manager, code),
    );
    if (!agency) throw notFoundProblem(`Agency ${code}`);
    return this.report(TenantScope.of(agency.id), period);
  }

  /** Freezes a month of a body (head, admin): the snapshot; a re-freeze keeps the old one. */
  async freeze(actor: Actor, month: string, request: ReportRequest): Promise<StatisticsReport> {
    const period = periodOf(() => parseMonth(month));
    const agencyId = TenantScope.agencyForNew(actor, request.agencyId);
    const refusal = checkFreezable(period, this.clock.today());
    if (refusal) throw statisticsRefusalProblem(refusal);
    const scope = TenantScope.of(agencyId);
    await this.commands.run(actor, async (tx) => {
      const agency = await this.statistics.agencyById(tx.manager, agencyId);
      if (!agency) throw notFoundProblem(`Agency ${agencyId}`);
      await this.snapshots.lockMonth(tx.manager, agencyId, period.label);
      const [tallies] = (await this.computeMonths(tx.manager, scope, [period])).slice(-1);
      const { figures } = composeFigures([tallies], tallies.appearances, this.config);
      const previous =
        (await this.snapshots.currentFor(tx.manager, agencyId, [period.label])).get(period.label) ??
        null;
      const snapshotId = await this.snapshots.freeze(
        tx.manager,
        {
          agencyId,
          month: period.label,
          figures: figures as unknown as Record<string, unknown>,
          tallies: {
            reconsideration: tallies.reconsideration,
            litigation: tallies.litigation,
            appearances: tallies.appearances,
          } satisfies FrozenTallies,
          definitions: statisticsDefinitions(this.config, period),
          frozenAt: tx.now,
          frozenById: actor.id,
          frozenByName: actor.name,
        },
        previous,
      );
      tx.record({
        aggregate: { type: 'statistics_month', id: snapshotId, agencyId },
        type: previous ? 'statistics_month.refrozen' : 'statistics_month.frozen',
        occurredOn: period.to,
        payload: {
          month: period.label,
          snapshotId,
          supersededSnapshotId: previous?.id ?? null,
          received: figures.reconsideration.received,
          accepted: figures.reconsideration.accepted,
          concluded: figures.reconsideration.concluded,
        },
        timeline: null,
      });
    });
    return this.report(scope, period);
  }

  /**
   * Whose figures a request reads: a person of a body reads their own body (naming another is
   * 404); an admin the body named, or their own, or — of no body and naming none — every body.
   */
  private scopeFor(actor: Actor, named: string | undefined): TenantScope {
    if (!isAdmin(actor) && actor.kind !== 'system') {
      const own = actor.agencyId;
      if (own === null || (named !== undefined && named !== own)) {
        throw notFoundProblem(`Agency ${named ?? ''}`.trim());
      }
    }
    return TenantScope.forList(actor, named);
  }

  private async report(scope: TenantScope, period: StatisticsPeriod): Promise<StatisticsReport> {
    const year = yearPeriod(Number(period.label.slice(0, 4)));
    const allMonths = monthsOf(year);
    // A month's report reads the year to its end (for the year-to-date); a year reads all twelve.
    const months =
      period.kind === 'month' ? allMonths.slice(0, Number(period.label.slice(5, 7))) : allMonths;
    return this.statistics.inSnapshot(async (manager) => {
      const agency =
        scope.agencyId === null ? null : await this.statistics.agencyById(manager, scope.agencyId);
      if (scope.agencyId !== null && !agency) throw notFoundProblem(`Agency ${scope.agencyId}`);
      const fresh = await this.computeMonths(
        manager,
        scope,
        months,
        period.kind === 'month' ? 'last' : 'every',
      );
      const frozen =
        scope.agencyId === null
          ? new Map<string, StatisticsSnapshotEntity>()
          : await this.snapshots.currentFor(
              manager,
              scope.agencyId,
              months.map((month) => month.label),
            );
      const used = fresh.map((month) => {
        const snapshot = frozen.get(month.period.label);
        if (!snapshot) return month;
        const kept = snapshot.tallies as unknown as FrozenTallies;
        return {
          ...month,
          reconsideration: kept.reconsideration,
          litigation: kept.litigation,
          appearances: kept.appearances,
        };
      });
      // A year's rates are December's year to date (rates are counted, never summed).
      const periodAppearances =
        period.kind === 'month'
          ? used[used.length - 1].appearances
          : fresh[fresh.length - 1].yearToDateAppearances;
      const composed = composeFigures(used, periodAppearances, this.config);
      const monthReports = composed.months.map((month): MonthReport => ({
        ...month,
        frozen: frozenBrief(frozen.get(month.month)),
      }));
      const base = {
        agencyId: scope.agencyId,
        agency,
        period: { kind: period.kind, label: period.label, from: period.from, to: period.to },
      };
      if (period.kind === 'year') {
        return {
          ...base,
          frozen: null,
          drift: null,
          definitions: statisticsDefinitions(this.config, period),
          ...composed.figures,
          months: monthReports,
        };
      }
      const last = monthReports[monthReports.length - 1];
      const snapshot = frozen.get(period.label);
      const freshMonth = composeFigures(
        fresh.slice(-1),
        fresh[fresh.length - 1].appearances,
        this.config,
      ).figures;
      const figures: PeriodFigures = {
        reconsideration: last.reconsideration,
        litigation: last.litigation,
      };
      return {
        ...base,
        frozen: snapshot ? await this.frozenInfo(manager, snapshot) : null,
        drift: snapshot ? computeDrift(figures, freshMonth) : null,
        definitions: snapshot
          ? (snapshot.definitions as unknown as StatisticsDefinitions)
          : statisticsDefinitions(this.config, period),
        ...figures,
        yearToDate: last.yearToDate,
      };
    });
  }

  private async frozenInfo(
    manager: EntityManager,
    snapshot: StatisticsSnapshotEntity,
  ): Promise<FrozenInfo> {
    const history = await this.snapshots.history(manager, snapshot.agencyId, snapshot.month);
    return {
      at: snapshot.frozenAt.toISOString(),
      by: snapshot.frozenByName,
      byId: snapshot.frozenById,
      snapshotId: snapshot.id,
      superseded: history
        .filter((entry) => entry.id !== snapshot.id)
        .map((entry) => ({
          at: entry.frozenAt.toISOString(),
          by: entry.frozenByName,
          byId: entry.frozenById,
          snapshotId: entry.id,
        })),
    };
  }

  /** Fresh tallies of consecutive months of one year (of a body, or of all). */
  async computeMonths(
    manager: EntityManager,
    scope: TenantScope,
    months: readonly StatisticsPeriod[],
    /** `last`: appearance rates of the last month only (a monthly report shows no others). */
    appearancesOf: 'every' | 'last' = 'every',
  ): Promise<MonthTallies[]> {
    const config = this.config;
    const reconsideration = await this.statistics.monthlyTallies(manager, scope, months, config);
    const litigated = await this.litigation.concludedLitigatedByMonth(manager, scope, months);
    const litigation = await this.litigation.monthlyTallies(manager, scope, months);
    const yearStart = months[0].from.slice(0, 4) + '-01-01';
    // The rates of each month shown and of its year to date, in one query.
    const shown = appearancesOf === 'every' ? months : months.slice(-1);
    const rates = await this.litigation.appearanceRates(
      manager,
      scope,
      shown.flatMap((month) => [month, { from: yearStart, to: month.to }]),
    );
    const ratesOf = new Map(
      shown.map((month, index) => [month.label, rates.slice(2 * index, 2 * index + 2)]),
    );
    const result: MonthTallies[] = [];
    for (const [index, period] of months.entries()) {
      const tally = reconsideration[index];
      tally.concludedLitigated = litigated.get(period.label) ?? 0;
      const [appearances, yearToDateAppearances] = ratesOf.get(period.label) ?? [
        noAppearances(),
        noAppearances(),
      ];
      result.push({
        period,
        reconsideration: tally,
        litigation: litigation[index],
        appearances,
        yearToDateAppearances,
      });
    }
    return result;
  }
}

function frozenBrief(
  snapshot: StatisticsSnapshotEntity | undefined,
): { at: string; by: string } | null {
  return snapshot ? { at: snapshot.frozenAt.toISOString(), by: snapshot.frozenByName } : null;
}

function periodOf(parse: () => StatisticsPeriod): StatisticsPeriod {
  try {
    return parse();
  } catch (error) {
    if (error instanceof StatisticsPeriodError) {
      throw validationProblem([{ field: error.field, message: error.message }]);
    }
    throw error;
  }
}
