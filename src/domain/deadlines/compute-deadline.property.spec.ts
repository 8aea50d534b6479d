import fc from 'fast-check';
import { LegalCalendar } from '../calendar/legal-calendar.model';
import {
  dayNumberFromParts,
  dayNumberOf,
  legalDateFromDayNumber,
} from '../calendar/legal-date.value';
import { TEST_CALENDAR_DATA } from '../calendar/test-calendar.fixture';
import { computeDeadline } from './compute-deadline.rule';

const calendar = LegalCalendar.fromData(TEST_CALENDAR_DATA);

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
});
