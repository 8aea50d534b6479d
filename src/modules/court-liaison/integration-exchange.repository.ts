import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ReceivedExchange {
  agencyId: string;
  apiClientId: string | null;
  operation: string;
  reference: string;
  idempotencyKey: string | null;
  replayed: boolean;
  responseStatus: number;
  requestId: string | null;
  recordedAt: Date;
}

export interface ReceivedRow {
  recorded_at: string;
  operation: string;
  reference: string;
  idempotency_key: string | null;
  replayed: boolean;
  response_status: number;
  request_id: string | null;
}

export interface SentRow {
  attempted_at: string;
  message_id: string;
  event_type: string;
  url: string;
  attempt: number;
  status: string;
  response_status: number | null;
}

const SHANGHAI = `'YYYY-MM-DD"T"HH24:MI:SS.MS"+08:00"'`;

/** The exchange log (table integration_exchange) and the day's reconciliation. */
@Injectable()
export class IntegrationExchangeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Logs a request received (after it was answered, whatever the answer). */
  async recordReceived(exchange: ReceivedExchange): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO integration_exchange
         (agency_id, api_client_id, operation, reference, idempotency_key, replayed,
          response_status, request_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        exchange.agencyId,
        exchange.apiClientId,
        exchange.operation,
        exchange.reference,
        exchange.idempotencyKey,
        exchange.replayed,
        exchange.responseStatus,
        exchange.requestId,
        exchange.recordedAt.toISOString(),
      ],
    );
  }

  /** Requests received from the court in [from, to), oldest first. */
  async receivedBetween(
    agencyId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<ReceivedRow[]> {
    return this.dataSource.query<ReceivedRow[]>(
      `SELECT to_char(recorded_at AT TIME ZONE 'Asia/Shanghai', ${SHANGHAI}) AS recorded_at,
              operation, reference, idempotency_key, replayed, response_status, request_id
         FROM integration_exchange
        WHERE agency_id = $1 AND recorded_at >= $2 AND recorded_at < $3
        ORDER BY recorded_at, id
        LIMIT $4`,
      [agencyId, from.toISOString(), to.toISOString(), limit],
    );
  }

  /** Webhook attempts to the body's endpoints in [from, to), oldest first. */
  async sentBetween(agencyId: string, from: Date, to: Date, limit: number): Promise<SentRow[]> {
    return this.dataSource.query<SentRow[]>(
      `SELECT to_char(a.attempted_at AT TIME ZONE 'Asia/Shanghai', ${SHANGHAI}) AS attempted_at,
              d.message_id, d.event_type, s.url, a.attempt, a.status, a.response_status
         FROM webhook_attempt a
         JOIN webhook_delivery d ON d.id = a.delivery_id
         JOIN webhook_subscription s ON s.id = a.subscription_id
        WHERE s.agency_id = $1 AND a.attempted_at >= $2 AND a.attempted_at < $3
        ORDER BY a.attempted_at, a.id
        LIMIT $4`,
      [agencyId, from.toISOString(), to.toISOString(), limit],
    );
  }
}
