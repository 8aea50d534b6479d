import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Period rules of 行政复议法 第二十条、第三十一条 and mail (在途时间不计): the facts they need on the
 * case, and deadlines that wait for a fact (`awaiting_action`) or were done late (`met_on` with
 * status overdue). The worklist's partial index now leaves done deadlines out.
 */
export class PeriodRulesAndMail1795800000000 implements MigrationInterface {
  name = 'PeriodRulesAndMail1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "reconsideration_case"
         ADD "remedy_rights_learned_on" date,
         ADD "correction_postmarked_on" date,
         ADD "correction_extensions" jsonb NOT NULL DEFAULT '[]',
         ADD "reply_postmarked_on" date`,
    );
    // An obstacle recorded before its start was: read from knowing the act, as the old rule did.
    await queryRunner.query(
      `UPDATE "reconsideration_case"
          SET "limitation_obstacle" = "limitation_obstacle" || jsonb_build_object('startedOn', "known_on")
        WHERE "limitation_obstacle" IS NOT NULL AND NOT "limitation_obstacle" ? 'startedOn'`,
    );
    await queryRunner.query('ALTER TABLE "deadline" ADD "awaiting_action" text');
    await queryRunner.query('DROP INDEX "public"."deadline_open_due_idx"');
    await queryRunner.query(
      `CREATE INDEX "deadline_open_due_idx" ON "deadline" ("agency_id", "due_on", "id") WHERE "status" IN ('open', 'overdue') AND "met_on" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."deadline_open_due_idx"');
    await queryRunner.query(
      `CREATE INDEX "deadline_open_due_idx" ON "deadline" ("agency_id", "due_on", "id") WHERE "status" IN ('open', 'overdue')`,
    );
    await queryRunner.query('ALTER TABLE "deadline" DROP COLUMN "awaiting_action"');
    await queryRunner.query(
      `ALTER TABLE "reconsideration_case"
         DROP COLUMN "remedy_rights_learned_on",
         DROP COLUMN "correction_postmarked_on",
         DROP COLUMN "correction_extensions",
         DROP COLUMN "reply_postmarked_on"`,
    );
  }
}
