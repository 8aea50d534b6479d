import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCalendarTimelineDeadlines1795725079088 implements MigrationInterface {
  name = 'CreateCalendarTimelineDeadlines1795725079088';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calendar_year" ("year" integer NOT NULL, "holidays" date array NOT NULL, "workdays" date array NOT NULL, "source" text NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a5f5b39f8e07f51dab5be6fed9" PRIMARY KEY ("year"))',
    );
    await queryRunner.query(
      'CREATE TABLE "deadline" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "case_type" text NOT NULL, "case_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "trigger_on" date NOT NULL, "due_on" date, "met_on" date, "first_year" integer NOT NULL, "last_year" integer NOT NULL, "pending_year" integer, "calendar_version" integer NOT NULL, "input" jsonb NOT NULL, "record" jsonb, "due_soon_notified_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deadline_status_check" CHECK ("status" IN (\'open\', \'met\', \'overdue\', \'paused\', \'cancelled\')), CONSTRAINT "PK_9b68db28fc035ed8a84691bfbaf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "deadline_due_idx" ON "deadline"  ("status", "due_on") ');
    await queryRunner.query(
      'CREATE INDEX "deadline_worklist_idx" ON "deadline"  ("agency_id", "status", "due_on", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "deadline_case_kind_key" ON "deadline"  ("case_id", "kind") ',
    );
    await queryRunner.query(
      'CREATE TABLE "case_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "case_type" text NOT NULL, "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "type" text NOT NULL, "actor_kind" text NOT NULL, "actor_id" uuid, "actor_name" text NOT NULL, "occurred_on" date, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "request_id" text, "payload" jsonb NOT NULL, CONSTRAINT "PK_5b6e18b2d4fd178711a2269645e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "case_event_case_idx" ON "case_event"  ("case_id", "id") ',
    );
    // Events are the history: append-only, like the audit trail.
    await queryRunner.query(
      `CREATE FUNCTION case_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'case_event is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON "case_event" FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER case_event_append_only ON "case_event"');
    await queryRunner.query('DROP FUNCTION case_event_refuse_change()');
    await queryRunner.query('DROP INDEX "public"."case_event_case_idx"');
    await queryRunner.query('DROP TABLE "case_event"');
    await queryRunner.query('DROP INDEX "public"."deadline_case_kind_key"');
    await queryRunner.query('DROP INDEX "public"."deadline_worklist_idx"');
    await queryRunner.query('DROP INDEX "public"."deadline_due_idx"');
    await queryRunner.query('DROP TABLE "deadline"');
    await queryRunner.query('DROP TABLE "calendar_year"');
  }
}
