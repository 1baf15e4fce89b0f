import { Injectable } from '@nestjs/common';
import type { EntityHistoryRequest, HistoryEntryView, HistoryPage } from '@app/contracts';
import type { ReadScope } from '../access/read-scope';
import { ConsumersRepository } from '../consumers/consumers.repository';
import { HistoryRepository } from '../history/history.repository';
import { toHistoryEntryView } from '../history/history.service';
import { MetersRepository } from '../meters/meters.repository';
import { ServicePointsRepository } from './service-points.repository';
import { notFound } from './service-points.service';

const DEFAULT_LIMIT = 100;
const WHAT = { consumer: 'Consumer', service_point: 'Service point', meter: 'Meter' } as const;

/** A consumer sees that someone changed its data and what, never who else (their id) or from where. */
export function redactFor(scope: ReadScope, entry: HistoryEntryView): HistoryEntryView {
  if (scope.consumerId === null) return entry;
  const own = entry.actorId !== null && entry.actorId === scope.actorId;
  return { ...entry, actorId: own ? entry.actorId : null, ip: own ? entry.ip : null };
}

/**
 * The history of one consumer, service point or meter, for whoever may see the entity: NOT_FOUND
 * otherwise (another tenant's, or for a consumer user anything not its own), never an empty page
 * that would confirm the id exists.
 */
@Injectable()
export class EntityHistoryService {
  constructor(
    private readonly history: HistoryRepository,
    private readonly consumers: ConsumersRepository,
    private readonly points: ServicePointsRepository,
    private readonly meters: MetersRepository,
  ) {}

  async list(scope: ReadScope, request: EntityHistoryRequest): Promise<HistoryPage> {
    if (!(await this.visible(scope, request))) throw notFound(WHAT[request.entityType]);
    const limit = request.limit ?? DEFAULT_LIMIT;
    const rows = await this.history.list(scope.tenantId, { entityType: request.entityType, entityId: request.entityId, beforeId: request.cursor, limit: limit + 1 });
    const items = rows.slice(0, limit).map((row) => redactFor(scope, toHistoryEntryView(row)));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  private async visible(scope: ReadScope, request: EntityHistoryRequest): Promise<boolean> {
    switch (request.entityType) {
      case 'consumer':
        return (await this.consumers.findVisible(scope, request.entityId)) !== null;
      case 'service_point':
        return (await this.points.findVisible(scope, request.entityId)) !== null;
      case 'meter':
        return (await this.meters.findVisible(scope, request.entityId)) !== null;
      default: {
        const unknown: never = request.entityType;
        throw new Error(`unknown entity type ${String(unknown)}`);
      }
    }
  }
}
