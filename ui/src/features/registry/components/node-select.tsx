import type { HierarchyNodeView } from '@contracts/hierarchy';
import type { ComponentProps } from 'react';
import { Select } from '@/components/ui/select';
import { useHierarchyTree } from '../api/use-hierarchy';
import { KIND_LABELS } from '../format';

/** Nodes in tree order (parents before children, siblings by name), indented by depth. */
export function treeOrder(nodes: readonly HierarchyNodeView[]): HierarchyNodeView[] {
  const children = new Map<string | null, HierarchyNodeView[]>();
  for (const node of nodes) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  const out: HierarchyNodeView[] = [];
  const visit = (parentId: string | null) => {
    for (const node of (children.get(parentId) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push(node);
      visit(node.id);
    }
  };
  visit(null);
  return out;
}

/** A hierarchy node picker over the whole tree; `emptyLabel` is the option for "no node". */
export function NodeSelect({ value, onChange, emptyLabel, exclude, ...props }: Omit<ComponentProps<'select'>, 'value' | 'onChange'> & { value: string; onChange: (id: string) => void; emptyLabel: string; exclude?: (node: HierarchyNodeView) => boolean }) {
  const tree = useHierarchyTree();
  const nodes = treeOrder(tree.data ?? []).filter((node) => !exclude?.(node));
  return (
    <Select value={value} onChange={(e) => onChange(e.target.value)} {...props}>
      <option value="">{tree.isPending ? 'Loading nodes…' : emptyLabel}</option>
      {nodes.map((node) => (
        <option key={node.id} value={node.id}>
          {`${'\u00a0\u00a0'.repeat(node.depth)}${node.name} (${KIND_LABELS[node.kind]})`}
        </option>
      ))}
    </Select>
  );
}
