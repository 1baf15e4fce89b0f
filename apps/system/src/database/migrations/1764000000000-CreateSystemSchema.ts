import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The system service's own schema; every table of the service lives in it. */
export class CreateSystemSchema1764000000000 implements MigrationInterface {
  name = 'CreateSystemSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA IF NOT EXISTS "system"');
    await queryRunner.query(`COMMENT ON SCHEMA "system" IS 'Owned by the system service; no other service reads it'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA IF EXISTS "system" CASCADE');
  }
}
