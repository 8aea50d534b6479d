import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (Standard Webhooks): subscriptions of a body with their sealed `whsec_` secret, one
 * delivery per (subscription, message) claimed with a lease by one instance at a time, and the
 * log of every attempt.
 */
export class Webhooks1796200000002 implements MigrationInterface {
  name = 'Webhooks1796200000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook_subscription" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "agency_id" uuid NOT NULL,
         "url" text NOT NULL,
         "events" text array NOT NULL,
         "description" text,
         "secret_sealed" text NOT NULL,
         "enabled" boolean NOT NULL DEFAULT true,
         "disabled_reason" text,
         "disabled_at" timestamptz,
         "created_at" timestamptz NOT NULL DEFAULT now(),
         "deleted_at" timestamptz,
         CONSTRAINT "webhook_subscription_pkey" PRIMARY KEY ("id"),
         CONSTRAINT "webhook_subscription_agency_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id")
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_subscription_agency_idx" ON "webhook_subscription" ("agency_id") WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery" (
         "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
         "subscription_id" uuid NOT NULL,
         "agency_id" uuid NOT NULL,
         "message_id" text NOT NULL,
         "outbox_message_id" bigint,
         "event_type" text NOT NULL,
         "payload" jsonb NOT NULL,
         "status" text NOT NULL DEFAULT 'pending',
         "attempts" integer NOT NULL DEFAULT 0,
         "retry_base" integer NOT NULL DEFAULT 0,
         "next_attempt_at" timestamptz,
         "lease_until" timestamptz,
         "created_at" timestamptz NOT NULL DEFAULT now(),
         "completed_at" timestamptz,
         CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id"),
         CONSTRAINT "webhook_delivery_message_key" UNIQUE ("subscription_id", "message_id"),
         CONSTRAINT "webhook_delivery_subscription_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id"),
         CONSTRAINT "webhook_delivery_status_check" CHECK ("status" IN ('pending', 'succeeded', 'failed', 'retrying'))
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_delivery_due_idx" ON "webhook_delivery" ("next_attempt_at", "id") WHERE "status" IN ('pending', 'retrying')`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_attempt" (
         "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
         "delivery_id" bigint NOT NULL,
         "subscription_id" uuid NOT NULL,
         "attempt" integer NOT NULL,
         "status" text NOT NULL,
         "response_status" integer,
         "error" text,
         "duration_ms" integer NOT NULL,
         "attempted_at" timestamptz NOT NULL,
         "next_attempt_at" timestamptz,
         "instance" text NOT NULL,
         CONSTRAINT "webhook_attempt_pkey" PRIMARY KEY ("id"),
         CONSTRAINT "webhook_attempt_delivery_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id"),
         CONSTRAINT "webhook_attempt_status_check" CHECK ("status" IN ('succeeded', 'failed', 'retrying'))
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_attempt_subscription_idx" ON "webhook_attempt" ("subscription_id", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_attempt_attempted_idx" ON "webhook_attempt" ("attempted_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "webhook_attempt"');
    await queryRunner.query('DROP TABLE "webhook_delivery"');
    await queryRunner.query('DROP TABLE "webhook_subscription"');
  }
}
