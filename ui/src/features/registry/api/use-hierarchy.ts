import type { CreateHierarchyNodeRequest, HierarchyNodeView, UpdateHierarchyNodeRequest } from '@contracts/hierarchy';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { authedRequest, useCan } from '@/features/auth';
import { registryKeys } from './keys';

const HIERARCHY = '/api/v1/hierarchy';

/** Every node of the tenant (parents before children): names for tables and the node pickers. */
export function useHierarchyTree() {
  const allowed = useCan('hierarchy:read');
  return useQuery({
    queryKey: registryKeys.hierarchyTree(),
    queryFn: ({ signal }) => authedRequest<HierarchyNodeView[]>('GET', HIERARCHY, { signal }),
    staleTime: 60_000,
    enabled: allowed,
  });
}

/** Nodes by id, from the whole tree (empty while it loads or without hierarchy:read). */
export function useNodeIndex(): Map<string, HierarchyNodeView> {
  const tree = useHierarchyTree();
  return useMemo(() => new Map((tree.data ?? []).map((node) => [node.id, node])), [tree.data]);
}

/** The children of one node, fetched when the tree expands it. */
export function useHierarchyChildren(parentId: string, enabled: boolean) {
  return useQuery({
    queryKey: registryKeys.hierarchyChildren(parentId),
    queryFn: ({ signal }) => authedRequest<HierarchyNodeView[]>('GET', `${HIERARCHY}?parentId=${parentId}`, { signal }),
    enabled,
  });
}

function useNodeMutation<TVariables>(run: (variables: TVariables) => Promise<HierarchyNodeView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    meta: { errorToast: false },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registryKeys.hierarchy() });
      await queryClient.invalidateQueries({ queryKey: [...registryKeys.all, 'history', 'hierarchy_node'] });
    },
  });
}

export function useCreateNode() {
  return useNodeMutation((body: CreateHierarchyNodeRequest) => authedRequest<HierarchyNodeView>('POST', HIERARCHY, { body }));
}

export function useUpdateNode() {
  return useNodeMutation(({ id, ...body }: UpdateHierarchyNodeRequest) => authedRequest<HierarchyNodeView>('PATCH', `${HIERARCHY}/${id}`, { body }));
}
