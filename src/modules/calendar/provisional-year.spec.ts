import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { getLunarDate } from 'chinese-days';
import { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import { dayOfWeek, shiftLegalDate } from '../../domain/calendar/legal-date.value';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import { PROVISIONAL_2027 } from '../../domain/calendar/test-calendar.fixture';
import { chineseDaysYears } from './chinese-days-seed';
import {
  FIRST_PROVISIONAL_YEAR,
  LAST_PROVISIONAL_YEAR,
  provisionalCalendarYear,
  provisionalHolidays,
} from './provisional-year';

const named = (year: number, name: string): LegalDate[] =>
  provisionalHolidays(year)
    .filter((holiday) => holiday.name.split('、').includes(name))
    .map((holiday) => holiday.date);

describe('provisionalCalendarYear (DESIGN rule 6, 《全国年节及纪念日放假办法》 2024)', () => {
  it('builds 2027 exactly as written out by hand in the domain fixture', () => {
    expect(provisionalCalendarYear(2027)).toEqual(PROVISIONAL_2027);
  });

  it.each<[string, string[]]>([
    ['元旦', ['2027-01-01']],
    ['除夕', ['2027-02-05']],
    ['春节', ['2027-02-06', '2027-02-07', '2027-02-08']],
    ['清明节', ['2027-04-05']],
    ['劳动节', ['2027-05-01', '2027-05-02']],
    ['端午节', ['2027-06-09']],
    ['中秋节', ['2027-09-15']],
    ['国庆节', ['2027-10-01', '2027-10-02', '2027-10-03']],
  ])('2027 %s: %j', (name, dates) => {
    expect(named(2027, name)).toEqual(dates);
  });

  it('gives 2027 a make-up weekday for each holiday on a weekend (补假)', () => {
    expect(
      provisionalHolidays(2027)
        .filter((holiday) => holiday.name === '补假')
        .map((holiday) => [holiday.makesUpFor, holiday.date]),
    ).toEqual([
      ['2027-02-06', '2027-02-09'],
      ['2027-02-07', '2027-02-10'],
      ['2027-05-01', '2027-05-03'],
      ['2027-05-02', '2027-05-04'],
      ['2027-10-02', '2027-10-04'],
      ['2027-10-03', '2027-10-05'],
    ]);
  });

  // The published arrangements of 2025 and 2026 (the first years of the 2024 rules) contain every
  // provisional rest day, make-up days included: the provisional year only ever errs by missing
  // the bridge days and adjusted working weekends the State Council adds.
  it.each([2025, 2026])(
    '%i: every provisional rest day is a rest day of the published year',
    (year) => {
      const published = chineseDaysYears().find((data) => data.year === year);
      expect(published).toBeDefined();
      expect(
        provisionalCalendarYear(year).holidays.filter(
          (date) => !published?.holidays.includes(date),
        ),
      ).toEqual([]);
    },
  );

  it('2025: 端午 on Saturday 05-31 is made up on Monday 06-02, as published', () => {
    expect(named(2025, '端午节')).toEqual(['2025-05-31']);
    expect(named(2025, '补假')).toEqual(['2025-06-02']);
  });

  it('2025: 中秋 (10-06) is its own day after 国庆 10-01…10-03', () => {
    expect(named(2025, '中秋节')).toEqual(['2025-10-06']);
  });

  it('2028: 中秋 on 国庆 10-03 (a Tuesday) is one rest day with both names, no make-up', () => {
    expect(
      provisionalHolidays(2028).filter((holiday) => holiday.date.startsWith('2028-10')),
    ).toEqual([
      { date: '2028-10-01', name: '国庆节' },
      { date: '2028-10-02', name: '国庆节' },
      { date: '2028-10-03', name: '国庆节、中秋节' },
      { date: '2028-10-04', name: '补假', makesUpFor: '2028-10-01' },
    ]);
  });

  it('refuses a year before the 2024 rules (2024 still had 除夕 as a working day) or beyond the lunar tables', () => {
    expect(() => provisionalCalendarYear(2024)).toThrow(RangeError);
    expect(() => provisionalCalendarYear(2100)).toThrow(RangeError);
    expect(() => provisionalCalendarYear(2027.5)).toThrow(RangeError);
  });

  const years = Array.from(
    { length: LAST_PROVISIONAL_YEAR - FIRST_PROVISIONAL_YEAR + 1 },
    (_, index) => FIRST_PROVISIONAL_YEAR + index,
  );

  it.each(years)(
    '%i: lunar holidays on their lunar dates, make-up days on free weekdays',
    (year) => {
      const holidays = provisionalHolidays(year);
      const lunarOf = (date: LegalDate) => {
        const { lunarMon, lunarDay, isLeap } = getLunarDate(date);
        return [lunarMon, lunarDay, isLeap];
      };
      const [eve] = named(year, '除夕');
      expect(lunarOf(eve)[0]).toBe(12);
      expect([29, 30]).toContain(lunarOf(eve)[1]);
      expect(lunarOf(shiftLegalDate(eve, 1))).toEqual([1, 1, false]);
      expect(named(year, '端午节').map(lunarOf)).toEqual([[5, 5, false]]);
      expect(named(year, '中秋节').map(lunarOf)).toEqual([[8, 15, false]]);
      expect([`${year}-04-04`, `${year}-04-05`, `${year}-04-06`]).toContain(
        named(year, '清明节')[0],
      );

      const dates = holidays.map((holiday) => holiday.date);
      expect(new Set(dates).size).toBe(dates.length);
      for (const date of dates) expect(date.startsWith(`${year}-`)).toBe(true);
      const makeUps = holidays.filter((holiday) => holiday.name === '补假');
      const onWeekends = holidays.filter(
        (holiday) => holiday.name !== '补假' && dayOfWeek(holiday.date) >= 6,
      );
      expect(makeUps).toHaveLength(onWeekends.length);
      for (const { date, makesUpFor } of makeUps) {
        expect(dayOfWeek(date)).toBeLessThanOrEqual(5);
        expect(date > (makesUpFor ?? '')).toBe(true);
      }
      expect(() =>
        LegalCalendar.fromData({ version: 1, years: [provisionalCalendarYear(year)] }),
      ).not.toThrow();
    },
  );

  it('is held as provisional by the legal calendar', () => {
    const calendar = LegalCalendar.fromData({
      version: 1,
      years: [
        ...chineseDaysYears().filter((data) => data.year === 2026),
        provisionalCalendarYear(2027),
      ],
    });
    expect(calendar.provisionalYears).toEqual([2027]);
    expect(calendar.isRestDay(PROVISIONAL_2027.holidays[5] as LegalDate)).toBe(true);
  });

  // chinese-days reads and writes dates through the host's time zone; the year must not move.
  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai'])(
    'builds the same 2027 when the host runs in %s',
    (timeZone) => {
      const script = `
        const swc = require('@swc/core');
        require.extensions['.ts'] = (module, file) => module._compile(
          swc.transformFileSync(file, { jsc: { parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }).code,
          file,
        );
        process.stdout.write(JSON.stringify(require(${JSON.stringify(join(__dirname, 'provisional-year.ts'))}).provisionalCalendarYear(2027)));
      `;
      const output = execFileSync(process.execPath, ['-e', script], {
        env: { ...process.env, TZ: timeZone },
        encoding: 'utf8',
      });
      expect(JSON.parse(output)).toEqual(PROVISIONAL_2027);
    },
  );
});
