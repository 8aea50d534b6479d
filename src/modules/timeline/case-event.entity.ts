import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ActorKind } from '../../common/auth/actor';

export type CaseType = 'reconsideration' | 'litigation';

/**
 * The history of a case: one immutable row per change (DESIGN, "Events are the history").
 * A trigger refuses UPDATE and DELETE.
 */
@Entity('case_event')
@Index('case_event_case_idx', ['caseId', 'id'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'case_type', type: 'text' })
  caseType!: CaseType;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  /** e.g. received, accepted, deemed_accepted, suspended, concluded, deadline_recomputed. */
  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: ActorKind;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  /** The legal date of what happened (China Standard Time), when it has one. */
  @Column({ name: 'occurred_on', type: 'date', nullable: true })
  occurredOn!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;
}
