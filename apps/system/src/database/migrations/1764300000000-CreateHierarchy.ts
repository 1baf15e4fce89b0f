import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hierarchy nodes of a tenant. `path` is the materialised path of ids from the root ("/<id>/<id>/"),
 * so a subtree is one prefix scan; parents are referenced through (tenant_id, parent_id), so a node
 * can never sit under another tenant's node.
 */
export class CreateHierarchy1764300000000 implements MigrationInterface {
  name = 'CreateHierarchy1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "system"."hierarchy_nodes" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "parent_id" uuid NULL,
        "kind" text NOT NULL,
        "name" text NOT NULL,
        "code" text NULL,
        "path" text NOT NULL,
        "depth" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "hierarchy_nodes_tenant_id_key" UNIQUE ("tenant_id", "id"),
        CONSTRAINT "hierarchy_nodes_parent_fkey" FOREIGN KEY ("tenant_id", "parent_id")
          REFERENCES "system"."hierarchy_nodes" ("tenant_id", "id") ON DELETE RESTRICT,
        CONSTRAINT "hierarchy_nodes_kind_check"
          CHECK ("kind" IN ('region', 'district', 'locality', 'building', 'substation', 'feeder', 'transformer')),
        CONSTRAINT "hierarchy_nodes_not_own_parent" CHECK ("parent_id" IS DISTINCT FROM "id"),
        CONSTRAINT "hierarchy_nodes_depth_check" CHECK ("depth" >= 0)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX "hierarchy_nodes_sibling_name_key" ON "system"."hierarchy_nodes"
        ("tenant_id", COALESCE("parent_id", '00000000-0000-0000-0000-000000000000'::uuid), lower("name"))`);
    await q.query(`CREATE INDEX "hierarchy_nodes_path_idx" ON "system"."hierarchy_nodes" ("tenant_id", "path" text_pattern_ops)`);
    await q.query(`CREATE INDEX "hierarchy_nodes_parent_idx" ON "system"."hierarchy_nodes" ("tenant_id", "parent_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "system"."hierarchy_nodes"`);
  }
}
