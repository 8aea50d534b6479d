import {
  Check,
  Column,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { VersionedRecord } from '../../database/record-columns';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import { ReconsiderationCaseEntity } from '../reconsideration/reconsideration-case.entity';
import type {
  HearingKind,
  HearingStatus,
  RespondentAttendance,
} from '../../domain/hearings/hearing.rules';

/**
 * A hearing (听证, 行政复议法 第五十条) or a hearing of opinions in person (听取意见, 第四十九条) on a
 * reconsideration case. `[starts_at, ends_at)` is half-open: one hearing ending at 11:00 does not
 * clash with one starting at 11:00.
 *
 * `hearing_room_excl` keeps a room (location, per agency) from being booked twice at once, in
 * the database, so two concurrent schedulings cannot both win. A cancelled hearing frees its
 * room; a held one keeps it (it took place there).
 */
@Entity('hearing')
@Index('hearing_list_idx', ['agencyId', 'startsAt', 'id'])
@Index('hearing_case_idx', ['caseId', 'startsAt'])
// Statistics: hearings held by legal date (partial, migration 1796100000000).
@Index('hearing_held_idx', { synchronize: false })
@Check('hearing_kind_check', `"kind" IN ('hearing', 'opinion_hearing')`)
@Check('hearing_status_check', `"status" IN ('scheduled', 'cancelled', 'held')`)
@Check('hearing_time_check', `"ends_at" > "starts_at"`)
@Exclusion(
  'hearing_room_excl',
  `USING gist ("agency_id" WITH =, "location" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" <> 'cancelled')`,
)
export class HearingEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => ReconsiderationCaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'hearing_case_fk' })
  case?: ReconsiderationCaseEntity;

  @Column({ type: 'text' })
  kind!: HearingKind;

  @Column({ type: 'text' })
  status!: HearingStatus;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  /** The room, as the office names it (trimmed, inner whitespace collapsed). */
  @Column({ type: 'text' })
  location!: string;

  /** Date of the written notice (第五十一条第一款): at least 5 working days before the hearing. */
  @Column({ name: 'notice_on', type: 'date' })
  noticeOn!: LegalDate;

  /** 拟听证事项: what the hearing is about, as notified. */
  @Column({ type: 'text' })
  matters!: string;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn!: LegalDate | null;

  @Column({ name: 'applicant_attended', type: 'boolean', nullable: true })
  applicantAttended!: boolean | null;

  /** Who attended for the respondent (第五十一条第三款): the responsible person, or why not and whom they delegated. */
  @Column({ name: 'respondent_attendance', type: 'jsonb', nullable: true })
  respondentAttendance!: RespondentAttendance | null;

  @Column({ name: 'record_notes', type: 'text', nullable: true })
  recordNotes!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;
}
