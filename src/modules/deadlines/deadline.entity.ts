import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedRecord } from '../../database/record-columns';
import type { DeadlineInput } from '../../domain/deadlines/compute-deadline.rule';
import type { DeadlineRecord } from '../../domain/deadlines/deadline-record.type';
import type { DeadlineOwner } from './deadline.repository';

export const DEADLINE_STATUSES = ['open', 'met', 'overdue', 'paused', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * A statutory deadline of one case, stored with the input that computes it and the
 * self-explaining record it produced. `pendingYear` is set while the legal calendar lacks a
 * year the computation needs: the deadline is then visible but has no due date yet.
 */
@Entity('deadline')
@Index('deadline_case_kind_key', ['caseId', 'kind'], { unique: true })
// The worklist: open deadlines of an agency in due order (partial index made by migration).
@Index('deadline_open_due_idx', { synchronize: false })
@Index('deadline_due_idx', ['status', 'dueOn'])
@Check('deadline_status_check', `"status" IN ('open', 'met', 'overdue', 'paused', 'cancelled')`)
export class DeadlineEntity extends TimestampedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'case_type', type: 'text' })
  caseType!: DeadlineOwner;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  status!: DeadlineStatus;

  @Column({ name: 'trigger_on', type: 'date' })
  triggerOn!: string;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ name: 'met_on', type: 'date', nullable: true })
  metOn!: string | null;

  /** First and last calendar year the computation reads, for recomputation on a change. */
  @Column({ name: 'first_year', type: 'integer' })
  firstYear!: number;

  @Column({ name: 'last_year', type: 'integer' })
  lastYear!: number;

  @Column({ name: 'pending_year', type: 'integer', nullable: true })
  pendingYear!: number | null;

  @Column({ name: 'calendar_version', type: 'integer' })
  calendarVersion!: number;

  @Column({ type: 'jsonb' })
  input!: DeadlineInput;

  @Column({ type: 'jsonb', nullable: true })
  record!: DeadlineRecord | null;

  /** The command that must record the trigger before the period can run, e.g. the notice's service. */
  @Column({ name: 'awaiting_action', type: 'text', nullable: true })
  awaitingAction!: string | null;

  /** Set when the sweep has announced it due soon / overdue, so it announces once. */
  @Column({ name: 'due_soon_notified_on', type: 'date', nullable: true })
  dueSoonNotifiedOn!: string | null;
}
