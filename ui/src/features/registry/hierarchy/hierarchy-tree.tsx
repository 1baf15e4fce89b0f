import type { HierarchyNodeView } from '@contracts/hierarchy';
import { ChevronDown, ChevronRight, LoaderCircle } from 'lucide-react';
import { useHierarchyChildren } from '../api/use-hierarchy';
import { KIND_LABELS } from '../format';
import { cn } from '@/lib/utils';

interface TreeProps {
  selectedId: string;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
}

const byName = (a: HierarchyNodeView, b: HierarchyNodeView) => a.name.localeCompare(b.name);

/** One node; its children are fetched when it is first expanded. */
function TreeNode({ node, level, ...props }: TreeProps & { node: HierarchyNodeView; level: number }) {
  const open = props.expanded.has(node.id);
  const children = useHierarchyChildren(node.id, open);
  const selected = props.selectedId === node.id;
  return (
    <li role="treeitem" aria-expanded={open} aria-selected={selected} aria-level={level} data-testid={`tree-node-${node.name}`}>
      <div className={cn('flex items-center gap-1 rounded-md pr-2', selected ? 'bg-primary/10' : 'hover:bg-muted')} style={{ paddingLeft: `${(level - 1) * 16}px` }}>
        <button type="button" onClick={() => props.onToggle(node.id)} className="rounded p-1 text-muted-foreground hover:text-foreground" aria-label={`${open ? 'Collapse' : 'Expand'} ${node.name}`} data-testid="tree-toggle">
          {open && children.isFetching ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : open ? <ChevronDown aria-hidden className="size-4" /> : <ChevronRight aria-hidden className="size-4" />}
        </button>
        <button type="button" onClick={() => props.onSelect(node.id)} className={cn('flex min-w-0 flex-1 items-baseline gap-2 py-1 text-left text-sm', selected && 'font-semibold')} data-testid="tree-select">
          <span className="truncate">{node.name}</span>
          <span className="shrink-0 text-[11px] text-muted-foreground">{KIND_LABELS[node.kind]}</span>
        </button>
      </div>
      {open && children.data && (
        <ul role="group">
          {children.data.length === 0 && (
            <li className="py-1 text-xs text-muted-foreground" style={{ paddingLeft: `${level * 16 + 28}px` }}>
              No child nodes
            </li>
          )}
          {[...children.data].sort(byName).map((child) => (
            <TreeNode key={child.id} node={child} level={level + 1} {...props} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** One tree (territory or network) from its roots. */
export function HierarchyTree({ label, roots, ...props }: TreeProps & { label: string; roots: HierarchyNodeView[] }) {
  return (
    <div>
      <p className="px-1 pb-1 text-[11px] font-medium tracking-wider text-muted-foreground uppercase">{label}</p>
      {roots.length === 0 ? (
        <p className="px-1 py-1 text-sm text-muted-foreground">No nodes yet.</p>
      ) : (
        <ul role="tree" aria-label={label}>
          {[...roots].sort(byName).map((root) => (
            <TreeNode key={root.id} node={root} level={1} {...props} />
          ))}
        </ul>
      )}
    </div>
  );
}
