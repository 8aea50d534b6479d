import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { IsLegalDate } from '../../../common/validation/is-legal-date.decorator';
import { IsInstant } from '../../../common/validation/is-instant.decorator';
import { HEARING_KINDS, type HearingKind } from '../../../domain/hearings/hearing.rules';
import { RequestExample } from '../../../common/openapi/request-example.decorator';

export const NOT_BLANK = /\S/;
export const NOT_BLANK_MESSAGE = { message: '$property must not be blank' };

/** The longest hearing one booking may hold (12 hours). */
export const MAX_DURATION_MINUTES = 720;

@RequestExample({
  kind: 'hearing',
  startsAt: '2024-10-21T09:00:00+08:00',
  durationMinutes: 120,
  location: '第一听证室',
  noticeOn: '2024-10-10',
  presidingOfficerId: '7c1e9a52-3b6d-4e8f-a0c4-5d2b8e6f1a93',
  panelMemberIds: ['b4d2f8a1-9e3c-4a7b-8d6e-2f1c5a9b7e30', 'c9e1a7d3-5b2f-4c8e-9a6d-3e7b1f5c2a84'],
  recorderId: 'e2a6c4f8-1d9b-4e3a-b7c5-8f2d6a4e1c97',
  matters: '行政处罚决定认定事实是否清楚',
})
export class ScheduleHearingDto {
  /** hearing 听证 (第五十条) | opinion_hearing 听取意见, in person (第四十九条) */
  @IsIn(HEARING_KINDS)
  kind!: HearingKind;

  /** When it starts: ISO 8601 with offset, e.g. 2024-10-10T09:00:00+08:00. Past instants are allowed (hearings recorded after the fact). */
  @IsInstant()
  startsAt!: string;

  /** Length in minutes (1–720); the booking is the half-open interval [startsAt, startsAt + duration). */
  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_MINUTES)
  durationMinutes!: number;

  /** The room, e.g. 第一听证室. One room holds one hearing at a time within the agency. */
  @IsString()
  @Matches(NOT_BLANK, NOT_BLANK_MESSAGE)
  @MaxLength(200)
  location!: string;

  /** Date of the written notice to the parties (第五十一条): the hearing date must be at least 5 working days later. */
  @IsLegalDate()
  noticeOn!: string;

  /** The presiding officer (主持人): an active user of the agency. */
  @IsUUID()
  presidingOfficerId!: string;

  /** Hearing officers (听证员): at least two for a hearing (第五十条第三款); may be empty for a hearing of opinions. All people on the panel are distinct. */
  @IsOptionalNotNull()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  panelMemberIds?: string[];

  /** The recorder (记录员) who writes the record (听证笔录). */
  @IsUUID()
  recorderId!: string;

  /** 拟听证事项: the matters to be heard, as stated in the notice. */
  @IsString()
  @Matches(NOT_BLANK, NOT_BLANK_MESSAGE)
  @MaxLength(4000)
  matters!: string;
}
