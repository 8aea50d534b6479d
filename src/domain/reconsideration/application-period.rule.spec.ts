import fc from 'fast-check';
import {
  dayNumberFromParts,
  dayNumberOf,
  legalDateFromDayNumber,
} from '../calendar/legal-date.value';
import { checkApplicationPeriod } from './application-period.rule';
import { baseFacts, calendar, d } from './case-facts.fixture';
import type { CaseFacts } from './reconsideration-case.types';

/** Filed in person on `filedOn`; the act's date left out unless a case sets it. */
const check = (filedOn: string, overrides: Partial<CaseFacts>) =>
  checkApplicationPeriod(
    calendar,
    baseFacts({ actOn: null, receivedOn: d(filedOn), reviewStartOn: d(filedOn), ...overrides }),
  );

const obstacle = (startedOn: string, endedOn: string) => ({
  limitationObstacle: { startedOn: d(startedOn), endedOn: d(endedOn), reason: 'force majeure' },
});

describe('checkApplicationPeriod (行政复议法 第二十条、第二十一条)', () => {
  describe('the 60 days and the obstacle of 第二十条第二款', () => {
    it.each<[string, string, Partial<CaseFacts>]>([
      // what, last day, facts
      ['no obstacle: 07-01 + 60 days', '2024-08-30', { knownOn: d('2024-07-01') }],
      // 07-02…07-20 count (19 days); 07-21…07-30 do not; the other 41 run from 07-31.
      [
        'an obstacle in the middle pauses it and it continues, not restarts',
        '2024-09-09',
        { knownOn: d('2024-07-01'), ...obstacle('2024-07-21', '2024-07-30') },
      ],
      // Counting starts the day after the obstacle: 07-10 + 60 = 09-08 (Sunday) → 09-09.
      [
        'an obstacle from before the act was known delays the start',
        '2024-09-09',
        { knownOn: d('2024-07-01'), ...obstacle('2024-06-20', '2024-07-10') },
      ],
      [
        'an obstacle over before the act was known changes nothing',
        '2024-08-30',
        { knownOn: d('2024-07-01'), ...obstacle('2024-06-01', '2024-06-20') },
      ],
      [
        'an obstacle beginning after the 60 days ran out revives nothing',
        '2024-08-30',
        { knownOn: d('2024-07-01'), ...obstacle('2024-08-31', '2024-09-20') },
      ],
      // 08-30 itself not counted: the one day left is 09-21 (Saturday) → Monday 09-23.
      [
        'an obstacle beginning on the last day keeps that day',
        '2024-09-23',
        { knownOn: d('2024-07-01'), ...obstacle('2024-08-30', '2024-09-20') },
      ],
      // 08-02 + 60 = 10-01 (国庆) → 10-08; the obstacle starts inside the roll-forward window, so
      // only rest days were left: the period ends on the first working day after it.
      [
        'an obstacle in the National Day roll-forward window ends it the day after the obstacle',
        '2024-10-16',
        { knownOn: d('2024-08-02'), ...obstacle('2024-10-03', '2024-10-15') },
      ],
      ['National Day 2024: 10-01 rolls to 10-08', '2024-10-08', { knownOn: d('2024-08-02') }],
      // 2024-12-10 + 60 = 2025-02-08, a Saturday declared a working day after 春节 2025.
      [
        'Spring Festival 2025: ends on the adjusted working Saturday',
        '2025-02-08',
        { knownOn: d('2024-12-10') },
      ],
    ])('%s → %s', (_what, dueOn, facts) => {
      const onTime = check(dueOn, facts);
      expect(onTime).toMatchObject({ ok: true, limitationDueOn: dueOn });
      const dayAfter = legalDateFromDayNumber(dayNumberOf(d(dueOn)) + 1);
      expect(check(dayAfter, facts)).toMatchObject({
        ok: false,
        rule: 'application_late',
        limitationDueOn: dueOn,
      });
    });

    it('names the obstacle that came too late, and the articles', () => {
      const late = check('2024-09-10', {
        knownOn: d('2024-07-01'),
        ...obstacle('2024-09-01', '2024-09-08'),
      });
      expect(late).toMatchObject({ ok: false, basis: '行政复议法 第二十条第一款、第二款' });
      if (!late.ok) expect(late.detail).toContain('revives nothing');
    });
  });

  describe('remedy rights not told (第二十条第三款)', () => {
    const notTold = (knownOn: string, learnedOn: string | null, more: Partial<CaseFacts> = {}) => ({
      remedyRightsNotTold: true,
      knownOn: d(knownOn),
      remedyRightsLearnedOn: learnedOn === null ? null : d(learnedOn),
      ...more,
    });

    it.each<[string, string, Partial<CaseFacts>, string]>([
      // what, last day, facts, basis when filed a day later
      [
        '60 days from learning the rights, well inside the year',
        '2024-10-31',
        notTold('2024-01-10', '2024-09-01'),
        '行政复议法 第二十条第三款',
      ],
      [
        'the one-year cap when it ends first (60 days would end 12-02)',
        '2024-11-20',
        notTold('2023-11-20', '2024-10-01'),
        '行政复议法 第二十条第三款',
      ],
      [
        'only the cap when the day of learning is not recorded',
        '2024-09-30',
        notTold('2023-09-30', null),
        '行政复议法 第二十条第三款',
      ],
      // 09-01 + 60 + 10 paused = 11-10 (Sunday) → 11-11.
      [
        'an obstacle pauses the 60 days from learning',
        '2024-11-11',
        notTold('2024-01-10', '2024-09-01', obstacle('2024-09-10', '2024-09-19')),
        '行政复议法 第二十条第二款、第三款',
      ],
    ])('%s → %s', (_what, dueOn, facts, basis) => {
      expect(check(dueOn, facts)).toMatchObject({ ok: true, limitationDueOn: dueOn });
      const dayAfter = legalDateFromDayNumber(dayNumberOf(d(dueOn)) + 1);
      expect(check(dayAfter, facts)).toMatchObject({ ok: false, basis });
    });

    it('reports the cap as an outer limit that no obstacle extends', () => {
      expect(
        check(
          '2024-11-21',
          notTold('2023-11-20', '2024-10-01', obstacle('2024-10-05', '2024-11-30')),
        ),
      ).toMatchObject({ ok: false, rule: 'application_beyond_outer_limit' });
    });

    it('ignores the day of learning when the rights were told', () => {
      expect(
        check('2024-09-01', {
          knownOn: d('2024-07-01'),
          remedyRightsLearnedOn: d('2024-08-20'),
        }),
      ).toMatchObject({ ok: false, rule: 'application_late', limitationDueOn: '2024-08-30' });
    });
  });

  it('applies the five-year limit of 第二十一条 whatever the obstacle', () => {
    expect(
      check('2024-09-27', {
        actOn: d('2019-09-01'),
        ...obstacle('2024-08-01', '2024-09-20'),
      }),
    ).toMatchObject({
      ok: false,
      rule: 'application_beyond_outer_limit',
      basis: '行政复议法 第二十一条',
      limitationDueOn: '2024-09-02',
    });
  });

  it('an obstacle pauses the period, never shortens it and never restarts it', () => {
    const day = (year: number, month: number, dayOfMonth: number) =>
      dayNumberFromParts(year, month, dayOfMonth);
    fc.assert(
      fc.property(
        fc.integer({ min: day(2023, 1, 1), max: day(2025, 6, 30) }),
        fc.integer({ min: -20, max: 80 }),
        fc.integer({ min: 0, max: 60 }),
        (known, startOffset, length) => {
          const knownOn = legalDateFromDayNumber(known);
          const startedOn = legalDateFromDayNumber(known + startOffset);
          const endedOn = legalDateFromDayNumber(known + startOffset + length);
          const far = legalDateFromDayNumber(known + 400);
          const plain = check(knownOn, { knownOn });
          const paused = check(knownOn, {
            knownOn,
            limitationObstacle: { startedOn, endedOn, reason: 'x' },
          });
          const plainDue = dayNumberOf(plain.limitationDueOn ?? far);
          const pausedDue = dayNumberOf(paused.limitationDueOn ?? far);
          const start = known + startOffset;
          const end = start + length;
          expect(pausedDue).toBeGreaterThanOrEqual(plainDue);
          if (end <= known || start > plainDue) {
            // Over before counting began, or after the period had run out: nothing moves.
            expect(pausedDue).toBe(plainDue);
          } else {
            // Days 1… before the obstacle count, its days do not, counting goes on after it.
            const firstStopped = Math.max(start, known + 1);
            const adjusted = Math.max(known + 60 + (end + 1 - firstStopped), end + 1);
            expect(pausedDue).toBe(calendar.firstWorkingDayOnOrAfter(adjusted));
            // Never later than restarting the 60 days after the obstacle would give.
            expect(pausedDue).toBeLessThanOrEqual(calendar.firstWorkingDayOnOrAfter(end + 60));
          }
        },
      ),
    );
  });
});
