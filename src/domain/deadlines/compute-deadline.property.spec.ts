import fc from 'fast-check';
import { LegalCalendar } from '../calendar/legal-calendar.model';
import {
  dayNumberFromParts,
  dayNumberOf,
  legalDateFromDayNumber,
} from '../calendar/legal-date.value';
import { TEST_CALENDAR_DATA } from '../calendar/test-calendar.fixture';
import { computeDeadline } from './compute-deadline.rule';
import type { DeadlineInput } from './compute-deadline.rule';

const calendar = LegalCalendar.fromData(TEST_CALENDAR_DATA);

/** For a due date that must exist: no period here is paused. */
const fail = (): never => {
  throw new Error('expected a due date');
};

describe('computeDeadline properties', () => {
  it('the due date is the first working day on or after raw + suspended + extended days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberFromParts(2023, 1, 1), max: dayNumberFromParts(2025, 12, 31) }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 120 }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        (accepted, suspendAfter, suspendedFor, extension) => {
          const from = accepted + suspendAfter;
          const record = computeDeadline(calendar, {
            kind: 'decision',
            procedure: 'ordinary',
            triggerOn: legalDateFromDayNumber(accepted),
            ledger: {
              suspensions: [
                {
                  from: legalDateFromDayNumber(from),
                  to: legalDateFromDayNumber(from + suspendedFor),
                },
              ],
              extensions:
                extension === undefined
                  ? []
                  : [{ days: extension, approvedOn: legalDateFromDayNumber(accepted + 1) }],
            },
          });
          const adjusted = accepted + 60 + suspendedFor + (extension ?? 0);
          expect(dayNumberOf(record.rawDueOn)).toBe(accepted + 60);
          expect(record.adjustedDueOn).toBe(legalDateFromDayNumber(adjusted));
          expect(record.dueOn).not.toBeNull();
          const due = dayNumberOf(record.dueOn ?? record.rawDueOn);
          expect(calendar.isWorkingDayNumber(due)).toBe(true);
          for (let day = adjusted; day < due; day++) {
            expect(calendar.isWorkingDayNumber(day)).toBe(false);
          }
          expect(record.rolledForward).toBe(due !== adjusted);
        },
      ),
    );
  });

  // 行政复议法 第三十九条 (decision), 第二十条第二款 (application): a stop keeps the remaining time
  // of a running period and revives nothing once it has passed.
  const kinds: readonly Pick<DeadlineInput, 'kind' | 'procedure'>[] = [
    { kind: 'decision', procedure: 'ordinary' },
    { kind: 'decision', procedure: 'simplified' },
    { kind: 'application_limitation' },
  ];
  const trigger = fc.integer({
    min: dayNumberFromParts(2023, 1, 1),
    max: dayNumberFromParts(2025, 9, 30),
  });

  it('never ends before the resumption when the suspension began on or before the due date', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        trigger,
        fc.integer({ min: 0, max: 75 }),
        fc.integer({ min: 0, max: 90 }),
        (kind, triggerDay, offset, length) => {
          const base = { ...kind, triggerOn: legalDateFromDayNumber(triggerDay) };
          const due = dayNumberOf(computeDeadline(calendar, base).dueOn ?? fail());
          const from = triggerDay + offset;
          fc.pre(from <= due);
          const to = from + length;
          const record = computeDeadline(calendar, {
            ...base,
            ledger: {
              suspensions: [{ from: legalDateFromDayNumber(from), to: legalDateFromDayNumber(to) }],
            },
          });
          const suspendedDue = dayNumberOf(record.dueOn ?? fail());
          expect(suspendedDue).toBeGreaterThanOrEqual(to);
          expect(suspendedDue).toBeGreaterThanOrEqual(due);
          // Time before the suspension counts: never more than the suspended days beyond the
          // old last day, unless the resumption itself is later.
          expect(dayNumberOf(record.adjustedDueOn ?? fail())).toBe(
            Math.max(dayNumberOf(record.rawDueOn) + length, to),
          );
        },
      ),
    );
  });

  it('never changes the due date with a suspension or an extension after it passed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        trigger,
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
        fc.boolean(),
        (kind, triggerDay, after, length, extension) => {
          const base = { ...kind, triggerOn: legalDateFromDayNumber(triggerDay) };
          const expired = computeDeadline(calendar, base);
          const start = dayNumberOf(expired.dueOn ?? fail()) + after;
          const on = legalDateFromDayNumber(start);
          const ledger =
            extension && kind.procedure === 'ordinary'
              ? { extensions: [{ days: 30, approvedOn: on }] }
              : {
                  suspensions: [
                    {
                      from: on,
                      to: length === null ? null : legalDateFromDayNumber(start + length),
                    },
                  ],
                };
          const record = computeDeadline(calendar, { ...base, ledger });
          expect(record).toMatchObject({ dueOn: expired.dueOn, paused: false });
          expect(record.adjustments[0]).toMatchObject({ afterDue: true, addedDays: 0 });
        },
      ),
    );
  });
});
