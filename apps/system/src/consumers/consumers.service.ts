import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/contracts';
import type { ConsumerPage, ConsumerView, CreateConsumerRequest, ListConsumersRequest, TenantId, UpdateConsumerRequest } from '@app/contracts';
import type { ReadScope } from '../access/read-scope';
import { decodeKeysetCursor, encodeKeysetCursor } from '../database/keyset-cursor';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { validateConsumerPatch, validateNewConsumer } from './consumer-rules';
import { consumerSnapshot, toConsumerView } from './consumer.view';
import { ConsumersRepository, consumerConflicts } from './consumers.repository';

const DEFAULT_LIMIT = 50;

export const consumerNotFound = (): DomainError => new DomainError('NOT_FOUND', 'Consumer not found');

/** Consumers of a tenant: registration, changes, closing, listing; every write with its history row. */
@Injectable()
export class ConsumersService {
  constructor(
    private readonly consumers: ConsumersRepository,
    private readonly history: HistoryRepository,
  ) {}

  /** The consumer, when the scope may see it; NOT_FOUND otherwise (another tenant's, or not the consumer user's own). */
  async get(scope: ReadScope, id: string): Promise<ConsumerView> {
    const consumer = await this.consumers.findVisible(scope, id);
    if (!consumer) throw consumerNotFound();
    return toConsumerView(consumer);
  }

  async list(scope: ReadScope, request: ListConsumersRequest): Promise<ConsumerPage> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const after = request.cursor ? decodeKeysetCursor(request.cursor) : undefined;
    const rows = await this.consumers.list(scope, { search: request.search?.trim() || undefined, kind: request.kind, status: request.status, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toConsumerView), nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.accountNumber, last.id) : null };
  }

  create(tenantId: TenantId, request: CreateConsumerRequest): Promise<ConsumerView> {
    const fields = validateNewConsumer(request);
    return consumerConflicts(() =>
      this.consumers.transaction(async (manager) => {
        const consumer = await this.consumers.insert(manager, tenantId, { id: randomUUID(), ...fields });
        await this.history.record(manager, tenantId, { entityType: 'consumer', entityId: consumer.id, action: 'create', changes: diffFields(null, consumerSnapshot(consumer)) });
        return toConsumerView(consumer);
      }),
    );
  }

  update(tenantId: TenantId, request: UpdateConsumerRequest): Promise<ConsumerView> {
    return this.consumers.transaction(async (manager) => {
      const consumer = await this.consumers.findByIdForUpdate(manager, tenantId, request.id);
      if (!consumer) throw consumerNotFound();
      const { id: _id, ...changes } = request;
      const patch = validateConsumerPatch(consumer.kind, consumer, changes);
      if (Object.keys(patch).length === 0) return toConsumerView(consumer);
      const updated = await this.consumers.update(manager, tenantId, consumer.id, patch);
      const diff = diffFields(consumerSnapshot(consumer), consumerSnapshot(updated));
      if (Object.keys(diff).length > 0) await this.history.record(manager, tenantId, { entityType: 'consumer', entityId: consumer.id, action: 'update', changes: diff });
      return toConsumerView(updated);
    });
  }

  /** Closes a consumer that holds no active service point; the record and its history stay. */
  close(tenantId: TenantId, id: string): Promise<ConsumerView> {
    return this.consumers.transaction(async (manager) => {
      const consumer = await this.consumers.findByIdForUpdate(manager, tenantId, id);
      if (!consumer) throw consumerNotFound();
      if (consumer.status === 'closed') throw new DomainError('CONFLICT', 'The consumer is closed already');
      if (await this.consumers.holdsActiveServicePoints(manager, tenantId, id)) {
        throw new DomainError('CONFLICT', 'The consumer holds active service points; move or close them first');
      }
      const updated = await this.consumers.update(manager, tenantId, id, { status: 'closed', closedAt: new Date() });
      await this.history.record(manager, tenantId, { entityType: 'consumer', entityId: id, action: 'close', changes: diffFields(consumerSnapshot(consumer), consumerSnapshot(updated)) });
      return toConsumerView(updated);
    });
  }
}
