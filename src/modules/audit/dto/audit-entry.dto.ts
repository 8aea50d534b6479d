import type { ActorKind } from '../../../common/auth/actor';

export class AuditActorDto {
  kind!: ActorKind;
  id!: string | null;
  name!: string;
}

export class AuditEntryDto {
  /** Sequence number of the entry. */
  id!: string;
  occurredAt!: string;
  actor!: AuditActorDto;
  agencyId!: string | null;
  /** e.g. `user.created`, `calendar.year_replaced`. */
  action!: string;
  targetType!: string;
  targetId!: string | null;
  requestId!: string | null;
  /** The client address of the request (per TRUST_PROXY). */
  clientAddress!: string | null;
  summary!: Record<string, unknown>;
}

export class AuditPageDto {
  items!: AuditEntryDto[];
  nextCursor!: string | null;
}
