import {
  CONFIGURABLE_LOSING_DISPOSITIONS,
  DEFAULT_LOSING_DISPOSITIONS,
  deriveJudgmentResult,
  DISPOSITION_INSTRUMENTS,
  isLoss,
  PARTIAL_DISPOSITIONS,
  validateLosingDispositions,
} from './judgment-result.rule';
import { DISPOSITIONS, JUDGMENT_RESULTS } from './litigation-case.types';
import type { Disposition, JudgmentResult } from './litigation-case.types';

describe('deriveJudgmentResult with the default losing set', () => {
  it.each<[Disposition, JudgmentResult, JudgmentResult]>([
    // disposition, result, result with partial: true
    ['dismissed_claims', 'win', 'win'],
    ['dismissed_suit', 'win', 'win'],
    ['revoked', 'lose', 'partial'],
    ['revoked_and_redo', 'lose', 'partial'],
    ['changed', 'lose', 'partial'],
    ['confirmed_illegal', 'lose', 'partial'],
    ['confirmed_invalid', 'lose', 'partial'],
    ['ordered_performance', 'lose', 'partial'],
    ['ordered_compensation', 'lose', 'partial'],
    ['withdrawn', 'withdrawn', 'withdrawn'],
    ['withdrawn_after_change', 'withdrawn', 'withdrawn'],
    ['mediated', 'mediated', 'mediated'],
    ['other', 'other', 'other'],
  ])('%s → %s (partial: %s)', (disposition, result, partialResult) => {
    expect(deriveJudgmentResult({ disposition })).toBe(result);
    expect(deriveJudgmentResult({ disposition, partial: false })).toBe(result);
    expect(deriveJudgmentResult({ disposition, partial: true })).toBe(partialResult);
  });

  it('covers every disposition with a known result', () => {
    for (const disposition of DISPOSITIONS) {
      expect(JUDGMENT_RESULTS).toContain(deriveJudgmentResult({ disposition }));
    }
  });
});

describe('deriveJudgmentResult with a configured losing set', () => {
  it('counts withdrawal after the agency changed its act as lost when configured so', () => {
    const losing: Disposition[] = [...DEFAULT_LOSING_DISPOSITIONS, 'withdrawn_after_change'];
    expect(deriveJudgmentResult({ disposition: 'withdrawn_after_change' }, losing)).toBe('lose');
    // partial applies only to dispositions that can go against the agency in part
    expect(
      deriveJudgmentResult({ disposition: 'withdrawn_after_change', partial: true }, losing),
    ).toBe('lose');
    expect(deriveJudgmentResult({ disposition: 'withdrawn' }, losing)).toBe('withdrawn');
  });

  it('derives other for a default-losing disposition the configuration leaves out', () => {
    const losing = DEFAULT_LOSING_DISPOSITIONS.filter((code) => code !== 'confirmed_illegal');
    expect(deriveJudgmentResult({ disposition: 'confirmed_illegal' }, losing)).toBe('other');
    expect(deriveJudgmentResult({ disposition: 'confirmed_illegal', partial: true }, losing)).toBe(
      'other',
    );
    expect(deriveJudgmentResult({ disposition: 'revoked' }, losing)).toBe('lose');
  });

  it('never derives a loss from a dismissal, whatever the set says', () => {
    const losing: Disposition[] = ['dismissed_claims', 'dismissed_suit'];
    expect(deriveJudgmentResult({ disposition: 'dismissed_claims' }, losing)).toBe('win');
    expect(deriveJudgmentResult({ disposition: 'dismissed_suit' }, losing)).toBe('win');
  });
});

describe('isLoss', () => {
  it.each<[JudgmentResult, boolean]>([
    ['win', false],
    ['lose', true],
    ['partial', true],
    ['withdrawn', false],
    ['mediated', false],
    ['other', false],
  ])('%s counts as lost: %s', (result, lost) => {
    expect(isLoss(result)).toBe(lost);
  });
});

describe('validateLosingDispositions', () => {
  it('accepts the default set and returns it in disposition order', () => {
    expect(validateLosingDispositions([...DEFAULT_LOSING_DISPOSITIONS].reverse())).toEqual({
      ok: true,
      value: DEFAULT_LOSING_DISPOSITIONS,
    });
  });

  it('accepts every configurable code and an empty set', () => {
    expect(validateLosingDispositions(CONFIGURABLE_LOSING_DISPOSITIONS)).toMatchObject({
      ok: true,
    });
    expect(validateLosingDispositions([])).toEqual({ ok: true, value: [] });
  });

  it('names unknown codes, winning codes and repeats', () => {
    const result = validateLosingDispositions(['revoked', 'revoked', 'lost', 'dismissed_claims']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'revoked is listed twice',
      expect.stringContaining('lost is not a disposition'),
      expect.stringContaining('dismissed_claims dismisses'),
    ]);
  });
});

describe('dispositions and their instruments', () => {
  it('lets a partial loss be only a disposition that loses by default', () => {
    expect(PARTIAL_DISPOSITIONS).toEqual(DEFAULT_LOSING_DISPOSITIONS);
  });

  it.each(DISPOSITIONS.map((code) => [code, DISPOSITION_INSTRUMENTS[code]] as const))(
    '%s comes as %j',
    (code, { kinds, basis }) => {
      expect(kinds.length).toBeGreaterThan(0);
      expect(basis).toMatch(/^(行政诉讼法|行诉解释) 第/);
      expect(kinds.includes('mediation')).toBe(code === 'mediated');
    },
  );
});
