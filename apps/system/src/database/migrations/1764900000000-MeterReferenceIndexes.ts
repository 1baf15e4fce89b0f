import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index for every foreign key of the system schema that had none (foreign-key-indexes.int-spec.ts
 * keeps it so): without one, deleting or re-keying a referenced row scans the whole referencing table
 * under lock, once per row. Each index starts with the key's columns, tenant first as the keys are.
 * - meters' self-references (replacement chain): partial, as only replaced meters carry them;
 * - sessions by user: the existing index covers active sessions only (a user's delete cascades to all);
 * - API keys by creator (a user's delete cascades to them).
 * Users by consumer already had a partial index (consumer_id IS NOT NULL), which serves the key.
 * Also: meters left `pending` in ChirpStack provisioning, which the system service sweeps at start.
 */
export class MeterReferenceIndexes1764900000000 implements MigrationInterface {
  name = 'MeterReferenceIndexes1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "meters_replaced_by_idx" ON "system"."meters" ("tenant_id", "replaced_by_id") WHERE "replaced_by_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "meters_replaces_idx" ON "system"."meters" ("tenant_id", "replaces_id") WHERE "replaces_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "sessions_user_idx" ON "system"."sessions" ("tenant_id", "user_id")`);
    await q.query(`CREATE INDEX "api_keys_creator_idx" ON "system"."api_keys" ("tenant_id", "created_by")`);
    await q.query(`CREATE INDEX "meters_provisioning_pending_idx" ON "system"."meters" ("id") WHERE "provisioning_state" = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "system"."meters_provisioning_pending_idx"`);
    await q.query(`DROP INDEX "system"."api_keys_creator_idx"`);
    await q.query(`DROP INDEX "system"."sessions_user_idx"`);
    await q.query(`DROP INDEX "system"."meters_replaces_idx"`);
    await q.query(`DROP INDEX "system"."meters_replaced_by_idx"`);
  }
}
