import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { orderedRecordset } from '../../common/persistence/ordered-recordset';

export interface OutboxMessage {
  agencyId: string | null;
  topic: string;
  payload: Record<string, unknown>;
  /** Not to be delivered before this instant (reminders); absent: at once. */
  availableAt?: Date;
  /** The record it is about, shown in the change feed; absent: none. */
  aggregate?: { readonly type: string; readonly id: string } | null;
}

/** A message as a row of outbox_message (its columns' names). */
function toOutboxRow(message: OutboxMessage): Record<string, unknown> {
  return {
    agency_id: message.agencyId,
    topic: message.topic,
    payload: message.payload,
    available_at: message.availableAt?.toISOString() ?? null,
    aggregate_type: message.aggregate?.type ?? null,
    aggregate_id: message.aggregate?.id ?? null,
  };
}

/** Messages to deliver (table outbox_message), written in the transaction of their change. */
@Injectable()
export class OutboxRepository {
  /** Enqueues messages in one statement. */
  async enqueueMany(manager: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await manager.query(
      `INSERT INTO outbox_message (agency_id, topic, payload, available_at, aggregate_type, aggregate_id)
       SELECT m.agency_id, m.topic, m.payload, coalesce(m.available_at, now()), m.aggregate_type, m.aggregate_id
         FROM jsonb_to_recordset($1::jsonb)
              AS m(agency_id uuid, topic text, payload jsonb, available_at timestamptz,
                   aggregate_type text, aggregate_id text, ord int)
        ORDER BY m.ord`,
      [orderedRecordset(messages.map(toOutboxRow))],
    );
  }

  /**
   * Withdraws a hearing's undelivered reminders (it was rescheduled, cancelled or recorded): they
   * will never be delivered. Returns how many.
   */
  async supersedeHearingReminders(manager: EntityManager, hearingId: string): Promise<number> {
    const rows = await manager.query<Array<{ id: string }>>(
      `UPDATE outbox_message SET superseded_at = now()
        WHERE topic = 'hearing.reminder' AND payload->>'hearingId' = $1
          AND delivered_at IS NULL AND superseded_at IS NULL
        RETURNING id`,
      [hearingId],
    );
    return rows.length;
  }

  /**
   * Withdraws a court session's undelivered reminders (rescheduled, cancelled or held). Returns
   * how many.
   */
  async supersedeCourtSessionReminders(manager: EntityManager, sessionId: string): Promise<number> {
    const result = await manager.query<[unknown[], number] | unknown[]>(
      `UPDATE outbox_message SET superseded_at = now()
        WHERE topic = 'court_session.reminder' AND payload->>'sessionId' = $1
          AND delivered_at IS NULL AND superseded_at IS NULL
        RETURNING id`,
      [sessionId],
    );
    // TypeORM answers an UPDATE … RETURNING as [rows, count].
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows.length;
  }
}
