import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReconsiderationCases1795726009459 implements MigrationInterface {
  name = 'CreateReconsiderationCases1795726009459';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbox_message" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "agency_id" uuid, "topic" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "outbox_message_pending_idx" ON "outbox_message"  ("delivered_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "number_sequence" ("agency_id" uuid NOT NULL, "kind" text NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_767083c87790ff8997e03ad94aa" PRIMARY KEY ("agency_id", "kind", "year"))',
    );
    await queryRunner.query(
      'CREATE TABLE "reconsideration_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "receipt_number" text NOT NULL, "case_number" text, "status" text NOT NULL, "procedure" text NOT NULL, "major" boolean NOT NULL, "hearing_requested" boolean NOT NULL, "channel" text NOT NULL, "applicants" jsonb NOT NULL, "applicant_type" text NOT NULL, "agent" jsonb, "third_parties" jsonb NOT NULL, "respondent_agency_id" uuid, "respondent_name" text NOT NULL, "contested_act" jsonb NOT NULL, "field" text NOT NULL, "act_kind" text NOT NULL, "known_on" date NOT NULL, "received_on" date NOT NULL, "postmarked_on" date, "act_on" date, "real_estate" boolean NOT NULL, "remedy_rights_not_told" boolean NOT NULL, "limitation_obstacle" jsonb, "requests" text NOT NULL, "facts_and_reasons" text, "handler_id" uuid, "review_start_on" date NOT NULL, "correction_notice_on" date, "correction_items" jsonb NOT NULL, "correction_notice_served_on" date, "correction_received_on" date, "accepted_on" date, "accepted_how" text, "rejected_on" date, "rejection" jsonb, "abandoned_on" date, "copy_sent_on" date, "respondent_received_on" date, "reply_received_on" date, "opinion_heard_on" date, "opinion_heard_how" text, "written_review_reason" text, "hearings_held" integer NOT NULL DEFAULT \'0\', "suspended_on" date, "suspension_ground" text, "suspensions" jsonb NOT NULL, "extension" jsonb, "decision_due_on" date, "concluded_on" date, "outcome" text, "termination_reason" text, "decision_number" text, "concluded_late" boolean NOT NULL DEFAULT false, "late_reason" text, "served_on" date, "archived_on" date, "search_text" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reconsideration_case_status_check" CHECK ("status" IN (\'received\', \'correction_requested\', \'under_review\', \'suspended\', \'concluded\', \'served\', \'archived\', \'rejected\', \'abandoned\')), CONSTRAINT "PK_ad42070c8d5b7fb79ea52f6eb37" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_concluded_idx" ON "reconsideration_case"  ("agency_id", "concluded_on") ',
    );
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_handler_idx" ON "reconsideration_case"  ("agency_id", "handler_id", "received_on", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_status_idx" ON "reconsideration_case"  ("agency_id", "status", "received_on", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_list_idx" ON "reconsideration_case"  ("agency_id", "received_on", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "reconsideration_case_case_number_key" ON "reconsideration_case"  ("agency_id", "case_number") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "reconsideration_case_receipt_number_key" ON "reconsideration_case"  ("agency_id", "receipt_number") ',
    );
    // Substring search over Chinese names and numbers (`q`) within one agency, declared
    // synchronize: false; btree_gin lets the agency id share the trigram index.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    await queryRunner.query(
      'CREATE INDEX "reconsideration_case_search_trgm_idx" ON "reconsideration_case" USING gin ("agency_id", "search_text" gin_trgm_ops)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_search_trgm_idx"');
    await queryRunner.query('DROP EXTENSION IF EXISTS btree_gin');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_receipt_number_key"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_case_number_key"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_list_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_status_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_handler_idx"');
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_concluded_idx"');
    await queryRunner.query('DROP TABLE "reconsideration_case"');
    await queryRunner.query('DROP TABLE "number_sequence"');
    await queryRunner.query('DROP INDEX "public"."outbox_message_pending_idx"');
    await queryRunner.query('DROP TABLE "outbox_message"');
  }
}
