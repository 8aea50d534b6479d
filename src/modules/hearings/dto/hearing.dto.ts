import { IsIn, IsUUID, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import {
  HEARING_STATUSES,
  type HearingKind,
  type HearingStatus,
  type ParticipantRole,
} from '../../../domain/hearings/hearing.rules';
import { IsOptionalLegalDateOrInstant } from '../../../common/validation/is-instant.decorator';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

export class HearingParticipantDto {
  userId!: string;
  /** presiding_officer 主持人 | panel_member 听证员 | recorder 记录员 */
  role!: ParticipantRole;
  displayName!: string;
}

export class RespondentAttendanceViewDto {
  /** Whether the respondent's responsible person attended. */
  attended!: boolean;
  personName!: string;
  title!: string;
  /** The staff member delegated, when the responsible person was absent. */
  delegateName!: string | null;
  /** Why the responsible person was absent. */
  reason!: string | null;
}

export class HearingRecordViewDto {
  /** The day it was held (China Standard Time). */
  heldOn!: string;
  applicantAttended!: boolean;
  respondentAttendance!: RespondentAttendanceViewDto;
  notes!: string | null;
  /** When the record was entered (Asia/Shanghai offset). */
  recordedAt!: string;
}

export class HearingCancellationDto {
  reason!: string;
  /** When it was cancelled (Asia/Shanghai offset). */
  cancelledAt!: string;
}

export class HearingDto {
  id!: string;
  caseId!: string;
  agencyId!: string;
  /** The case number, e.g. 乐府复〔2024〕12号. */
  caseNumber!: string | null;
  /** The receipt number, e.g. 乐府复收〔2024〕17号. */
  receiptNumber!: string;
  /** hearing 听证 | opinion_hearing 听取意见 */
  kind!: HearingKind;
  /** scheduled 已安排 | cancelled 已取消 | held 已举行 */
  status!: HearingStatus;
  /** Start, shown in Asia/Shanghai, e.g. 2024-10-10T09:00:00+08:00. */
  startsAt!: string;
  /** End (exclusive), shown in Asia/Shanghai. */
  endsAt!: string;
  durationMinutes!: number;
  /** The hearing's date in China Standard Time. */
  hearingOn!: string;
  location!: string;
  /** Date of the written notice (第五十一条). */
  noticeOn!: string;
  presidingOfficerId!: string;
  panelMemberIds!: string[];
  recorderId!: string;
  /** The panel with names, presiding officer first. */
  participants!: HearingParticipantDto[];
  /** 拟听证事项 */
  matters!: string;
  cancellation!: HearingCancellationDto | null;
  record!: HearingRecordViewDto | null;
  /** Also the ETag; send it as If-Match with commands. */
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

export class HearingPageDto {
  items!: HearingDto[];
  nextCursor!: string | null;
}

export class HearingQueryDto extends PageQueryDto {
  /** Hearings starting at or after: a date (from its start in China Standard Time) or an instant. */
  @IsOptionalLegalDateOrInstant()
  from?: string;

  /** Hearings starting before: a date (inclusive: up to its end in China Standard Time) or an instant (exclusive). */
  @IsOptionalLegalDateOrInstant()
  to?: string;

  /** Only this room (exact name). */
  @IsOptionalString()
  @MaxLength(200)
  location?: string;

  /** Only hearings with this person on the panel, in any role. */
  @IsOptionalNotNull()
  @IsUUID()
  officerId?: string;

  /** Only hearings of this case. */
  @IsOptionalNotNull()
  @IsUUID()
  caseId?: string;

  /** scheduled | cancelled | held */
  @IsOptionalNotNull()
  @IsIn(HEARING_STATUSES)
  status?: HearingStatus;
}

export class HearingFeedQueryDto {
  /** Hearings starting at or after: a date or an instant. */
  @IsOptionalLegalDateOrInstant()
  from?: string;

  /** Hearings starting before: a date (inclusive) or an instant (exclusive). */
  @IsOptionalLegalDateOrInstant()
  to?: string;
}
