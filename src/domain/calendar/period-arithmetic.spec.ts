import { addCalendarDays } from './add-calendar-days.period';
import { addMonths } from './add-months.period';
import { addPeriod } from './add-period.period';
import { addWorkingDays } from './add-working-days.period';
import { CalendarYearMissingError } from './calendar-year-missing.error';
import { countWorkingDays } from './count-working-days.period';
import { LegalCalendar } from './legal-calendar.model';
import { parseLegalDate } from './legal-date.value';
import { PeriodArgumentError } from './period-argument.error';
import { rollForward } from './roll-forward.period';
import { TEST_CALENDAR_DATA } from './test-calendar.fixture';

const calendar = LegalCalendar.fromData(TEST_CALENDAR_DATA);
const d = parseLegalDate;

describe('addWorkingDays (行政复议法 第八十八条第二款)', () => {
  it.each([
    // from, n, expected, why
    ['2024-03-01', 5, '2024-03-08', 'plain week: start day excluded, weekend skipped'],
    [
      '2024-09-27',
      5,
      '2024-10-10',
      '国庆 2024: Sunday 09-29 works, 10-01…10-07 off (DESIGN example)',
    ],
    ['2024-02-08', 5, '2024-02-21', '春节 2024: 02-09 works, 02-10…02-17 off, Sunday 02-18 works'],
    ['2024-02-02', 1, '2024-02-04', '春节 2024: Sunday 02-04 is the first working day'],
    ['2024-04-03', 1, '2024-04-07', '清明 2024: 04-04…04-06 off, Sunday 04-07 works'],
    ['2024-04-03', 3, '2024-04-09', '清明 2024, three days'],
    ['2024-04-26', 5, '2024-05-07', '劳动节 2024: Sunday 04-28 works, 05-01…05-05 off'],
    ['2024-05-06', 5, '2024-05-11', '劳动节 2024: ends on the working Saturday 05-11'],
    ['2024-06-07', 1, '2024-06-11', '端午 2024: Monday 06-10 off'],
    ['2024-09-13', 1, '2024-09-14', '中秋 2024: Saturday 09-14 works'],
    ['2024-09-13', 2, '2024-09-18', '中秋 2024: 09-15…09-17 off'],
    ['2024-12-31', 1, '2025-01-02', '元旦 2025 across the year end'],
    ['2025-01-24', 3, '2025-02-05', '春节 2025: Sunday 01-26 works, 01-28…02-04 off'],
    ['2025-02-05', 3, '2025-02-08', '春节 2025: ends on the working Saturday 02-08'],
    ['2025-04-25', 2, '2025-04-28', '劳动节 2025: Sunday 04-27 works'],
    ['2025-05-30', 1, '2025-06-03', '端午 2025: 05-31…06-02 off'],
    [
      '2025-09-26',
      7,
      '2025-10-13',
      '国庆 2025: 09-28 works, 10-01…10-08 off, Saturday 10-11 works',
    ],
    ['2025-12-31', 1, '2026-01-04', '元旦 2026: 01-01…01-03 off, Sunday 01-04 works'],
    ['2026-02-13', 1, '2026-02-14', '春节 2026: Saturday 02-14 works'],
    ['2026-02-13', 2, '2026-02-24', '春节 2026: 02-15…02-23 off'],
    ['2026-02-27', 1, '2026-02-28', '春节 2026: Saturday 02-28 works'],
    [
      '2026-09-18',
      10,
      '2026-10-09',
      '中秋+国庆 2026: Sunday 09-20 works, 09-25…09-27 and 10-01…10-07 off',
    ],
    ['2024-02-10', 1, '2024-02-18', 'from a holiday: day 1 is the first working day after it'],
  ])('from %s, %i working days → %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(calendar, d(from), n)).toBe(expected);
  });

  it('throws CalendarYearMissingError when the count runs into 2027', () => {
    expect(() => addWorkingDays(calendar, d('2026-12-25'), 10)).toThrow(
      expect.objectContaining({ name: 'CalendarYearMissingError', year: 2027 }),
    );
  });
});

describe('addCalendarDays (民事诉讼法 第八十五条)', () => {
  it.each([
    // from, n, raw, due, rolled, why
    ['2024-03-01', 5, '2024-03-06', '2024-03-06', false, 'DESIGN example: 03-02 is day 1'],
    ['2024-03-01', 15, '2024-03-16', '2024-03-18', true, 'ends on an ordinary Saturday → Monday'],
    ['2024-09-01', 30, '2024-10-01', '2024-10-08', true, 'ends on 国庆 2024 → after the holiday'],
    ['2024-08-02', 60, '2024-10-01', '2024-10-08', true, '60-day decision period into 国庆 2024'],
    ['2024-02-02', 15, '2024-02-17', '2024-02-18', true, 'ends in 春节 2024 → the working Sunday'],
    ['2024-04-26', 15, '2024-05-11', '2024-05-11', false, 'ends on a working Saturday: no roll'],
    ['2025-09-13', 15, '2025-09-28', '2025-09-28', false, 'ends on a working Sunday: no roll'],
    ['2025-01-13', 15, '2025-01-28', '2025-02-05', true, 'ends on 春节 2025 → 02-05'],
    ['2025-09-16', 15, '2025-10-01', '2025-10-09', true, 'ends on 国庆 2025 (eight days)'],
    ['2026-09-16', 15, '2026-10-01', '2026-10-08', true, 'ends on 国庆 2026'],
    ['2026-01-17', 15, '2026-02-01', '2026-02-02', true, 'ends on a Sunday'],
    [
      '2022-12-17',
      15,
      '2023-01-01',
      '2023-01-03',
      true,
      'starts in a year not held: only later days matter',
    ],
    ['2024-02-28', 1, '2024-02-29', '2024-02-29', false, 'leap day'],
  ])('from %s + %i days → raw %s, due %s (rolled %s; %s)', (from, n, raw, due, rolled) => {
    expect(addCalendarDays(calendar, d(from), n)).toEqual({
      rawDueOn: raw,
      dueOn: due,
      rolledForward: rolled,
    });
  });

  it('throws CalendarYearMissingError when the last day falls in 2027', () => {
    expect(() => addCalendarDays(calendar, d('2026-12-18'), 15)).toThrow(CalendarYearMissingError);
  });

  it('needs no later year when the last day of 2026 is a working day', () => {
    expect(addCalendarDays(calendar, d('2026-12-17'), 14).dueOn).toBe('2026-12-31');
  });
});

