import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Serial numbers and devEuis compare byte-wise (COLLATE "C"): one plain btree index then serves the
 * prefix search (LIKE 'abc%') and the keyset order (serial, id), so an unfiltered page of 100,000
 * meters reads 50 index entries instead of sorting the tenant's meters.
 */
export class MeterSerialCollation1764500000000 implements MigrationInterface {
  name = 'MeterSerialCollation1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "system"."meters_serial_idx"`);
    await q.query(`DROP INDEX "system"."meters_dev_eui_prefix_idx"`);
    await q.query(`ALTER TABLE "system"."meters" ALTER COLUMN "serial" TYPE text COLLATE "C", ALTER COLUMN "dev_eui" TYPE text COLLATE "C"`);
    await q.query(`CREATE INDEX "meters_serial_idx" ON "system"."meters" ("tenant_id", "serial", "id")`);
    await q.query(`CREATE INDEX "meters_dev_eui_prefix_idx" ON "system"."meters" ("tenant_id", "dev_eui") WHERE "dev_eui" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "system"."meters_serial_idx"`);
    await q.query(`DROP INDEX "system"."meters_dev_eui_prefix_idx"`);
    await q.query(`ALTER TABLE "system"."meters" ALTER COLUMN "serial" TYPE text COLLATE "default", ALTER COLUMN "dev_eui" TYPE text COLLATE "default"`);
    await q.query(`CREATE INDEX "meters_serial_idx" ON "system"."meters" ("tenant_id", "serial" text_pattern_ops, "id")`);
    await q.query(`CREATE INDEX "meters_dev_eui_prefix_idx" ON "system"."meters" ("tenant_id", "dev_eui" text_pattern_ops) WHERE "dev_eui" IS NOT NULL`);
  }
}
