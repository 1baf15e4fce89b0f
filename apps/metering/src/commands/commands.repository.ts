import { DomainError } from '@app/contracts';
import type { CommandEventView, CommandKind, CommandRequest, CommandState, CommandView } from '@app/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlannedTransition, StoredStatus } from './command-transition';

/** A command row as inserted. */
export interface NewCommand {
  id: string;
  tenantId: string;
  meterId: string;
  devEui: string;
  applicationId: string;
  kind: CommandKind;
  request: CommandRequest;
  fPort: number;
  payloadHex: string;
  confirmed: boolean;
  expiresAt: Date;
  actorKind: 'user' | 'api_key' | 'system';
  actorId: string | null;
  createdAt: Date;
}

/** What the outcome consumer and the sweep read of a locked command. */
export interface LockedCommand extends StoredStatus {
  id: string;
  tenantId: string;
  devEui: string;
}

interface CommandRow {
  id: string;
  tenant_id: string;
  meter_id: string;
  dev_eui: string;
  application_id: string;
  kind: CommandKind;
  request: CommandRequest;
  f_port: number;
  payload_hex: string;
  confirmed: boolean;
  state: CommandState;
  reason: string | null;
  expires_at: Date;
  actor_kind: 'user' | 'api_key' | 'system';
  actor_id: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  acknowledged_at: Date | null;
  failed_at: Date | null;
  expired_at: Date | null;
}

interface EventRow {
  from_state: CommandState | null;
  to_state: CommandState;
  source: CommandEventView['source'];
  reason: string | null;
  at: Date;
  event_at: Date | null;
}

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

function toView(row: CommandRow): CommandView {
  return {
    id: row.id,
    meterId: row.meter_id,
    devEui: row.dev_eui,
    applicationId: row.application_id,
    kind: row.kind,
    request: row.request,
    fPort: row.f_port,
    payloadHex: row.payload_hex,
    confirmed: row.confirmed,
    state: row.state,
    reason: row.reason,
    expiresAt: row.expires_at.toISOString(),
    createdBy: { kind: row.actor_kind, id: row.actor_id },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    sentAt: iso(row.sent_at),
    acknowledgedAt: iso(row.acknowledged_at),
    failedAt: iso(row.failed_at),
    expiredAt: iso(row.expired_at),
  };
}

const toEventView = (row: EventRow): CommandEventView => ({
  fromState: row.from_state,
  toState: row.to_state,
  source: row.source,
  reason: row.reason,
  at: row.at.toISOString(),
  eventAt: iso(row.event_at),
});

/** Opaque keyset cursor of a meter's commands, newest first: (created_at, id) of the last row of a page. */
export function encodeCommandCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id]), 'utf8').toString('base64url');
}

export function decodeCommandCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && /^[0-9a-f-]{36}$/.test(value[1])) {
      const createdAt = new Date(value[0]);
      if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: value[1] };
    }
  } catch {
    // falls through to the refusal
  }
  throw new DomainError('VALIDATION_FAILED', 'Invalid request: cursor', [{ field: 'cursor', message: 'is not a cursor of this listing' }]);
}

/**
 * Commands and their history in schema `metering`, raw SQL over the service's data source. Every read of the
 * API takes the tenant; only the outcome consumer and the sweep look a command up by id alone (ChirpStack's
 * queue item id is all an outcome carries), and they write nothing but the state.
 */
