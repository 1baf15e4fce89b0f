import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Device resolution (`system.device.resolve`) finds meters by devEui and by wM-Bus address across
 * tenants (an uplink names no tenant); the unique constraints lead with tenant_id, so these indexes
 * serve the lookup.
 */
export class MeterIdentityLookup1765000000000 implements MigrationInterface {
  name = 'MeterIdentityLookup1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "meters_dev_eui_lookup_idx" ON "system"."meters" ("dev_eui") WHERE "dev_eui" IS NOT NULL`);
    await q.query(`CREATE INDEX "meters_wmbus_lookup_idx" ON "system"."meters" ("wmbus_manufacturer", "wmbus_id") WHERE "wmbus_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "system"."meters_wmbus_lookup_idx"`);
    await q.query(`DROP INDEX "system"."meters_dev_eui_lookup_idx"`);
  }
}
