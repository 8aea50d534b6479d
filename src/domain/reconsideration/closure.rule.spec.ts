import { DECISION_OUTCOMES, DEFAULT_CORRECTION_OUTCOMES, isCorrection } from './closure.rule';
import { OUTCOMES } from './reconsideration-case.types';

describe('closure rules', () => {
  it('counts the national correction set as corrections by default', () => {
    expect(
      DEFAULT_CORRECTION_OUTCOMES.filter((o) => isCorrection(o, DEFAULT_CORRECTION_OUTCOMES)),
    ).toHaveLength(5);
    expect(isCorrection('uphold', DEFAULT_CORRECTION_OUTCOMES)).toBe(false);
    expect(isCorrection('mediation', DEFAULT_CORRECTION_OUTCOMES)).toBe(false);
    expect(isCorrection(null, DEFAULT_CORRECTION_OUTCOMES)).toBe(false);
  });

  it('follows a body’s own set', () => {
    expect(isCorrection('confirm_invalid', ['revoke', 'change'])).toBe(false);
    expect(isCorrection('revoke', ['revoke', 'change'])).toBe(true);
  });

  it('configures only decision outcomes, all of them outcomes of the machine', () => {
    expect(DECISION_OUTCOMES.every((outcome) => OUTCOMES.includes(outcome))).toBe(true);
    expect(DECISION_OUTCOMES).not.toContain('mediation');
    expect(DECISION_OUTCOMES).not.toContain('terminated');
  });
});
