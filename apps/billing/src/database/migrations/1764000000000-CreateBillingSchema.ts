import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The billing service's own schema; every table of the service lives in it. */
export class CreateBillingSchema1764000000000 implements MigrationInterface {
  name = 'CreateBillingSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA IF NOT EXISTS "billing"');
    await queryRunner.query(`COMMENT ON SCHEMA "billing" IS 'Owned by the billing service; no other service reads it'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA IF EXISTS "billing" CASCADE');
  }
}
