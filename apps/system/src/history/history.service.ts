import { Injectable } from '@nestjs/common';
import type { FieldDiff, HistoryEntryView, HistoryPage, ListHistoryRequest, TenantId } from '@app/contracts';
import type { ChangeHistoryEntity } from '../database/entities/change-history.entity';
import { HistoryRepository } from './history.repository';

const DEFAULT_LIMIT = 100;

export function toHistoryEntryView(row: ChangeHistoryEntity): HistoryEntryView {
  return {
    id: row.id,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    actorKind: row.actorKind,
    actorId: row.actorId,
    ip: row.ip,
    changes: row.changes as FieldDiff,
    at: row.at.toISOString(),
  };
}

/** Reads the change history of a tenant, newest first, a page at a time. */
@Injectable()
export class HistoryService {
  constructor(private readonly history: HistoryRepository) {}

  async list(tenantId: TenantId, request: ListHistoryRequest): Promise<HistoryPage> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const rows = await this.history.list(tenantId, { entityType: request.entityType, entityId: request.entityId, beforeId: request.cursor, limit: limit + 1 });
    const items = rows.slice(0, limit).map(toHistoryEntryView);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
