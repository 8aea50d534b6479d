import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedRecord } from '../../database/record-columns';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type { CourtSessionStatus } from '../../domain/litigation/court-session-deadlines.rule';

/** A court session (开庭) of a litigation case, as the court noticed it. */
@Entity('court_session')
@Index('court_session_list_idx', ['agencyId', 'startsAt', 'id'])
@Index('court_session_case_idx', ['caseId', 'startsAt'])
@Index('court_session_external_key', ['agencyId', 'courtSessionId'], { unique: true })
@Index('court_session_held_idx', { synchronize: false })
@Check('court_session_status_check', `"status" IN ('scheduled', 'cancelled', 'held')`)
export class CourtSessionEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The reconsideration body (tenant). */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** The court's own id of the session (court liaison); null when entered by hand. */
  @Column({ name: 'court_session_id', type: 'text', nullable: true })
  courtSessionId!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  /** The session's date in China Standard Time. */
  @Column({ name: 'session_on', type: 'date' })
  sessionOn!: LegalDate;

  @Column({ type: 'text' })
  courtroom!: string;

  /** When the court's notice to appear reached the agency (负责人出庭应诉规定 第五条). */
  @Column({ name: 'notice_received_on', type: 'date' })
  noticeReceivedOn!: LegalDate;

  /** Fewer than 3 days between notice and session (第五条第二款): flagged, never refused. */
  @Column({ name: 'short_notice', type: 'boolean' })
  shortNotice!: boolean;

  /** The court's notice asked the head to appear (第四条、第五条). */
  @Column({ name: 'head_summoned', type: 'boolean' })
  headSummoned!: boolean;

  @Column({ type: 'text' })
  status!: CourtSessionStatus;

  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn!: LegalDate | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;
}
