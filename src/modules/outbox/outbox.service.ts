import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface OutboxMessage {
  agencyId: string | null;
  topic: string;
  payload: Record<string, unknown>;
}

@Injectable()
export class OutboxService {
  /** Enqueues a message inside the caller's transaction. */
  async enqueue(
    manager: EntityManager,
    agencyId: string | null,
    topic: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.enqueueMany(manager, [{ agencyId, topic, payload }]);
  }

  /** Enqueues many messages in one statement. */
  async enqueueMany(manager: EntityManager, messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await manager.query(
      `INSERT INTO outbox_message (agency_id, topic, payload)
       SELECT m.agency_id, m.topic, m.payload
         FROM jsonb_to_recordset($1::jsonb) AS m(agency_id uuid, topic text, payload jsonb)`,
      [
        JSON.stringify(
          messages.map((m) => ({ agency_id: m.agencyId, topic: m.topic, payload: m.payload })),
        ),
      ],
    );
  }
}
