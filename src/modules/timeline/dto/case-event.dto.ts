import type { ActorKind } from '../../../common/auth/actor';

export class EventActorDto {
  /** user | system | api_client */
  kind!: ActorKind;
  id!: string | null;
  name!: string;
}

export class CaseEventDto {
  id!: string;
  /** e.g. received, accepted, deemed_accepted, suspended, concluded, deadline_recomputed */
  type!: string;
  actor!: EventActorDto;
  /** The legal date of what happened (YYYY-MM-DD). */
  occurredOn!: string | null;
  /** When it was recorded (ISO 8601, China Standard Time). */
  recordedAt!: string;
  payload!: Record<string, unknown>;
}

export class CaseEventListDto {
  items!: CaseEventDto[];
}
