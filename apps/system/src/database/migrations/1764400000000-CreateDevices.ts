import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The device registry: gateways, meters, pulse modules. Device keys are stored only as AES-256-GCM
 * ciphertext ("v1:..."; the CHECKs refuse anything else). Nodes and meters are referenced through
 * (tenant_id, id), so no row can point at another tenant's. Meter listing is keyset-paged on
 * (serial, id); prefix search on serial and devEui uses text_pattern_ops indexes (no pg_trgm).
 */
export class CreateDevices1764400000000 implements MigrationInterface {
  name = 'CreateDevices1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "system"."gateways" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "eui" text NOT NULL,
        "name" text NOT NULL,
        "model" text NULL,
        "latitude" double precision NULL,
        "longitude" double precision NULL,
        "node_id" uuid NULL,
        "configuration" jsonb NOT NULL DEFAULT '{}',
        "status" text NOT NULL DEFAULT 'active',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "gateways_tenant_eui_key" UNIQUE ("tenant_id", "eui"),
        CONSTRAINT "gateways_eui_format" CHECK ("eui" ~ '^[0-9a-f]{16}$'),
        CONSTRAINT "gateways_status_check" CHECK ("status" IN ('active', 'inactive', 'decommissioned')),
        CONSTRAINT "gateways_latitude_check" CHECK ("latitude" BETWEEN -90 AND 90),
        CONSTRAINT "gateways_longitude_check" CHECK ("longitude" BETWEEN -180 AND 180),
        CONSTRAINT "gateways_node_fkey" FOREIGN KEY ("tenant_id", "node_id") REFERENCES "system"."hierarchy_nodes" ("tenant_id", "id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "gateways_node_idx" ON "system"."gateways" ("tenant_id", "node_id")`);
    await q.query(`
      CREATE TABLE "system"."meters" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "serial" text NOT NULL,
        "vendor" text NOT NULL,
        "model" text NULL,
        "utility" text NOT NULL,
        "codec_id" text NULL,
        "node_id" uuid NULL,
        "status" text NOT NULL DEFAULT 'in_stock',
        "dev_eui" text NULL,
        "join_eui" text NULL,
        "app_key_enc" text NULL,
        "wmbus_manufacturer" text NULL,
        "wmbus_id" text NULL,
        "aes_key_enc" text NULL,
        "multiplier" numeric(20, 6) NOT NULL DEFAULT 1,
        "register_unit" text NULL,
        "installed_at" timestamptz NULL,
        "install_index" numeric(24, 6) NULL,
        "removed_at" timestamptz NULL,
        "final_index" numeric(24, 6) NULL,
        "replaced_by_id" uuid NULL,
        "replaces_id" uuid NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "meters_tenant_id_key" UNIQUE ("tenant_id", "id"),
        CONSTRAINT "meters_tenant_vendor_serial_key" UNIQUE ("tenant_id", "vendor", "serial"),
        CONSTRAINT "meters_tenant_dev_eui_key" UNIQUE ("tenant_id", "dev_eui"),
        CONSTRAINT "meters_tenant_wmbus_key" UNIQUE ("tenant_id", "wmbus_manufacturer", "wmbus_id"),
        CONSTRAINT "meters_utility_check" CHECK ("utility" IN ('water', 'gas', 'heat', 'electricity')),
        CONSTRAINT "meters_status_check" CHECK ("status" IN ('in_stock', 'installed', 'removed', 'replaced', 'archived')),
        CONSTRAINT "meters_dev_eui_format" CHECK ("dev_eui" ~ '^[0-9a-f]{16}$'),
        CONSTRAINT "meters_join_eui_format" CHECK ("join_eui" ~ '^[0-9a-f]{16}$'),
        CONSTRAINT "meters_wmbus_manufacturer_format" CHECK ("wmbus_manufacturer" ~ '^[A-Z]{3}$'),
        CONSTRAINT "meters_wmbus_id_format" CHECK ("wmbus_id" ~ '^[0-9]{8}$'),
        CONSTRAINT "meters_app_key_sealed" CHECK ("app_key_enc" ~ '^v1:'),
        CONSTRAINT "meters_aes_key_sealed" CHECK ("aes_key_enc" ~ '^v1:'),
        CONSTRAINT "meters_multiplier_check" CHECK ("multiplier" > 0),
        CONSTRAINT "meters_node_fkey" FOREIGN KEY ("tenant_id", "node_id") REFERENCES "system"."hierarchy_nodes" ("tenant_id", "id") ON DELETE RESTRICT,
        CONSTRAINT "meters_replaced_by_fkey" FOREIGN KEY ("tenant_id", "replaced_by_id") REFERENCES "system"."meters" ("tenant_id", "id"),
        CONSTRAINT "meters_replaces_fkey" FOREIGN KEY ("tenant_id", "replaces_id") REFERENCES "system"."meters" ("tenant_id", "id")
      )`);
    await q.query(`CREATE INDEX "meters_serial_idx" ON "system"."meters" ("tenant_id", "serial" text_pattern_ops, "id")`);
    await q.query(`CREATE INDEX "meters_dev_eui_prefix_idx" ON "system"."meters" ("tenant_id", "dev_eui" text_pattern_ops) WHERE "dev_eui" IS NOT NULL`);
    await q.query(`CREATE INDEX "meters_status_idx" ON "system"."meters" ("tenant_id", "status", "serial", "id")`);
    await q.query(`CREATE INDEX "meters_utility_idx" ON "system"."meters" ("tenant_id", "utility", "serial", "id")`);
    await q.query(`CREATE INDEX "meters_node_idx" ON "system"."meters" ("tenant_id", "node_id", "serial", "id")`);
    await q.query(`
      CREATE TABLE "system"."pulse_modules" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "serial" text NOT NULL,
        "meter_id" uuid NULL,
        "pulse_weight" numeric(20, 6) NOT NULL,
        "unit" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pulse_modules_tenant_serial_key" UNIQUE ("tenant_id", "serial"),
        CONSTRAINT "pulse_modules_weight_check" CHECK ("pulse_weight" > 0),
        CONSTRAINT "pulse_modules_meter_fkey" FOREIGN KEY ("tenant_id", "meter_id") REFERENCES "system"."meters" ("tenant_id", "id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "pulse_modules_meter_idx" ON "system"."pulse_modules" ("tenant_id", "meter_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "system"."pulse_modules"`);
    await q.query(`DROP TABLE IF EXISTS "system"."meters"`);
    await q.query(`DROP TABLE IF EXISTS "system"."gateways"`);
  }
}
