import type { LegalDate } from '../calendar/legal-date.value';
import { userCommandsAllowed } from './allowed-commands.rule';
import type { CaseFacts, CaseStatus, Decision } from './reconsideration-case.types';
import type { ReconsiderationRule } from './rule-catalogue';

export type RefusedDecision = Extract<Decision, { readonly ok: false }>;
export type AcceptedDecision = Extract<Decision, { readonly ok: true }>;

/** The statute the reconsideration rules cite. */
export const RECONSIDERATION_LAW = '行政复议法';

/** Text that says something (a reason, a name), not empty or blank. */
export const nonBlank = (text: string | undefined | null): text is string =>
  typeof text === 'string' && text.trim() !== '';

/** `行政复议法 第…条…` */
export function articleOf(article: string): string {
  return `${RECONSIDERATION_LAW} ${article}`;
}

/** 409: the command is not allowed from the current status; lists what users may do instead. */
export function illegalTransition(status: CaseStatus): RefusedDecision {
  return {
    ok: false,
    refusal: { kind: 'illegal_transition', status, allowed: userCommandsAllowed(status) },
  };
}

/** 403 (a role rule) or 422 (a rule of time or law), naming the rule and its article. */
export function refuse(
  httpStatus: 403 | 422,
  rule: ReconsiderationRule,
  basis: string,
  detail: string,
): RefusedDecision {
  return { ok: false, refusal: { kind: 'rule', httpStatus, rule, basis, detail } };
}

/** The command is allowed: the fields to write (always with the status) and the one event. */
export function succeed(
  status: CaseStatus,
  changes: Partial<CaseFacts>,
  event: { type: string; occurredOn: LegalDate | null; payload: Record<string, unknown> },
): AcceptedDecision {
  return { ok: true, changes: { ...changes, status }, event };
}
