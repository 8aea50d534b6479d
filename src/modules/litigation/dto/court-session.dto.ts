import { IsBoolean, IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import { IsOptionalNestedObject } from '../../../common/validation/is-nested-object.decorator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import {
  IsLegalDate,
  IsOptionalLegalDate,
} from '../../../common/validation/is-legal-date.decorator';
import {
  IsInstant,
  IsOptionalLegalDateOrInstant,
} from '../../../common/validation/is-instant.decorator';
import {
  COURT_SESSION_STATUSES,
  type CourtSessionStatus,
} from '../../../domain/litigation/court-session-deadlines.rule';
import { IsOptionalBoolean } from '../../../common/validation/is-optional-boolean.decorator';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

const NOT_BLANK = /\S/;
const NOT_BLANK_MESSAGE = { message: '$property must not be blank' };

@RequestExample({
  startsAt: '2026-06-15T09:30:00+08:00',
  courtroom: '第三审判庭',
  noticeReceivedOn: '2026-06-01',
  headSummoned: true,
})
export class ScheduleCourtSessionDto {
  /** When the session opens: ISO 8601 with offset. */
  @IsInstant()
  startsAt!: string;

  @IsString()
  @Matches(NOT_BLANK, NOT_BLANK_MESSAGE)
  @MaxLength(200)
  courtroom!: string;

  /** When the court's notice reached the agency; ≥ 3 days before the session (第五条), else flagged. */
  @IsLegalDate()
  noticeReceivedOn!: string;

  /** The notice asks the head to appear (负责人出庭应诉规定 第四条、第五条). */
  @IsBoolean()
  headSummoned!: boolean;
}

@RequestExample({ startsAt: '2026-06-22T09:30:00+08:00', noticeReceivedOn: '2026-06-10' })
export class RescheduleCourtSessionDto {
  @IsInstant()
  startsAt!: string;

  @IsLegalDate()
  noticeReceivedOn!: string;

  @IsOptionalString()
  @Matches(NOT_BLANK, NOT_BLANK_MESSAGE)
  @MaxLength(200)
  courtroom?: string;

  @IsOptionalBoolean()
  headSummoned?: boolean;
}

@RequestExample({ reason: '法院通知延期开庭' })
export class CancelCourtSessionDto {
  @IsString()
  @Matches(NOT_BLANK, NOT_BLANK_MESSAGE)
  @MaxLength(1000)
  reason!: string;
}

export class OfficialDto {
  @IsString()
  @MaxLength(100)
  name!: string;

  /** e.g. 局长, 副局长 */
  @IsString()
  @MaxLength(100)
  title!: string;

  /** principal 正职 | deputy 副职 | other_in_charge 其他参与分管的负责人 (第二条) */
  @IsString()
  @MaxLength(40)
  rank!: string;
}

export class StaffDto {
  @IsString()
  @MaxLength(100)
  name!: string;

  @IsString()
  @MaxLength(100)
  title!: string;
}

@RequestExample({
  official: { name: '王局长', title: '局长', rank: 'principal' },
  identityProofFiledOn: '2026-06-01',
})
export class AppearancePlanDto {
  /** Whose appearance: a defendant agency of the case (may be left out when it has one). */
  @IsOptionalNotNull()
  @IsUUID()
  defendantAgencyId?: string;

  /** The official (负责人, 第二条) who will appear. */
  @IsOptionalNestedObject(() => OfficialDto)
  official?: OfficialDto;

  /** The identity proof filed with the court (第六条). */
  @IsOptionalLegalDate()
  identityProofFiledOn?: string;

  /** force_majeure 不可抗力 | accident 意外事件 | irreplaceable_duty 需要履行他人不能代替的公务 | other_legitimate 其他正当事由 (第八条) */
  @IsOptionalString()
  @MaxLength(40)
  absenceReason?: string;

  /** The proof of the reason is sealed or signed by the principal head (第九条). */
  @IsOptionalBoolean()
  absenceProofSealed?: boolean;

  /** The staff member who appears instead (第十条). */
  @IsOptionalNestedObject(() => StaffDto)
  staff?: StaffDto;
}

@RequestExample({
  heldOn: '2026-06-01',
  appeared: true,
  official: { name: '王局长', title: '局长', rank: 'principal' },
  spokeOnMerits: true,
})
export class AppearanceRecordDto {
  /** Whose appearance: a defendant agency of the case (may be left out when it has one). */
  @IsOptionalNotNull()
  @IsUUID()
  defendantAgencyId?: string;

  @IsLegalDate()
  heldOn!: string;

  /** A qualifying official (负责人, 第二条) appeared; then `official` names who. */
  @IsBoolean()
  appeared!: boolean;

  @IsOptionalNestedObject(() => OfficialDto)
  official?: OfficialDto;

  /** force_majeure | accident | irreplaceable_duty | other_legitimate (第八条) */
  @IsOptionalString()
  @MaxLength(40)
  absenceReason?: string;

  @IsOptionalString()
  @MaxLength(2000)
  absenceExplanation?: string;

  @IsOptionalBoolean()
  absenceProofSealed?: boolean;

  @IsOptionalNestedObject(() => StaffDto)
  staff?: StaffDto;

  /** Only a lawyer appeared for the agency (行诉解释 第一百二十八条第二款: no appearance). */
  @IsOptionalBoolean()
  lawyerOnly?: boolean;

