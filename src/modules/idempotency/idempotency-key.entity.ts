import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An Idempotency-Key of one caller: the request it was first used for and its response. */
@Entity('idempotency_key')
@Check('idempotency_key_state_check', `"state" IN ('in_flight', 'completed')`)
@Index('idempotency_key_expires_idx', ['expiresAt'])
export class IdempotencyKeyEntity {
  /** `<actor kind>:<actor id>`: keys are unique per caller. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_key_pkey' })
  owner!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_key_pkey' })
  key!: string;

  /** SHA-256 of method, path and canonical JSON body. */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'text' })
  state!: 'in_flight' | 'completed';

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** An in-flight claim older than this is abandoned (its instance died) and may be taken over. */
  @Column({ name: 'locked_until', type: 'timestamptz' })
  lockedUntil!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
