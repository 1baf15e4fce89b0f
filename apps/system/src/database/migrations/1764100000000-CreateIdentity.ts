import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants, users, sessions and their refresh tokens, API keys, login events. Written by hand and
 * reviewed: every tenant-owned table carries tenant_id, and rows that point at a user do so through
 * (tenant_id, user_id), so a row can never reference another tenant's user.
 */
export class CreateIdentity1764100000000 implements MigrationInterface {
  name = 'CreateIdentity1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "system"."tenants" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "slug" text NOT NULL,
        "name" text NOT NULL,
        "status" text NOT NULL DEFAULT 'active',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "tenants_slug_key" UNIQUE ("slug"),
        CONSTRAINT "tenants_slug_format" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        CONSTRAINT "tenants_status_check" CHECK ("status" IN ('active', 'suspended'))
      )`);
    await q.query(`
      CREATE TABLE "system"."users" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "email" text NOT NULL,
        "display_name" text NOT NULL,
        "password_hash" text NOT NULL,
        "roles" text[] NOT NULL DEFAULT '{}',
        "status" text NOT NULL DEFAULT 'active',
        "failed_login_count" integer NOT NULL DEFAULT 0,
        "locked_until" timestamptz NULL,
        "consumer_id" uuid NULL,
        "last_login_at" timestamptz NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "users_tenant_email_key" UNIQUE ("tenant_id", "email"),
        CONSTRAINT "users_tenant_id_key" UNIQUE ("tenant_id", "id"),
        CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email")),
        CONSTRAINT "users_status_check" CHECK ("status" IN ('active', 'disabled')),
        CONSTRAINT "users_failed_login_count_check" CHECK ("failed_login_count" >= 0)
      )`);
    await q.query(`
      CREATE TABLE "system"."sessions" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_refreshed_at" timestamptz NULL,
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz NULL,
        "revoked_reason" text NULL,
        "ip" text NULL,
        "user_agent" text NULL,
        CONSTRAINT "sessions_user_fkey" FOREIGN KEY ("tenant_id", "user_id")
          REFERENCES "system"."users" ("tenant_id", "id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "sessions_tenant_user_idx" ON "system"."sessions" ("tenant_id", "user_id") WHERE "revoked_at" IS NULL`);
    await q.query(`
      CREATE TABLE "system"."refresh_tokens" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "session_id" uuid NOT NULL REFERENCES "system"."sessions" ("id") ON DELETE CASCADE,
        "tenant_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "spent_at" timestamptz NULL,
        CONSTRAINT "refresh_tokens_token_hash_key" UNIQUE ("token_hash"),
        CONSTRAINT "refresh_tokens_token_hash_format" CHECK ("token_hash" ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX "refresh_tokens_session_idx" ON "system"."refresh_tokens" ("session_id")`);
    await q.query(`
      CREATE TABLE "system"."api_keys" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "key_id" text NOT NULL,
        "key_hash" text NOT NULL,
        "name" text NOT NULL,
        "permissions" text[] NOT NULL,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NULL,
        "last_used_at" timestamptz NULL,
        "revoked_at" timestamptz NULL,
        CONSTRAINT "api_keys_key_id_key" UNIQUE ("key_id"),
        CONSTRAINT "api_keys_key_id_format" CHECK ("key_id" ~ '^[A-Za-z0-9]{8}$'),
        CONSTRAINT "api_keys_key_hash_format" CHECK ("key_hash" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "api_keys_creator_fkey" FOREIGN KEY ("tenant_id", "created_by")
          REFERENCES "system"."users" ("tenant_id", "id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "api_keys_tenant_idx" ON "system"."api_keys" ("tenant_id", "created_at")`);
    await q.query(`
      CREATE TABLE "system"."login_events" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NULL REFERENCES "system"."tenants" ("id") ON DELETE CASCADE,
        "tenant_slug" text NOT NULL,
        "user_id" uuid NULL,
        "email" text NOT NULL,
        "ip" text NULL,
        "user_agent" text NULL,
        "outcome" text NOT NULL,
        "reason" text NULL,
        "at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "login_events_outcome_check" CHECK ("outcome" IN ('success', 'failure', 'locked', 'rate_limited'))
      )`);
    await q.query(`CREATE INDEX "login_events_tenant_at_idx" ON "system"."login_events" ("tenant_id", "at" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['login_events', 'api_keys', 'refresh_tokens', 'sessions', 'users', 'tenants']) {
      await q.query(`DROP TABLE IF EXISTS "system"."${table}"`);
    }
  }
}
