import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One request received from the court's system, as answered (for reconciliation). */
@Entity('integration_exchange')
@Index('integration_exchange_day_idx', ['agencyId', 'recordedAt'])
export class IntegrationExchangeEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'integration_exchange_pkey',
  })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'api_client_id', type: 'uuid', nullable: true })
  apiClientId!: string | null;

  /** e.g. `court_case.put`, `court_session.post`, `court_judgment.post`. */
  @Column({ type: 'text' })
  operation!: string;

  /** The court's identifier: 案号, session id or document id. */
  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  /** Answered from the stored response of an earlier request with the same key. */
  @Column({ type: 'boolean', default: false })
  replayed!: boolean;

  @Column({ name: 'response_status', type: 'integer' })
  responseStatus!: number;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
