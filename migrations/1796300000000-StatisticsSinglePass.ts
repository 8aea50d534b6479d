import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics read a period's reconsideration cases in one pass (src/modules/statistics/
 * case-groups.ts): a covering index on the last legal date a case counts on (infinity while it is
 * pending review) holding every column the pass reads, so a report reads the index alone; and a
 * partial index of the few cases with a suspension or an extension, for the stocks. They replace
 * the four per-date indexes of the earlier statistics queries. Litigation: new lawsuits and
 * judgments of a period read from covering indexes, held sessions from a partial one (also the
 * appearance rates' facts), judicial recommendations from the few lawsuits that have any.
 */
export class StatisticsSinglePass1796300000000 implements MigrationInterface {
  name = 'StatisticsSinglePass1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "reconsideration_case_statistics_idx" ON "reconsideration_case" ("agency_id",
         (CASE WHEN accepted_on IS NOT NULL AND concluded_on IS NULL THEN 'infinity'::date
               ELSE greatest(received_on, accepted_on, rejected_on, abandoned_on, concluded_on) END))
       INCLUDE ("received_on", "accepted_on", "accepted_how", "rejected_on", "abandoned_on",
                "concluded_on", "decision_due_on", "outcome", "termination_reason", "concluded_late",
                "field", "act_kind", "applicant_type", "procedure")`,
    );
    await queryRunner.query(
      `CREATE INDEX "reconsideration_case_stock_exceptions_idx" ON "reconsideration_case"
         ("agency_id", (coalesce(concluded_on, 'infinity'::date)))
       WHERE suspended_on IS NOT NULL OR suspensions <> '[]'::jsonb OR extension IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "litigation_case_recommendations_idx" ON "litigation_case" ("agency_id")
       WHERE jsonb_array_length(judicial_recommendations) > 0`,
    );
    await queryRunner.query(
      `CREATE INDEX "litigation_case_statistics_idx" ON "litigation_case"
         ("agency_id", "complaint_received_on") INCLUDE ("instance", "co_defendant")`,
    );
    await queryRunner.query('DROP INDEX "public"."litigation_judgment_decided_idx"');
    await queryRunner.query(
      `CREATE INDEX "litigation_judgment_decided_idx" ON "litigation_judgment"
         ("tenant_id", "decided_on") INCLUDE ("kind", "result")`,
    );
    await queryRunner.query(
      `CREATE INDEX "court_session_held_idx" ON "court_session" ("agency_id", "held_on")
       WHERE status = 'held'`,
    );
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_accepted_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_rejected_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_abandoned_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_extended_idx"');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_extended_idx" ON "reconsideration_case" ("agency_id", "accepted_on") WHERE "extension" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_abandoned_idx" ON "reconsideration_case" ("agency_id", "abandoned_on") WHERE "abandoned_on" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_rejected_idx" ON "reconsideration_case" ("agency_id", "rejected_on") WHERE "rejected_on" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_accepted_idx" ON "reconsideration_case" ("agency_id", "accepted_on") WHERE "accepted_on" IS NOT NULL',
    );
    await queryRunner.query('DROP INDEX "public"."court_session_held_idx"');
    await queryRunner.query('DROP INDEX "public"."litigation_judgment_decided_idx"');
    await queryRunner.query(
      'CREATE INDEX "litigation_judgment_decided_idx" ON "litigation_judgment" ("tenant_id", "decided_on")',
    );
    await queryRunner.query('DROP INDEX "public"."litigation_case_statistics_idx"');
    await queryRunner.query('DROP INDEX "public"."litigation_case_recommendations_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_stock_exceptions_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_statistics_idx"');
  }
}
