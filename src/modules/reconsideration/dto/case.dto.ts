import { Type } from 'class-transformer';
import { IsIn, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { IsOptionalLegalDate } from '../../../common/validation/is-legal-date.decorator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import {
  CASE_STATUSES,
  type CaseStatus,
} from '../../../domain/reconsideration/reconsideration-case.types';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

export class ApplicantViewDto {
  kind!: 'person' | 'organization';
  name!: string;
  /** Masked (`3602**********1234`) in lists and for viewers. */
  idNumber!: string | null;
  contact!: string | null;
}

export class CaseDeadlineDto {
  /** e.g. acceptance_review, correction_reply, decision, litigation_window */
  kind!: string;
  /** The trigger date (not counted). */
  startOn!: string;
  /** Null while paused (suspended) or while the calendar lacks a year. */
  dueOn!: string | null;
  /** open | met | overdue | paused | cancelled */
  status!: string;
  metOn!: string | null;
  /** Statute and article. */
  basis!: string | null;
  /**
   * True when the due date was computed with a year whose holiday arrangement is not published
   * yet, from the statutory holidays (全国年节及纪念日放假办法); recomputed when the year is loaded.
   */
  provisional!: boolean;
  /** The year whose arrangement the date waits for (provisional, or missing altogether). */
  pendingYear!: number | null;
  /** The command that must record the start of the period first, e.g. record-correction-notice-served. */
  awaitingAction!: string | null;
  /** The full self-explaining computation (rule, raw and final dates, ledger, calendar version). */
  explanation!: Record<string, unknown> | null;
}

export class CaseDto {
  id!: string;
  agencyId!: string;
  /** e.g. 乐府复收〔2024〕17号 */
  receiptNumber!: string;
  /** e.g. 乐府复〔2024〕12号, assigned on acceptance */
  caseNumber!: string | null;
  /** received | correction_requested | under_review | suspended | concluded | served | archived | rejected | abandoned */
  status!: CaseStatus;
  procedure!: string;
  major!: boolean;
  hearingRequested!: boolean;
  channel!: string;
  applicants!: ApplicantViewDto[];
  agent!: Record<string, unknown> | null;
  thirdParties!: Record<string, unknown>[];
  respondent!: { agencyId: string | null; name: string };
  contestedAct!: Record<string, unknown>;
  requests!: string;
  factsAndReasons!: string | null;
  /** {startedOn, endedOn, reason}: the 60 days pause for it (第二十条第二款). */
  limitationObstacle!: Record<string, unknown> | null;
  /** When the applicant learnt of the right to apply, not told by the agency (第二十条第三款). */
  remedyRightsLearnedOn!: string | null;
  knownOn!: string;
  receivedOn!: string;
  postmarkedOn!: string | null;
  acceptedOn!: string | null;
  /** decided 决定受理 | deemed 视为受理 */
  acceptedHow!: string | null;
  rejectedOn!: string | null;
  rejection!: Record<string, unknown> | null;
  abandonedOn!: string | null;
  correction!: {
    noticeOn: string | null;
    items: string[];
    noticeServedOn: string | null;
    receivedOn: string | null;
    /** For corrected materials by mail: the postmark, which counts. */
    postmarkedOn: string | null;
    /** Extensions of the period (第三十一条第二款): {approvedOn, days, reason, approvedBy}. */
    extensions: Record<string, unknown>[];
  };
  copySentOn!: string | null;
  respondentReceivedOn!: string | null;
  replyReceivedOn!: string | null;
  /** For a reply by mail: the postmark, which counts. */
  replyPostmarkedOn!: string | null;
  opinionHeardOn!: string | null;
  opinionHeardHow!: string | null;
  writtenReviewReason!: string | null;
  hearingsHeld!: number;
  suspendedOn!: string | null;
  suspensionGround!: string | null;
  suspensions!: Record<string, unknown>[];
  extension!: Record<string, unknown> | null;
  decisionDueOn!: string | null;
  concludedOn!: string | null;
  outcome!: string | null;
  terminationReason!: string | null;
  decisionNumber!: string | null;
  concludedLate!: boolean;
  lateReason!: string | null;
  servedOn!: string | null;
  archivedOn!: string | null;
  handlerId!: string | null;
  /** Commands the current status allows. */
  allowedCommands!: string[];
  deadlines!: CaseDeadlineDto[];
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

export class CaseSummaryDto {
  id!: string;
  receiptNumber!: string;
  caseNumber!: string | null;
  status!: CaseStatus;
  procedure!: string;
  applicants!: ApplicantViewDto[];
  respondentName!: string;
  contestedActTitle!: string;
  receivedOn!: string;
  acceptedOn!: string | null;
  decisionDueOn!: string | null;
  concludedOn!: string | null;
  handlerId!: string | null;
  version!: number;
}

export class CasePageDto {
  items!: CaseSummaryDto[];
  nextCursor!: string | null;
}

export class CaseQueryDto extends PageQueryDto {
  /** Admins only: the cases of this reconsideration body. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  @IsOptionalNotNull()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @IsOptionalNotNull()
  @IsUUID()
  handlerId?: string;

  /** Substring of receipt/case number, applicant, respondent or act document number. */
  @IsOptionalString()
  @MaxLength(100)
  q?: string;

  /** Exact match on an applicant's, agent's or third party's ID number (searched by keyed hash). */
  @IsOptionalString()
  @Matches(/^[0-9A-Za-z]{15,18}$/, { message: 'idNumber must be 15 to 18 letters or digits' })
  idNumber?: string;

  @IsOptionalLegalDate()
  receivedFrom?: string;

  @IsOptionalLegalDate()
  receivedTo?: string;

  /** true: only cases with an overdue deadline. */
  @IsOptionalNotNull()
  @Type(() => String)
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}