describe('addMonths (民法典 第二百零二条; 民事诉讼法 第八十五条)', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29', '2024-02-29', false, '31st → 29th in a leap February'],
    ['2025-01-31', 1, '2025-02-28', '2025-02-28', false, '31st → 28th in a common February'],
    ['2024-03-31', 1, '2024-04-30', '2024-04-30', false, '31st → 30th'],
    ['2023-08-31', 6, '2024-02-29', '2024-02-29', false, 'across the year into a leap February'],
    ['2024-08-29', 6, '2025-02-28', '2025-02-28', false, '29th → 28th'],
    ['2024-05-31', 6, '2024-11-30', '2024-12-02', true, 'month end on a Saturday → Monday'],
    ['2024-04-01', 6, '2024-10-01', '2024-10-08', true, 'six months ending on 国庆 2024'],
    ['2025-07-01', 3, '2025-10-01', '2025-10-09', true, 'three months ending on 国庆 2025'],
    ['2025-08-11', 2, '2025-10-11', '2025-10-11', false, 'ends on a working Saturday: no roll'],
    ['2025-02-28', 12, '2026-02-28', '2026-02-28', false, 'one year, working Saturday 2026-02-28'],
    ['2006-01-31', 240, '2026-01-31', '2026-02-02', true, 'twenty years, Saturday → Monday'],
  ])('from %s + %i months → raw %s, due %s (rolled %s; %s)', (from, n, raw, due, rolled) => {
    expect(addMonths(calendar, d(from), n)).toEqual({
      rawDueOn: raw,
      dueOn: due,
      rolledForward: rolled,
    });
  });
});

describe('rollForward', () => {
  it.each([
    ['2024-10-01', '2024-10-08', true],
    ['2024-10-08', '2024-10-08', false],
    ['2024-10-12', '2024-10-12', false],
    ['2024-10-13', '2024-10-14', true],
    ['2026-12-31', '2026-12-31', false],
  ])('%s → %s (rolled %s)', (raw, due, rolled) => {
    expect(rollForward(calendar, d(raw))).toEqual({
      rawDueOn: raw,
      dueOn: due,
      rolledForward: rolled,
    });
  });
});

describe('countWorkingDays', () => {
  it.each([
    ['2024-09-27', '2024-10-10', 5],
    ['2024-09-27', '2024-09-27', 0],
    ['2024-10-10', '2024-09-27', -5],
    ['2024-10-01', '2024-10-07', 0],
    ['2024-02-08', '2024-02-21', 5],
    // 2024: 262 weekdays − 19 weekday holidays + 8 adjusted working days
    ['2023-12-31', '2024-12-31', 251],
    // 2025: 261 weekdays − 18 weekday holidays + 5 adjusted working days
    ['2024-12-31', '2025-12-31', 248],
  ])('working days in (%s, %s] = %i', (from, to, count) => {
    expect(countWorkingDays(calendar, d(from), d(to))).toBe(count);
  });

  it('flags "due soon": at most 3 working days left', () => {
    // 2024-09-27 (Fri) → due 2024-10-08: 09-29, 09-30, 10-08 are the working days left.
    expect(countWorkingDays(calendar, d('2024-09-27'), d('2024-10-08'))).toBe(3);
  });
});

describe('period length guard', () => {
  it.each([
    ['working_days', -1],
    ['working_days', 0],
    ['working_days', 2001],
    ['working_days', 1.5],
    ['days', 3651],
    ['days', Number.NaN],
    ['months', 241],
    ['months', -3],
  ] as const)('refuses %s length %d with PeriodArgumentError', (unit, length) => {
    expect(() => addPeriod(calendar, d('2024-03-01'), length, unit)).toThrow(PeriodArgumentError);
  });

  it('dispatches on the unit', () => {
    expect(addPeriod(calendar, d('2024-09-27'), 5, 'working_days')).toEqual({
      rawDueOn: '2024-10-10',
      dueOn: '2024-10-10',
      rolledForward: false,
    });
    expect(addPeriod(calendar, d('2024-09-01'), 30, 'days').dueOn).toBe('2024-10-08');
    expect(addPeriod(calendar, d('2024-04-01'), 6, 'months').dueOn).toBe('2024-10-08');
  });
});
