import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { currentActor, currentContext } from '@app/common';
import type { FieldDiff, HistoryAction, HistoryActorKind, HistoryEntityType, TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { ChangeHistoryEntity } from '../database/entities/change-history.entity';

export interface NewHistoryEntry {
  entityType: HistoryEntityType;
  entityId: string;
  action: HistoryAction;
  changes: FieldDiff;
  /** The instant of the change (several rows of one operation share it); now by default. */
  at?: Date;
}

export interface HistoryQuery {
  entityType?: HistoryEntityType;
  entityId?: string;
  /** Only rows with a smaller id (keyset paging, newest first). */
  beforeId?: string;
  limit: number;
}

/** Who is changing things: the actor of the request, or the platform itself when there is none. */
export function currentAuthor(): { actorKind: HistoryActorKind; actorId: string | null; ip: string | null } {
  const actor = currentActor();
  if (!actor) return { actorKind: 'system', actorId: null, ip: null };
  return { actorKind: actor.kind, actorId: actor.id, ip: actor.ip ?? null };
}

/** The change history. `record` takes the EntityManager of the change's transaction: both commit or neither. */
@Injectable()
export class HistoryRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  async record(manager: EntityManager, tenantId: TenantId, entry: NewHistoryEntry): Promise<void> {
    const author = currentAuthor();
    await manager.query(
      `INSERT INTO "system"."change_history"
         ("tenant_id", "entity_type", "entity_id", "action", "actor_kind", "actor_id", "ip", "correlation_id", "changes", "at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
      [
        tenantId,
        entry.entityType,
        entry.entityId,
        entry.action,
        author.actorKind,
        author.actorId,
        author.ip,
        currentContext()?.correlationId ?? null,
        JSON.stringify(entry.changes),
        entry.at ?? new Date(),
      ],
    );
  }

  /**
   * Many rows of one operation (an import) by one actor at one instant: `unnest` of arrays, a few
   * thousand rows a statement, never one statement per row.
   */
  async recordMany(manager: EntityManager, tenantId: TenantId, entries: readonly Omit<NewHistoryEntry, 'at'>[], batch = 5000): Promise<void> {
    const author = currentAuthor();
    const correlationId = currentContext()?.correlationId ?? null;
    const at = new Date();
    for (let start = 0; start < entries.length; start += batch) {
      const part = entries.slice(start, start + batch);
      await manager.query(
        `INSERT INTO "system"."change_history"
           ("tenant_id", "entity_type", "entity_id", "action", "actor_kind", "actor_id", "ip", "correlation_id", "changes", "at")
         SELECT $1::uuid, e.entity_type, e.entity_id, e.action, $5::text, $6::text, $7::text, $8::text, e.changes, $9::timestamptz
         FROM unnest($2::text[], $3::uuid[], $4::text[], $10::jsonb[]) AS e(entity_type, entity_id, action, changes)`,
        [
          tenantId,
          part.map((e) => e.entityType),
          part.map((e) => e.entityId),
          part.map((e) => e.action),
          author.actorKind,
          author.actorId,
          author.ip,
          correlationId,
          at,
          part.map((e) => JSON.stringify(e.changes)),
        ],
      );
    }
  }

  list(tenantId: TenantId, query: HistoryQuery): Promise<ChangeHistoryEntity[]> {
    const builder = this.db
      .getRepository(ChangeHistoryEntity)
      .createQueryBuilder('h')
      .where('h.tenant_id = :tenantId', { tenantId })
      .orderBy('h.id', 'DESC')
      .limit(query.limit);
    if (query.entityType) builder.andWhere('h.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('h.entity_id = :entityId', { entityId: query.entityId });
    if (query.beforeId) builder.andWhere('h.id < :beforeId', { beforeId: query.beforeId });
    return builder.getMany();
  }
}
