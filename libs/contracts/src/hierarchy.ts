/**
 * Hierarchy of a tenant's territory and network: nodes that hold meters and gateways.
 * Node kinds are public wire API (stored): add, never rename.
 */
export const HIERARCHY_KINDS = ['region', 'district', 'locality', 'building', 'substation', 'feeder', 'transformer'] as const;
export type HierarchyKind = (typeof HIERARCHY_KINDS)[number];

/** Kinds a node of each kind may sit under; `null` is the root. */
export const HIERARCHY_PARENT_KINDS: Readonly<Record<HierarchyKind, readonly (HierarchyKind | null)[]>> = {
  region: [null],
  district: ['region'],
  locality: ['region', 'district'],
  building: ['district', 'locality'],
  substation: [null, 'region', 'district', 'locality'],
  feeder: ['substation'],
  transformer: ['feeder'],
};

export interface HierarchyNodeView {
  id: string;
  parentId: string | null;
  kind: HierarchyKind;
  name: string;
  code: string | null;
  /** Depth from the root (a root node is 0). */
  depth: number;
  createdAt: string;
  updatedAt: string;
}

export interface ListHierarchyRequest {
  /** Children of this node; without it, the whole tree (every node, parents before children). */
  parentId?: string;
}

export interface CreateHierarchyNodeRequest {
  parentId?: string | null;
  kind: HierarchyKind;
  name: string;
  code?: string;
}

export interface UpdateHierarchyNodeRequest {
  id: string;
  name?: string;
  code?: string | null;
  /** Moves the node (and its subtree) under another node, or to the root with `null`. */
  parentId?: string | null;
}
