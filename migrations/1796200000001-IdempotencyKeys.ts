import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of integration writes (draft-ietf-httpapi-idempotency-key-header): one row per
 * caller and key with the request's fingerprint and, once done, the response to replay.
 */
export class IdempotencyKeys1796200000001 implements MigrationInterface {
  name = 'IdempotencyKeys1796200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" (
         "owner" text NOT NULL,
         "key" text NOT NULL,
         "fingerprint" text NOT NULL,
         "method" text NOT NULL,
         "path" text NOT NULL,
         "state" text NOT NULL,
         "response_status" integer,
         "response_body" jsonb,
         "created_at" timestamptz NOT NULL,
         "locked_until" timestamptz NOT NULL,
         "expires_at" timestamptz NOT NULL,
         CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("owner", "key"),
         CONSTRAINT "idempotency_key_state_check" CHECK ("state" IN ('in_flight', 'completed'))
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idempotency_key_expires_idx" ON "idempotency_key" ("expires_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "idempotency_key"');
  }
}
