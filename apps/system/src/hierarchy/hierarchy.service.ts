import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/contracts';
import type { CreateHierarchyNodeRequest, HierarchyNodeView, ListHierarchyRequest, TenantId, UpdateHierarchyNodeRequest } from '@app/contracts';
import type { HierarchyNodeEntity } from '../database/entities/hierarchy-node.entity';
import { isUniqueViolation } from '../database/pg-errors';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { hierarchyNodeSnapshot, toHierarchyNodeView } from './hierarchy-node.view';
import { assertNotIntoOwnSubtree, assertParentKindAllowed } from './hierarchy-rules';
import { HierarchyRepository } from './hierarchy.repository';
import { NodeOccupancy } from './node-occupancy';

const notFound = (what = 'Hierarchy node') => new DomainError('NOT_FOUND', `${what} not found`);

/** A sibling with the same name is a conflict, not a database error. */
async function siblingNamesUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'hierarchy_nodes_sibling_name_key')) throw new DomainError('CONFLICT', 'A node with this name already exists under the same parent');
    throw error;
  }
}

/** The rules of a tenant's hierarchy: allowed kinds, no cycles, deletion only when empty; every write with its history row. */
@Injectable()
export class HierarchyService {
  constructor(
    private readonly nodes: HierarchyRepository,
    private readonly history: HistoryRepository,
    private readonly occupancy: NodeOccupancy,
  ) {}

  async list(tenantId: TenantId, request: ListHierarchyRequest): Promise<HierarchyNodeView[]> {
    if (!request.parentId) return (await this.nodes.tree(tenantId)).map(toHierarchyNodeView);
    if (!(await this.nodes.findById(tenantId, request.parentId))) throw notFound();
    return (await this.nodes.children(tenantId, request.parentId)).map(toHierarchyNodeView);
  }

  async get(tenantId: TenantId, id: string): Promise<HierarchyNodeView> {
    const node = await this.nodes.findById(tenantId, id);
    if (!node) throw notFound();
    return toHierarchyNodeView(node);
  }

  create(tenantId: TenantId, request: CreateHierarchyNodeRequest): Promise<HierarchyNodeView> {
    return siblingNamesUnique(() =>
      this.nodes.transaction(async (manager) => {
        const parent = request.parentId ? await this.nodes.findById(tenantId, request.parentId, manager) : null;
        if (request.parentId && !parent) throw notFound('Parent node');
        assertParentKindAllowed(request.kind, parent?.kind ?? null);
        const id = randomUUID();
        const node = await this.nodes.insert(manager, tenantId, {
          id,
          parentId: parent?.id ?? null,
          kind: request.kind,
          name: request.name,
          code: request.code ?? null,
          path: `${parent?.path ?? '/'}${id}/`,
          depth: parent ? parent.depth + 1 : 0,
        });
        await this.history.record(manager, tenantId, { entityType: 'hierarchy_node', entityId: id, action: 'create', changes: diffFields(null, hierarchyNodeSnapshot(node)) });
        return toHierarchyNodeView(node);
      }),
    );
  }

  /** Renames and/or moves a node; a move takes its whole subtree along and is recorded as `move`. */
  update(tenantId: TenantId, request: UpdateHierarchyNodeRequest): Promise<HierarchyNodeView> {
    return siblingNamesUnique(() =>
      this.nodes.transaction(async (manager) => {
        const node = await this.nodes.findByIdForUpdate(manager, tenantId, request.id);
        if (!node) throw notFound();
        const before = hierarchyNodeSnapshot(node);
        const moving = request.parentId !== undefined && request.parentId !== node.parentId;
        if (moving) await this.moveNode(manager, tenantId, node, request.parentId ?? null);
        const rename = { ...(request.name !== undefined ? { name: request.name } : {}), ...(request.code !== undefined ? { code: request.code } : {}) };
        if (Object.keys(rename).length > 0) await this.nodes.rename(manager, tenantId, node.id, rename);
        const after = await this.nodes.findById(tenantId, node.id, manager);
        if (!after) throw notFound();
        const changes = diffFields(before, hierarchyNodeSnapshot(after));
        if (Object.keys(changes).length > 0) {
          await this.history.record(manager, tenantId, { entityType: 'hierarchy_node', entityId: node.id, action: moving ? 'move' : 'update', changes });
        }
        return toHierarchyNodeView(after);
      }),
    );
  }

  /** Deletes a node that has no children and holds no devices. */
  delete(tenantId: TenantId, id: string): Promise<HierarchyNodeView> {
    return this.nodes.transaction(async (manager) => {
      const node = await this.nodes.findByIdForUpdate(manager, tenantId, id);
      if (!node) throw notFound();
      if (await this.nodes.hasChildren(manager, tenantId, id)) throw new DomainError('CONFLICT', 'The node has child nodes; move or delete them first');
      if (await this.occupancy.holdsDevices(manager, tenantId, id)) throw new DomainError('CONFLICT', 'The node holds meters or gateways; move them first');
      await this.nodes.delete(manager, tenantId, id);
      await this.history.record(manager, tenantId, { entityType: 'hierarchy_node', entityId: id, action: 'delete', changes: diffFields(hierarchyNodeSnapshot(node), null) });
      return toHierarchyNodeView(node);
    });
  }

  private async moveNode(manager: EntityManager, tenantId: TenantId, node: HierarchyNodeEntity, parentId: string | null): Promise<void> {
    const parent = parentId ? await this.nodes.findByIdForUpdate(manager, tenantId, parentId) : null;
    if (parentId && !parent) throw notFound('Parent node');
    if (parent) assertNotIntoOwnSubtree(node.path, parent.path);
    assertParentKindAllowed(node.kind, parent?.kind ?? null);
    await this.nodes.move(manager, tenantId, node, parent?.id ?? null, `${parent?.path ?? '/'}${node.id}/`, parent ? parent.depth + 1 : 0);
  }
}
