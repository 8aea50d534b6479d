import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EnableExtensions1764150000000 implements MigrationInterface {
  name = 'EnableExtensions1764150000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // pg_trgm: substring search over Chinese names and numbers; btree_gist: exclusion
    // constraints that mix equality with time ranges (hearing rooms and people).
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS btree_gist');
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
