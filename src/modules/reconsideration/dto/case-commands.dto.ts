import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import {
  IsLegalDate,
  IsOptionalLegalDate,
} from '../../../common/validation/is-legal-date.decorator';
import type { Procedure } from '../../../domain/deadlines/deadline-definition.type';
import {
  OPINION_HEARING_METHODS,
  OUTCOMES,
  SUSPENSION_GROUNDS,
  TERMINATION_REASONS,
  type OpinionHearingMethod,
  type Outcome,
  type SuspensionGround,
  type TerminationReason,
} from '../../../domain/reconsideration/reconsideration-case.types';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import { IsNonEmptyString } from '../../../common/validation/is-non-empty-string.decorator';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

@RequestExample({ handlerId: '7c1e9a52-3b6d-4e8f-a0c4-5d2b8e6f1a93' })
export class AssignDto {
  /** A clerk or head of the case's agency. */
  @IsUUID()
  handlerId!: string;
}

@RequestExample({ noticeOn: '2024-09-29', items: ['申请人身份证明复印件', '行政处罚决定书复印件'] })
export class RequestCorrectionDto {
  /** Date of the written correction notice (within 5 working days of receipt, 第三十一条). */
  @IsLegalDate()
  noticeOn!: string;

  /** Everything to supply, listed at once (一次性载明). */
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  items!: string[];
}

@RequestExample({ servedOn: '2024-10-08' })
export class ServedOnDto {
  @IsLegalDate()
  servedOn!: string;
}

/** Documents of a party that may come by post: the postmark counts (在途时间不计). */
@RequestExample({ receivedOn: '2024-10-12', postmarkedOn: '2024-10-10' })
export class ReceivedOnDto {
  @IsLegalDate()
  receivedOn!: string;

  /** For mail: the postmark date, compared with the due date instead of the receipt. */
  @IsOptionalLegalDate()
  postmarkedOn?: string;
}

@RequestExample({ acceptedOn: '2024-09-30', procedure: 'ordinary' })
export class AcceptDto {
  @IsLegalDate()
  acceptedOn!: string;

  /** ordinary | simplified (第五十三条) */
  @IsOptionalNotNull()
  @IsIn(['ordinary', 'simplified'])
  procedure?: Procedure;

  /** A case number of the office's own; otherwise assigned from the agency's template. */
  @IsOptionalNotNull()
  @IsNonEmptyString()
  @MaxLength(100)
  caseNumber?: string;
}

@RequestExample({
  rejectedOn: '2024-09-30',
  reason: '不属于本机关管辖',
  competentBody: '景德镇市人民政府',
})
export class RejectDto {
  @IsLegalDate()
  rejectedOn!: string;

  @IsNonEmptyString()
  @MaxLength(2000)
  reason!: string;

  /** For lack of jurisdiction: the competent body (第三十条第二款). */
  @IsOptionalString()
  @MaxLength(200)
  competentBody?: string;
}

@RequestExample({ sentOn: '2024-10-08', respondentReceivedOn: '2024-10-09' })
export class SendCopyDto {
  @IsLegalDate()
  sentOn!: string;

  /** When the respondent received the copy: starts its reply period. */
  @IsOptionalLegalDate()
  respondentReceivedOn?: string;
}

@RequestExample({ heardOn: '2024-10-20', how: 'in_person' })
export class OpinionHeardDto {
  @IsLegalDate()
  heardOn!: string;

  /** in_person 当面 | online 互联网 | phone 电话 (第四十九条) */
  @IsIn(OPINION_HEARING_METHODS)
  how!: OpinionHearingMethod;
}

@RequestExample({ reason: '申请人无法联系，改为书面审查' })
export class ReasonDto {
  @IsNonEmptyString()
  @MaxLength(2000)
  reason!: string;
}

@RequestExample({ suspendedOn: '2024-10-15', ground: 'force_majeure' })
export class SuspendDto {
  @IsLegalDate()
  suspendedOn!: string;

  /** A ground of 行政复议法 第三十九条第一款 */
  @IsIn(SUSPENSION_GROUNDS)
  ground!: SuspensionGround;
}

@RequestExample({ resumedOn: '2024-11-01' })
export class ResumeDto {
  @IsLegalDate()
  resumedOn!: string;
}

@RequestExample({ approvedOn: '2024-11-25', days: 30, reason: '案情复杂，需要补充调查' })
export class ExtendDto {
  @IsLegalDate()
  approvedOn!: string;

  /** At most 30 days (第六十二条). */
  @IsInt()
  @Min(1)
  @Max(365)
  days!: number;

  @IsNonEmptyString()
  @MaxLength(2000)
  reason!: string;
}

/** 第三十一条第二款: a reasonable extension of the correction period, for a justified reason. */
@RequestExample({
  approvedOn: '2024-10-08',
  days: 10,
  reason: '申请人在外地务工，补正材料需要时间',
})
export class ExtendCorrectionPeriodDto {
  @IsLegalDate()
  approvedOn!: string;

  /** Working days added (1–30 per extension). */
  @IsInt()
  @Min(1)
  @Max(30)
  days!: number;

  @IsNonEmptyString()
  @MaxLength(2000)
  reason!: string;
}

@RequestExample({ approvedOn: '2024-10-10' })
export class ApprovedOnDto {
  @IsLegalDate()
  approvedOn!: string;
}

@RequestExample({
  concludedOn: '2024-11-20',
  outcome: 'revoke',
  decisionNumber: '乐府复决〔2024〕12号',
})
export class ConcludeDto {
  @IsLegalDate()
  concludedOn!: string;

  /** change 变更 | revoke 撤销 | confirm_illegal 确认违法 | order_performance 责令履行 | confirm_invalid 确认无效 | uphold 维持 | dismiss_request 驳回复议请求 | dismiss_application 驳回复议申请 | mediation 调解 | terminated 终止 */
  @IsIn(OUTCOMES)
  outcome!: Outcome;

  /** For `terminated`: a ground of 第四十一条 (withdrawn 撤回, …). */
  @IsOptionalNotNull()
  @IsIn(TERMINATION_REASONS)
  terminationReason?: TerminationReason;

  /** e.g. 乐府复决〔2024〕12号 */
  @IsOptionalNotNull()
  @IsNonEmptyString()
  @MaxLength(100)
  decisionNumber?: string;

  /** Required when concluding after the decision deadline. */
  @IsOptionalNotNull()
  @IsNonEmptyString()
  @MaxLength(2000)
  lateReason?: string;
}

@RequestExample({ archivedOn: '2024-12-20' })
export class ArchivedOnDto {
  @IsLegalDate()
  archivedOn!: string;
}
