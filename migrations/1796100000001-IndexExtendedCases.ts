import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Statistics: extensions approved in a period, read from the few cases that have one. */
export class IndexExtendedCases1796100000001 implements MigrationInterface {
  name = 'IndexExtendedCases1796100000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_extended_idx" ON "reconsideration_case" ("agency_id", "accepted_on") WHERE "extension" IS NOT NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_extended_idx"');
  }
}
