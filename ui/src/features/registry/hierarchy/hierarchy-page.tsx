import type { HierarchyNodeView } from '@contracts/hierarchy';
import { FolderPlus } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/app/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { useCan } from '@/features/auth';
import { useHierarchyTree } from '../api/use-hierarchy';
import { PermissionGate } from '../components/permission-gate';
import { LoadError, Loading } from '@/components/query-states';
import { HierarchyTree } from './hierarchy-tree';
import { CreateNodeForm } from './node-forms';
import { NodePanel } from './node-panel';
import { onTreeKeyDown } from './tree-keys';

/** Ids of every ancestor of `id`, from the whole tree. */
function ancestorsOf(id: string, byId: Map<string, HierarchyNodeView>): string[] {
  const out: string[] = [];
  for (let node = byId.get(id); node?.parentId; node = byId.get(node.parentId)) out.push(node.parentId);
  return out;
}

/** `/hierarchy`: the territory tree (region > … > building) and the network tree (substation > feeder > transformer). */
export function HierarchyPage() {
  const allowed = useCan('hierarchy:read');
  const canWrite = useCan('hierarchy:write');
  const tree = useHierarchyTree();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('node') ?? '';
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [creatingRoot, setCreatingRoot] = useState(false);
  const byId = useMemo(() => new Map((tree.data ?? []).map((node) => [node.id, node])), [tree.data]);

  // A linked node opens with its ancestors expanded.
  useEffect(() => {
    if (!selectedId || byId.size === 0) return;
    const ancestors = ancestorsOf(selectedId, byId);
    setExpanded((current) => (ancestors.every((id) => current.has(id)) ? current : new Set([...current, ...ancestors])));
  }, [selectedId, byId]);

  const select = useCallback((id: string) => setParams(id ? { node: id } : {}), [setParams]);
  const toggle = useCallback((id: string) => setExpanded((current) => {
    const next = new Set(current);
    if (!next.delete(id)) next.add(id);
    return next;
  }), []);
  const onCreated = useCallback((node: HierarchyNodeView) => {
    if (node.parentId) setExpanded((current) => new Set([...current, node.parentId as string]));
    select(node.id);
  }, [select]);

  const roots = (tree.data ?? []).filter((node) => node.parentId === null);
  const selected = byId.get(selectedId);

  if (!allowed) return <PermissionGate permission="hierarchy:read" what="the hierarchy">{null}</PermissionGate>;
  return (
    <>
      <PageHeader
        title="Hierarchy"
        description="Your territory and your network: the nodes that hold meters and gateways. Select a node to see its meters and history (arrow keys move through the tree)."
        actions={canWrite && !creatingRoot && (
          <Button onClick={() => setCreatingRoot(true)} data-testid="new-root-node">
            <FolderPlus aria-hidden /> New root node
          </Button>
        )}
      />
      {creatingRoot && (
        <div className="mb-4">
          <CreateNodeForm
            parent={null}
            onDone={(created) => {
              setCreatingRoot(false);
              if (created) onCreated(created);
            }}
          />
        </div>
      )}
      {tree.isError && <LoadError error={tree.error} onRetry={() => void tree.refetch()} />}
      <div className="grid gap-5 lg:grid-cols-[minmax(260px,340px)_1fr]">
        <Card>
          <CardContent className="space-y-4 pt-4" data-testid="hierarchy-trees" onKeyDown={onTreeKeyDown}>
            {tree.isPending ? (
              <Loading label="Loading hierarchy…" />
            ) : (
              <>
                <HierarchyTree label="Territory" roots={roots.filter((n) => n.kind !== 'substation')} selectedId={selectedId} expanded={expanded} onToggle={toggle} onSelect={select} />
                <HierarchyTree label="Network" roots={roots.filter((n) => n.kind === 'substation')} selectedId={selectedId} expanded={expanded} onToggle={toggle} onSelect={select} />
              </>
            )}
          </CardContent>
        </Card>
        <div>
          {selected ? (
            <NodePanel key={selected.id} node={selected} parent={selected.parentId ? byId.get(selected.parentId) : undefined} onCreated={onCreated} />
          ) : (
            <p className="rounded-lg border border-dashed border-border px-6 py-14 text-center text-sm text-muted-foreground">{selectedId && !tree.isPending ? 'This node does not exist (any more).' : 'Select a node in a tree.'}</p>
          )}
        </div>
      </div>
    </>
  );
}
