import type { LegalDate } from '../calendar/legal-date.value';
import { checkDateOrder } from '../reconsideration/case-date-order.rule';
import type { DateOrder } from '../reconsideration/case-date-order.rule';
import { litigationCommandsAllowed } from './litigation-allowed-commands.rule';
import type {
  LitigationDecision,
  LitigationFacts,
  LitigationRefusal,
  LitigationStatus,
} from './litigation-case.types';

export type RefusedLitigationDecision = Extract<LitigationDecision, { readonly ok: false }>;
/** A 422 refusal by a rule, usable wherever a litigation decision is refused. */
export interface RuleRefusedDecision {
  readonly ok: false;
  readonly refusal: Extract<LitigationRefusal, { readonly kind: 'rule' }>;
}
export type AcceptedLitigationDecision = Extract<LitigationDecision, { readonly ok: true }>;

/** The instruments litigation rules cite (texts in /work/shared/law/). */
export const LITIGATION_LAW = '行政诉讼法';
/** 最高人民法院关于适用《中华人民共和国行政诉讼法》的解释 (法释〔2018〕1号). */
export const LITIGATION_INTERPRETATION = '行诉解释';
/** 最高人民法院关于行政机关负责人出庭应诉若干问题的规定 (法释〔2020〕3号). */
export const OFFICIALS_IN_COURT = '负责人出庭应诉规定';

/** `行政诉讼法 第…条…` */
export const litigationArticle = (article: string): string => `${LITIGATION_LAW} ${article}`;
/** `行诉解释 第…条…` */
export const interpretationArticle = (article: string): string =>
  `${LITIGATION_INTERPRETATION} ${article}`;
/** `负责人出庭应诉规定 第…条…` */
export const officialsArticle = (article: string): string => `${OFFICIALS_IN_COURT} ${article}`;

/** 409: the command is not allowed from the current status; lists what is. */
export function illegalLitigationTransition(status: LitigationStatus): RefusedLitigationDecision {
  return {
    ok: false,
    refusal: { kind: 'illegal_transition', status, allowed: litigationCommandsAllowed(status) },
  };
}

/** 422: a rule of time or law refused the command, naming the rule and its article. */
export function refuseLitigation(rule: string, basis: string, detail: string): RuleRefusedDecision {
  return { ok: false, refusal: { kind: 'rule', httpStatus: 422, rule, basis, detail } };
}

/** The command is allowed: the fields to write (always with the status) and the one event. */
export function acceptLitigation(
  status: LitigationStatus,
  changes: Partial<LitigationFacts>,
  event: { type: string; occurredOn: LegalDate | null; payload: Record<string, unknown> },
): AcceptedLitigationDecision {
  return { ok: true, changes: { ...changes, status }, event };
}

/**
 * 422 `dates_out_of_order` for the first act recorded before the act it presupposes (the same
 * rule as for reconsideration cases, case-date-order.rule.ts).
 */
export function checkLitigationDateOrder(
  basis: string,
  orders: readonly DateOrder[],
): RuleRefusedDecision | null {
  const refused = checkDateOrder(basis, orders);
  if (refused === null || refused.refusal.kind !== 'rule') return null;
  return refuseLitigation(refused.refusal.rule, refused.refusal.basis, refused.refusal.detail);
}

/** The act most litigation dates presuppose (行政诉讼法 第六十七条第一款). */
export const COMPLAINT_RECEIPT = "the agency's receipt of the complaint copy";

/** One act `[what, on]` not before the act it presupposes `[earlier, on]` (null: not recorded). */
export function checkNotBefore(
  basis: string,
  [what, on]: readonly [string, LegalDate],
  [earlier, notBefore]: readonly [string, LegalDate | null],
): RuleRefusedDecision | null {
  return checkLitigationDateOrder(basis, [{ what, on, earlier, notBefore }]);
}

export const nonBlank = (text: string | undefined | null): text is string =>
  typeof text === 'string' && text.trim() !== '';
