import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ChirpStack provisioning of LoRaWAN meters: the state of the device in ChirpStack, ChirpStack's
 * answer to the last failed attempt and when the last attempt ended. Existing meters start
 * `not_configured` (POST /api/v1/meters/:id/provision creates them in ChirpStack).
 */
export class MeterProvisioning1764700000000 implements MigrationInterface {
  name = 'MeterProvisioning1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "system"."meters"
        ADD COLUMN "provisioning_state" text NOT NULL DEFAULT 'not_configured',
        ADD COLUMN "provisioning_error" text NULL,
        ADD COLUMN "provisioning_at" timestamptz NULL,
        ADD CONSTRAINT "meters_provisioning_state_check" CHECK ("provisioning_state" IN ('not_configured', 'pending', 'provisioned', 'failed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "system"."meters"
        DROP CONSTRAINT "meters_provisioning_state_check",
        DROP COLUMN "provisioning_at",
        DROP COLUMN "provisioning_error",
        DROP COLUMN "provisioning_state"`);
  }
}
