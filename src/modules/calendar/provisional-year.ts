import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import type { CalendarYearData } from '../../domain/calendar/calendar-data.type';
import {
  compareLegalDates,
  dayOfWeek,
  legalDateFromParts,
  parseLegalDate,
  shiftLegalDate,
} from '../../domain/calendar/legal-date.value';
import type { LegalDate } from '../../domain/calendar/legal-date.value';

/** The first year under 《全国年节及纪念日放假办法》 as revised in 2024 (国务院令第795号). */
export const FIRST_PROVISIONAL_YEAR = 2025;
/** The last year `chinese-days` converts lunar dates for (its tables end with lunar 2100). */
export const LAST_PROVISIONAL_YEAR = 2099;

export interface ProvisionalHoliday {
  readonly date: LegalDate;
  /**
   * 元旦, 除夕, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 (two joined by 、 when they fall on the
   * same day), or 补假 (make-up rest day).
   */
  readonly name: string;
  /** For a make-up day: the holiday on a Saturday or Sunday it makes up for. */
  readonly makesUpFor?: LegalDate;
}

interface Festival {
  readonly name: string;
  readonly days: readonly { readonly date: LegalDate; readonly name: string }[];
}

/**
 * The solar date of a lunar date (non-leap month) in lunar year `year`. `chinese-days` reads the
 * lunar date from a `Date`'s local fields and answers in local fields too, so a local `Date` keeps
 * the conversion exact whatever the host's time zone.
 */
function lunar(year: number, month: number, day: number): LegalDate {
  return parseLegalDate(getSolarDateFromLunar(new Date(year, month - 1, day)).date);
}

/**
 * The day of the solar term 清明 (pure brightness) in April. `chinese-days` formats the day it
 * computes through a UTC midnight read in local time, which west of UTC shows the day before:
 * that shift is undone.
 */
function qingming(year: number): LegalDate {
  const shown = parseLegalDate(getSolarTermDate(year, 4, 'pure_brightness'));
  const westOfUtc = new Date(Date.UTC(year, 3, 15)).getDate() !== 15;
  return westOfUtc ? shiftLegalDate(shown, 1) : shown;
}

/** The statutory holidays of one year (《全国年节及纪念日放假办法》 第二条, 2024 revision). */
function festivals(year: number): Festival[] {
  const day = (month: number, dayOfMonth: number) => legalDateFromParts(year, month, dayOfMonth);
  const newYear = lunar(year, 1, 1);
  return [
    // (一) 元旦，放假1天（1月1日）
    { name: '元旦', days: [{ date: day(1, 1), name: '元旦' }] },
    // (二) 春节，放假4天（农历除夕、正月初一至初三）: 除夕 is the last day of the twelfth month
    // (the 29th or the 30th), i.e. the day before 正月初一.
    {
      name: '春节',
      days: [
        { date: shiftLegalDate(newYear, -1), name: '除夕' },
        { date: newYear, name: '春节' },
        { date: shiftLegalDate(newYear, 1), name: '春节' },
        { date: shiftLegalDate(newYear, 2), name: '春节' },
      ],
    },
    // (三) 清明节，放假1天（农历清明当日）
    { name: '清明节', days: [{ date: qingming(year), name: '清明节' }] },
    // (四) 劳动节，放假2天（5月1日、2日）
    {
      name: '劳动节',
      days: [
        { date: day(5, 1), name: '劳动节' },
        { date: day(5, 2), name: '劳动节' },
      ],
    },
    // (五) 端午节，放假1天（农历端午当日）
    { name: '端午节', days: [{ date: lunar(year, 5, 5), name: '端午节' }] },
    // (六) 中秋节，放假1天（农历中秋当日）
    { name: '中秋节', days: [{ date: lunar(year, 8, 15), name: '中秋节' }] },
    // (七) 国庆节，放假3天（10月1日至3日）
    {
      name: '国庆节',
      days: [
        { date: day(10, 1), name: '国庆节' },
        { date: day(10, 2), name: '国庆节' },
        { date: day(10, 3), name: '国庆节' },
      ],
    },
  ];
}

const isWeekendDay = (date: LegalDate): boolean => dayOfWeek(date) >= 6;

/**
 * The rest days of a year whose arrangement the State Council has not published yet (DESIGN rule
 * 6): the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01),
 * lunar dates converted exactly, and — by the same 办法 (全体公民放假的假日，如果适逢周六、周日，
 * 应当在工作日补假) — a make-up weekday for each holiday on a Saturday or Sunday, taken on the
 * first weekdays after that festival that are not holidays themselves. The adjusted working
 * weekends (调休上班) that the published arrangement adds cannot be foreseen and are left out.
 * A day two festivals share (中秋 on 国庆, as in 2028) is one rest day. Ordered by date.
 */
export function provisionalHolidays(year: number): ProvisionalHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_PROVISIONAL_YEAR || year > LAST_PROVISIONAL_YEAR) {
    throw new RangeError(
      `a provisional year is built for ${FIRST_PROVISIONAL_YEAR}…${LAST_PROVISIONAL_YEAR} (the 2024 ` +
        `revision of the holiday rules, the lunar tables), not ${String(year)}`,
    );
  }
  // In date order, so make-up days go to the festival that needs them first.
  const all = festivals(year).sort((a, b) => compareLegalDates(a.days[0].date, b.days[0].date));
  const taken = new Map<LegalDate, ProvisionalHoliday>();
  const own = all.map((festival) =>
    festival.days.filter(({ date, name }) => {
      const shared = taken.get(date);
      // 中秋 on a day of 国庆: one rest day with both names, made up (if at all) once.
      taken.set(date, { date, name: shared === undefined ? name : `${shared.name}、${name}` });
      return shared === undefined;
    }),
  );
  all.forEach((festival, index) => {
    let candidate = festival.days[festival.days.length - 1].date;
    for (const { date } of own[index].filter((holiday) => isWeekendDay(holiday.date))) {
      do candidate = shiftLegalDate(candidate, 1);
      while (isWeekendDay(candidate) || taken.has(candidate));
      taken.set(candidate, { date: candidate, name: '补假', makesUpFor: date });
    }
  });
  return [...taken.values()].sort((a, b) => compareLegalDates(a.date, b.date));
}

/**
 * A provisional calendar year (DESIGN rule 6) for `LegalCalendar`: the rest days of
 * {@link provisionalHolidays}, no adjusted working days, marked `provisional` so every deadline
 * that reads it says so and is recomputed when the published arrangement is loaded.
 */
export function provisionalCalendarYear(year: number): CalendarYearData {
  return {
    year,
    holidays: provisionalHolidays(year).map((holiday) => holiday.date),
    workdays: [],
    provisional: true,
  };
}
