import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { AgencyEntity } from '../identity/agency.entity';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'retrying';

/** A body's webhook endpoint; its `whsec_` secret is sealed with the SecretBox. */
@Entity('webhook_subscription')
@Index('webhook_subscription_agency_idx', { synchronize: false })
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_subscription_pkey' })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity)
  @JoinColumn({
    name: 'agency_id',
    foreignKeyConstraintName: 'webhook_subscription_agency_fkey',
  })
  agency?: AgencyEntity;

  @Column({ type: 'text' })
  url!: string;

  /** Event types, or `*` for all. */
  @Column({ type: 'text', array: true })
  events!: string[];

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}

/** One message for one endpoint: claimed with a lease, retried on its schedule. */
@Entity('webhook_delivery')
@Unique('webhook_delivery_message_key', ['subscriptionId', 'messageId'])
@Check(
  'webhook_delivery_status_check',
  `"status" IN ('pending', 'succeeded', 'failed', 'retrying')`,
)
@Index('webhook_delivery_due_idx', { synchronize: false })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'webhook_delivery_pkey',
  })
  id!: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @ManyToOne(() => WebhookSubscriptionEntity)
  @JoinColumn({
    name: 'subscription_id',
    foreignKeyConstraintName: 'webhook_delivery_subscription_fkey',
  })
  subscription?: WebhookSubscriptionEntity;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  /** The `webhook-id`: the same on every retry and redelivery. */
  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Column({ name: 'outbox_message_id', type: 'bigint', nullable: true })
  outboxMessageId!: string | null;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  /** `{type, timestamp, data}` as sent (personal ID numbers left out when sending). */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Attempts made before the last manual redelivery: the retry schedule restarts after it. */
  @Column({ name: 'retry_base', type: 'integer', default: 0 })
  retryBase!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}

/** One attempt to deliver, as logged. */
@Entity('webhook_attempt')
@Check('webhook_attempt_status_check', `"status" IN ('succeeded', 'failed', 'retrying')`)
@Index('webhook_attempt_subscription_idx', ['subscriptionId', 'id'])
@Index('webhook_attempt_attempted_idx', ['attemptedAt'])
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'webhook_attempt_pkey',
  })
  id!: string;

  @Column({ name: 'delivery_id', type: 'bigint' })
  deliveryId!: string;

  @ManyToOne(() => WebhookDeliveryEntity)
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'webhook_attempt_delivery_fkey' })
  delivery?: WebhookDeliveryEntity;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'text' })
  status!: Exclude<DeliveryStatus, 'pending'>;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** Which API instance made the attempt. */
  @Column({ type: 'text' })
  instance!: string;
}
