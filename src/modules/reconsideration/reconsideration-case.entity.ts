import {
  BeforeInsert,
  BeforeUpdate,
  Check,
  Column,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  idNumberHashesOf,
  sealedPartiesTransformer,
  sealedPartyTransformer,
} from '../../common/crypto/pii-fields';
import { VersionedRecord } from '../../database/record-columns';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type { Procedure } from '../../domain/deadlines/deadline-definition.type';
import type {
  AcceptedHow,
  CaseStatus,
  Channel,
  ClosedSuspension,
  CorrectionExtension,
  LimitationObstacle,
  OpinionHearingMethod,
  Outcome,
  SuspensionGround,
  TerminationReason,
} from '../../domain/reconsideration/reconsideration-case.types';

export interface ApplicantRecord {
  kind: 'person' | 'organization';
  name: string;
  idNumber: string | null;
  contact: string | null;
}

export interface PartyRecord {
  name: string;
  idNumber?: string | null;
  contact?: string | null;
}

export interface ContestedActRecord {
  title: string;
  documentNumber: string | null;
  actOn: string | null;
  field: string;
  actKind: string;
}

/**
 * A reconsideration case (行政复议案件). Property names match the pure machine's `CaseFacts`, so
 * a decision's changes apply as they are. Only the workflow service writes `status`.
 */
