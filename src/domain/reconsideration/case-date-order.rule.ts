import { compareLegalDates } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import { refuse } from './case-decision.factory';
import type { RefusedDecision } from './case-decision.factory';
import type { CaseFacts } from './reconsideration-case.types';

/** `on` (what) may not be before `notBefore` (earlier). A null `notBefore` means "not recorded". */
export interface DateOrder {
  readonly what: string;
  readonly on: LegalDate | null;
  readonly earlier: string;
  readonly notBefore: LegalDate | null;
  /** When true, a missing `notBefore` is itself out of order (the earlier act must exist). */
  readonly required?: boolean;
}

/**
 * 422 `dates_out_of_order` for the first pair in the wrong order: an act recorded before the act
 * it presupposes (acceptance before receipt, reply before the copy, service before the
 * conclusion …). `basis` is the article that orders the two acts.
 */
export function checkDateOrder(
  basis: string,
  orders: readonly DateOrder[],
): RefusedDecision | null {
  for (const { what, on, earlier, notBefore, required } of orders) {
    if (on === null) continue;
    if (notBefore === null) {
      if (required === true) {
        return refuse(
          422,
          'dates_out_of_order',
          basis,
          `${what} on ${on} presupposes ${earlier}, which is not recorded`,
        );
      }
      continue;
    }
    if (compareLegalDates(on, notBefore) < 0) {
      return refuse(
        422,
        'dates_out_of_order',
        basis,
        `${what} on ${on} cannot be before ${earlier} on ${notBefore}`,
      );
    }
  }
  return null;
}

/** The latest resumption of a closed suspension (null: never suspended). */
export function lastResumedOn(facts: CaseFacts): LegalDate | null {
  let last: LegalDate | null = null;
  for (const { resumedOn } of facts.suspensions) {
    if (last === null || compareLegalDates(resumedOn, last) > 0) last = resumedOn;
  }
  return last;
}
