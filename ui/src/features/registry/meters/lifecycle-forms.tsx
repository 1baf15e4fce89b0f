import type { MeterView } from '@contracts/devices';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { FormError } from '@/features/admin/components/form-error';
import { fieldError, invalidProps } from '@/lib/field-errors';
import { useArchiveMeter, useInstallMeter, useRemoveMeter, useReplaceMeter } from '../api/use-meters';
import { NodeSelect } from '../components/node-select';
import { isoOfLocalInput, nowLocalInput } from '../format';
import { ReplacementPicker } from './replacement-picker';
import { escapeToCancel } from '../components/escape-to-cancel';

export type LifecycleAction = 'install' | 'remove' | 'replace' | 'archive';

/** Actions a meter in each status allows (the server's transition table; it refuses the others with 409). */
export function actionsFor(status: MeterView['status']): LifecycleAction[] {
  switch (status) {
    case 'in_stock':
      return ['install', 'archive'];
    case 'installed':
      return ['remove', 'replace'];
    case 'removed':
      return ['install', 'archive'];
    case 'replaced':
      return ['archive'];
    default:
      return [];
  }
}

export function FormShell({ title, error, pending, submitLabel, onSubmit, onCancel, children, testId, disabled }: { title: string; error: unknown; pending: boolean; submitLabel: string; onSubmit: () => void; onCancel: () => void; children: ReactNode; testId: string; disabled?: boolean }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form className="space-y-4 rounded-lg border border-border bg-muted/30 p-4" onSubmit={submit} onKeyDown={escapeToCancel(onCancel)} noValidate data-testid={testId}>
      <p className="text-sm font-semibold">{title}</p>
      <FormError error={error} />
      {children}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || disabled} data-testid={`${testId}-submit`}>
          {pending ? 'Saving…' : submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function InstantField({ id, value, onChange, error, field, label }: { id: string; value: string; onChange: (v: string) => void; error: unknown; field: string; label: string }) {
  return (
    <FormField id={id} label={label} error={fieldError(error, field)} hint="Your local time">
      <Input id={id} type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} data-testid={id} {...invalidProps(error, field, id)} />
    </FormField>
  );
}

function IndexField({ id, value, onChange, error, field, label }: { id: string; value: string; onChange: (v: string) => void; error: unknown; field: string; label: string }) {
  return (
    <FormField id={id} label={label} error={fieldError(error, field)} hint="Exact decimal, e.g. 1234.567">
      <Input id={id} inputMode="decimal" className="font-mono" value={value} onChange={(e) => onChange(e.target.value)} data-testid={id} {...invalidProps(error, field, id)} />
    </FormField>
  );
}

export function InstallForm({ meter, onDone }: { meter: MeterView; onDone: () => void }) {
  const install = useInstallMeter();
  const [nodeId, setNodeId] = useState(meter.nodeId ?? '');
  const [at, setAt] = useState(nowLocalInput);
  const [index, setIndex] = useState('0');
  return (
    <FormShell
      title={`Install ${meter.serial}`}
      testId="install-form"
      error={install.error}
      pending={install.isPending}
      submitLabel="Install"
      onCancel={onDone}
      onSubmit={() => install.mutate({ id: meter.id, nodeId, installedAt: isoOfLocalInput(at), initialIndex: index.trim() }, { onSuccess: onDone })}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id="install-node" label="At node" error={fieldError(install.error, 'nodeId')}>
          <NodeSelect id="install-node" value={nodeId} onChange={setNodeId} emptyLabel="Choose a node…" data-testid="install-node" {...invalidProps(install.error, 'nodeId', 'install-node')} />
        </FormField>
        <InstantField id="install-at" label="Installed at" value={at} onChange={setAt} error={install.error} field="installedAt" />
        <IndexField id="install-index" label="Initial index" value={index} onChange={setIndex} error={install.error} field="initialIndex" />
      </div>
    </FormShell>
  );
}

export function RemoveForm({ meter, onDone }: { meter: MeterView; onDone: () => void }) {
  const remove = useRemoveMeter();
  const [at, setAt] = useState(nowLocalInput);
  const [index, setIndex] = useState('');
  return (
    <FormShell
      title={`Remove ${meter.serial}`}
      testId="remove-form"
      error={remove.error}
      pending={remove.isPending}
      submitLabel="Remove"
      onCancel={onDone}
      onSubmit={() => remove.mutate({ id: meter.id, removedAt: isoOfLocalInput(at), finalIndex: index.trim() }, { onSuccess: onDone })}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <InstantField id="remove-at" label="Removed at" value={at} onChange={setAt} error={remove.error} field="removedAt" />
        <IndexField id="remove-index" label="Final index" value={index} onChange={setIndex} error={remove.error} field="finalIndex" />
      </div>
    </FormShell>
  );
}

export function ReplaceForm({ meter, onDone }: { meter: MeterView; onDone: (newMeterId: string) => void }) {
  const replace = useReplaceMeter();
  const [replacement, setReplacement] = useState<MeterView>();
  const [at, setAt] = useState(nowLocalInput);
  const [oldIndex, setOldIndex] = useState('');
  const [newIndex, setNewIndex] = useState('0');
  return (
    <FormShell
      title={`Replace ${meter.serial} by another ${meter.utility} meter`}
      testId="replace-form"
      error={replace.error}
      pending={replace.isPending}
      disabled={!replacement}
      submitLabel="Replace"
      onCancel={() => onDone('')}
      onSubmit={() =>
        replacement &&
        replace.mutate(
          { id: meter.id, newMeterId: replacement.id, replacedAt: isoOfLocalInput(at), oldFinalIndex: oldIndex.trim(), newInitialIndex: newIndex.trim() },
          { onSuccess: (result) => onDone(result.new.id) },
        )
      }
    >
      <ReplacementPicker meter={meter} selected={replacement} onSelect={setReplacement} error={fieldError(replace.error, 'newMeterId')} />
      <div className="grid gap-4 sm:grid-cols-3">
        <InstantField id="replace-at" label="Replaced at (both meters)" value={at} onChange={setAt} error={replace.error} field="replacedAt" />
        <IndexField id="replace-old-index" label={`Final index of ${meter.serial}`} value={oldIndex} onChange={setOldIndex} error={replace.error} field="oldFinalIndex" />
        <IndexField id="replace-new-index" label={`Initial index of ${replacement?.serial ?? 'the new meter'}`} value={newIndex} onChange={setNewIndex} error={replace.error} field="newInitialIndex" />
      </div>
    </FormShell>
  );
}

export function ArchiveForm({ meter, onDone }: { meter: MeterView; onDone: () => void }) {
  const archive = useArchiveMeter();
  return (
    <FormShell title={`Archive ${meter.serial}? It leaves service for good; its history stays.`} testId="archive-form" error={archive.error} pending={archive.isPending} submitLabel="Archive" onCancel={onDone} onSubmit={() => archive.mutate(meter.id, { onSuccess: onDone })}>
      {null}
    </FormShell>
  );
}
