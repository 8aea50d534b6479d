import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds a court session's pending reminder to supersede (declared synchronize: false). */
export class IndexCourtSessionReminders1795900000001 implements MigrationInterface {
  name = 'IndexCourtSessionReminders1795900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "outbox_message_court_session_reminder_idx" ON "outbox_message" (("payload" ->> 'sessionId')) WHERE "topic" = 'court_session.reminder' AND "delivered_at" IS NULL AND "superseded_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."outbox_message_court_session_reminder_idx"');
  }
}
