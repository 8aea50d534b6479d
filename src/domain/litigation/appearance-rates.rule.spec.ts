import fc from 'fast-check';
import { computeAppearanceRates, rate } from './appearance-rates.rule';
import type { AppearanceFact } from './appearance-rates.rule';
import { APPEARANCE_CLASSIFICATIONS } from './court-appearance.rule';
import { d } from './litigation-facts.fixture';

const fact = (
  overrides: Partial<AppearanceFact> & Pick<AppearanceFact, 'caseId'>,
): AppearanceFact => ({
  instance: 'first',
  defendantId: 'D1',
  sessionId: null,
  heldOn: null,
  headSummonRequired: false,
  headSummoned: false,
  classification: null,
  officialRank: null,
  spokeOnMerits: null,
  absenceReason: null,
  ...overrides,
});

/*
 * The hand-counted set, period 2024-01-01 … 2024-06-30:
 * - A (first instance, D1): two sessions — S1 03-05 staff only, no reason; S2 04-10 the principal
 *   head appeared, summoned, spoke on the merits.
 * - B (first instance, co-defendants D1 and D2, a 第四条 case): S3 03-20 — D1's deputy appeared
 *   without speaking on the merits; D2 absent for an irreplaceable duty, excused.
 * - C (D3): S4 05-06, a lawyer alone.
 * - D (D1): no session at all.
 * - E (second instance of another case, D1): S5 06-01, head summoned, nobody came.
 * - F (D2): S6 cancelled (never held).
 * - G (D3): S7 held 2024-12-30, outside the period: the principal head appeared.
 * - H (D4): S8 held 02-01, no appearance record yet.
 *
 * Case-instances with a session held in the period: A, B, C, E, H = 5.
 * (a) qualifying appearance at one of them: A, B = 2 → 2/5.
 * (b) summoned: A (S2), B (第四条), E (S5) = 3; of them appeared A, B → 2/3.
 * (c) (case-instance, defendant) pairs held: A-D1, B-D1, B-D2, C-D3, E-D1, H-D4 = 6; appeared
 *     A-D1, B-D1 → 2/6.
 * principal head: A → 1/5. Spoke on the merits: A of the appeared A, B → 1/2.
 * Absences by reason (records without a qualifying appearance): S1 none, S3-D2
 * irreplaceable_duty, S4 none, S5 none → none 3, irreplaceable_duty 1.
 */
const FACTS: AppearanceFact[] = [
  fact({
    caseId: 'A',
    sessionId: 'S1',
    heldOn: d('2024-03-05'),
    classification: 'staff_only_no_reason',
  }),
  fact({
    caseId: 'A',
    sessionId: 'S2',
    heldOn: d('2024-04-10'),
    headSummoned: true,
    classification: 'qualifying_appearance',
    officialRank: 'principal',
    spokeOnMerits: true,
  }),
  fact({
    caseId: 'B',
    sessionId: 'S3',
    heldOn: d('2024-03-20'),
    headSummonRequired: true,
    classification: 'qualifying_appearance',
    officialRank: 'deputy',
    spokeOnMerits: false,
  }),
  fact({
    caseId: 'B',
    defendantId: 'D2',
    sessionId: 'S3',
    heldOn: d('2024-03-20'),
    headSummonRequired: true,
    classification: 'excused_absence',
    absenceReason: 'irreplaceable_duty',
  }),
  fact({
    caseId: 'C',
    defendantId: 'D3',
    sessionId: 'S4',
    heldOn: d('2024-05-06'),
    classification: 'lawyer_only',
  }),
  fact({ caseId: 'D' }),
  fact({
    caseId: 'E',
    instance: 'second',
    sessionId: 'S5',
    heldOn: d('2024-06-01'),
    headSummoned: true,
    classification: 'nobody',
  }),
  fact({ caseId: 'F', defendantId: 'D2', sessionId: 'S6' }),
  fact({
    caseId: 'G',
    defendantId: 'D3',
    sessionId: 'S7',
    heldOn: d('2024-12-30'),
    classification: 'qualifying_appearance',
    officialRank: 'principal',
    spokeOnMerits: true,
  }),
  fact({ caseId: 'H', defendantId: 'D4', sessionId: 'S8', heldOn: d('2024-02-01') }),
];

const FIRST_HALF = { from: d('2024-01-01'), to: d('2024-06-30') };

