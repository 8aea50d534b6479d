import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import type { DeliveryStatus } from './webhook.entities';

export interface SubscriptionRow {
  id: string;
  agency_id: string;
  url: string;
  events: string[];
  description: string | null;
  secret_sealed: string;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: string | null;
  created_at: string;
}

export interface NewSubscription {
  agencyId: string;
  url: string;
  events: string[];
  description: string | null;
  secretSealed: string;
}

/** A delivery claimed by this instance, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  url: string;
  secretSealed: string;
  messageId: string;
  eventType: string;
  payload: Record<string, unknown>;
  /** This attempt's number (1 for the first). */
  attempt: number;
  /** This attempt's number since the delivery was last (re)queued. */
  attemptSinceQueued: number;
}

export interface AttemptRecord {
  deliveryId: string;
  subscriptionId: string;
  attempt: number;
  status: Exclude<DeliveryStatus, 'pending'>;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: Date;
  nextAttemptAt: Date | null;
  instance: string;
  disable: string | null;
}

export interface AttemptRow {
  id: string;
  message_id: string;
  event_type: string;
  attempt: number;
  status: DeliveryStatus;
  response_status: number | null;
  error: string | null;
  attempted_at: string | null;
  next_attempt_at: string | null;
}

const SHANGHAI = `'YYYY-MM-DD"T"HH24:MI:SS.MS"+08:00"'`;

