import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { HierarchyKind, TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { HierarchyNodeEntity } from '../database/entities/hierarchy-node.entity';

export interface NewHierarchyNode {
  id: string;
  parentId: string | null;
  kind: HierarchyKind;
  name: string;
  code: string | null;
  path: string;
  depth: number;
}

/** Escapes LIKE wildcards of a materialised path (ids and slashes only, but never trust a prefix). */
export const likePrefix = (path: string): string => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Hierarchy nodes of one tenant. Writes take the EntityManager of the caller's transaction. */
@Injectable()
export class HierarchyRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findById(tenantId: TenantId, id: string, manager: EntityManager = this.db.manager): Promise<HierarchyNodeEntity | null> {
    return manager.getRepository(HierarchyNodeEntity).findOneBy({ tenantId, id });
  }

  /** The node, locked for the rest of the transaction (moves and deletes serialise on it). */
  findByIdForUpdate(manager: EntityManager, tenantId: TenantId, id: string): Promise<HierarchyNodeEntity | null> {
    return manager.getRepository(HierarchyNodeEntity).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every node of the tenant, parents before their children. */
  tree(tenantId: TenantId): Promise<HierarchyNodeEntity[]> {
    return this.db.getRepository(HierarchyNodeEntity).find({ where: { tenantId }, order: { depth: 'ASC', name: 'ASC' } });
  }

  children(tenantId: TenantId, parentId: string): Promise<HierarchyNodeEntity[]> {
    return this.db.getRepository(HierarchyNodeEntity).find({ where: { tenantId, parentId }, order: { name: 'ASC' } });
  }

  /** Every node at or under `path` (a subtree is one index prefix scan). */
  subtree(tenantId: TenantId, path: string): Promise<HierarchyNodeEntity[]> {
    return this.db
      .getRepository(HierarchyNodeEntity)
      .createQueryBuilder('n')
      .where('n.tenant_id = :tenantId AND n.path LIKE :prefix', { tenantId, prefix: likePrefix(path) })
      .orderBy('n.depth', 'ASC')
      .getMany();
  }

  async insert(manager: EntityManager, tenantId: TenantId, node: NewHierarchyNode): Promise<HierarchyNodeEntity> {
    const repository = manager.getRepository(HierarchyNodeEntity);
    return repository.save(repository.create({ ...node, tenantId }));
  }

  async rename(manager: EntityManager, tenantId: TenantId, id: string, patch: { name?: string; code?: string | null }): Promise<void> {
    await manager.getRepository(HierarchyNodeEntity).update({ tenantId, id }, patch);
  }

  /** Moves a node and its subtree: the new parent, and every path and depth below rewritten in one statement. */
  async move(manager: EntityManager, tenantId: TenantId, node: HierarchyNodeEntity, parentId: string | null, newPath: string, newDepth: number): Promise<void> {
    await manager.getRepository(HierarchyNodeEntity).update({ tenantId, id: node.id }, { parentId });
    await manager.query(
      `UPDATE "system"."hierarchy_nodes"
          SET "path" = $3 || substr("path", length($2) + 1), "depth" = "depth" + $4, "updated_at" = now()
        WHERE "tenant_id" = $1 AND "path" LIKE $5`,
      [tenantId, node.path, newPath, newDepth - node.depth, likePrefix(node.path)],
    );
  }

  async hasChildren(manager: EntityManager, tenantId: TenantId, id: string): Promise<boolean> {
    return (await manager.getRepository(HierarchyNodeEntity).countBy({ tenantId, parentId: id })) > 0;
  }

  async delete(manager: EntityManager, tenantId: TenantId, id: string): Promise<void> {
    await manager.getRepository(HierarchyNodeEntity).delete({ tenantId, id });
  }
}
