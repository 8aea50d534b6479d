import type { LegalCalendar } from '../calendar/legal-calendar.model';
import { compareLegalDates, daysBetween } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import { computeDeadline } from '../deadlines/compute-deadline.rule';
import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
import { officialsArticle } from './litigation-decision.factory';
import type { LitigationDeadlinePlan } from './plan-litigation-deadlines.rule';

/** A court session's life in Fuyi (API.md "Court sessions"). */
export const COURT_SESSION_STATUSES = ['scheduled', 'cancelled', 'held'] as const;
export type CourtSessionStatus = (typeof COURT_SESSION_STATUSES)[number];

/** A court session as its deadlines need it. */
export interface CourtSessionFacts {
  readonly status: CourtSessionStatus;
  /** The session's date in China Standard Time (of `startsAt`). */
  readonly sessionOn: LegalDate;
  /** From the appearance plan: the identity proof filed with the court (第六条第一款). */
  readonly identityProofFiledOn: LegalDate | null;
}

/**
 * The deadlines of one court session: `identity_proof` (负责人出庭应诉规定 第六条第一款: the proof of
 * who appears, filed 开庭前 — at the latest on the session's day). Open while the session is
 * scheduled, with an `if_missed` note (第六条第二款: a proof that cannot be put right in time
 * counts as the head not having appeared); met when the plan records the filing; cancelled with
 * the session, or when it was held without a recorded filing (what happened is then in the
 * appearance record). Stored per session: a case may have several.
 */
export function planSessionDeadlines(session: CourtSessionFacts): LitigationDeadlinePlan {
  const input: DeadlineInput = { kind: 'identity_proof', triggerOn: session.sessionOn };
  const filedOn = session.identityProofFiledOn;
  const empty = { open: [], met: [], late: [], cancelled: [], awaiting: [], notes: [] };
  if (session.status === 'cancelled') return { ...empty, cancelled: [input.kind] };
  if (filedOn !== null) return { ...empty, met: [{ kind: input.kind, on: filedOn, input }] };
  if (session.status === 'held') return { ...empty, cancelled: [input.kind] };
  return {
    ...empty,
    open: [input],
    notes: [
      {
        kind: input.kind,
        state: 'if_missed',
        consequence: 'head_deemed_absent',
        basis: officialsArticle('第六条第二款'),
      },
    ],
  };
}

export interface AppearanceNoticeCheck {
  readonly noticeReceivedOn: LegalDate;
  readonly sessionOn: LegalDate;
  /** Calendar days from the notice to the session (negative: the notice came after it). */
  readonly days: number;
  readonly requiredDays: number;
  /** The earliest session date the notice allows. */
  readonly earliestSessionOn: LegalDate;
  /** Shorter than the 3 days: recorded and flagged, never refused — it is the court's act. */
  readonly shortNotice: boolean;
  readonly basis: string;
  /** The catalogue input (`appearance_notice`), to store the explaining record with the session. */
  readonly input: DeadlineInput;
}

/**
 * 负责人出庭应诉规定 第五条第二款: 应当在开庭三日前送达出庭通知书 — the notice reaches the agency at
 * least 3 calendar days before the session (`noticeReceivedOn + 3 ≤ sessionOn`, the catalogue's
 * `appearance_notice`, a minimum notice that never rolls). A pure check: the flag and the days.
 */
export function checkAppearanceNotice(
  calendar: LegalCalendar,
  session: { readonly noticeReceivedOn: LegalDate; readonly sessionOn: LegalDate },
): AppearanceNoticeCheck {
  const { noticeReceivedOn, sessionOn } = session;
  const input: DeadlineInput = { kind: 'appearance_notice', triggerOn: noticeReceivedOn };
  const record = computeDeadline(calendar, input);
  const earliestSessionOn = record.dueOn as LegalDate;
  return {
    noticeReceivedOn,
    sessionOn,
    days: daysBetween(noticeReceivedOn, sessionOn),
    requiredDays: record.length,
    earliestSessionOn,
    shortNotice: compareLegalDates(sessionOn, earliestSessionOn) < 0,
    basis: record.basis,
    input,
  };
}
