import type { LegalDate } from '../calendar/legal-date.value';
import type { Procedure } from '../deadlines/deadline-definition.type';
import type { ReconsiderationRule } from './rule-catalogue';

/** Lifecycle states of a reconsideration case (DESIGN, "Reconsideration case lifecycle"). */
export const CASE_STATUSES = [
  'received',
  'correction_requested',
  'under_review',
  'suspended',
  'concluded',
  'served',
  'archived',
  'rejected',
  'abandoned',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CHANNELS = ['in_person', 'mail', 'online', 'fax', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 行政复议法 第六十三条–第六十九条 decisions, and the other ways a case ends. */
export const OUTCOMES = [
  'change', // 变更 第六十三条
  'revoke', // 撤销 第六十四条
  'confirm_illegal', // 确认违法 第六十五条
  'order_performance', // 责令履行 第六十六条
  'confirm_invalid', // 确认无效 第六十七条
  'uphold', // 维持 第六十八条
  'dismiss_request', // 驳回复议请求 第六十九条
  'dismiss_application', // 驳回复议申请 第三十三条
  'mediation', // 调解 第七十三条
  'terminated', // 终止 第四十一条
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** 行政复议法 第三十九条第一款 (一)–(十). */
export const SUSPENSION_GROUNDS = [
  'applicant_died', // (一)
  'applicant_incapacitated', // (二)
  'applicant_missing', // (三)
  'organization_terminated', // (四)
  'force_majeure', // (五)
  'mediation_agreed', // (六)
  'interpretation_needed', // (七)
  'awaiting_other_case', // (八)
  'related_review_pending', // (九) 依照本法规定进行规范性文件附带审查
  'other', // (十) 需要中止的其他情形
] as const;
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];

/** 行政复议法 第四十一条 (一)–(五). */
export const TERMINATION_REASONS = [
  'withdrawn', // (一) 撤回
  'applicant_died_no_successor', // (二)
  'organization_ended_no_successor', // (三)
  'criminal_measures', // (四)
  'suspension_unresolved', // (五) 中止满六十日
] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

export const OPINION_HEARING_METHODS = ['in_person', 'online', 'phone'] as const;
export type OpinionHearingMethod = (typeof OPINION_HEARING_METHODS)[number];

export type AcceptedHow = 'decided' | 'deemed';

/**
 * 行政复议法 第二十条第二款: force majeure or another justified obstacle (不可抗力或者其他正当理由)
 * kept the applicant from applying. The days from `startedOn` (the first day it prevented the
 * application) to `endedOn` (障碍消除之日) are not counted; the 60 days continue after it.
 */
export interface LimitationObstacle {
  readonly startedOn: LegalDate;
  readonly endedOn: LegalDate;
  readonly reason: string;
}

/** 行政复议法 第三十一条第二款: an extension of the correction period (延长合理的补正期限). */
export interface CorrectionExtension {
  readonly approvedOn: LegalDate;
  /** Working days added to the period (第八十八条第二款: the extended period is the same period). */
  readonly days: number;
  readonly reason: string;
  readonly approvedBy: string | null;
}

export interface ClosedSuspension {
  readonly suspendedOn: LegalDate;
  readonly resumedOn: LegalDate;
  readonly ground: SuspensionGround;
}

/**
 * Everything the pure machine needs to decide a command: the case's current state and the legal
 * facts recorded so far. The service loads it (row-locked), the machine decides, the service
 * writes `changes` back.
 */
export interface CaseFacts {
  readonly status: CaseStatus;
  readonly procedure: Procedure;
  /** 重大、疑难、复杂 (第五十条): conclusion needs a held hearing. */
  readonly major: boolean;
  readonly channel: Channel;
  /** When the applicant knew or should have known the act (第二十条). */
  readonly knownOn: LegalDate;
  readonly receivedOn: LegalDate;
  /** For mail: the postmark date is the filing date (time in the post is not counted). */
  readonly postmarkedOn: LegalDate | null;
  /** The date of the contested act, for the 5/20-year caps (第二十一条). */
  readonly actOn: LegalDate | null;
  /** The act concerns real estate (不动产): 20-year cap instead of 5 (第二十一条). */
  readonly realEstate: boolean;
  /** The agency did not tell the applicant of the right to apply (第二十条第三款): 1-year cap. */
  readonly remedyRightsNotTold: boolean;
  /**
   * When remedy rights were not told (第二十条第三款): the day the applicant knew or should have
   * known the right to apply, the body and the period — the 60 days run from it. Ignored unless
   * `remedyRightsNotTold`; null when not known (then only the one-year cap applies).
   */
  readonly remedyRightsLearnedOn: LegalDate | null;
  /** A justified obstacle (第二十条第二款): the period pauses for it and continues after it. */
  readonly limitationObstacle: LimitationObstacle | null;
  readonly handlerId: string | null;

  /** The start of the running acceptance review: receipt, or receipt of corrected materials. */
  readonly reviewStartOn: LegalDate;
  readonly correctionNoticeOn: LegalDate | null;
  readonly correctionItems: readonly string[];
  /** The applicant's receipt of the notice: the 10 working days run from it (第三十一条第二款). */
  readonly correctionNoticeServedOn: LegalDate | null;
  readonly correctionReceivedOn: LegalDate | null;
  /** Corrected materials sent by mail: the postmark is what counts (time in the post is not). */
  readonly correctionPostmarkedOn: LegalDate | null;
  /** Extensions of the correction period (第三十一条第二款), in the order approved. */
  readonly correctionExtensions: readonly CorrectionExtension[];

  readonly acceptedOn: LegalDate | null;
  readonly acceptedHow: AcceptedHow | null;
  readonly rejectedOn: LegalDate | null;
  readonly abandonedOn: LegalDate | null;

  readonly copySentOn: LegalDate | null;
  readonly respondentReceivedOn: LegalDate | null;
  readonly replyReceivedOn: LegalDate | null;
  /** The respondent's reply sent by mail: the postmark is what counts (DESIGN rule 5). */
  readonly replyPostmarkedOn: LegalDate | null;
  readonly opinionHeardOn: LegalDate | null;
  readonly writtenReviewReason: string | null;
  /** A hearing (听证) has been held on the case (read from the hearings module). */
  readonly hearingHeld: boolean;

  /** The open suspension, if suspended. */
  readonly suspendedOn: LegalDate | null;
  readonly suspensionGround: SuspensionGround | null;
  readonly suspensions: readonly ClosedSuspension[];

  readonly extension: {
    readonly approvedOn: LegalDate;
    readonly days: number;
    readonly reason: string;
    readonly approvedBy: string | null;
  } | null;
  /** The decision deadline in force (null before acceptance or while suspended). */
  readonly decisionDueOn: LegalDate | null;

  readonly concludedOn: LegalDate | null;
  readonly outcome: Outcome | null;
  readonly terminationReason: TerminationReason | null;
  readonly decisionNumber: string | null;
  readonly concludedLate: boolean;
  readonly lateReason: string | null;
  readonly servedOn: LegalDate | null;
  readonly archivedOn: LegalDate | null;
}

/** Commands as in API.md (kebab-case paths map to these snake_case types), plus the sweep's. */
export type CaseCommand =
  | { readonly type: 'assign'; readonly handlerId: string }
  | {
      readonly type: 'request_correction';
      readonly noticeOn: LegalDate;
      readonly items: readonly string[];
    }
  | { readonly type: 'record_correction_notice_served'; readonly servedOn: LegalDate }
  | {
      readonly type: 'receive_correction';
      readonly receivedOn: LegalDate;
      /** Corrected materials sent by mail: the postmark date is what counts for the reply period. */
      readonly postmarkedOn?: LegalDate;
    }
  | {
      readonly type: 'extend_correction_period';
      readonly approvedOn: LegalDate;
      /** Working days to add. */
      readonly days: number;
      readonly reason: string;
    }
  | { readonly type: 'accept'; readonly acceptedOn: LegalDate; readonly procedure?: Procedure }
  | {
      readonly type: 'reject';
      readonly rejectedOn: LegalDate;
      readonly reason: string;
      readonly competentBody?: string;
    }
  | {
      readonly type: 'send_copy';
      readonly sentOn: LegalDate;
      readonly respondentReceivedOn?: LegalDate;
    }
  | {
      readonly type: 'record_reply';
      readonly receivedOn: LegalDate;
      /** A reply sent by mail: the postmark date is what counts for its period. */
      readonly postmarkedOn?: LegalDate;
    }
  | {
      readonly type: 'record_opinion_heard';
      readonly heardOn: LegalDate;
      readonly how: OpinionHearingMethod;
    }
  | { readonly type: 'record_written_review'; readonly reason: string }
  | { readonly type: 'suspend'; readonly suspendedOn: LegalDate; readonly ground: SuspensionGround }
  | { readonly type: 'resume'; readonly resumedOn: LegalDate }
  | {
      readonly type: 'extend';
      readonly approvedOn: LegalDate;
      readonly days: number;
      readonly reason: string;
    }
  | { readonly type: 'switch_procedure'; readonly approvedOn: LegalDate }
  | {
      readonly type: 'conclude';
      readonly concludedOn: LegalDate;
      readonly outcome: Outcome;
      readonly terminationReason?: TerminationReason;
      readonly decisionNumber?: string;
      readonly lateReason?: string;
    }
  | { readonly type: 'serve'; readonly servedOn: LegalDate }
  | { readonly type: 'archive'; readonly archivedOn: LegalDate }
  | { readonly type: 'reopen'; readonly reason: string }
  /** The sweep: the 5-working-day review passed with no rejection (第三十条). */
  | { readonly type: 'deem_accept' }
  /** The sweep: the correction period passed with no materials (第三十一条第二款). */
  | { readonly type: 'deem_abandon' };

export type CaseCommandType = CaseCommand['type'];

/** One command variant by its type. */
export type CaseCommandOf<T extends CaseCommandType> = Extract<CaseCommand, { readonly type: T }>;

/** Who decides, and when: time and the calendar come in as data. */
export interface DecisionContext {
  readonly today: LegalDate;
  readonly calendar: import('../calendar/legal-calendar.model').LegalCalendar;
  readonly actorRoles: readonly string[];
  readonly actorId: string | null;
}

/**
 * Why a case's state machine refuses a command: 409 when its status does not allow it (listing
 * what it does), else the rule (`httpStatus` 403 for a role rule, 422 for a rule of time or law)
 * naming its article. Reconsideration and litigation cases refuse alike.
 */
export type CommandRefusal<
  Status extends string,
  CommandType extends string,
  Rule extends string,
  HttpStatus extends 403 | 422,
> =
  | {
      readonly kind: 'illegal_transition';
      readonly status: Status;
      readonly allowed: readonly CommandType[];
    }
  | {
      readonly kind: 'rule';
      readonly httpStatus: HttpStatus;
      readonly rule: Rule;
      readonly basis: string;
      readonly detail: string;
    };

export type Refusal = CommandRefusal<CaseStatus, CaseCommandType, ReconsiderationRule, 403 | 422>;

export interface CaseEventDraft {
  /** e.g. accepted, deemed_accepted, correction_requested, suspended, concluded, reopened. */
  readonly type: string;
  readonly occurredOn: LegalDate | null;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** A state machine's answer to a command: the changes and the event, or the refusal. */
export type CommandDecision<Facts, Refused> =
  | { readonly ok: true; readonly changes: Partial<Facts>; readonly event: CaseEventDraft }
  | { readonly ok: false; readonly refusal: Refused };

export type Decision = CommandDecision<CaseFacts, Refusal>;
