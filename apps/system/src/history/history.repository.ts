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
