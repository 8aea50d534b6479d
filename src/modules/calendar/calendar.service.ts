import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ruleProblem, validationProblem, type FieldError } from '../../common/problem/problem';
import { addPeriod } from '../../domain/calendar/add-period.period';
import { CalendarYearMissingError } from '../../domain/calendar/calendar-year-missing.error';
import type { CalendarData, CalendarYearData } from '../../domain/calendar/calendar-data.type';
import { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import {
  isWeekend,
  parseLegalDate,
  yearOf,
  type LegalDate,
} from '../../domain/calendar/legal-date.value';
import { SYSTEM_ACTOR, type Actor } from '../../common/auth/actor';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { DeadlinePlanService, type DeadlineChange } from '../deadlines/deadline-plan.service';
import { deadlineAggregateType } from '../deadlines/deadline.repository';
import { CalendarRepository } from './calendar.repository';
import { chineseDaysYears } from './chinese-days-seed';
import { LAST_PROVISIONAL_YEAR, provisionalCalendarYear } from './provisional-year';
import type {
  CalendarYearDto,
  CalendarYearReplacedDto,
  DueDateDto,
  DueDateQueryDto,
  ReplaceCalendarYearDto,
} from './dto/calendar.dto';

/** How often an instance checks, outside commands, whether another one changed the calendar. */
const FRESHNESS_MS = 5_000;

/**
 * Years after the last published one held provisionally (DESIGN rule 6): enough for a 20-year
 * outer limit (行政复议法 第二十一条) counted from a recent act.
 */
const PROVISIONAL_SPAN = 25;

/**
 * The stored years, then provisional years from the statutory holidays for those not published
 * yet, so that no deadline is ever left without a date or counted as weekends-only.
 */
function withProvisionalYears(data: CalendarData): CalendarData {
  const last = Math.max(...data.years.map((year) => year.year));
  const provisional: CalendarYearData[] = [];
  for (
    let year = last + 1;
    year <= Math.min(last + PROVISIONAL_SPAN, LAST_PROVISIONAL_YEAR);
    year++
  ) {
    provisional.push(provisionalCalendarYear(year));
  }
  return { version: data.version, years: [...data.years, ...provisional] };
}

export function calendarYearMissing(year: number, provisionalDueOn?: string) {
  return ruleProblem(
    'calendar_year_missing',
    '国务院办公厅关于部分节假日安排的通知',
    `The legal calendar has no holiday arrangement for ${year}; an administrator must upload it (PUT /api/v1/calendar/${year})` +
      (provisionalDueOn
        ? `; from the statutory holidays alone the date would be ${provisionalDueOn}`
        : ''),
    422,
    provisionalDueOn ? { provisionalDueOn } : undefined,
  );
}

@Injectable()
export class CalendarService implements OnModuleInit {
  private readonly logger = new Logger('Calendar');
  private calendar: LegalCalendar | null = null;
  private checkedAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly repository: CalendarRepository,
    private readonly deadlinePlans: DeadlinePlanService,
    private readonly commands: CommandRunner,
  ) {}

  /**
   * Seeds every year `chinese-days` knows that the database does not hold yet; deadlines that
   * were computed with such a year provisionally are recomputed with the published arrangement.
   */
  async onModuleInit(): Promise<void> {
    const inserted = await this.repository.insertMissingYears(chineseDaysYears());
    await this.reload();
    if (inserted.length === 0) return;
    this.logger.log(`Seeded calendar year(s) ${inserted.join(', ')} from chinese-days`);
    await this.commands.run(SYSTEM_ACTOR, async (tx) => {
      const calendar = await this.load(tx.manager);
      const changes = await this.deadlinePlans.recomputeForYears(tx.manager, calendar, inserted);
      recordRecomputed(tx, changes, `calendar ${inserted.join(', ')} published (chinese-days)`);
    });
  }

  /**
   * The legal calendar for reads. A change made by another instance is picked up in the
   * background within a few seconds; this never waits for the database once loaded.
   */
  async current(): Promise<LegalCalendar> {
    if (!this.calendar) await this.reload();
    else if (Date.now() - this.checkedAt > FRESHNESS_MS && !this.refreshing) {
      this.checkedAt = Date.now();
      this.refreshing = this.reloadIfChanged()
        .catch((error: unknown) => this.logger.warn(`calendar refresh failed: ${String(error)}`))
        .finally(() => (this.refreshing = null));
    }
    return this.calendar as LegalCalendar;
  }

  /**
   * The legal calendar for a command that writes deadlines: the stored version is checked in the
   * command's own transaction, so a year replaced by another instance a moment ago is never
   * computed with the old dates.
   */
  async currentIn(manager: EntityManager): Promise<LegalCalendar> {
    const cached = await this.current();
    if ((await this.repository.currentVersion(manager)) === cached.version) return cached;
    this.calendar = await this.load(manager);
    this.checkedAt = Date.now();
    return this.calendar;
  }

  private async reloadIfChanged(): Promise<void> {
    const version = await this.repository.currentVersion();
    if (this.calendar?.version !== version) await this.reload();
  }

  private async reload(): Promise<void> {
    this.calendar = await this.load();
    this.checkedAt = Date.now();
  }

  private async load(manager?: EntityManager): Promise<LegalCalendar> {
    return LegalCalendar.fromData(withProvisionalYears(await this.repository.loadAll(manager)));
  }

  async getYear(year: number): Promise<CalendarYearDto> {
    const stored = await this.repository.findYear(year);
    if (!stored) throw calendarYearMissing(year);
    return { ...stored, holidays: [...stored.holidays], workdays: [...stored.workdays] };
  }

  async dueDate(query: DueDateQueryDto): Promise<DueDateDto> {
    const calendar = await this.current();
    try {
      const result = addPeriod(calendar, parseLegalDate(query.from), query.length, query.unit);
      // The contract answers only from published arrangements; the provisional date is a hint.
      for (let year = yearOf(query.from as LegalDate); year <= yearOf(result.dueOn); year++) {
        if (calendar.isProvisionalYear(year)) throw calendarYearMissing(year, result.dueOn);
      }
      return { ...query, ...result, calendarVersion: calendar.version };
    } catch (error) {
      if (error instanceof CalendarYearMissingError) throw calendarYearMissing(error.year);
      throw error;
    }
  }

  /**
   * Replaces a year's holidays and adjusted working days, bumps the calendar version, and in the
   * same transaction recomputes every open deadline that reads the year, recording the change on
   * each affected case. The audit entry keeps the replaced dates.
   */
  async replaceYear(
    actor: Actor,
    year: number,
    input: ReplaceCalendarYearDto,
  ): Promise<CalendarYearReplacedDto> {
    assertYearData(year, input);
    const holidays = [...input.holidays].sort();
    const workdays = [...input.workdays].sort();
    const recomputed = await this.commands.run(actor, async (tx) => {
      const before = await this.repository.findYear(year, tx.manager);
      await this.repository.replaceYear(tx.manager, { year, holidays, workdays });
      const calendar = await this.load(tx.manager);
      const changes = await this.deadlinePlans.recomputeForYears(tx.manager, calendar, [year]);
      recordRecomputed(tx, changes, `calendar ${year} replaced (version ${calendar.version})`);
      tx.audit({
        action: 'calendar.year_replaced',
        targetType: 'calendar_year',
        targetId: String(year),
        agencyId: null,
        summary: {
          year,
          version: calendar.version,
          holidays: { from: before?.holidays ?? null, to: holidays },
          workdays: { from: before?.workdays ?? null, to: workdays },
          recomputed: changes.length,
        },
      });
      return changes.length;
    });
    await this.reload();
    return { ...(await this.getYear(year)), recomputedDeadlines: recomputed };
  }
}

