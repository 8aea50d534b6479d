import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed (issue 12): each outbox message gets the record it is about and, once the
 * sequencer has seen it committed, its feed position. Positions are handed out by one sequencer
 * at a time (an advisory lock) to committed rows only, so a reader never sees a position appear
 * below one it has already read.
 */
export class ChangeFeed1796200000000 implements MigrationInterface {
  name = 'ChangeFeed1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "outbox_message"
         ADD "aggregate_type" text,
         ADD "aggregate_id" text,
         ADD "feed_position" bigint`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outbox_message_feed_position_key" ON "outbox_message" ("feed_position")`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_message_feed_idx" ON "outbox_message" ("agency_id", "feed_position") WHERE "feed_position" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_message_unsequenced_idx" ON "outbox_message" ("id") WHERE "feed_position" IS NULL AND "superseded_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."outbox_message_unsequenced_idx"');
    await queryRunner.query('DROP INDEX "public"."outbox_message_feed_idx"');
    await queryRunner.query('DROP INDEX "public"."outbox_message_feed_position_key"');
    await queryRunner.query(
      `ALTER TABLE "outbox_message"
         DROP COLUMN "feed_position",
         DROP COLUMN "aggregate_id",
         DROP COLUMN "aggregate_type"`,
    );
  }
}
