import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import type { AppearanceRates } from '../../domain/litigation/appearance-rates.rule';
import {
  emptyLitigationTally,
  noAppearances,
  type LitigationTally,
} from '../../domain/statistics/litigation-tally';
import type { StatisticsPeriod } from '../../domain/statistics/statistics-period.value';

/**
 * Litigation figures of a period (DESIGN, "Statistics" → Litigation), aggregated in PostgreSQL
 * over the litigation module's tables. Until those tables exist every figure is zero and every
 * rate 0/0 — never an invented figure.
 */
@Injectable()
export class LitigationStatisticsRepository {
  /** The additive counts of consecutive months, in order. */
  async monthlyTallies(
    _manager: EntityManager,
    _scope: TenantScope,
    months: readonly StatisticsPeriod[],
  ): Promise<LitigationTally[]> {
    return Promise.resolve(months.map(() => emptyLitigationTally()));
  }

  /** The appearance-rate variants over the sessions held in [from, to]. */
  async appearanceRates(
    _manager: EntityManager,
    _scope: TenantScope,
    _period: { readonly from: string; readonly to: string },
  ): Promise<AppearanceRates> {
    return Promise.resolve(noAppearances());
  }

  /** Per month (`YYYY-MM`): reconsideration cases concluded in it that have a linked lawsuit. */
  async concludedLitigatedByMonth(
    _manager: EntityManager,
    _scope: TenantScope,
    _months: readonly StatisticsPeriod[],
  ): Promise<Map<string, number>> {
    return Promise.resolve(new Map<string, number>());
  }
}
