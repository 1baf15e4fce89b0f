import type { HierarchyNodeView } from '@app/contracts';
import type { HierarchyNodeEntity } from '../database/entities/hierarchy-node.entity';
import type { Snapshot } from '../history/history-diff';

export function toHierarchyNodeView(node: HierarchyNodeEntity): HierarchyNodeView {
  return {
    id: node.id,
    parentId: node.parentId,
    kind: node.kind,
    name: node.name,
    code: node.code,
    depth: node.depth,
    createdAt: node.createdAt.toISOString(),
    updatedAt: node.updatedAt.toISOString(),
  };
}

/** The fields of a node its history compares. */
export function hierarchyNodeSnapshot(node: Pick<HierarchyNodeEntity, 'parentId' | 'kind' | 'name' | 'code'>): Snapshot {
  return { parentId: node.parentId, kind: node.kind, name: node.name, code: node.code };
}
