import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics (issue 13): frozen monthly snapshots (a re-freeze keeps the old one, superseded),
 * and indexes for the aggregate queries by legal date of each flow.
 */
export class CreateStatistics1796100000000 implements MigrationInterface {
  name = 'CreateStatistics1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "statistics_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "month" text NOT NULL, "figures" jsonb NOT NULL, "tallies" jsonb NOT NULL, "definitions" jsonb NOT NULL, "frozen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "frozen_by_id" uuid, "frozen_by_name" text NOT NULL, "superseded_at" TIMESTAMP WITH TIME ZONE, "superseded_by_id" uuid, CONSTRAINT "statistics_snapshot_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "PK_statistics_snapshot" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "statistics_snapshot_current_key" ON "statistics_snapshot" ("agency_id", "month") WHERE "superseded_at" IS NULL`,
    );
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_accepted_idx" ON "reconsideration_case" ("agency_id", "accepted_on")',
    );
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_rejected_idx" ON "reconsideration_case" ("agency_id", "rejected_on") WHERE "rejected_on" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_abandoned_idx" ON "reconsideration_case" ("agency_id", "abandoned_on") WHERE "abandoned_on" IS NOT NULL',
    );
    await queryRunner.query(
      `CREATE INDEX "hearing_held_idx" ON "hearing" ("agency_id", "held_on") WHERE "status" = 'held'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."hearing_held_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_abandoned_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_rejected_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_accepted_idx"');
    await queryRunner.query('DROP INDEX "public"."statistics_snapshot_current_key"');
    await queryRunner.query('DROP TABLE "statistics_snapshot"');
  }
}
