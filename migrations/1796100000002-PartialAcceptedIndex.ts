import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics: the acceptance index only holds accepted cases. As a full index on (agency_id,
 * accepted_on) it was small enough for the planner to prefer it to the list index as a mere
 * agency filter in case lists; partial, it serves only queries that name an acceptance date.
 */
export class PartialAcceptedIndex1796100000002 implements MigrationInterface {
  name = 'PartialAcceptedIndex1796100000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_accepted_idx"');
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_accepted_idx" ON "reconsideration_case" ("agency_id", "accepted_on") WHERE "accepted_on" IS NOT NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_accepted_idx"');
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_accepted_idx" ON "reconsideration_case" ("agency_id", "accepted_on")',
    );
  }
}
