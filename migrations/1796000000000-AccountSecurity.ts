import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and sessions (issue 14): revoked tokens (logout by jti), TOTP second factor and its
 * hashed recovery codes, login attempts shared by all instances (lockout, spraying), temporary
 * passwords, and the client address on audit entries.
 */
export class AccountSecurity1796000000000 implements MigrationInterface {
  name = 'AccountSecurity1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "revoked_token" ("jti" uuid NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_51805a32c382d2841b953c16880" PRIMARY KEY ("jti"))',
    );
    await queryRunner.query(
      'CREATE INDEX "revoked_token_expires_idx" ON "revoked_token"  ("expires_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mfa_recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cdbbb187d9498f3aee029649fbf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "mfa_recovery_code_user_idx" ON "mfa_recovery_code"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "login_attempt" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "username" text NOT NULL, "address" text NOT NULL, "succeeded" boolean NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "login_attempt_address_idx" ON "login_attempt"  ("address", "attempted_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "login_attempt_username_idx" ON "login_attempt"  ("username", "attempted_at") ',
    );
    await queryRunner.query('ALTER TABLE "audit_entry" ADD "client_address" text');
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD "password_change_required" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "app_user" ADD "mfa_secret" text');
    await queryRunner.query('ALTER TABLE "app_user" ADD "mfa_enabled_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "app_user" ADD "mfa_last_step" bigint');
    await queryRunner.query(
      'ALTER TABLE "mfa_recovery_code" ADD CONSTRAINT "mfa_recovery_code_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "mfa_recovery_code" DROP CONSTRAINT "mfa_recovery_code_user_fk"',
    );
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "mfa_last_step"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "mfa_enabled_at"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "mfa_secret"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "password_change_required"');
    await queryRunner.query('ALTER TABLE "audit_entry" DROP COLUMN "client_address"');
    await queryRunner.query('DROP INDEX "public"."login_attempt_username_idx"');
    await queryRunner.query('DROP INDEX "public"."login_attempt_address_idx"');
    await queryRunner.query('DROP TABLE "login_attempt"');
    await queryRunner.query('DROP INDEX "public"."mfa_recovery_code_user_idx"');
    await queryRunner.query('DROP TABLE "mfa_recovery_code"');
    await queryRunner.query('DROP INDEX "public"."revoked_token_expires_idx"');
    await queryRunner.query('DROP TABLE "revoked_token"');
  }
}