/** Webhook subscriptions, deliveries and attempts (tables webhook_*). */
@Injectable()
export class WebhookRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertSubscription(
    manager: EntityManager,
    subscription: NewSubscription,
  ): Promise<SubscriptionRow> {
    const [row] = await manager.query<SubscriptionRow[]>(
      `INSERT INTO webhook_subscription (agency_id, url, events, description, secret_sealed)
       VALUES ($1, $2, $3, $4, $5)
       RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [
        subscription.agencyId,
        subscription.url,
        subscription.events,
        subscription.description,
        subscription.secretSealed,
      ],
    );
    return row;
  }

  /** A subscription in scope, not deleted; `lock` takes its row lock for a command. */
  async findInScope(
    manager: EntityManager | null,
    scope: TenantScope,
    id: string,
    lock = false,
  ): Promise<SubscriptionRow | null> {
    const [row] = await (manager ?? this.dataSource).query<SubscriptionRow[]>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscription
        WHERE id = $1 AND deleted_at IS NULL AND ($2::uuid IS NULL OR agency_id = $2)
        ${lock ? 'FOR UPDATE' : ''}`,
      [id, scope.agencyId],
    );
    return row ?? null;
  }

  /** Subscriptions of a scope, oldest first, after the id of the previous page's last. */
  async listInScope(
    scope: TenantScope,
    after: { createdAt: string; id: string } | null,
    limit: number,
  ): Promise<Array<SubscriptionRow & { created_at_key: string }>> {
    return this.dataSource.query(
      `SELECT ${SUBSCRIPTION_COLUMNS},
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_key
         FROM webhook_subscription
        WHERE deleted_at IS NULL AND ($1::uuid IS NULL OR agency_id = $1)
          AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY created_at, id
        LIMIT $4`,
      [scope.agencyId, after?.createdAt ?? null, after?.id ?? null, limit],
    );
  }

  async markDeleted(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE webhook_subscription SET deleted_at = now(), enabled = false WHERE id = $1`,
      [id],
    );
  }

  /**
   * Fans newly sequenced outbox messages out to the enabled subscriptions of their body whose
   * events match (in the sequencer's transaction): one delivery each, `webhook-id` `msg_<id>`.
   */
  async fanOut(manager: EntityManager, outboxIds: readonly string[], now: Date): Promise<number> {
    if (outboxIds.length === 0) return 0;
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO webhook_delivery
         (subscription_id, agency_id, message_id, outbox_message_id, event_type, payload, next_attempt_at)
       SELECT s.id, m.agency_id, 'msg_' || m.id, m.id, m.topic,
              jsonb_build_object(
                'type', m.topic,
                'timestamp', to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'data', jsonb_build_object('eventId', m.id::text, 'aggregate',
                          CASE WHEN m.aggregate_type IS NULL THEN NULL
                               ELSE jsonb_build_object('kind', m.aggregate_type, 'id', m.aggregate_id) END)
                        || m.payload),
              $2
         FROM outbox_message m
         JOIN webhook_subscription s
           ON s.agency_id = m.agency_id AND s.enabled AND s.deleted_at IS NULL
          AND ('*' = ANY(s.events) OR m.topic = ANY(s.events))
        WHERE m.id = ANY($1::bigint[])
        ORDER BY m.feed_position, s.id
       ON CONFLICT (subscription_id, message_id) DO NOTHING
       RETURNING id`,
      [outboxIds, now.toISOString()],
    );
    return rows.length;
  }

  /** Queues a `webhook.test` message for one subscription. */
  async enqueueTest(
    manager: EntityManager,
    subscription: SubscriptionRow,
    messageId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO webhook_delivery
         (subscription_id, agency_id, message_id, event_type, payload, next_attempt_at)
       VALUES ($1, $2, $3, 'webhook.test', $4, $5)`,
      [
        subscription.id,
        subscription.agency_id,
        messageId,
        JSON.stringify({
          type: 'webhook.test',
          timestamp: now.toISOString(),
          data: { webhookId: subscription.id },
        }),
        now.toISOString(),
      ],
    );
  }

  /**
   * Claims up to `limit` due deliveries of enabled endpoints for this instance: each gets a lease
   * (committed at once), so no other instance takes it until the lease runs out — a crashed
   * instance's deliveries are taken up again then. Counts the attempt.
   */
  async claimDue(now: Date, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
    const [rows] = await this.dataSource.query<
      [
        Array<{
          id: string;
          subscription_id: string;
          url: string;
          secret_sealed: string;
          message_id: string;
          event_type: string;
          payload: Record<string, unknown>;
          attempts: number;
          retry_base: number;
        }>,
        number,
      ]
    >(
      `WITH due AS (
         SELECT d.id FROM webhook_delivery d
           JOIN webhook_subscription s ON s.id = d.subscription_id
          WHERE d.status IN ('pending', 'retrying') AND d.next_attempt_at <= $1
            AND (d.lease_until IS NULL OR d.lease_until < now())
            AND s.enabled AND s.deleted_at IS NULL
          ORDER BY d.next_attempt_at, d.id
          LIMIT $2
          FOR UPDATE OF d SKIP LOCKED)
       UPDATE webhook_delivery d
          SET lease_until = now() + make_interval(secs => $3), attempts = d.attempts + 1
         FROM due, webhook_subscription s
        WHERE d.id = due.id AND s.id = d.subscription_id
       RETURNING d.id, d.subscription_id, s.url, s.secret_sealed, d.message_id, d.event_type,
                 d.payload, d.attempts, d.retry_base`,
      [now.toISOString(), limit, leaseSeconds],
    );
    return rows.map((row) => ({
      id: row.id,
      subscriptionId: row.subscription_id,
      url: row.url,
      secretSealed: row.secret_sealed,
      messageId: row.message_id,
      eventType: row.event_type,
      payload: row.payload,
      attempt: row.attempts,
      attemptSinceQueued: row.attempts - row.retry_base,
    }));
  }

  /** Logs an attempt, moves its delivery on, and disables the endpoint when told to. */
  async recordAttempt(manager: EntityManager, record: AttemptRecord): Promise<void> {
    await manager.query(
      `UPDATE webhook_delivery
          SET status = $2, next_attempt_at = $3, lease_until = NULL,
              completed_at = CASE WHEN $2 IN ('succeeded', 'failed') THEN now() ELSE NULL END
        WHERE id = $1`,
      [record.deliveryId, record.status, record.nextAttemptAt?.toISOString() ?? null],
    );
    await manager.query(
      `INSERT INTO webhook_attempt
         (delivery_id, subscription_id, attempt, status, response_status, error, duration_ms,
          attempted_at, next_attempt_at, instance)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        record.deliveryId,
        record.subscriptionId,
        record.attempt,
        record.status,
        record.responseStatus,
        record.error,
        record.durationMs,
        record.attemptedAt.toISOString(),
        record.nextAttemptAt?.toISOString() ?? null,
        record.instance,
      ],
    );
    if (record.disable !== null) {
      await manager.query(
        `UPDATE webhook_subscription
            SET enabled = false, disabled_reason = $2, disabled_at = now()
          WHERE id = $1 AND enabled`,
        [record.subscriptionId, record.disable],
      );
    }
  }

  /**
   * Queues a delivery again at `now` (same `webhook-id`); its retry schedule starts over, and a
   * disabled endpoint is enabled again. False when the subscription has no such message.
   */
  async redeliver(
    manager: EntityManager,
    subscriptionId: string,
    messageId: string,
    now: Date,
  ): Promise<boolean> {
    const [rows] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE webhook_delivery
          SET status = 'pending', next_attempt_at = $3, lease_until = NULL, completed_at = NULL,
              retry_base = attempts
        WHERE subscription_id = $1 AND message_id = $2
       RETURNING id`,
      [subscriptionId, messageId, now.toISOString()],
    );
    if (rows.length === 0) return false;
    await manager.query(
      `UPDATE webhook_subscription SET enabled = true, disabled_reason = NULL, disabled_at = NULL
        WHERE id = $1 AND NOT enabled`,
      [subscriptionId],
    );
    return true;
  }

  /**
   * The delivery log of a subscription, newest first: each attempt, and (on the first page)
   * deliveries not attempted yet (attempt 0, pending).
   */
  async listAttempts(
    subscriptionId: string,
    beforeAttemptId: string | null,
    limit: number,
  ): Promise<Array<AttemptRow & { key: string | null }>> {
    const pending =
      beforeAttemptId === null
        ? await this.dataSource.query<AttemptRow[]>(
            `SELECT id, message_id, event_type, 0 AS attempt, 'pending' AS status,
                    NULL::int AS response_status, NULL AS error, NULL AS attempted_at,
                    to_char(next_attempt_at AT TIME ZONE 'Asia/Shanghai', ${SHANGHAI}) AS next_attempt_at
               FROM webhook_delivery
              WHERE subscription_id = $1 AND status = 'pending' AND attempts = 0
              ORDER BY id DESC LIMIT 200`,
            [subscriptionId],
          )
        : [];
    const attempts = await this.dataSource.query<AttemptRow[]>(
      `SELECT a.id, d.message_id, d.event_type, a.attempt, a.status, a.response_status, a.error,
              to_char(a.attempted_at AT TIME ZONE 'Asia/Shanghai', ${SHANGHAI}) AS attempted_at,
              to_char(a.next_attempt_at AT TIME ZONE 'Asia/Shanghai', ${SHANGHAI}) AS next_attempt_at
         FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
        WHERE a.subscription_id = $1 AND ($2::bigint IS NULL OR a.id < $2)
        ORDER BY a.id DESC
        LIMIT $3`,
      [subscriptionId, beforeAttemptId, limit],
    );
    return [
      ...pending.map((row) => ({ ...row, key: null })),
      ...attempts.map((row) => ({ ...row, key: row.id })),
    ];
  }
}

const SUBSCRIPTION_COLUMNS = `id, agency_id, url, events, description, secret_sealed, enabled,
  disabled_reason,
  to_char(disabled_at AT TIME ZONE 'Asia/Shanghai', ${SHANGHAI}) AS disabled_at,
  to_char(created_at AT TIME ZONE 'Asia/Shanghai', ${SHANGHAI}) AS created_at`;
