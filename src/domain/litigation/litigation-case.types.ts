import type { LegalCalendar } from '../calendar/legal-calendar.model';
import type { LegalDate } from '../calendar/legal-date.value';
import type { Procedure } from '../deadlines/deadline-definition.type';
import type {
  CommandDecision,
  CommandRefusal,
} from '../reconsideration/reconsideration-case.types';

/** Lifecycle of a litigation case (API.md "Litigation and court appearances"). */
export const LITIGATION_STATUSES = ['pending', 'defended', 'judged', 'appealed', 'closed'] as const;
export type LitigationStatus = (typeof LITIGATION_STATUSES)[number];

/** 第一审, 第二审, 再审 (行政诉讼法 第七章 第二节–第五节). */
export const LITIGATION_INSTANCES = ['first', 'second', 'retrial'] as const;
export type LitigationInstance = (typeof LITIGATION_INSTANCES)[number];

/**
 * The procedure a retrial follows (行诉解释 第一百一十九条): the first-instance procedure when the
 * effective decision was a first-instance court's (its judgment is appealable), the
 * second-instance procedure when it was a second-instance court's or a higher court took the case
 * up (提审: its judgment is final).
 */
export const RETRIAL_PROCEDURES = ['first_instance', 'second_instance'] as const;
export type RetrialProcedure = (typeof RETRIAL_PROCEDURES)[number];

/** 判决, 裁定, 调解书. */
export const JUDGMENT_KINDS = ['judgment', 'ruling', 'mediation'] as const;
export type JudgmentKind = (typeof JUDGMENT_KINDS)[number];

/** What the court decided (API.md `disposition`), with the article that provides for it. */
export const DISPOSITIONS = [
  'dismissed_claims', // 判决驳回原告诉讼请求 第六十九条
  'dismissed_suit', // 裁定驳回起诉 行诉解释 第六十九条、第一百零一条第一款第二项
  'revoked', // 判决撤销或者部分撤销 第七十条
  'revoked_and_redo', // 判决撤销并责令重新作出行政行为 第七十条
  'changed', // 判决变更 第七十七条
  'confirmed_illegal', // 判决确认违法 第七十四条
  'confirmed_invalid', // 判决确认无效 第七十五条
  'ordered_performance', // 判决履行法定职责或者给付义务 第七十二条、第七十三条
  'ordered_compensation', // 判决赔偿、补偿 第七十六条、第七十八条
  'withdrawn', // 裁定准许撤诉 第六十二条
  'withdrawn_after_change', // 被告改变行政行为，原告同意并申请撤诉 第六十二条
  'mediated', // 调解 第六十条
  'other',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The result for the agency derived from the disposition (see judgment-result.rule.ts). */
export const JUDGMENT_RESULTS = [
  'win',
  'lose',
  'partial',
  'withdrawn',
  'mediated',
  'other',
] as const;
export type JudgmentResult = (typeof JUDGMENT_RESULTS)[number];

/** Who appealed (上诉人). */
export const APPELLANTS = ['agency', 'plaintiff', 'both'] as const;
export type Appellant = (typeof APPELLANTS)[number];

export interface JudgmentFacts {
  readonly decidedOn: LegalDate;
  readonly kind: JudgmentKind;
  readonly disposition: Disposition;
  /** The court found against the agency on part of what was sued only (judgment-result.rule.ts). */
  readonly partial: boolean;
  /** Service on the agency: starts the appeal window (行政诉讼法 第八十五条). */
  readonly servedOn: LegalDate | null;
  /** Derived with the losing set in force when the judgment was recorded. */
  readonly result: JudgmentResult;
}

export interface AppealFacts {
  readonly appealedOn: LegalDate;
  readonly by: Appellant;
}

/** 司法建议 received (负责人出庭应诉规定 第十二条). */
export interface JudicialRecommendation {
  readonly receivedOn: LegalDate;
  readonly summary: string;
}

/**
 * What the pure machine needs to decide a command on one instance of a lawsuit. The service loads
 * it (row-locked), the machine decides, the service writes `changes` back.
 */
export interface LitigationFacts {
  readonly status: LitigationStatus;
  readonly instance: LitigationInstance;
  /** The court's procedure (行政诉讼法 第八十二条): simplified only at first instance. */
  readonly procedure: Procedure;
  /** For a retrial, the procedure it follows when known (行诉解释 第一百一十九条); else null. */
  readonly retrialProcedure: RetrialProcedure | null;
  /** The court's filing (立案); the courts' terms count from it (行诉解释 第五十条). */
  readonly filedOn: LegalDate | null;
  /** The agency's receipt of the complaint copy (行政诉讼法 第六十七条第一款). */
  readonly complaintReceivedOn: LegalDate;
  /**
   * The court allowed evidence later for a justified cause (行政诉讼法 第三十六条第一款) and the
   * cause ended on this day: the evidence is due 15 days after it (行诉解释 第三十四条).
   */
  readonly evidenceObstacleRemovedOn: LegalDate | null;
  readonly defenseSubmittedOn: LegalDate | null;
  /** The defence and evidence came after the 15 days: the evidence counts as none (第三十四条). */
  readonly defenseLate: boolean;
  readonly judgment: JudgmentFacts | null;
  readonly appeal: AppealFacts | null;
  readonly closedOn: LegalDate | null;
  readonly judicialRecommendations: readonly JudicialRecommendation[];
}

/** Commands as in API.md (kebab-case paths map to these snake_case types). */
export type LitigationCommand =
  | { readonly type: 'submit_defense'; readonly submittedOn: LegalDate }
  | {
      readonly type: 'record_judgment';
      readonly decidedOn: LegalDate;
      readonly kind: JudgmentKind;
      readonly disposition: Disposition;
      readonly servedOn?: LegalDate;
      /** Only for a disposition that can go against the agency in part (judgment-result.rule.ts). */
      readonly partial?: boolean;
    }
  | { readonly type: 'record_service'; readonly servedOn: LegalDate }
  | { readonly type: 'appeal'; readonly appealedOn: LegalDate; readonly by: Appellant }
  | { readonly type: 'close'; readonly closedOn: LegalDate }
  | {
      readonly type: 'record_judicial_recommendation';
      readonly receivedOn: LegalDate;
      readonly summary: string;
    };

export type LitigationCommandType = LitigationCommand['type'];

/** One command variant by its type. */
export type LitigationCommandOf<T extends LitigationCommandType> = Extract<
  LitigationCommand,
  { readonly type: T }
>;

/** Time, the calendar and the configured losing set come in as data. */
export interface LitigationDecisionContext {
  readonly today: LegalDate;
  readonly calendar: LegalCalendar;
  /** The dispositions counted as lost (败诉); default DEFAULT_LOSING_DISPOSITIONS. */
  readonly losingDispositions?: readonly Disposition[];
}

/** 422 for a rule of time or law (no litigation command is refused by role). */
export type LitigationRefusal = CommandRefusal<
  LitigationStatus,
  LitigationCommandType,
  string,
  422
>;

export type LitigationDecision = CommandDecision<LitigationFacts, LitigationRefusal>;
