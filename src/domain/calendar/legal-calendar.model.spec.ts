import { CalendarYearMissingError } from './calendar-year-missing.error';
import { InvalidCalendarDataError } from './invalid-calendar-data.error';
import { LegalCalendar } from './legal-calendar.model';
import type { DayKind } from './legal-calendar.model';
import { dayNumberOf, parseLegalDate } from './legal-date.value';
import { TEST_CALENDAR_DATA, TEST_CALENDAR_WITH_PROVISIONAL_2027 } from './test-calendar.fixture';

const calendar = LegalCalendar.fromData(TEST_CALENDAR_DATA);
const d = parseLegalDate;

function missingYearOf(action: () => unknown): number | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return error.year;
    throw error;
  }
  return undefined;
}

describe('LegalCalendar', () => {
  it.each<[string, DayKind, string]>([
    // 2024 春节: 02-10…02-17 off; 02-09 (除夕, Friday) works; Sundays 02-04 and 02-18 work
    ['2024-02-04', 'adjusted_workday', 'Sunday before 春节 2024'],
    ['2024-02-09', 'workday', '除夕 2024 is a working Friday'],
    ['2024-02-10', 'holiday', '春节 2024 first day (Saturday)'],
    ['2024-02-14', 'holiday', '春节 2024 Wednesday'],
    ['2024-02-17', 'holiday', '春节 2024 last day'],
    ['2024-02-18', 'adjusted_workday', 'Sunday after 春节 2024'],
    ['2024-02-24', 'weekend', 'ordinary Saturday'],
    // 2024 清明 04-04…04-06, Sunday 04-07 works
    ['2024-04-04', 'holiday', '清明 2024'],
    ['2024-04-07', 'adjusted_workday', 'Sunday after 清明 2024'],
    // 2024 劳动节 05-01…05-05; 04-28 (Sunday) and 05-11 (Saturday) work
    ['2024-04-28', 'adjusted_workday', 'Sunday before 劳动节 2024'],
    ['2024-05-03', 'holiday', '劳动节 2024 Friday'],
    ['2024-05-11', 'adjusted_workday', 'Saturday after 劳动节 2024'],
    // 2024 端午 06-10 (Monday)
    ['2024-06-10', 'holiday', '端午 2024'],
    // 2024 中秋 09-15…09-17, Saturday 09-14 works
    ['2024-09-14', 'adjusted_workday', 'Saturday before 中秋 2024'],
    ['2024-09-16', 'holiday', '中秋 2024 Monday'],
    // 2024 国庆 10-01…10-07; 09-29 (Sunday) and 10-12 (Saturday) work
    ['2024-09-29', 'adjusted_workday', 'Sunday before 国庆 2024'],
    ['2024-10-07', 'holiday', '国庆 2024 last day'],
    ['2024-10-12', 'adjusted_workday', 'Saturday after 国庆 2024'],
    // 2025 元旦 01-01; 春节 01-28…02-04 with 01-26 (Sunday) and 02-08 (Saturday) working
    ['2025-01-01', 'holiday', '元旦 2025'],
    ['2025-01-26', 'adjusted_workday', 'Sunday before 春节 2025'],
    ['2025-02-04', 'holiday', '春节 2025 last day'],
    ['2025-02-08', 'adjusted_workday', 'Saturday after 春节 2025'],
    // 2025 端午 05-31…06-02
    ['2025-06-02', 'holiday', '端午 2025 Monday'],
    // 2025 国庆·中秋 10-01…10-08; 09-28 (Sunday) and 10-11 (Saturday) work
    ['2025-09-28', 'adjusted_workday', 'Sunday before 国庆 2025'],
    ['2025-10-08', 'holiday', '国庆 2025 eighth day'],
    ['2025-10-09', 'workday', 'Thursday after 国庆 2025'],
    ['2025-10-11', 'adjusted_workday', 'Saturday after 国庆 2025'],
    ['2025-10-12', 'weekend', 'Sunday after 国庆 2025'],
    // 2026 元旦 01-01…01-03, Sunday 01-04 works; 春节 02-15…02-23, Saturdays 02-14 and 02-28 work
    ['2026-01-02', 'holiday', '元旦 2026 Friday'],
    ['2026-01-04', 'adjusted_workday', 'Sunday after 元旦 2026'],
    ['2026-02-14', 'adjusted_workday', 'Saturday before 春节 2026'],
    ['2026-02-23', 'holiday', '春节 2026 ninth day (Monday)'],
    ['2026-02-28', 'adjusted_workday', 'Saturday after 春节 2026'],
    ['2026-09-20', 'adjusted_workday', 'Sunday before 国庆 2026'],
    ['2026-10-10', 'adjusted_workday', 'Saturday after 国庆 2026'],
  ])('%s is a %s (%s)', (date, kind) => {
    expect(calendar.dayKind(d(date))).toBe(kind);
    const working = kind === 'workday' || kind === 'adjusted_workday';
    expect(calendar.isWorkingDay(d(date))).toBe(working);
    expect(calendar.isRestDay(d(date))).toBe(!working);
  });

  it('holds exactly the years of its data', () => {
    expect(calendar.years).toEqual([2023, 2024, 2025, 2026]);
    expect(calendar.version).toBe(1);
    expect(calendar.holdsYear(2024)).toBe(true);
    expect(calendar.holdsYear(2022)).toBe(false);
    expect(calendar.holdsYear(2027)).toBe(false);
    expect(calendar.provisionalYears).toEqual([]);
  });

  it('holds a provisional year like any other, and says it is provisional (DESIGN rule 6)', () => {
    const withProvisional = LegalCalendar.fromData(TEST_CALENDAR_WITH_PROVISIONAL_2027);
    expect(withProvisional.years).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(withProvisional.provisionalYears).toEqual([2027]);
    expect(withProvisional.isProvisionalYear(2027)).toBe(true);
    expect(withProvisional.isProvisionalYear(2026)).toBe(false);
    // Provisional 春节 2027 (除夕 02-05 … 初三 02-08, made up on 02-09 and 02-10), no 调休.
    expect(withProvisional.dayKind(d('2027-02-05'))).toBe('holiday');
    expect(withProvisional.dayKind(d('2027-02-10'))).toBe('holiday');
    expect(withProvisional.dayKind(d('2027-02-11'))).toBe('workday');
    expect(withProvisional.dayKind(d('2027-02-13'))).toBe('weekend');
  });

  it.each([
    ['2022-06-01', 2022],
    ['2027-06-01', 2027],
    ['1999-01-01', 1999],
  ])('refuses to classify %s: CalendarYearMissingError for %i', (date, year) => {
    expect(missingYearOf(() => calendar.isWorkingDay(d(date)))).toBe(year);
    expect(() => calendar.dayKind(d(date))).toThrow(CalendarYearMissingError);
  });

  it('never guesses a year missing between two held years', () => {
    const gappy = LegalCalendar.fromData({
      version: 3,
      years: TEST_CALENDAR_DATA.years.filter((year) => year.year !== 2025),
    });
    expect(missingYearOf(() => gappy.isWorkingDay(d('2025-03-03')))).toBe(2025);
    // The n-th working day after 2024-12-30 would be found in 2026 by the index alone.
    expect(missingYearOf(() => gappy.nthWorkingDayAfter(dayNumberOf(d('2024-12-30')), 3))).toBe(
      2025,
    );
    expect(
      missingYearOf(() =>
        gappy.countWorkingDaysBetween(dayNumberOf(d('2024-12-01')), dayNumberOf(d('2026-01-10'))),
      ),
    ).toBe(2025);
    expect(gappy.nthWorkingDayAfter(dayNumberOf(d('2024-12-27')), 1)).toBe(
      dayNumberOf(d('2024-12-30')),
    );
  });

  it('reports the first year past its end when a count runs off it', () => {
    expect(missingYearOf(() => calendar.nthWorkingDayAfter(dayNumberOf(d('2026-12-25')), 10))).toBe(
      2027,
    );
    expect(
      missingYearOf(() => calendar.firstWorkingDayOnOrAfter(dayNumberOf(d('2027-01-01')))),
    ).toBe(2027);
  });

  describe('fromData validation', () => {
    const year2024 = TEST_CALENDAR_DATA.years[1];

    it.each<[string, Parameters<typeof LegalCalendar.fromData>[0], RegExp]>([
      [
        'an impossible date',
        { version: 1, years: [{ year: 2024, holidays: ['2024-02-30'], workdays: [] }] },
        /not a date/,
      ],
      [
        'a date of another year',
        { version: 1, years: [{ year: 2024, holidays: ['2025-01-01'], workdays: [] }] },
        /not in 2024/,
      ],
      [
        'a weekday declared an adjusted working day',
        { version: 1, years: [{ year: 2024, holidays: [], workdays: ['2024-02-09'] }] },
        /not a Saturday or Sunday/,
      ],
      [
        'a day both holiday and working',
        { version: 1, years: [{ year: 2024, holidays: ['2024-02-04'], workdays: ['2024-02-04'] }] },
        /both a holiday/,
      ],
      ['a year twice', { version: 1, years: [year2024, year2024] }, /appears twice/],
      ['no years', { version: 1, years: [] }, /no years/],
      ['a negative version', { version: -1, years: [year2024] }, /version/],
    ])('refuses %s', (_what, data, message) => {
      expect(() => LegalCalendar.fromData(data)).toThrow(InvalidCalendarDataError);
      expect(() => LegalCalendar.fromData(data)).toThrow(message);
    });
  });
});
