import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/contracts';
import type { ConsumerKind, ConsumerStatus, TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { scoped, tenantScope } from '../access/read-scope';
import type { ReadScope } from '../access/read-scope';
import { ConsumerEntity } from '../database/entities/consumer.entity';
import { isUniqueViolation } from '../database/pg-errors';
import { likePrefix } from '../hierarchy/hierarchy.repository';
import type { ConsumerFields, ConsumerFieldsPatch } from './consumer-rules';

export type NewConsumer = ConsumerFields & { id: string };
export type ConsumerPatch = ConsumerFieldsPatch & { status?: ConsumerStatus; closedAt?: Date | null };

export interface ConsumerFilter {
  /** Prefix of the account number, or of the name (case-insensitive). */
  search?: string;
  kind?: ConsumerKind;
  status?: ConsumerStatus;
  /** Keyset position: consumers after (accountNumber, id). */
  after?: { key: string; id: string };
  limit: number;
}

/** A duplicate account number is a conflict naming the field, not a database error. */
export async function consumerConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'consumers_tenant_account_key')) {
      throw new DomainError('CONFLICT', 'A consumer with this account number already exists', [{ field: 'accountNumber', message: 'is taken' }]);
    }
    throw error;
  }
}

/** Consumers of one tenant. Reads take a ReadScope (a consumer user sees only itself); writes the caller's transaction. */
@Injectable()
export class ConsumersRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The consumer, when the scope may see it. */
  findVisible(scope: ReadScope, id: string, manager: EntityManager = this.db.manager): Promise<ConsumerEntity | null> {
    return scoped(manager.getRepository(ConsumerEntity).createQueryBuilder('c'), 'c', 'consumer', scope).andWhere('c.id = :id', { id }).getOne();
  }

  findById(tenantId: TenantId, id: string, manager: EntityManager = this.db.manager): Promise<ConsumerEntity | null> {
    return this.findVisible(tenantScope(tenantId), id, manager);
  }

  findByIdForUpdate(manager: EntityManager, tenantId: TenantId, id: string): Promise<ConsumerEntity | null> {
    return manager.getRepository(ConsumerEntity).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  findByAccountNumber(tenantId: TenantId, accountNumber: string, manager: EntityManager = this.db.manager): Promise<ConsumerEntity | null> {
    return manager.getRepository(ConsumerEntity).findOneBy({ tenantId, accountNumber });
  }

  async insert(manager: EntityManager, tenantId: TenantId, consumer: NewConsumer): Promise<ConsumerEntity> {
    await manager.getRepository(ConsumerEntity).insert({ ...consumer, tenantId, status: 'active', closedAt: null });
    const saved = await this.findById(tenantId, consumer.id, manager);
    if (!saved) throw new Error('inserted consumer not found');
    return saved;
  }

  async update(manager: EntityManager, tenantId: TenantId, id: string, patch: ConsumerPatch): Promise<ConsumerEntity> {
    await manager.getRepository(ConsumerEntity).update({ tenantId, id }, patch);
    const saved = await this.findById(tenantId, id, manager);
    if (!saved) throw new Error('updated consumer not found');
    return saved;
  }

  /** One page ordered by (account_number, id), within the scope. */
  list(scope: ReadScope, filter: ConsumerFilter): Promise<ConsumerEntity[]> {
    const q = scoped(this.db.getRepository(ConsumerEntity).createQueryBuilder('c'), 'c', 'consumer', scope);
    if (filter.search) {
      const search = filter.search;
      q.andWhere(
        new Brackets((b) =>
          b.where('c.account_number LIKE :prefix', { prefix: likePrefix(search) }).orWhere('lower(c.name) LIKE :namePrefix', { namePrefix: likePrefix(search.toLowerCase()) }),
        ),
      );
    }
    if (filter.kind) q.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.status) q.andWhere('c.status = :status', { status: filter.status });
    if (filter.after) q.andWhere('(c.account_number, c.id) > (:afterKey, :afterId)', { afterKey: filter.after.key, afterId: filter.after.id });
    return q.orderBy('c.account_number', 'ASC').addOrderBy('c.id', 'ASC').limit(filter.limit).getMany();
  }

  /** Whether the consumer holds an active service point (such a consumer cannot be closed). */
  async holdsActiveServicePoints(manager: EntityManager, tenantId: TenantId, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM "system"."service_points" WHERE "tenant_id" = $1 AND "consumer_id" = $2 AND "status" = 'active' LIMIT 1`,
      [tenantId, id],
    );
    return rows.length > 0;
  }
}
