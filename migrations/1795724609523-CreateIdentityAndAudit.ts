import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityAndAudit1795724609523 implements MigrationInterface {
  name = 'CreateIdentityAndAudit1795724609523';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entry" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" text NOT NULL, "actor_id" uuid, "actor_name" text NOT NULL, "agency_id" uuid, "action" text NOT NULL, "target_type" text NOT NULL, "target_id" text, "request_id" text, "summary" jsonb NOT NULL, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))',
    );
    // The audit trail is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
    await queryRunner.query(
      `CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()',
    );
    await queryRunner.query('CREATE INDEX "audit_entry_actor_idx" ON "audit_entry"  ("actor_id") ');
    await queryRunner.query(
      'CREATE INDEX "audit_entry_target_idx" ON "audit_entry"  ("target_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "audit_entry_agency_time_idx" ON "audit_entry"  ("agency_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "agency" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "code" text NOT NULL, "kind" text NOT NULL, "parent_id" uuid, "tenant_id" uuid NOT NULL, "receipt_number_template" text, "case_number_template" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "agency_kind_check" CHECK ("kind" IN (\'reconsideration_body\', \'administrative_agency\')), CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "agency_code_key" ON "agency"  ("code") ');
    await queryRunner.query('CREATE INDEX "agency_tenant_idx" ON "agency"  ("tenant_id") ');
    await queryRunner.query(
      'CREATE TABLE "api_client" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "agency_id" uuid NOT NULL, "roles" text array NOT NULL, "key_prefix" text NOT NULL, "key_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_82a5ec6981d2be903a9eb1d9b9a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "api_client_agency_idx" ON "api_client"  ("agency_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "api_client_key_prefix_key" ON "api_client"  ("key_prefix") ',
    );
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL, "agency_id" uuid, "active" boolean NOT NULL DEFAULT true, "token_version" integer NOT NULL DEFAULT \'0\', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"  ("username") ',
    );
    await queryRunner.query('CREATE INDEX "app_user_agency_idx" ON "app_user"  ("agency_id") ');
    await queryRunner.query(
      'ALTER TABLE "agency" ADD CONSTRAINT "agency_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "api_client" ADD CONSTRAINT "api_client_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "app_user_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "app_user_agency_fk"');
    await queryRunner.query('ALTER TABLE "api_client" DROP CONSTRAINT "api_client_agency_fk"');
    await queryRunner.query('ALTER TABLE "agency" DROP CONSTRAINT "agency_parent_fk"');
    await queryRunner.query('DROP INDEX "public"."app_user_agency_idx"');
    await queryRunner.query('DROP INDEX "public"."app_user_username_key"');
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP INDEX "public"."api_client_key_prefix_key"');
    await queryRunner.query('DROP INDEX "public"."api_client_agency_idx"');
    await queryRunner.query('DROP TABLE "api_client"');
    await queryRunner.query('DROP INDEX "public"."agency_tenant_idx"');
    await queryRunner.query('DROP INDEX "public"."agency_code_key"');
    await queryRunner.query('DROP TABLE "agency"');
    await queryRunner.query('DROP INDEX "public"."audit_entry_agency_time_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_entry_target_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_entry_actor_idx"');
    await queryRunner.query('DROP TABLE "audit_entry"');
    await queryRunner.query('DROP FUNCTION audit_entry_refuse_change()');
  }
}
