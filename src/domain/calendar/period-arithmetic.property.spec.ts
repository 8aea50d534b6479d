import fc from 'fast-check';
import { addCalendarDays } from './add-calendar-days.period';
import { addMonths } from './add-months.period';
import { addWorkingDays } from './add-working-days.period';
import { countWorkingDays } from './count-working-days.period';
import { LegalCalendar } from './legal-calendar.model';
import {
  dayNumberFromParts,
  dayNumberOf,
  daysInMonth,
  legalDateFromDayNumber,
  legalDateParts,
  weekdayOfDayNumber,
} from './legal-date.value';
import type { LegalDate } from './legal-date.value';
import { rollForward } from './roll-forward.period';
import { TEST_CALENDAR_DATA } from './test-calendar.fixture';

const calendar = LegalCalendar.fromData(TEST_CALENDAR_DATA);

/** An independent, naive reading of the fixture: the definition of a working day, day by day. */
const holidays = new Set(TEST_CALENDAR_DATA.years.flatMap((year) => year.holidays));
const adjusted = new Set(TEST_CALENDAR_DATA.years.flatMap((year) => year.workdays));
function naiveIsWorkingDay(dayNumber: number): boolean {
  const text = legalDateFromDayNumber(dayNumber);
  if (holidays.has(text)) return false;
  return weekdayOfDayNumber(dayNumber) <= 5 || adjusted.has(text);
}

const FIRST = dayNumberFromParts(2023, 1, 1);
const LAST = dayNumberFromParts(2026, 12, 31);

/** Start dates leaving room for the longest period tried to stay inside 2023–2026. */
const startDate = (lastStart: number): fc.Arbitrary<LegalDate> =>
  fc.integer({ min: FIRST, max: lastStart }).map(legalDateFromDayNumber);
const startForWorkingDays = startDate(dayNumberFromParts(2025, 12, 31));
const workingDayCount = fc.integer({ min: 1, max: 200 });

describe('period arithmetic properties', () => {
  it('the index agrees with the naive definition of a working day on every day held', () => {
    for (let day = FIRST; day <= LAST; day++) {
      expect(calendar.isWorkingDayNumber(day)).toBe(naiveIsWorkingDay(day));
    }
  });

  it('working-day results are working days, after the start, matching a day-by-day walk', () => {
    fc.assert(
      fc.property(startForWorkingDays, workingDayCount, (from, n) => {
        const due = addWorkingDays(calendar, from, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        let day = dayNumberOf(from);
        for (let counted = 0; counted < n;) {
          day += 1;
          if (naiveIsWorkingDay(day)) counted += 1;
        }
        expect(due).toBe(legalDateFromDayNumber(day));
      }),
      { numRuns: 500 },
    );
  });

  it('working-day results are strictly monotonic in the length', () => {
    fc.assert(
      fc.property(startForWorkingDays, workingDayCount, workingDayCount, (from, a, b) => {
        fc.pre(a !== b);
        const [shorter, longer] = a < b ? [a, b] : [b, a];
        expect(
          dayNumberOf(addWorkingDays(calendar, from, shorter)) <
            dayNumberOf(addWorkingDays(calendar, from, longer)),
        ).toBe(true);
      }),
    );
  });

  it('counting working days back over the result gives the length', () => {
    fc.assert(
      fc.property(startForWorkingDays, workingDayCount, (from, n) => {
        const due = addWorkingDays(calendar, from, n);
        expect(countWorkingDays(calendar, from, due)).toBe(n);
        expect(countWorkingDays(calendar, due, from)).toBe(-n);
      }),
    );
  });

  it('countWorkingDays is additive over any middle day', () => {
    const anyDay = startDate(LAST);
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, (a, b, c) => {
        expect(countWorkingDays(calendar, a, c)).toBe(
          countWorkingDays(calendar, a, b) + countWorkingDays(calendar, b, c),
        );
      }),
    );
  });

  it('calendar-day periods end on a working day, rolling only over rest days', () => {
    fc.assert(
      fc.property(
        startDate(dayNumberFromParts(2026, 9, 30)),
        fc.integer({ min: 1, max: 90 }),
        (from, n) => {
          const { rawDueOn, dueOn, rolledForward } = addCalendarDays(calendar, from, n);
          expect(dayNumberOf(rawDueOn) - dayNumberOf(from)).toBe(n);
          expect(calendar.isWorkingDay(dueOn)).toBe(true);
          expect(rolledForward).toBe(dueOn !== rawDueOn);
          expect(rolledForward).toBe(calendar.isRestDay(rawDueOn));
          for (let day = dayNumberOf(rawDueOn); day < dayNumberOf(dueOn); day++) {
            expect(naiveIsWorkingDay(day)).toBe(false);
          }
        },
      ),
    );
  });

  it('roll-forward always lands on the first working day on or after the raw date', () => {
    fc.assert(
      fc.property(startDate(dayNumberFromParts(2026, 12, 20)), (raw) => {
        const { dueOn } = rollForward(calendar, raw);
        expect(calendar.isWorkingDay(dueOn)).toBe(true);
        expect(dayNumberOf(dueOn) >= dayNumberOf(raw)).toBe(true);
        expect(countWorkingDays(calendar, raw, dueOn)).toBe(raw === dueOn ? 0 : 1);
      }),
    );
  });

  it('month periods never overflow: month = start month + n, day ≤ start day', () => {
    fc.assert(
      fc.property(
        startDate(dayNumberFromParts(2025, 12, 31)),
        fc.integer({ min: 1, max: 12 }),
        (from, n) => {
          const start = legalDateParts(from);
          const { rawDueOn, dueOn } = addMonths(calendar, from, n);
          const raw = legalDateParts(rawDueOn);
          expect(raw.year * 12 + raw.month).toBe(start.year * 12 + start.month + n);
          expect(raw.day <= start.day).toBe(true);
          // Either the same day-of-month, or clamped to the last day of a shorter month.
          expect(raw.day === start.day || raw.day === daysInMonth(raw.year, raw.month)).toBe(true);
          expect(calendar.isWorkingDay(dueOn)).toBe(true);
          expect(dayNumberOf(dueOn) >= dayNumberOf(rawDueOn)).toBe(true);
        },
      ),
    );
  });

  it('month periods are monotonic in the length', () => {
    fc.assert(
      fc.property(
        startDate(dayNumberFromParts(2025, 12, 31)),
        fc.integer({ min: 1, max: 11 }),
        (from, n) => {
          const shorter = addMonths(calendar, from, n);
          const longer = addMonths(calendar, from, n + 1);
          expect(dayNumberOf(shorter.rawDueOn) < dayNumberOf(longer.rawDueOn)).toBe(true);
          expect(dayNumberOf(shorter.dueOn) <= dayNumberOf(longer.dueOn)).toBe(true);
        },
      ),
    );
  });
});