export class CommandsRepository {
  constructor(readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** A new command, queued, with its first history row, in one transaction. */
  async insert(command: NewCommand): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO "metering"."commands" ("id", "tenant_id", "meter_id", "dev_eui", "application_id", "kind", "request", "f_port", "payload_hex",
           "confirmed", "state", "expires_at", "actor_kind", "actor_id", "created_at", "updated_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, 'queued', $11, $12, $13, $14, $14)`,
        [command.id, command.tenantId, command.meterId, command.devEui, command.applicationId, command.kind, JSON.stringify(command.request), command.fPort,
          command.payloadHex, command.confirmed, command.expiresAt, command.actorKind, command.actorId, command.createdAt],
      );
      await m.query(
        `INSERT INTO "metering"."command_events" ("command_id", "tenant_id", "from_state", "to_state", "source", "at") VALUES ($1, $2, NULL, 'queued', 'api', $3)`,
        [command.id, command.tenantId, command.createdAt],
      );
    });
  }

  /** The command by id, locked until the transaction ends (FOR UPDATE), or null. */
  async lock(m: EntityManager, id: string): Promise<LockedCommand | null> {
    const rows = (await m.query(
      `SELECT "id", "tenant_id", "dev_eui", "state", "confirmed", "expires_at" FROM "metering"."commands" WHERE "id" = $1 FOR UPDATE`,
      [id],
    )) as Array<Pick<CommandRow, 'id' | 'tenant_id' | 'dev_eui' | 'state' | 'confirmed' | 'expires_at'>>;
    const row = rows[0];
    return row ? { id: row.id, tenantId: row.tenant_id, devEui: row.dev_eui, state: row.state, confirmed: row.confirmed, expiresAt: row.expires_at } : null;
  }

  /**
   * Commands past their deadline that still wait for an outcome, oldest deadline first, locked; rows another
   * instance's sweep holds are skipped (SKIP LOCKED), so two sweeps never work on one command.
   */
  async lockDue(m: EntityManager, now: Date, limit: number): Promise<LockedCommand[]> {
    const rows = (await m.query(
      `SELECT "id", "tenant_id", "dev_eui", "state", "confirmed", "expires_at" FROM "metering"."commands"
        WHERE ("state" = 'queued' OR ("state" = 'sent' AND "confirmed")) AND "expires_at" <= $1
        ORDER BY "expires_at" LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    )) as Array<Pick<CommandRow, 'id' | 'tenant_id' | 'dev_eui' | 'state' | 'confirmed' | 'expires_at'>>;
    return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id, devEui: row.dev_eui, state: row.state, confirmed: row.confirmed, expiresAt: row.expires_at }));
  }

  /** Writes a planned transition of a locked command and its history row. */
  async apply(m: EntityManager, command: LockedCommand, plan: PlannedTransition, now: Date): Promise<void> {
    const stamp = plan.stampColumn ? `, "${plan.stampColumn}" = $4` : '';
    await m.query(
      `UPDATE "metering"."commands" SET "state" = $2, "reason" = COALESCE($3, "reason"), "updated_at" = $5${stamp} WHERE "id" = $1`,
      [command.id, plan.toState, plan.reason, plan.eventAt ?? now, now],
    );
    await m.query(
      `INSERT INTO "metering"."command_events" ("command_id", "tenant_id", "from_state", "to_state", "source", "reason", "at", "event_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [command.id, command.tenantId, plan.fromState, plan.toState, plan.source, plan.reason, now, plan.eventAt],
    );
  }

  async get(tenantId: string, id: string, withEvents = false): Promise<CommandView | null> {
    const rows = (await this.db.query(`SELECT * FROM "metering"."commands" WHERE "tenant_id" = $1 AND "id" = $2`, [tenantId, id])) as CommandRow[];
    if (!rows[0]) return null;
    const view = toView(rows[0]);
    if (withEvents) {
      const events = (await this.db.query(
        `SELECT "from_state", "to_state", "source", "reason", "at", "event_at" FROM "metering"."command_events" WHERE "command_id" = $1 AND "tenant_id" = $2 ORDER BY "id"`,
        [id, tenantId],
      )) as EventRow[];
      view.events = events.map(toEventView);
    }
    return view;
  }

  /** A meter's commands, newest first, after the keyset position (one index range scan of `commands_meter_idx`). */
  async listByMeter(tenantId: string, meterId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<{ items: CommandView[]; nextCursor: string | null }> {
    const params: unknown[] = [tenantId, meterId, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.createdAt, after.id);
      keyset = `AND ("created_at", "id") < ($4, $5)`;
    }
    const rows = (await this.db.query(
      `SELECT * FROM "metering"."commands" WHERE "tenant_id" = $1 AND "meter_id" = $2 ${keyset} ORDER BY "created_at" DESC, "id" DESC LIMIT $3`,
      params,
    )) as CommandRow[];
    const items = rows.slice(0, limit).map(toView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCommandCursor(last.createdAt, last.id) : null };
  }
}
