import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLitigation1795900000000 implements MigrationInterface {
  name = 'CreateLitigation1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Litigation (行政应诉): cases per instance, their defendants (行政诉讼法 第二十六条), the
    // court's decision, court sessions and who appeared per defendant (法释〔2020〕3号). Plaintiffs'
    // ID numbers are sealed (SecretBox) with a keyed hash for exact search.
    await queryRunner.query(
      'CREATE TABLE "litigation_case" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "court_case_number" text NOT NULL, "court_case_year" integer NOT NULL, "court_code" text NOT NULL, "court_case_type" text NOT NULL, "court_name" text NOT NULL, "instance" text NOT NULL, "procedure" text NOT NULL, "retrial_procedure" text, "status" text NOT NULL, "plaintiffs" jsonb NOT NULL, "plaintiff_id_hashes" text array NOT NULL, "reconsideration_case_id" uuid, "previous_instance_id" uuid, "co_defendant" boolean NOT NULL, "cause" text NOT NULL, "act_kind" text NOT NULL, "field" text NOT NULL, "state_compensation" boolean NOT NULL, "head_summon_required" boolean NOT NULL, "filed_on" date, "complaint_received_on" date NOT NULL, "evidence_obstacle_removed_on" date, "defense_submitted_on" date, "defense_late" boolean NOT NULL DEFAULT false, "appeal" jsonb, "closed_on" date, "judicial_recommendations" jsonb NOT NULL, "search_text" text NOT NULL, CONSTRAINT "litigation_case_instance_check" CHECK ("instance" IN (\'first\', \'second\', \'retrial\')), CONSTRAINT "litigation_case_status_check" CHECK ("status" IN (\'pending\', \'defended\', \'judged\', \'appealed\', \'closed\')), CONSTRAINT "PK_c7681b94676162c50592e71e0d3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "litigation_case_previous_idx" ON "litigation_case"  ("previous_instance_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "litigation_case_reconsideration_idx" ON "litigation_case"  ("reconsideration_case_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "litigation_case_status_idx" ON "litigation_case"  ("agency_id", "status", "complaint_received_on", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "litigation_case_list_idx" ON "litigation_case"  ("agency_id", "complaint_received_on", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "litigation_case_number_key" ON "litigation_case"  ("agency_id", "court_case_number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "litigation_defendant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "role" text NOT NULL, "task" text NOT NULL, "position" smallint NOT NULL, CONSTRAINT "litigation_defendant_role_check" CHECK ("role" IN (\'original_act\', \'reconsideration_body\')), CONSTRAINT "PK_75d46cc1d5efe94c7cc11271040" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "litigation_defendant_agency_idx" ON "litigation_defendant"  ("agency_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "litigation_defendant_case_agency_key" ON "litigation_defendant"  ("case_id", "agency_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "litigation_judgment" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "court_document_id" text, "decided_on" date NOT NULL, "kind" text NOT NULL, "disposition" text NOT NULL, "partial" boolean NOT NULL, "served_on" date, "result" text NOT NULL, CONSTRAINT "litigation_judgment_kind_check" CHECK ("kind" IN (\'judgment\', \'ruling\', \'mediation\')), CONSTRAINT "PK_f815aca943054490ba90bd61cdc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "litigation_judgment_decided_idx" ON "litigation_judgment"  ("tenant_id", "decided_on") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "litigation_judgment_document_key" ON "litigation_judgment"  ("tenant_id", "court_document_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "litigation_judgment_case_key" ON "litigation_judgment"  ("case_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "court_session" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "case_id" uuid NOT NULL, "court_session_id" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "session_on" date NOT NULL, "courtroom" text NOT NULL, "notice_received_on" date NOT NULL, "short_notice" boolean NOT NULL, "head_summoned" boolean NOT NULL, "status" text NOT NULL, "held_on" date, "cancel_reason" text, CONSTRAINT "court_session_status_check" CHECK ("status" IN (\'scheduled\', \'cancelled\', \'held\')), CONSTRAINT "PK_fa3063019e475f455536363ab7b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "court_session_external_key" ON "court_session"  ("agency_id", "court_session_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "court_session_case_idx" ON "court_session"  ("case_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "court_session_list_idx" ON "court_session"  ("agency_id", "starts_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "court_appearance" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "session_id" uuid NOT NULL, "case_id" uuid NOT NULL, "defendant_id" uuid NOT NULL, "defendant_agency_id" uuid NOT NULL, "planned" boolean NOT NULL DEFAULT false, "plan_official" jsonb, "identity_proof_filed_on" date, "plan_absence_reason" text, "plan_absence_proof_sealed" boolean NOT NULL DEFAULT false, "plan_staff" jsonb, "held_on" date, "appeared" boolean, "official" jsonb, "official_rank" text, "absence_reason" text, "absence_explanation" text, "absence_proof_sealed" boolean, "staff" jsonb, "lawyer_only" boolean, "spoke_on_merits" boolean, "classification" text, "recorded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "court_appearance_classification_check" CHECK ("classification" IS NULL OR "classification" IN (\'qualifying_appearance\', \'excused_absence\', \'unexcused_absence\', \'staff_only_no_reason\', \'lawyer_only\', \'nobody\')), CONSTRAINT "PK_9ebb15f4326e9852bb1b090bc98" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "court_appearance_tenant_held_idx" ON "court_appearance"  ("tenant_id", "held_on") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "court_appearance_session_defendant_key" ON "court_appearance"  ("session_id", "defendant_id") ',
    );
    // `q` over 案号, court and plaintiffs' names; exact search by an ID number's keyed hash.
    await queryRunner.query(
      'CREATE INDEX "litigation_case_search_trgm_idx" ON "litigation_case" USING gin ("search_text" gin_trgm_ops)',
    );
    await queryRunner.query(
      'CREATE INDEX "litigation_case_plaintiff_hash_idx" ON "litigation_case" USING gin ("plaintiff_id_hashes")',
    );
    await queryRunner.query(
      'ALTER TABLE "reconsideration_case" ADD "litigated" boolean NOT NULL DEFAULT false',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reconsideration_case" DROP COLUMN "litigated"');
    await queryRunner.query('DROP INDEX "public"."court_appearance_session_defendant_key"');
    await queryRunner.query('DROP INDEX "public"."court_appearance_tenant_held_idx"');
    await queryRunner.query('DROP TABLE "court_appearance"');
    await queryRunner.query('DROP INDEX "public"."court_session_list_idx"');
    await queryRunner.query('DROP INDEX "public"."court_session_case_idx"');
    await queryRunner.query('DROP INDEX "public"."court_session_external_key"');
    await queryRunner.query('DROP TABLE "court_session"');
    await queryRunner.query('DROP INDEX "public"."litigation_judgment_case_key"');
    await queryRunner.query('DROP INDEX "public"."litigation_judgment_document_key"');
    await queryRunner.query('DROP INDEX "public"."litigation_judgment_decided_idx"');
    await queryRunner.query('DROP TABLE "litigation_judgment"');
    await queryRunner.query('DROP INDEX "public"."litigation_defendant_case_agency_key"');
    await queryRunner.query('DROP INDEX "public"."litigation_defendant_agency_idx"');
    await queryRunner.query('DROP TABLE "litigation_defendant"');
    await queryRunner.query('DROP INDEX "public"."litigation_case_plaintiff_hash_idx"');
    await queryRunner.query('DROP INDEX "public"."litigation_case_search_trgm_idx"');
    await queryRunner.query('DROP INDEX "public"."litigation_case_number_key"');
    await queryRunner.query('DROP INDEX "public"."litigation_case_list_idx"');
    await queryRunner.query('DROP INDEX "public"."litigation_case_status_idx"');
    await queryRunner.query('DROP INDEX "public"."litigation_case_reconsideration_idx"');
    await queryRunner.query('DROP INDEX "public"."litigation_case_previous_idx"');
    await queryRunner.query('DROP TABLE "litigation_case"');
  }
}
