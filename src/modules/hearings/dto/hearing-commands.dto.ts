import {
  IsBoolean,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { IsNestedObject } from '../../../common/validation/is-nested-object.decorator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { IsLegalDate } from '../../../common/validation/is-legal-date.decorator';
import { IsInstant } from '../../../common/validation/is-instant.decorator';
import { MAX_DURATION_MINUTES, NOT_BLANK, NOT_BLANK_MESSAGE } from './schedule-hearing.dto';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

@RequestExample({
  startsAt: '2024-10-28T09:00:00+08:00',
  durationMinutes: 90,
  location: '第二听证室',
  noticeOn: '2024-10-18',
})
export class RescheduleHearingDto {
  /** The new start, ISO 8601 with offset. */
  @IsInstant()
  startsAt!: string;

  /** The new length in minutes (1–720); unchanged when absent. */
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_MINUTES)
  durationMinutes?: number;

  /** The new room; unchanged when absent. */
  @IsOptionalString()
  @Matches(NOT_BLANK, NOT_BLANK_MESSAGE)
  @MaxLength(200)
  location?: string;

  /** Date of the new written notice: the new date must again be at least 5 working days later (第五十一条). */
  @IsLegalDate()
  noticeOn!: string;
}

@RequestExample({ reason: '申请人撤回复议申请' })
export class CancelHearingDto {
  /** Why the hearing is called off. */
  @IsString()
  @Matches(NOT_BLANK, NOT_BLANK_MESSAGE)
  @MaxLength(2000)
  reason!: string;
}

export class RespondentAttendanceDto {
  /** Whether the respondent's responsible person (被申请人的负责人) attended. */
  @IsBoolean()
  attended!: boolean;

  /** The responsible person's name (whether or not they attended). */
  @IsString()
  @Matches(NOT_BLANK, NOT_BLANK_MESSAGE)
  @MaxLength(100)
  personName!: string;

  /** The responsible person's title, e.g. 副局长. */
  @IsString()
  @Matches(NOT_BLANK, NOT_BLANK_MESSAGE)
  @MaxLength(100)
  title!: string;

  /** The staff member delegated to attend (委托相应的工作人员); required when the responsible person was absent (第五十一条第三款). */
  @IsOptionalString()
  @MaxLength(100)
  delegateName?: string;

  /** Why the responsible person could not attend; required when absent, not allowed when they attended. */
  @IsOptionalString()
  @MaxLength(2000)
  @ValidateBy({
    name: 'onlyWhenAbsent',
    validator: {
      validate: (_value: unknown, args) =>
        (args?.object as Partial<RespondentAttendanceDto>).attended !== true,
      defaultMessage: () => '$property is only for an absent responsible person',
    },
  })
  reason?: string;
}

@RequestExample({
  heldOn: '2024-10-21',
  applicantAttended: true,
  respondentAttendance: {
    attended: false,
    personName: '王五',
    title: '局长',
    delegateName: '赵六',
    reason: '参加市政府常务会议',
  },
  notes: '双方围绕处罚决定认定的事实进行了质证和辩论。',
})
export class RecordHearingDto {
  /** The day the hearing was held (China Standard Time): the day it was notified for. */
  @IsLegalDate()
  heldOn!: string;

  /** Whether the applicant attended (第五十一条第二款: refusing without good reason waives the hearing). */
  @IsBoolean()
  applicantAttended!: boolean;

  /** Who attended for the respondent (第五十一条第三款). */
  @IsNestedObject(() => RespondentAttendanceDto)
  respondentAttendance!: RespondentAttendanceDto;

  /** Notes for the record (听证笔录 summary). */
  @IsOptionalString()
  @MaxLength(10000)
  notes?: string;
}