describe('computeAppearanceRates over the hand-counted set', () => {
  const rates = computeAppearanceRates(FACTS, FIRST_HALF);

  it.each([
    ['per_case_instance', 2, 5],
    ['per_summoned_case_instance', 2, 3],
    ['per_defendant_case_instance', 2, 6],
  ])('variant %s is %i / %i', (name, numerator, denominator) => {
    expect(rates.variants.find((variant) => variant.name === name)).toMatchObject({
      numerator,
      denominator,
      value: numerator / denominator,
      definition: expect.any(String),
    });
  });

  it('gives the principal-head rate over the denominator of (a), and the spoke-on-merits rate over appearances', () => {
    expect(rates.principalHeadRate).toMatchObject({ numerator: 1, denominator: 5, value: 0.2 });
    expect(rates.spokeOnMeritsRate).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('counts absences by reason and records by classification', () => {
    expect(rates.absencesByReason).toEqual({
      force_majeure: 0,
      accident: 0,
      irreplaceable_duty: 1,
      other_legitimate: 0,
      none: 3,
    });
    expect(rates.byClassification).toEqual({
      qualifying_appearance: 2,
      excused_absence: 1,
      unexcused_absence: 0,
      staff_only_no_reason: 1,
      lawyer_only: 1,
      nobody: 1,
      not_recorded: 1,
    });
  });

  it('takes in the December session without a period', () => {
    const all = computeAppearanceRates(FACTS);
    expect(all.variants[0]).toMatchObject({ numerator: 3, denominator: 6 });
    expect(all.principalHeadRate).toMatchObject({ numerator: 2, denominator: 6 });
    expect(all.spokeOnMeritsRate).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('includes both ends of the period', () => {
    const day = computeAppearanceRates(FACTS, { from: d('2024-04-10'), to: d('2024-04-10') });
    expect(day.variants[0]).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
  });

  it('reports null values when nothing was held', () => {
    const none = computeAppearanceRates(FACTS, { from: d('2024-07-01'), to: d('2024-07-31') });
    for (const variant of [...none.variants, none.principalHeadRate, none.spokeOnMeritsRate]) {
      expect(variant).toMatchObject({ numerator: 0, denominator: 0, value: null });
    }
  });
});

describe('appearance rate invariants', () => {
  const arbitraryFact: fc.Arbitrary<AppearanceFact> = fc.record({
    caseId: fc.constantFrom('A', 'B', 'C', 'D'),
    instance: fc.constantFrom('first' as const, 'second' as const),
    defendantId: fc.constantFrom('D1', 'D2'),
    sessionId: fc.option(fc.constantFrom('S1', 'S2', 'S3'), { nil: null }),
    heldOn: fc.option(fc.constantFrom(d('2024-03-01'), d('2024-09-01')), { nil: null }),
    headSummonRequired: fc.boolean(),
    headSummoned: fc.boolean(),
    classification: fc.option(fc.constantFrom(...APPEARANCE_CLASSIFICATIONS), { nil: null }),
    officialRank: fc.option(fc.constantFrom('principal' as const, 'deputy' as const), {
      nil: null,
    }),
    spokeOnMerits: fc.option(fc.boolean(), { nil: null }),
    absenceReason: fc.option(fc.constantFrom('accident' as const, 'force_majeure' as const), {
      nil: null,
    }),
  });

  it('keeps every numerator within its denominator and the bases consistent', () => {
    fc.assert(
      fc.property(fc.array(arbitraryFact, { maxLength: 20 }), (facts) => {
        const rates = computeAppearanceRates(facts);
        const [a, b, c] = rates.variants;
        for (const r of [a, b, c, rates.principalHeadRate, rates.spokeOnMeritsRate]) {
          expect(r.numerator).toBeLessThanOrEqual(r.denominator);
          expect(r.value).toBe(r.denominator === 0 ? null : r.numerator / r.denominator);
        }
        expect(b.denominator).toBeLessThanOrEqual(a.denominator);
        expect(c.denominator).toBeGreaterThanOrEqual(a.denominator);
        expect(c.numerator).toBeGreaterThanOrEqual(a.numerator);
        expect(rates.principalHeadRate.denominator).toBe(a.denominator);
        expect(rates.spokeOnMeritsRate.denominator).toBe(a.numerator);
        const records = Object.values(rates.byClassification).reduce((x, y) => x + y, 0);
        const absences = Object.values(rates.absencesByReason).reduce((x, y) => x + y, 0);
        expect(absences).toBe(
          records -
            rates.byClassification.qualifying_appearance -
            rates.byClassification.not_recorded,
        );
      }),
    );
  });
});

describe('rate', () => {
  it('is null over an empty base and unrounded otherwise', () => {
    expect(rate('x', 'def', 0, 0).value).toBeNull();
    expect(rate('x', 'def', 1, 3).value).toBe(1 / 3);
  });
});
