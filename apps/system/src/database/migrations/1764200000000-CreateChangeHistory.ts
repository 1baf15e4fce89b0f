import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change history of registry components: one row per create, update, delete or lifecycle step,
 * written in the transaction of the change. Secrets never enter `changes` (they read "[changed]").
 */
export class CreateChangeHistory1764200000000 implements MigrationInterface {
  name = 'CreateChangeHistory1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "system"."change_history" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "tenant_id" uuid NOT NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "entity_type" text NOT NULL,
        "entity_id" uuid NOT NULL,
        "action" text NOT NULL,
        "actor_kind" text NOT NULL,
        "actor_id" text NULL,
        "ip" text NULL,
        "correlation_id" text NULL,
        "changes" jsonb NOT NULL DEFAULT '{}',
        "at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "change_history_actor_kind_check" CHECK ("actor_kind" IN ('user', 'api_key', 'system'))
      )`);
    await q.query(`CREATE INDEX "change_history_entity_idx" ON "system"."change_history" ("tenant_id", "entity_type", "entity_id", "id" DESC)`);
    await q.query(`CREATE INDEX "change_history_tenant_idx" ON "system"."change_history" ("tenant_id", "id" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "system"."change_history"`);
  }
}
