import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The metering service's own schema; every table of the service lives in it. */
export class CreateMeteringSchema1764000000000 implements MigrationInterface {
  name = 'CreateMeteringSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA IF NOT EXISTS "metering"');
    await queryRunner.query(`COMMENT ON SCHEMA "metering" IS 'Owned by the metering service; no other service reads it'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA IF EXISTS "metering" CASCADE');
  }
}
