import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOfColumns, type Actor, type ActorColumns } from '../../common/auth/actor';
import { orderedRecordset } from '../../common/persistence/ordered-recordset';
import type { CaseType } from './case-event.entity';
import type { CaseEventDto } from './dto/case-event.dto';

export interface NewCaseEvent {
  caseType: CaseType;
  caseId: string;
  agencyId: string;
  type: string;
  actor: Actor;
  occurredOn: string | null;
  payload: Record<string, unknown>;
}

interface CaseEventRow extends ActorColumns {
  id: string;
  type: string;
  occurred_on: string | null;
  recorded_at: string;
  payload: Record<string, unknown>;
}

/** The case timelines (table case_event): append-only, read oldest first. */
@Injectable()
export class CaseEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends events in one statement inside the command's transaction. */
  async appendMany(manager: EntityManager, events: readonly NewCaseEvent[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO case_event
         (case_type, case_id, agency_id, type, actor_kind, actor_id, actor_name, occurred_on, request_id, payload)
       SELECT e.case_type, e.case_id, e.agency_id, e.type, e.actor_kind, e.actor_id, e.actor_name,
              e.occurred_on, e.request_id, e.payload
         FROM jsonb_to_recordset($1::jsonb) AS e(case_type text, case_id uuid, agency_id uuid,
              type text, actor_kind text, actor_id uuid, actor_name text, occurred_on date,
              request_id text, payload jsonb, ord int)
        ORDER BY e.ord`,
      [
        orderedRecordset(
          events.map((event) => ({
            case_type: event.caseType,
            case_id: event.caseId,
            agency_id: event.agencyId,
            type: event.type,
            actor_kind: event.actor.kind,
            actor_id: event.actor.id,
            actor_name: event.actor.name,
            occurred_on: event.occurredOn,
            request_id: event.actor.requestId ?? null,
            payload: event.payload,
          })),
        ),
      ],
    );
  }

  /** The timeline of one case, oldest first. */
  async listForCase(caseId: string): Promise<CaseEventDto[]> {
    const rows = await this.dataSource.query<CaseEventRow[]>(
      `SELECT id, type, actor_kind, actor_id, actor_name, occurred_on::text AS occurred_on,
              to_char(recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS.US"+08:00"') AS recorded_at,
              payload
         FROM case_event WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      actor: actorOfColumns(row),
      occurredOn: row.occurred_on,
      recordedAt: row.recorded_at,
      payload: row.payload,
    }));
  }
}
