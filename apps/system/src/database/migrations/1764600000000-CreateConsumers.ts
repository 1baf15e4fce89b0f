import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumers (residential and non-residential), their service points at hierarchy nodes, and the meters
 * serving each point over time. Every reference goes through (tenant_id, id), so no row can point at
 * another tenant's. Account numbers and point codes compare byte-wise (COLLATE "C"): one btree serves
 * the prefix search and the keyset order (account_number, id) / (code, id). A meter has at most one
 * open link (valid_to NULL); the service refuses overlapping closed periods under a lock of the meter.
 * users.consumer_id now references consumers; NOT VALID keeps existing rows as they are and checks
 * every new or changed one.
 */
export class CreateConsumers1764600000000 implements MigrationInterface {
  name = 'CreateConsumers1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "system"."consumers" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "kind" text NOT NULL,
        "account_number" text COLLATE "C" NOT NULL,
        "name" text NOT NULL,
        "tax_id" text NULL,
        "registration_number" text NULL,
        "contact_person" text NULL,
        "email" text NULL,
        "phone" text NULL,
        "postal_address" text NULL,
        "status" text NOT NULL DEFAULT 'active',
        "closed_at" timestamptz NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "consumers_tenant_id_key" UNIQUE ("tenant_id", "id"),
        CONSTRAINT "consumers_tenant_account_key" UNIQUE ("tenant_id", "account_number"),
        CONSTRAINT "consumers_kind_check" CHECK ("kind" IN ('residential', 'non_residential')),
        CONSTRAINT "consumers_status_check" CHECK ("status" IN ('active', 'closed')),
        CONSTRAINT "consumers_company_fields_check" CHECK ("kind" = 'non_residential' OR ("tax_id" IS NULL AND "registration_number" IS NULL)),
        CONSTRAINT "consumers_closed_at_check" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX "consumers_name_idx" ON "system"."consumers" ("tenant_id", lower("name") text_pattern_ops)`);
    await q.query(`CREATE INDEX "consumers_status_idx" ON "system"."consumers" ("tenant_id", "status", "account_number", "id")`);
    await q.query(`
      CREATE TABLE "system"."service_points" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "code" text COLLATE "C" NOT NULL,
        "consumer_id" uuid NULL,
        "node_id" uuid NULL,
        "utility" text NOT NULL,
        "address" text NULL,
        "description" text NULL,
        "status" text NOT NULL DEFAULT 'active',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "service_points_tenant_id_key" UNIQUE ("tenant_id", "id"),
        CONSTRAINT "service_points_tenant_code_key" UNIQUE ("tenant_id", "code"),
        CONSTRAINT "service_points_utility_check" CHECK ("utility" IN ('water', 'gas', 'heat', 'electricity')),
        CONSTRAINT "service_points_status_check" CHECK ("status" IN ('active', 'closed')),
        CONSTRAINT "service_points_consumer_fkey" FOREIGN KEY ("tenant_id", "consumer_id") REFERENCES "system"."consumers" ("tenant_id", "id") ON DELETE RESTRICT,
        CONSTRAINT "service_points_node_fkey" FOREIGN KEY ("tenant_id", "node_id") REFERENCES "system"."hierarchy_nodes" ("tenant_id", "id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "service_points_consumer_idx" ON "system"."service_points" ("tenant_id", "consumer_id", "code", "id")`);
    await q.query(`CREATE INDEX "service_points_node_idx" ON "system"."service_points" ("tenant_id", "node_id", "code", "id")`);
    await q.query(`
      CREATE TABLE "system"."service_point_meters" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "service_point_id" uuid NOT NULL,
        "meter_id" uuid NOT NULL,
        "valid_from" timestamptz NOT NULL,
        "valid_to" timestamptz NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "service_point_meters_period_check" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from"),
        CONSTRAINT "service_point_meters_point_fkey" FOREIGN KEY ("tenant_id", "service_point_id") REFERENCES "system"."service_points" ("tenant_id", "id") ON DELETE RESTRICT,
        CONSTRAINT "service_point_meters_meter_fkey" FOREIGN KEY ("tenant_id", "meter_id") REFERENCES "system"."meters" ("tenant_id", "id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "service_point_meters_open_key" ON "system"."service_point_meters" ("tenant_id", "meter_id") WHERE "valid_to" IS NULL`);
    await q.query(`CREATE INDEX "service_point_meters_point_idx" ON "system"."service_point_meters" ("tenant_id", "service_point_id", "valid_from")`);
    await q.query(`CREATE INDEX "service_point_meters_meter_idx" ON "system"."service_point_meters" ("tenant_id", "meter_id", "valid_from")`);
    await q.query(`
      ALTER TABLE "system"."users" ADD CONSTRAINT "users_consumer_fkey" FOREIGN KEY ("tenant_id", "consumer_id")
        REFERENCES "system"."consumers" ("tenant_id", "id") ON DELETE RESTRICT NOT VALID`);
    await q.query(`CREATE INDEX "users_consumer_idx" ON "system"."users" ("tenant_id", "consumer_id") WHERE "consumer_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "system"."users_consumer_idx"`);
    await q.query(`ALTER TABLE "system"."users" DROP CONSTRAINT IF EXISTS "users_consumer_fkey"`);
    await q.query(`DROP TABLE IF EXISTS "system"."service_point_meters"`);
    await q.query(`DROP TABLE IF EXISTS "system"."service_points"`);
    await q.query(`DROP TABLE IF EXISTS "system"."consumers"`);
  }
}
