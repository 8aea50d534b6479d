import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exchange log of the court liaison integration: every request received from the court's
 * system (its operation, the court's identifier, the Idempotency-Key, the answer), for the daily
 * reconciliation with what was sent (webhook attempts).
 */
export class IntegrationExchange1796200000003 implements MigrationInterface {
  name = 'IntegrationExchange1796200000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "integration_exchange" (
         "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
         "agency_id" uuid NOT NULL,
         "api_client_id" uuid,
         "operation" text NOT NULL,
         "reference" text NOT NULL,
         "idempotency_key" text,
         "replayed" boolean NOT NULL DEFAULT false,
         "response_status" integer NOT NULL,
         "request_id" text,
         "recorded_at" timestamptz NOT NULL,
         CONSTRAINT "integration_exchange_pkey" PRIMARY KEY ("id")
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX "integration_exchange_day_idx" ON "integration_exchange" ("agency_id", "recorded_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "integration_exchange"');
  }
}
