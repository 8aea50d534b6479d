import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Messages for notification and webhook delivery, written in the same transaction as the change
 * they announce; a deliverer picks them up with FOR UPDATE SKIP LOCKED.
 */
@Entity('outbox_message')
@Index('outbox_message_pending_idx', ['deliveredAt', 'id'])
@Index('outbox_message_hearing_reminder_idx', { synchronize: false })
@Index('outbox_message_court_session_reminder_idx', { synchronize: false })
@Index('outbox_message_feed_position_key', { synchronize: false })
@Index('outbox_message_feed_idx', { synchronize: false })
@Index('outbox_message_unsequenced_idx', { synchronize: false })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  /** e.g. case.received, case.deemed_accepted, deadline.due_soon, deadline.overdue. */
  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Not to be delivered before this instant (hearing reminders); now() for everything else. */
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  /** Set when a later change made the message moot (a rescheduled or cancelled hearing's reminder): never deliver it. */
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  /** The record the message is about (`reconsideration_case`, `hearing`, …), when it has one. */
  @Column({ name: 'aggregate_type', type: 'text', nullable: true })
  aggregateType!: string | null;

  @Column({ name: 'aggregate_id', type: 'text', nullable: true })
  aggregateId!: string | null;

  /** Position in the change feed, given by the sequencer once the message has committed and is due. */
  @Column({ name: 'feed_position', type: 'bigint', nullable: true })
  feedPosition!: string | null;
}
