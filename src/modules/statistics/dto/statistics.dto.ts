import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';

const FORMATS = ['json', 'csv', 'xlsx'] as const;

class StatisticsQueryDto {
  /** Admins: the reconsideration body (absent for an admin of no body: every body, the roll-up). */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  /** The file to return instead of JSON; else the `Accept` header decides. */
  @IsOptionalNotNull()
  @IsIn(FORMATS)
  format?: (typeof FORMATS)[number];
}

export class MonthlyStatisticsQueryDto extends StatisticsQueryDto {
  /** `YYYY-MM`, a month in China Standard Time. */
  @ApiProperty({ example: '2024-05', pattern: '^\\d{4}-\\d{2}$' })
  @IsString()
  @MaxLength(7)
  month!: string;
}

export class YearlyStatisticsQueryDto extends StatisticsQueryDto {
  /** `YYYY`. */
  @ApiProperty({ example: '2024', pattern: '^\\d{4}$' })
  @IsString()
  @MaxLength(4)
  year!: string;
}

export class FreezeQueryDto {
  /** Admins: the body whose month is frozen (required for an admin of no body). */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;
}

/** A rate with what it is computed from; `value` null when the denominator is 0. */
export class RateDto {
  numerator!: number;
  denominator!: number;
  value!: number | null;
}

export class NamedRateDto extends RateDto {
  name!: string;
  definition!: string;
}

export class HandlingDaysDto {
  mean!: number | null;
  max!: number | null;
  total!: number;
  count!: number;
}

export class BreakdownDto {
  received!: number;
  accepted!: number;
  concluded!: number;
  correctionRate!: RateDto;
}

export class ReconsiderationStatisticsDto {
  received!: number;
  accepted!: number;
  acceptedDeemed!: number;
  rejected!: number;
  abandoned!: number;
  concluded!: number;
  /** Concluded by outcome code (change, revoke, …, terminated). */
  concludedByOutcome!: Record<string, number>;
  terminatedByWithdrawal!: number;
  /** 办结 = concluded + rejected + abandoned. */
  handled!: number;
  pendingAtStart!: number;
  pendingAtEnd!: number;
  suspendedAtEnd!: number;
  /** Extensions approved in the period. */
  extended!: number;
  extendedAtEnd!: number;
  overdueAtEnd!: number;
  concludedLate!: number;
  hearingsHeld!: number;
  handlingDays!: HandlingDaysDto;
  correctionRate!: RateDto;
  correctionRateOfConcluded!: RateDto;
  mediationWithdrawalRate!: RateDto;
  noFurtherLitigationRate!: RateDto;
  byField!: Record<string, BreakdownDto>;
  byActKind!: Record<string, BreakdownDto>;
  byApplicantKind!: Record<string, BreakdownDto>;
  byProcedure!: Record<string, BreakdownDto>;
}

export class NewByInstanceDto {
  first!: number;
  second!: number;
  retrial!: number;
}

export class LitigationStatisticsDto {
  newByInstance!: NewByInstanceDto;
  concluded!: number;
  concludedByJudgment!: number;
  lost!: number;
  lossRate!: RateDto;
  lossRateOfJudgments!: RateDto;
  coDefendant!: number;
  sessionsHeld!: number;
  // The Swagger plugin cannot read `readonly X[]`: the type is given explicitly.
  @ApiProperty({ type: () => [NamedRateDto] })
  appearanceRates!: readonly NamedRateDto[];
  principalHeadRate!: NamedRateDto;
  spokeOnMeritsRate!: NamedRateDto;
  absencesByReason!: Record<string, number>;
  unexcusedAbsences!: number;
  judicialRecommendations!: number;
}

export class FiguresDto {
  reconsideration!: ReconsiderationStatisticsDto;
  litigation!: LitigationStatisticsDto;
}

export class MonthFrozenDto {
  at!: string;
  by!: string;
}

export class SupersededSnapshotDto {
  at!: string;
  by!: string;
  byId!: string | null;
  snapshotId!: string;
}

export class FrozenDto extends SupersededSnapshotDto {
  /** Earlier snapshots of the month, kept when it was frozen again (newest first). */
  superseded!: SupersededSnapshotDto[];
}

export class DriftEntryDto {
  /** Dotted path of the figure, e.g. `reconsideration.concluded`. */
  path!: string;
  frozen!: unknown;
  now!: unknown;
}

export class PeriodDto {
  kind!: 'month' | 'year';
  label!: string;
  from!: string;
  to!: string;
}

export class ReportAgencyDto {
  id!: string;
  code!: string;
  name!: string;
}

export class MonthStatisticsDto extends FiguresDto {
  month!: string;
  period!: PeriodDto;
  frozen!: MonthFrozenDto | null;
  yearToDate!: FiguresDto;
}

export class StatisticsReportDto extends FiguresDto {
  /** Null: every body (an admin's roll-up). */
  agencyId!: string | null;
  agency!: ReportAgencyDto | null;
  period!: PeriodDto;
  frozen!: FrozenDto | null;
  /** Each figure a fresh computation would now change; null when the month is not frozen. */
  drift!: DriftEntryDto[] | null;
  /** The bases and outcome sets the figures were computed with. */
  definitions!: Record<string, unknown>;
  /** Monthly: from the year's first day to the month's last. */
  yearToDate?: FiguresDto;
  /** Yearly: each month, with its year-to-date. */
  months?: MonthStatisticsDto[];
}