  /** The official spoke on resolving the dispute in substance (出声, 第十一条第三款). */
  @IsOptionalBoolean()
  spokeOnMerits?: boolean;
}

export class CourtSessionQueryDto extends PageQueryDto {
  /** Sessions starting at or after: a date or an instant. */
  @IsOptionalLegalDateOrInstant()
  from?: string;

  /** Sessions starting before: a date (inclusive) or an instant (exclusive). */
  @IsOptionalLegalDateOrInstant()
  to?: string;

  @IsOptionalNotNull()
  @IsUUID()
  caseId?: string;

  /** scheduled | cancelled | held */
  @IsOptionalNotNull()
  @IsIn(COURT_SESSION_STATUSES)
  status?: CourtSessionStatus;
}

export class CourtSessionFeedQueryDto {
  @IsOptionalLegalDateOrInstant()
  from?: string;

  @IsOptionalLegalDateOrInstant()
  to?: string;
}

export class AppearanceQueryDto extends PageQueryDto {
  /** Sessions held on or after this date. */
  @IsOptionalLegalDate()
  from?: string;

  /** Sessions held on or before this date. */
  @IsOptionalLegalDate()
  to?: string;
}

export class AppearanceRateQueryDto {
  /** Sessions held on or after this date. */
  @IsOptionalLegalDate()
  from?: string;

  /** Sessions held on or before this date. */
  @IsOptionalLegalDate()
  to?: string;

  /** Admins only: the rates of this reconsideration body. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;
}

export class AppearanceNoticeDto {
  /** Calendar days from the notice to the session. */
  days!: number;
  requiredDays!: number;
  earliestSessionOn!: string;
  /** Fewer than 3 days (负责人出庭应诉规定 第五条): flagged, never refused. */
  shortNotice!: boolean;
  basis!: string;
}

export class PlanIssueDto {
  /** summoned_head_not_planned | absence_reason_missing | absence_proof_not_sealed | staff_missing | identity_proof_missing */
  code!: string;
  basis!: string;
  message!: string;
}

export class AppearancePlanViewDto {
  official!: { name: string; title: string; rank: string } | null;
  identityProofFiledOn!: string | null;
  absenceReason!: string | null;
  absenceProofSealed!: boolean;
  staff!: { name: string; title: string } | null;
}

export class AppearanceViewDto {
  heldOn!: string;
  appeared!: boolean;
  official!: { name: string; title: string; rank: string } | null;
  absenceReason!: string | null;
  absenceExplanation!: string | null;
  absenceProofSealed!: boolean;
  staff!: { name: string; title: string } | null;
  lawyerOnly!: boolean;
  spokeOnMerits!: boolean | null;
  /** qualifying_appearance | excused_absence | unexcused_absence | staff_only_no_reason | lawyer_only | nobody */
  classification!: string;
  recordedAt!: string | null;
}

export class DefendantAppearanceDto {
  defendantAgencyId!: string;
  defendantName!: string;
  /** original_act | reconsideration_body */
  role!: string;
  plan!: AppearancePlanViewDto | null;
  /** What the plan still lacks (never a refusal). */
  planIssues!: PlanIssueDto[];
  appearance!: AppearanceViewDto | null;
}

export class CourtSessionDto {
  id!: string;
  caseId!: string;
  agencyId!: string;
  courtCaseNumber!: string;
  courtName!: string;
  /** The court's own id of the session (court liaison). */
  courtSessionId!: string | null;
  /** Start, shown in Asia/Shanghai. */
  startsAt!: string;
  sessionOn!: string;
  courtroom!: string;
  noticeReceivedOn!: string;
  appearanceNotice!: AppearanceNoticeDto;
  headSummoned!: boolean;
  /** The case is one where the court must summon the head (第四条). */
  headSummonRequired!: boolean;
  /** scheduled 已排期 | cancelled 已取消 | held 已开庭 */
  status!: string;
  heldOn!: string | null;
  cancelReason!: string | null;
  /** The plan of the defendant named in the request, else the first defendant's. */
  appearancePlan!: AppearancePlanViewDto | null;
  /** The record of the defendant named in the request, else the first defendant's. */
  appearance!: AppearanceViewDto | null;
  /** Every defendant: plan, plan issues and record. */
  appearances!: DefendantAppearanceDto[];
  version!: number;
}

export class CourtSessionPageDto {
  items!: CourtSessionDto[];
  nextCursor!: string | null;
}

export class AppearanceRateDto {
  /** per_case_instance | per_summoned_case_instance | per_defendant_case_instance | principal_head | spoke_on_merits */
  name!: string;
  definition!: string;
  numerator!: number;
  denominator!: number;
  /** numerator / denominator; null when the denominator is 0. */
  value!: number | null;
}

export class AppearanceRatesDto {
  from!: string | null;
  to!: string | null;
  variants!: AppearanceRateDto[];
  principalHeadRate!: AppearanceRateDto;
  spokeOnMeritsRate!: AppearanceRateDto;
  /** Absences (held sessions without a qualifying appearance, recorded) by 第八条 reason or none. */
  absencesByReason!: Record<string, number>;
  /** Every (defendant, held session) by classification, not_recorded when no record yet. */
  byClassification!: Record<string, number>;
}
