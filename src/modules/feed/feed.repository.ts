import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** Advisory lock key of the feed sequencer: one sequencer at a time across every instance. */
const SEQUENCER_LOCK = 7_213_400_101;

/** A message that has just been given its feed position. */
export interface SequencedMessage {
  id: string;
  position: string;
  agencyId: string | null;
  topic: string;
}

export interface FeedRow {
  id: string;
  position: string;
  topic: string;
  aggregateType: string | null;
  aggregateId: string | null;
  createdAt: string;
  payload: Record<string, unknown>;
}

interface FeedSqlRow {
  id: string;
  feed_position: string;
  topic: string;
  aggregate_type: string | null;
  aggregate_id: string | null;
  created_at: string;
  payload: Record<string, unknown>;
}

/**
 * The change feed over the outbox (table outbox_message). Positions are given after commit by the
 * sequencer, which holds a transaction-level advisory lock: only committed, due, not superseded
 * messages are numbered, each batch continues from the highest position so far, and the lock is
 * released only after the batch is visible — so positions become visible in increasing order and
 * a reader that has seen position p never later finds a new position below p.
 */
@Injectable()
export class FeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes the sequencer lock for this transaction; false when another sequencer holds it. */
  async tryLockSequencer(manager: EntityManager): Promise<boolean> {
    const [row] = await manager.query<Array<{ locked: boolean }>>(
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [SEQUENCER_LOCK],
    );
    return row.locked;
  }

  /**
   * Numbers up to `limit` committed messages that are due at `now` (the app's clock; messages
   * available from their insertion are always due), oldest first, after the
   * highest position so far (call with the sequencer lock held, in a new statement so that the
   * previous batch is seen). Marks them handed over (`delivered_at`).
   */
  async sequenceDue(manager: EntityManager, now: Date, limit: number): Promise<SequencedMessage[]> {
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
    const [rows] = await manager.query<
      [
        Array<{ id: string; feed_position: string; agency_id: string | null; topic: string }>,
        number,
      ]
    >(
      `WITH top AS (SELECT coalesce(max(feed_position), 0) AS position FROM outbox_message),
            due AS (SELECT id FROM outbox_message
                     WHERE feed_position IS NULL AND superseded_at IS NULL
                       AND (available_at <= created_at OR available_at <= $1)
                     ORDER BY id LIMIT $2
                     FOR UPDATE SKIP LOCKED),
            numbered AS (SELECT due.id, top.position + row_number() OVER (ORDER BY due.id) AS position
                           FROM due, top)
       UPDATE outbox_message m
          SET feed_position = numbered.position, delivered_at = now()
         FROM numbered
        WHERE m.id = numbered.id
       RETURNING m.id, m.feed_position, m.agency_id, m.topic`,
      [now.toISOString(), limit],
    );
    return rows
      .map((row) => ({
        id: row.id,
        position: row.feed_position,
        agencyId: row.agency_id,
        topic: row.topic,
      }))
      .sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
  }

  /** Events of one body after a position, in feed order; `types` limits the topics. */
  async pageForAgency(
    agencyId: string,
    after: string | null,
    types: readonly string[] | null,
    limit: number,
  ): Promise<FeedRow[]> {
    const rows = await this.dataSource.query<FeedSqlRow[]>(
      `SELECT id, feed_position, topic, aggregate_type, aggregate_id, payload,
              to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS.US"+08:00"') AS created_at
         FROM outbox_message
        WHERE agency_id = $1 AND feed_position IS NOT NULL AND feed_position > $2
          AND ($3::text[] IS NULL OR topic = ANY($3::text[]))
        ORDER BY feed_position
        LIMIT $4`,
      [agencyId, after ?? '0', types, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      position: row.feed_position,
      topic: row.topic,
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
      createdAt: row.created_at,
      payload: row.payload,
    }));
  }
}
