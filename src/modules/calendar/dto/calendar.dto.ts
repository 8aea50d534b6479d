import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { IsLegalDate } from '../../../common/validation/is-legal-date.decorator';
import type { PeriodUnit } from '../../../domain/calendar/period-unit.type';
import { RequestExample } from '../../../common/openapi/request-example.decorator';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['working_days', 'days', 'months'];

export class CalendarYearDto {
  year!: number;
  /** Public-holiday rest days (法定节假日). */
  holidays!: string[];
  /** Adjusted working days (调休上班日): weekend days declared working days. */
  workdays!: string[];
  /** `chinese-days` (seeded) or `admin` (uploaded). */
  source!: string;
  /** Calendar version at this year's last change. */
  version!: number;
  updatedAt!: string;
}

@RequestExample({
  holidays: ['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03'],
  workdays: ['2025-01-26', '2025-02-08'],
})
export class ReplaceCalendarYearDto {
  /** Every public-holiday rest day of the year, YYYY-MM-DD. */
  @IsArray()
  @ArrayMaxSize(120)
  @ArrayUnique()
  @IsLegalDate({ each: true })
  holidays!: string[];

  /** Every adjusted working day (a Saturday or Sunday) of the year, YYYY-MM-DD. */
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @IsLegalDate({ each: true })
  workdays!: string[];
}

export class CalendarYearReplacedDto extends CalendarYearDto {
  /** Open deadlines whose due date moved because of the change. */
  recomputedDeadlines!: number;
}

export class DueDateQueryDto {
  /** The day of the triggering event (not counted). */
  @IsLegalDate()
  from!: string;

  /** Length of the period in `unit`s. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  length!: number;

  /** working_days 工作日 | days 日 (calendar days) | months 月 */
  @IsIn(PERIOD_UNITS)
  unit!: PeriodUnit;
}

export class DueDateDto {
  from!: string;
  length!: number;
  unit!: PeriodUnit;
  /** The last day of the period, after any rest-day roll-forward. */
  dueOn!: string;
  /** The last day by counting alone. */
  rawDueOn!: string;
  /** True when the raw last day was a rest day and the period ends on the next working day. */
  rolledForward!: boolean;
  calendarVersion!: number;
}