@Entity('reconsideration_case')
@Index('reconsideration_case_receipt_number_key', ['agencyId', 'receiptNumber'], { unique: true })
@Index('reconsideration_case_case_number_key', ['agencyId', 'caseNumber'], { unique: true })
@Index('reconsideration_case_list_idx', ['agencyId', 'receivedOn', 'id'])
@Index('reconsideration_case_status_idx', ['agencyId', 'status', 'receivedOn', 'id'])
@Index('reconsideration_case_handler_idx', ['agencyId', 'handlerId', 'receivedOn', 'id'])
@Index('reconsideration_case_concluded_idx', ['agencyId', 'concludedOn'])
@Index('reconsideration_case_search_trgm_idx', { synchronize: false })
// Statistics: the covering index of the pass over a period's cases and the partial index of
// the suspended and extended cases (migration 1796300000000, expression and partial indexes).
@Index('reconsideration_case_statistics_idx', { synchronize: false })
@Index('reconsideration_case_stock_exceptions_idx', { synchronize: false })
@Check(
  'reconsideration_case_status_check',
  `"status" IN ('received', 'correction_requested', 'under_review', 'suspended', 'concluded', 'served', 'archived', 'rejected', 'abandoned')`,
)
export class ReconsiderationCaseEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'receipt_number', type: 'text' })
  receiptNumber!: string;

  @Column({ name: 'case_number', type: 'text', nullable: true })
  caseNumber!: string | null;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ type: 'text' })
  procedure!: Procedure;

  @Column({ type: 'boolean' })
  major!: boolean;

  @Column({ name: 'hearing_requested', type: 'boolean' })
  hearingRequested!: boolean;

  @Column({ type: 'text' })
  channel!: Channel;

  /** ID numbers sealed at rest (SecretBox); plain in memory. */
  @Column({ type: 'jsonb', transformer: sealedPartiesTransformer })
  applicants!: ApplicantRecord[];

  /** person | organization | mixed: for statistics. */
  @Column({ name: 'applicant_type', type: 'text' })
  applicantType!: string;

  @Column({ type: 'jsonb', nullable: true, transformer: sealedPartyTransformer })
  agent!: PartyRecord | null;

  @Column({ name: 'third_parties', type: 'jsonb', transformer: sealedPartiesTransformer })
  thirdParties!: PartyRecord[];

  /** Keyed hashes of every party's ID number (exact search without storing the numbers). */
  @Index('reconsideration_case_id_number_hashes_idx', { synchronize: false })
  @Column({ name: 'id_number_hashes', type: 'text', array: true, default: () => "'{}'" })
  idNumberHashes!: string[];

  @BeforeInsert()
  @BeforeUpdate()
  protected hashIdNumbers(): void {
    if (this.applicants === undefined) return;
    this.idNumberHashes = idNumberHashesOf([
      ...this.applicants,
      this.agent,
      ...(this.thirdParties ?? []),
    ]);
  }

  @Column({ name: 'respondent_agency_id', type: 'uuid', nullable: true })
  respondentAgencyId!: string | null;

  @Column({ name: 'respondent_name', type: 'text' })
  respondentName!: string;

  @Column({ name: 'contested_act', type: 'jsonb' })
  contestedAct!: ContestedActRecord;

  @Column({ type: 'text' })
  field!: string;

  @Column({ name: 'act_kind', type: 'text' })
  actKind!: string;

  @Column({ name: 'known_on', type: 'date' })
  knownOn!: LegalDate;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: LegalDate;

  @Column({ name: 'postmarked_on', type: 'date', nullable: true })
  postmarkedOn!: LegalDate | null;

  @Column({ name: 'act_on', type: 'date', nullable: true })
  actOn!: LegalDate | null;

  @Column({ name: 'real_estate', type: 'boolean' })
  realEstate!: boolean;

  @Column({ name: 'remedy_rights_not_told', type: 'boolean' })
  remedyRightsNotTold!: boolean;

  @Column({ name: 'limitation_obstacle', type: 'jsonb', nullable: true })
  limitationObstacle!: LimitationObstacle | null;

  /** 第二十条第三款: when the applicant learnt of the right to apply (not told by the agency). */
  @Column({ name: 'remedy_rights_learned_on', type: 'date', nullable: true })
  remedyRightsLearnedOn!: LegalDate | null;

  @Column({ type: 'text' })
  requests!: string;

  @Column({ name: 'facts_and_reasons', type: 'text', nullable: true })
  factsAndReasons!: string | null;

  @Column({ name: 'handler_id', type: 'uuid', nullable: true })
  handlerId!: string | null;

  @Column({ name: 'review_start_on', type: 'date' })
  reviewStartOn!: LegalDate;

  @Column({ name: 'correction_notice_on', type: 'date', nullable: true })
  correctionNoticeOn!: LegalDate | null;

  @Column({ name: 'correction_items', type: 'jsonb' })
  correctionItems!: string[];

  @Column({ name: 'correction_notice_served_on', type: 'date', nullable: true })
  correctionNoticeServedOn!: LegalDate | null;

  @Column({ name: 'correction_received_on', type: 'date', nullable: true })
  correctionReceivedOn!: LegalDate | null;

  /** Corrected materials sent by mail: the postmark is what counts (在途时间不计). */
  @Column({ name: 'correction_postmarked_on', type: 'date', nullable: true })
  correctionPostmarkedOn!: LegalDate | null;

  /** 第三十一条第二款: extensions of the correction period. */
  @Column({ name: 'correction_extensions', type: 'jsonb', default: () => "'[]'" })
  correctionExtensions!: CorrectionExtension[];

  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn!: LegalDate | null;

  @Column({ name: 'accepted_how', type: 'text', nullable: true })
  acceptedHow!: AcceptedHow | null;

  @Column({ name: 'rejected_on', type: 'date', nullable: true })
  rejectedOn!: LegalDate | null;

  @Column({ name: 'rejection', type: 'jsonb', nullable: true })
  rejection!: { reason: string; competentBody: string | null } | null;

  @Column({ name: 'abandoned_on', type: 'date', nullable: true })
  abandonedOn!: LegalDate | null;

  @Column({ name: 'copy_sent_on', type: 'date', nullable: true })
  copySentOn!: LegalDate | null;

  @Column({ name: 'respondent_received_on', type: 'date', nullable: true })
  respondentReceivedOn!: LegalDate | null;

  @Column({ name: 'reply_received_on', type: 'date', nullable: true })
  replyReceivedOn!: LegalDate | null;

  /** The respondent's reply sent by mail: the postmark is what counts. */
  @Column({ name: 'reply_postmarked_on', type: 'date', nullable: true })
  replyPostmarkedOn!: LegalDate | null;

  @Column({ name: 'opinion_heard_on', type: 'date', nullable: true })
  opinionHeardOn!: LegalDate | null;

  @Column({ name: 'opinion_heard_how', type: 'text', nullable: true })
  opinionHeardHow!: OpinionHearingMethod | null;

  @Column({ name: 'written_review_reason', type: 'text', nullable: true })
  writtenReviewReason!: string | null;

  /** Hearings (听证) held on the case; the hearings module counts them (第五十条 gate). */
  @Column({ name: 'hearings_held', type: 'integer', default: 0 })
  hearingsHeld!: number;

  @Column({ name: 'suspended_on', type: 'date', nullable: true })
  suspendedOn!: LegalDate | null;

  @Column({ name: 'suspension_ground', type: 'text', nullable: true })
  suspensionGround!: SuspensionGround | null;

  @Column({ type: 'jsonb' })
  suspensions!: ClosedSuspension[];

  @Column({ type: 'jsonb', nullable: true })
  extension!: {
    approvedOn: LegalDate;
    days: number;
    reason: string;
    approvedBy: string | null;
  } | null;

  @Column({ name: 'decision_due_on', type: 'date', nullable: true })
  decisionDueOn!: LegalDate | null;

  @Column({ name: 'concluded_on', type: 'date', nullable: true })
  concludedOn!: LegalDate | null;

  @Column({ type: 'text', nullable: true })
  outcome!: Outcome | null;

  @Column({ name: 'termination_reason', type: 'text', nullable: true })
  terminationReason!: TerminationReason | null;

  @Column({ name: 'decision_number', type: 'text', nullable: true })
  decisionNumber!: string | null;

  @Column({ name: 'concluded_late', type: 'boolean', default: false })
  concludedLate!: boolean;

  @Column({ name: 'late_reason', type: 'text', nullable: true })
  lateReason!: string | null;

  @Column({ name: 'served_on', type: 'date', nullable: true })
  servedOn!: LegalDate | null;

  @Column({ name: 'archived_on', type: 'date', nullable: true })
  archivedOn!: LegalDate | null;

  /** A lawsuit against the act or decision is linked to this case (closure `litigated`). */
  @Column({ type: 'boolean', default: false })
  litigated!: boolean;

  /** Numbers, applicants, respondent and act number, for `q` (pg_trgm index). */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;
}