/** Each moved deadline is recorded on its case's timeline. */
function recordRecomputed(tx: CommandTransaction, changes: DeadlineChange[], reason: string) {
  for (const { caseType, caseId, agencyId, ...change } of changes) {
    tx.record({
      aggregate: { type: deadlineAggregateType(caseType), id: caseId, agencyId },
      type: `${deadlineAggregateType(caseType)}.deadline_recomputed`,
      occurredOn: null,
      payload: { ...change, reason },
      audit: null,
    });
  }
}

function assertYearData(year: number, input: ReplaceCalendarYearDto): void {
  const errors: FieldError[] = [];
  const holidaySet = new Set(input.holidays);
  input.holidays.forEach((date, index) => {
    if (!date.startsWith(`${year}-`)) {
      errors.push({ field: `holidays[${index}]`, message: `${date} is not in ${year}` });
    }
  });
  input.workdays.forEach((date, index) => {
    const field = `workdays[${index}]`;
    if (!date.startsWith(`${year}-`)) errors.push({ field, message: `${date} is not in ${year}` });
    else if (!isWeekend(parseLegalDate(date))) {
      errors.push({
        field,
        message: `${date} is a weekday; adjusted working days are weekend days`,
      });
    }
    if (holidaySet.has(date)) {
      errors.push({ field, message: `${date} cannot be both a holiday and a working day` });
    }
  });
  if (errors.length > 0) throw validationProblem(errors);
}
