import { DISPOSITIONS } from './litigation-case.types';
import type { Disposition, JudgmentKind, JudgmentResult } from './litigation-case.types';

/*
 * The result of a judgment for the agency (API.md `judgment.result`), derived from its
 * disposition with the configured losing set (DESIGN, "Judgments": the set is configuration,
 * like the correction outcomes).
 *
 * - `lose` (败诉): the disposition is in the losing set.
 * - `partial` (部分败诉): in the losing set, and the court found against the agency on part of
 *   what was sued only — part of the act revoked or changed (行政诉讼法 第七十条 "部分撤销",
 *   第七十七条), or in a co-defendant case one of the two acts only, typically the reconsideration
 *   decision's procedure confirmed illegal while the original act stands (第七十九条; 行诉解释
 *   第一百三十六条). Recorded with `partial: true`; it is a loss and counts as one (LOSING_RESULTS),
 *   shown apart so a report can say 部分败诉.
 * - `win`: the claims or the suit dismissed (第六十九条; 行诉解释 第六十九条).
 * - `withdrawn`: the court allowed the plaintiff to withdraw (第六十二条), including after the
 *   agency changed its act (`withdrawn_after_change`). Not a loss by default: no court found the
 *   act unlawful, and the law invites the agency to correct itself during the suit (第六十二条;
 *   行诉解释 第八十一条). Arguably the agency lost on the merits, so an office that counts it so
 *   puts `withdrawn_after_change` in the losing set: it then derives as `lose`.
 * - `mediated`: 调解 (第六十条).
 * - `other`: anything else, including a default-losing disposition that the configuration
 *   leaves out of the losing set (neither a loss nor a win under that definition).
 */

/** 败诉 by default (DESIGN, "Judgments"). */
export const DEFAULT_LOSING_DISPOSITIONS: readonly Disposition[] = [
  'revoked',
  'revoked_and_redo',
  'changed',
  'confirmed_illegal',
  'confirmed_invalid',
  'ordered_performance',
  'ordered_compensation',
];

/** The claims or the suit dismissed: the agency won, so configuration cannot call them lost. */
export const WINNING_DISPOSITIONS: readonly Disposition[] = ['dismissed_claims', 'dismissed_suit'];

/** The codes a configured losing set may contain. */
export const CONFIGURABLE_LOSING_DISPOSITIONS: readonly Disposition[] = DISPOSITIONS.filter(
  (code) => !WINNING_DISPOSITIONS.includes(code),
);

/** Dispositions that can go against the agency in part (`partial: true`). */
export const PARTIAL_DISPOSITIONS: readonly Disposition[] = DEFAULT_LOSING_DISPOSITIONS;

/** Results counted as lost (败诉) in the loss rate. */
export const LOSING_RESULTS: readonly JudgmentResult[] = ['lose', 'partial'];

export function isLoss(result: JudgmentResult): boolean {
  return LOSING_RESULTS.includes(result);
}

/** The result for the agency of a disposition under a losing set. */
export function deriveJudgmentResult(
  judgment: { readonly disposition: Disposition; readonly partial?: boolean },
  losingDispositions: readonly Disposition[] = DEFAULT_LOSING_DISPOSITIONS,
): JudgmentResult {
  const { disposition } = judgment;
  if (losingDispositions.includes(disposition) && !WINNING_DISPOSITIONS.includes(disposition)) {
    return judgment.partial === true && PARTIAL_DISPOSITIONS.includes(disposition)
      ? 'partial'
      : 'lose';
  }
  switch (disposition) {
    case 'dismissed_claims':
    case 'dismissed_suit':
      return 'win';
    case 'withdrawn':
    case 'withdrawn_after_change':
      return 'withdrawn';
    case 'mediated':
      return 'mediated';
    case 'revoked':
    case 'revoked_and_redo':
    case 'changed':
    case 'confirmed_illegal':
    case 'confirmed_invalid':
    case 'ordered_performance':
    case 'ordered_compensation':
    case 'other':
      return 'other';
  }
}

export type LosingDispositionsResult =
  | { readonly ok: true; readonly value: readonly Disposition[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Validates a configured losing set (e.g. from the environment at boot): every code known, none
 * a winning one, no repeats. The value keeps the codes in DISPOSITIONS order.
 */
export function validateLosingDispositions(codes: readonly string[]): LosingDispositionsResult {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) errors.push(`${code} is listed twice`);
    seen.add(code);
    if (!(DISPOSITIONS as readonly string[]).includes(code)) {
      errors.push(`${code} is not a disposition; known: ${DISPOSITIONS.join(', ')}`);
    } else if ((WINNING_DISPOSITIONS as readonly string[]).includes(code)) {
      errors.push(`${code} dismisses the plaintiff's claims or suit: the agency won`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: DISPOSITIONS.filter((code) => seen.has(code)) };
}

/**
 * The instruments a disposition comes in, and the article that says so: decisions on the merits
 * are judgments (判决, 行政诉讼法 第六十九条–第七十八条); dismissing the suit and allowing withdrawal
 * are rulings (裁定, 行诉解释 第一百零一条第一款第二项、第十项); a mediation is a 调解书 (第六十条).
 * What the appeal window is (15 or 10 days, 第八十五条) follows from it.
 */
export const DISPOSITION_INSTRUMENTS: Readonly<
  Record<Disposition, { readonly kinds: readonly JudgmentKind[]; readonly basis: string }>
> = {
  dismissed_claims: { kinds: ['judgment'], basis: '行政诉讼法 第六十九条' },
  dismissed_suit: { kinds: ['ruling'], basis: '行诉解释 第六十九条、第一百零一条第一款第二项' },
  revoked: { kinds: ['judgment'], basis: '行政诉讼法 第七十条' },
  revoked_and_redo: { kinds: ['judgment'], basis: '行政诉讼法 第七十条' },
  changed: { kinds: ['judgment'], basis: '行政诉讼法 第七十七条' },
  confirmed_illegal: { kinds: ['judgment'], basis: '行政诉讼法 第七十四条' },
  confirmed_invalid: { kinds: ['judgment'], basis: '行政诉讼法 第七十五条' },
  ordered_performance: { kinds: ['judgment'], basis: '行政诉讼法 第七十二条、第七十三条' },
  ordered_compensation: { kinds: ['judgment'], basis: '行政诉讼法 第七十六条、第七十八条' },
  withdrawn: {
    kinds: ['ruling'],
    basis: '行政诉讼法 第六十二条; 行诉解释 第一百零一条第一款第十项',
  },
  withdrawn_after_change: {
    kinds: ['ruling'],
    basis: '行政诉讼法 第六十二条; 行诉解释 第一百零一条第一款第十项',
  },
  mediated: { kinds: ['mediation'], basis: '行政诉讼法 第六十条' },
  other: { kinds: ['judgment', 'ruling'], basis: '行政诉讼法 第八十五条' },
};
