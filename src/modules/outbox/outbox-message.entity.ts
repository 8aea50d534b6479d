import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Messages for notification and webhook delivery, written in the same transaction as the change
 * they announce; a deliverer picks them up with FOR UPDATE SKIP LOCKED.
 */
@Entity('outbox_message')
@Index('outbox_message_pending_idx', ['deliveredAt', 'id'])
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
}
