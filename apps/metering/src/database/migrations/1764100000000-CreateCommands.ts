import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Downlink commands: one row per command (its id is the ChirpStack queue item id we send, so outcomes find it)
 * and one history row per state change. Meters live in the system service: `tenant_id` and `meter_id` are
 * copies, checked through it at creation, not foreign keys. The partial index serves the expiry sweep: only
 * commands still waiting for an outcome (queued, or confirmed and sent) can expire.
 */
export class CreateCommands1764100000000 implements MigrationInterface {
  name = 'CreateCommands1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "metering"."commands" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "meter_id" uuid NOT NULL,
        "dev_eui" text NOT NULL,
        "application_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "request" jsonb NOT NULL,
        "f_port" smallint NOT NULL,
        "payload_hex" text NOT NULL,
        "confirmed" boolean NOT NULL,
        "state" text NOT NULL,
        "reason" text NULL,
        "expires_at" timestamptz NOT NULL,
        "actor_kind" text NOT NULL,
        "actor_id" text NULL,
        "created_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        "sent_at" timestamptz NULL,
        "acknowledged_at" timestamptz NULL,
        "failed_at" timestamptz NULL,
        "expired_at" timestamptz NULL,
        CONSTRAINT "commands_dev_eui_check" CHECK ("dev_eui" ~ '^[0-9a-f]{16}$'),
        CONSTRAINT "commands_kind_check" CHECK ("kind" IN ('valve', 'relay', 'reporting_interval', 'time_sync', 'read_config', 'reset_counter')),
        CONSTRAINT "commands_f_port_check" CHECK ("f_port" BETWEEN 1 AND 255),
        CONSTRAINT "commands_payload_hex_check" CHECK ("payload_hex" ~ '^([0-9a-f]{2})+$'),
        CONSTRAINT "commands_state_check" CHECK ("state" IN ('queued', 'sent', 'acknowledged', 'failed', 'expired')),
        CONSTRAINT "commands_actor_kind_check" CHECK ("actor_kind" IN ('user', 'api_key', 'system'))
      )`);
    await q.query(`CREATE INDEX "commands_meter_idx" ON "metering"."commands" ("tenant_id", "meter_id", "created_at" DESC, "id" DESC)`);
    await q.query(`CREATE INDEX "commands_expiry_idx" ON "metering"."commands" ("expires_at") WHERE "state" = 'queued' OR ("state" = 'sent' AND "confirmed")`);
    await q.query(`
      CREATE TABLE "metering"."command_events" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "command_id" uuid NOT NULL REFERENCES "metering"."commands" ("id") ON DELETE CASCADE,
        "tenant_id" uuid NOT NULL,
        "from_state" text NULL,
        "to_state" text NOT NULL,
        "source" text NOT NULL,
        "reason" text NULL,
        "at" timestamptz NOT NULL DEFAULT now(),
        "event_at" timestamptz NULL,
        CONSTRAINT "command_events_source_check" CHECK ("source" IN ('api', 'publish', 'outcome', 'deadline'))
      )`);
    await q.query(`CREATE INDEX "command_events_command_idx" ON "metering"."command_events" ("command_id", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "metering"."command_events"`);
    await q.query(`DROP TABLE IF EXISTS "metering"."commands"`);
  }
}
