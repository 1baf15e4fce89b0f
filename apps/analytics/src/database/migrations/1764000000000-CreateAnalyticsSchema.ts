import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The analytics service's own schema; every table of the service lives in it. */
export class CreateAnalyticsSchema1764000000000 implements MigrationInterface {
  name = 'CreateAnalyticsSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA IF NOT EXISTS "analytics"');
    await queryRunner.query(`COMMENT ON SCHEMA "analytics" IS 'Owned by the analytics service; no other service reads it'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA IF EXISTS "analytics" CASCADE');
  }
}
