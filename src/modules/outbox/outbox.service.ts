import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

@Injectable()
export class OutboxService {
  /** Enqueues a message inside the caller's transaction. */
  async enqueue(
    manager: EntityManager,
    agencyId: string | null,
    topic: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO outbox_message (agency_id, topic, payload) VALUES ($1, $2, $3)',
      [agencyId, topic, JSON.stringify(payload)],
    );
  }
}
