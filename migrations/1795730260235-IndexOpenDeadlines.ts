import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worklist reads an agency's open deadlines in due order; a partial index over the open ones
 * gives that order directly (the composite one with status could not, for two statuses).
 */
export class IndexOpenDeadlines1795730260235 implements MigrationInterface {
  name = 'IndexOpenDeadlines1795730260235';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."deadline_worklist_idx"');
    await queryRunner.query(
      `CREATE INDEX "deadline_open_due_idx" ON "deadline" ("agency_id", "due_on", "id") WHERE "status" IN ('open', 'overdue')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."deadline_open_due_idx"');
    await queryRunner.query(
      'CREATE INDEX "deadline_worklist_idx" ON "deadline" ("agency_id", "status", "due_on", "id")',
    );
  }
}
