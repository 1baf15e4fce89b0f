import { HIERARCHY_KINDS, HIERARCHY_PARENT_KINDS } from '@contracts/hierarchy';
import type { HierarchyKind, HierarchyNodeView } from '@contracts/hierarchy';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/features/admin/components/form-error';
import { fieldError, invalidProps } from '@/lib/field-errors';
import { useCreateNode, useUpdateNode } from '../api/use-hierarchy';
import { NodeSelect } from '../components/node-select';
import { KIND_LABELS } from '../format';
import { escapeToCancel } from '../components/escape-to-cancel';

/** Kinds allowed directly under `parent` (null: a root). */
export function childKinds(parent: HierarchyNodeView | null): HierarchyKind[] {
  return HIERARCHY_KINDS.filter((kind) => HIERARCHY_PARENT_KINDS[kind].includes(parent?.kind ?? null));
}

function Shell({ title, error, pending, submitLabel, onSubmit, onCancel, testId, children }: { title: string; error: unknown; pending: boolean; submitLabel: string; onSubmit: () => void; onCancel: () => void; testId: string; children: ReactNode }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form className="space-y-3 rounded-lg border border-border bg-muted/30 p-4" onSubmit={submit} onKeyDown={escapeToCancel(onCancel)} noValidate data-testid={testId}>
      <p className="text-sm font-semibold">{title}</p>
      <FormError error={error} />
      {children}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** A new node under `parent`, or a new root when `parent` is null. */
export function CreateNodeForm({ parent, onDone }: { parent: HierarchyNodeView | null; onDone: (created?: HierarchyNodeView) => void }) {
  const create = useCreateNode();
  const kinds = childKinds(parent);
  const [kind, setKind] = useState<HierarchyKind>(kinds[0] ?? 'region');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  return (
    <Shell
      title={parent ? `New node under ${parent.name}` : 'New root node'}
      testId="create-node-form"
      error={create.error}
      pending={create.isPending}
      submitLabel="Create node"
      onCancel={() => onDone()}
      onSubmit={() => create.mutate({ parentId: parent?.id ?? null, kind, name: name.trim(), code: code.trim() || undefined }, { onSuccess: onDone })}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField id="node-kind" label="Kind" error={fieldError(create.error, 'kind')}>
          <Select id="node-kind" value={kind} onChange={(e) => setKind(e.target.value as HierarchyKind)} data-testid="node-kind">
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="node-name" label="Name" error={fieldError(create.error, 'name')}>
          <Input id="node-name" value={name} onChange={(e) => setName(e.target.value)} data-testid="node-name" {...invalidProps(create.error, 'name', 'node-name')} />
        </FormField>
        <FormField id="node-code" label="Code (optional)" error={fieldError(create.error, 'code')}>
          <Input id="node-code" value={code} onChange={(e) => setCode(e.target.value)} data-testid="node-code" />
        </FormField>
      </div>
    </Shell>
  );
}

export function RenameNodeForm({ node, onDone }: { node: HierarchyNodeView; onDone: () => void }) {
  const update = useUpdateNode();
  const [name, setName] = useState(node.name);
  const [code, setCode] = useState(node.code ?? '');
  return (
    <Shell
      title={`Rename ${node.name}`}
      testId="rename-node-form"
      error={update.error}
      pending={update.isPending}
      submitLabel="Save"
      onCancel={onDone}
      onSubmit={() => update.mutate({ id: node.id, name: name.trim(), code: code.trim() || null }, { onSuccess: onDone })}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="rename-name" label="Name" error={fieldError(update.error, 'name')}>
          <Input id="rename-name" value={name} onChange={(e) => setName(e.target.value)} data-testid="rename-name" {...invalidProps(update.error, 'name', 'rename-name')} />
        </FormField>
        <FormField id="rename-code" label="Code" error={fieldError(update.error, 'code')}>
          <Input id="rename-code" value={code} onChange={(e) => setCode(e.target.value)} />
        </FormField>
      </div>
    </Shell>
  );
}

/** Moves the node with its subtree under another node (or to the root); the server refuses a node under itself. */
export function MoveNodeForm({ node, onDone }: { node: HierarchyNodeView; onDone: () => void }) {
  const update = useUpdateNode();
  const [parentId, setParentId] = useState(node.parentId ?? '');
  return (
    <Shell
      title={`Move ${node.name} (with everything below it)`}
      testId="move-node-form"
      error={update.error}
      pending={update.isPending}
      submitLabel="Move"
      onCancel={onDone}
      onSubmit={() => update.mutate({ id: node.id, parentId: parentId || null }, { onSuccess: onDone })}
    >
      <FormField id="move-parent" label="New parent" error={fieldError(update.error, 'parentId')}>
        <NodeSelect
          id="move-parent"
          value={parentId}
          onChange={setParentId}
          emptyLabel="(root)"
          exclude={(candidate) => candidate.id === node.id || !HIERARCHY_PARENT_KINDS[node.kind].includes(candidate.kind)}
          data-testid="move-parent"
        />
      </FormField>
    </Shell>
  );
}
