import type { PeriodUnit } from '../calendar/period-unit.type';

/** Every deadline the system computes; one catalogue entry each (see `deadline-catalogue.ts`). */
export const DEADLINE_KINDS = [
  // Reconsideration (行政复议法)
  'application_limitation',
  'acceptance_review',
  'correction_notice',
  'correction_reply',
  'copy_to_respondent',
  'respondent_reply',
  'hearing_notice',
  'decision',
  'suspension_termination',
  'litigation_window',
  // Litigation, the agency as defendant (行政诉讼法)
  'defense_submission',
  'appearance_notice',
  'identity_proof',
  'first_instance_term',
  'appeal_window',
  'second_instance_term',
] as const;

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type DeadlineFamily = 'reconsideration' | 'litigation';

/** Reconsideration procedure (行政复议法 第五十三条) or court procedure (行政诉讼法 第八十二条). */
export type Procedure = 'ordinary' | 'simplified';

/** What a first-instance court issued, for the appeal window (行政诉讼法 第八十五条). */
export type AppealedInstrument = 'judgment' | 'ruling';

/** The period variant a computation used. */
export type PeriodVariant = 'single' | Procedure | AppealedInstrument;

/** The dated event a period counts from (the start day itself is never counted). */
export type TriggerEvent =
  /** The applicant knew or should have known the act (`knownOn`). */
  | 'act_known'
  /** The applicant learnt of their remedy rights, when the agency had not told them. */
  | 'remedy_rights_known'
  /** The applicant learnt of the act's content (for the one-year outer limit). */
  | 'act_content_known'
  /** The act was made (for the 5- and 20-year outer limits). */
  | 'act_made'
  /** The reconsideration body received the application (`receivedOn`). */
  | 'application_received'
  /** The body received the corrected materials: the acceptance review restarts. */
  | 'corrected_materials_received'
  /** The applicant received the correction notice. */
  | 'correction_notice_received'
  /** The application was accepted (by decision, or deemed on the review's last day). */
  | 'application_accepted'
  /** The respondent received the copy of the application. */
  | 'copy_received_by_respondent'
  /** The written hearing notice was served (the hearing may not be earlier than the due date). */
  | 'hearing_notice_served'
  /** A suspension on grounds (1), (2) or (4) of 行政复议法 第三十九条 began. */
  | 'suspension_started'
  /** The applicant was served the reconsideration decision. */
  | 'decision_served'
  /** The decision period passed with no decision. */
  | 'decision_period_expired'
  /** The agency received the copy of the complaint. */
  | 'complaint_copy_received'
  /** The justified cause for late evidence ended (the court allowed later evidence). */
  | 'evidence_obstacle_removed'
  /** The court served the notice to the agency's head to appear (the session not earlier). */
  | 'appearance_notice_served'
  /** A court session (开庭), a date ahead: the act is due before it. */
  | 'court_session'
  /** The court filed the case (立案). */
  | 'case_filed'
  /** The first-instance judgment or ruling was served. */
  | 'first_instance_decision_served'
  /** The appeal court received the appeal. */
  | 'appeal_received';

/** A dated event the period may count from, and why. */
export interface TriggerRule {
  readonly event: TriggerEvent;
  readonly basis: string;
}

/** Whether extensions are allowed, how many and how long, and who approves. */
export interface ExtensionRule {
  /** Null: the statute sets no number. */
  readonly maxCount: number | null;
  /**
   * How an extension's days are counted: calendar days, or working days for an extension of a
   * working-day period (the extended period is the same period, 行政复议法 第八十八条第二款).
   */
  readonly unit: 'days' | 'working_days';
  /** Days (in `unit`) per extension; null: no maximum. */
  readonly maxDays: number | null;
  /**
   * Where `maxDays` comes from when the statute sets none but says "reasonable" (合理): the
   * reading Fuyi applies, stated so a refusal can say it. Absent: the statute's own maximum.
   */
  readonly maxDaysReading?: string;
  readonly approvedBy: string;
  readonly basis: string;
}

/** One statutory period: its length, unit and article. */
export interface PeriodRule {
  readonly length: number;
  readonly unit: PeriodUnit;
  readonly basis: string;
  /** Null: the period cannot be extended. */
  readonly extension: ExtensionRule | null;
}

/** One period whatever the case. */
export interface SinglePeriod {
  readonly variesBy: 'none';
  readonly single: PeriodRule;
}

/** A period for the ordinary procedure and another for the simplified one. */
export interface PeriodsByProcedure {
  readonly variesBy: 'procedure';
  readonly ordinary: PeriodRule;
  readonly simplified: PeriodRule;
}

/** A period against a judgment and another against a ruling (the appealed instrument). */
export interface PeriodsByInstrument {
  readonly variesBy: 'instrument';
  readonly judgment: PeriodRule;
  readonly ruling: PeriodRule;
}

/** The period, or the periods by procedure or by appealed instrument. */
export type DeadlinePeriods = SinglePeriod | PeriodsByProcedure | PeriodsByInstrument;

/**
 * What the computed date means:
 * - `act_by`: the last day to act (the usual deadline);
 * - `not_before`: a minimum notice — the earliest day the noticed event (hearing, court
 *   session) may take place. Such dates do not roll forward;
 * - `act_before`: the last day to act ahead of a dated event (the trigger, e.g. a court
 *   session): `length` calendar days before it, 0 meaning on the event's day, before it begins
 *   ("开庭前"). Counted backwards, so never rolled forward (that would pass the event).
 */
export type DeadlineMeaning = 'act_by' | 'not_before' | 'act_before';

/** What the system does about the deadline (DESIGN, column "what enforcement means"). */
export type EnforcementAction =
  /** A command after (or, for minimum notice, before) the date is refused with 422. */
  | 'refuse_command'
  /** The sweep deems the application accepted on the last day. */
  | 'deem_accepted'
  /** The sweep deems the application abandoned and records it. */
  | 'deem_abandoned'
  /** Tracked on the worklist; flagged overdue when it passes. */
  | 'flag_overdue'
  /** Flagged for termination when it passes with the cause persisting. */
  | 'flag_for_termination'
  /** Shown for information; nothing happens automatically. */
  | 'informational';

export interface DeadlineDefinition {
  readonly kind: DeadlineKind;
  readonly family: DeadlineFamily;
  /** Chinese name as offices say it. */
  readonly name: string;
  readonly meaning: DeadlineMeaning;
  /** The first is the usual trigger; others are alternatives or restarts. */
  readonly triggers: readonly [TriggerRule, ...TriggerRule[]];
  readonly periods: DeadlinePeriods;
  /** When another law may set a longer period (行政复议法 第二十条第一款 但书). */
  readonly longerByOtherLaw: boolean;
  /** Null: suspensions do not stop this period. */
  readonly suspension: { readonly basis: string } | null;
  /** 民事诉讼法 第八十五条第三款 roll-forward of a last day on a rest day. */
  readonly rollForward: boolean;
  readonly enforcement: { readonly action: EnforcementAction; readonly description: string };
}

/** The outer limits of the application period (行政复议法 第二十条第三款, 第二十一条). */
export type OuterLimitKind = 'remedy_rights_not_told' | 'act_made_general' | 'act_made_real_estate';

export interface OuterLimitDefinition {
  readonly kind: OuterLimitKind;
  readonly name: string;
  readonly trigger: TriggerRule;
  readonly length: number;
  readonly unit: 'months';
  readonly basis: string;
  readonly description: string;
}
