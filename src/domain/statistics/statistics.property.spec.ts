import fc from 'fast-check';
import { DEFAULT_CORRECTION_OUTCOMES, DECISION_OUTCOMES } from '../reconsideration/closure.rule';
import { caseHistoryArbitrary, historiesArbitrary } from './case-history.fixture';
import { computeDrift } from './drift.rule';
import { concludedOf, sumTallies } from './reconsideration-tally';
import { reconsiderationFigures } from './statistics-report';
import { monthPeriod, monthsOf, yearPeriod } from './statistics-period.value';
import { tallyCases } from './tally-cases.rule';

const SETS = {
  correctionOutcomes: DEFAULT_CORRECTION_OUTCOMES,
  decisionOutcomes: DECISION_OUTCOMES,
};
const CONFIG = { ...SETS, losingDispositions: [] };
const YEAR = yearPeriod(2024);
const MONTHS = monthsOf(YEAR);

describe('statistics identities over random case histories', () => {
  it('opening + accepted − concluded = closing, every month, and closing opens the next month', () => {
    fc.assert(
      fc.property(historiesArbitrary, (histories) => {
        const tallies = MONTHS.map((month) => tallyCases(histories, month, SETS));
        tallies.forEach((tally, index) => {
          expect(tally.pendingAtStart + tally.accepted - concludedOf(tally)).toBe(
            tally.pendingAtEnd,
          );
          if (index > 0) expect(tally.pendingAtStart).toBe(tallies[index - 1].pendingAtEnd);
        });
      }),
    );
  });

  it('the months sum to the year, and December’s year-to-date is the year', () => {
    fc.assert(
      fc.property(historiesArbitrary, (histories) => {
        const months = MONTHS.map((month) => tallyCases(histories, month, SETS));
        const year = tallyCases(histories, YEAR, SETS);
        expect(sumTallies(months)).toEqual(year);
        expect(reconsiderationFigures(sumTallies(months), CONFIG)).toEqual(
          reconsiderationFigures(year, CONFIG),
        );
      }),
    );
  });

  it('a month never changes because of a case whose every date is after it', () => {
    fc.assert(
      fc.property(historiesArbitrary, caseHistoryArbitrary, (histories, late) => {
        const month = monthPeriod(2024, 6);
        fc.pre(late.receivedOn > month.to);
        expect(tallyCases([...histories, late], month, SETS)).toEqual(
          tallyCases(histories, month, SETS),
        );
      }),
    );
  });

  it('handled = concluded + rejected + abandoned; rates lie in [0, 1], null only over 0', () => {
    fc.assert(
      fc.property(historiesArbitrary, fc.integer({ min: 1, max: 12 }), (histories, m) => {
        const figures = reconsiderationFigures(
          tallyCases(histories, monthPeriod(2024, m), SETS),
          CONFIG,
        );
        expect(figures.handled).toBe(figures.concluded + figures.rejected + figures.abandoned);
        for (const rate of [
          figures.correctionRate,
          figures.correctionRateOfConcluded,
          figures.mediationWithdrawalRate,
          figures.noFurtherLitigationRate,
        ]) {
          expect(rate.numerator).toBeLessThanOrEqual(rate.denominator);
          if (rate.denominator === 0) expect(rate.value).toBeNull();
          else expect(rate.value).toBeGreaterThanOrEqual(0);
          if (rate.value !== null) expect(rate.value).toBeLessThanOrEqual(1);
        }
        expect(figures.suspendedAtEnd).toBeLessThanOrEqual(figures.pendingAtEnd);
        expect(figures.overdueAtEnd + figures.suspendedAtEnd).toBeLessThanOrEqual(
          figures.pendingAtEnd,
        );
      }),
    );
  });

  it('no drift between equal computations; every changed figure appears once', () => {
    fc.assert(
      fc.property(historiesArbitrary, caseHistoryArbitrary, (histories, extra) => {
        const month = monthPeriod(2024, 6);
        const before = reconsiderationFigures(tallyCases(histories, month, SETS), CONFIG);
        expect(computeDrift(before, before)).toEqual([]);
        const after = reconsiderationFigures(
          tallyCases([...histories, extra], month, SETS),
          CONFIG,
        );
        const drift = computeDrift(before, after);
        expect(new Set(drift.map((entry) => entry.path)).size).toBe(drift.length);
        if (after.received !== before.received) {
          expect(drift).toContainEqual({
            path: 'received',
            frozen: before.received,
            now: after.received,
          });
        }
      }),
    );
  });
});
