import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHearings1795726592522 implements MigrationInterface {
  name = 'CreateHearings1795726592522';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No double booking, even under concurrent scheduling (行政复议法 第五十条、第五十一条): a room
    // of an agency and a person, in any role, hold one hearing at a time over half-open
    // [start, end) intervals (btree_gist from EnableExtensions mixes = with &&). A cancelled
    // hearing frees its room and people; a held one keeps them (it took place).
    await queryRunner.query(
      'CREATE TABLE "hearing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" text NOT NULL, "notice_on" date NOT NULL, "matters" text NOT NULL, "cancel_reason" text, "cancelled_at" TIMESTAMP WITH TIME ZONE, "held_on" date, "applicant_attended" boolean, "respondent_attendance" jsonb, "record_notes" text, "recorded_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "hearing_time_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "hearing_status_check" CHECK ("status" IN (\'scheduled\', \'cancelled\', \'held\')), CONSTRAINT "hearing_kind_check" CHECK ("kind" IN (\'hearing\', \'opinion_hearing\')), CONSTRAINT "hearing_room_excl" EXCLUDE USING gist ("agency_id" WITH =, "location" WITH =, tstzrange("starts_at", "ends_at", \'[)\') WITH &&) WHERE ("status" <> \'cancelled\'), CONSTRAINT "PK_9a5ad1f15d540f0d70860aba349" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "hearing_case_idx" ON "hearing"  ("case_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "hearing_list_idx" ON "hearing"  ("agency_id", "starts_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "hearing_participant" ("hearing_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "position" smallint NOT NULL, "during" tstzrange NOT NULL, "active" boolean NOT NULL, CONSTRAINT "hearing_participant_role_check" CHECK ("role" IN (\'presiding_officer\', \'panel_member\', \'recorder\')), CONSTRAINT "hearing_participant_excl" EXCLUDE USING gist ("user_id" WITH =, "during" WITH &&) WHERE ("active"), CONSTRAINT "hearing_participant_pkey" PRIMARY KEY ("hearing_id", "user_id"))',
    );
    // Reminders (`hearing.reminder`) wait in the outbox until the working day before the
    // hearing; a reschedule, cancellation or record marks the pending one superseded.
    await queryRunner.query(
      'ALTER TABLE "outbox_message" ADD "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()',
    );
    await queryRunner.query(
      'ALTER TABLE "outbox_message" ADD "superseded_at" TIMESTAMP WITH TIME ZONE',
    );
    // Finds a hearing's pending reminder to supersede (declared synchronize: false).
    await queryRunner.query(
      `CREATE INDEX "outbox_message_hearing_reminder_idx" ON "outbox_message" (("payload" ->> 'hearingId')) WHERE "topic" = 'hearing.reminder' AND "delivered_at" IS NULL AND "superseded_at" IS NULL`,
    );
    await queryRunner.query(
      'ALTER TABLE "hearing" ADD CONSTRAINT "hearing_case_fk" FOREIGN KEY ("case_id") REFERENCES "reconsideration_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "hearing_participant" ADD CONSTRAINT "hearing_participant_hearing_fk" FOREIGN KEY ("hearing_id") REFERENCES "hearing"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "hearing_participant" ADD CONSTRAINT "hearing_participant_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "hearing_participant" DROP CONSTRAINT "hearing_participant_user_fk"',
    );
    await queryRunner.query(
      'ALTER TABLE "hearing_participant" DROP CONSTRAINT "hearing_participant_hearing_fk"',
    );
    await queryRunner.query('ALTER TABLE "hearing" DROP CONSTRAINT "hearing_case_fk"');
    await queryRunner.query('DROP INDEX "public"."outbox_message_hearing_reminder_idx"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "superseded_at"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "available_at"');
    await queryRunner.query('DROP TABLE "hearing_participant"');
    await queryRunner.query('DROP INDEX "public"."hearing_list_idx"');
    await queryRunner.query('DROP INDEX "public"."hearing_case_idx"');
    await queryRunner.query('DROP TABLE "hearing"');
  }
}
