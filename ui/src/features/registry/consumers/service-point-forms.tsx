import { UTILITIES } from '@contracts/devices';
import type { MeterView, Utility } from '@contracts/devices';
import type { ServicePointView } from '@contracts/consumers';
import { useDeferredValue, useState } from 'react';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { fieldError, invalidProps } from '@/lib/field-errors';
import { cn } from '@/lib/utils';
import { useAttachMeter, useCloseServicePoint, useCreateServicePoint, useDetachMeter } from '../api/use-consumers';
import { useMeters } from '../api/use-meters';
import { MeterStatusBadge } from '../components/meter-status-badge';
import { NodeSelect } from '../components/node-select';
import { UTILITY_LABELS, isoOfLocalInput, nowLocalInput } from '../format';
import { FormShell, InstantField } from '../meters/lifecycle-forms';

const CANDIDATES = 8;

/** "New service point" for a consumer: code, utility, node and address. */
export function CreateServicePointForm({ consumerId, onDone }: { consumerId: string; onDone: () => void }) {
  const create = useCreateServicePoint();
  const [form, setForm] = useState({ code: '', utility: 'water' as Utility, nodeId: '', address: '', description: '' });
  const err = create.error;
  const submit = () =>
    create.mutate(
      { consumerId, code: form.code.trim(), utility: form.utility, nodeId: form.nodeId || undefined, address: form.address.trim() || undefined, description: form.description.trim() || undefined },
      { onSuccess: onDone },
    );
  const text = (key: 'code' | 'address' | 'description', label: string, hint?: string) => {
    const id = `sp-${key}`;
    return (
      <FormField id={id} label={label} hint={hint} error={fieldError(err, key)}>
        <Input id={id} value={form[key]} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} autoComplete="off" data-testid={id} {...invalidProps(err, key, id)} />
      </FormField>
    );
  };
  return (
    <FormShell title="New service point" error={err} pending={create.isPending} submitLabel="Create service point" onSubmit={submit} onCancel={onDone} testId="new-service-point-form" disabled={!form.code.trim()}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {text('code', 'Code', 'Letters, digits and . _ / - (unique)')}
        <FormField id="sp-utility" label="Utility" error={fieldError(err, 'utility')}>
          <Select id="sp-utility" value={form.utility} onChange={(e) => setForm((f) => ({ ...f, utility: e.target.value as Utility }))} data-testid="sp-utility">
            {UTILITIES.map((u) => (
              <option key={u} value={u}>
                {UTILITY_LABELS[u]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="sp-node" label="Node (optional)" error={fieldError(err, 'nodeId')}>
          <NodeSelect id="sp-node" value={form.nodeId} onChange={(nodeId) => setForm((f) => ({ ...f, nodeId }))} emptyLabel="No node" data-testid="sp-node" {...invalidProps(err, 'nodeId', 'sp-node')} />
        </FormField>
        {text('address', 'Address (optional)')}
        {text('description', 'Description (optional)')}
      </div>
    </FormShell>
  );
}

/** Finds a meter of the point's utility by serial prefix. */
function MeterPicker({ utility, selected, onSelect, error }: { utility: Utility; selected: MeterView | undefined; onSelect: (meter: MeterView) => void; error?: string }) {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const meters = useMeters({ utility, search: deferred || undefined, limit: CANDIDATES });
  const candidates = (meters.data?.items ?? []).filter((m) => m.status !== 'archived');
  return (
    <FormField id="attach-search" label="Meter" error={error} hint={`Type the start of its serial; ${UTILITY_LABELS[utility].toLowerCase()} meters`}>
      <Input id="attach-search" type="search" placeholder="Serial prefix" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" data-testid="attach-search" />
      <ul className="mt-1 max-h-56 divide-y divide-border overflow-auto rounded-md border border-border bg-card" role="listbox" aria-label="Meters" data-testid="attach-candidates">
        {candidates.map((candidate) => (
          <li key={candidate.id} role="option" aria-selected={selected?.id === candidate.id}>
            <button
              type="button"
              onClick={() => onSelect(candidate)}
              className={cn('flex w-full items-center justify-between gap-3 px-3 py-1.5 text-left text-sm hover:bg-muted focus-visible:bg-muted focus-visible:outline-none', selected?.id === candidate.id && 'bg-primary/10')}
              data-testid={`attach-candidate-${candidate.serial}`}
            >
              <span className="font-mono">{candidate.serial}</span>
              <span className="flex items-center gap-2 text-xs text-muted-foreground">
                {candidate.vendor}
                <MeterStatusBadge status={candidate.status} />
              </span>
            </button>
          </li>
        ))}
        {candidates.length === 0 && <li className="px-3 py-2 text-sm text-muted-foreground">{meters.isPending ? 'Searching…' : 'No meter matches.'}</li>}
      </ul>
      {selected && (
        <p className="text-xs" data-testid="attach-selected">
          Selected: <span className="font-mono font-medium">{selected.serial}</span>
        </p>
      )}
    </FormField>
  );
}

/** A meter starts serving the point from an instant. */
export function AttachMeterForm({ point, onDone }: { point: ServicePointView; onDone: () => void }) {
  const attach = useAttachMeter();
  const [meter, setMeter] = useState<MeterView>();
  const [from, setFrom] = useState(nowLocalInput);
  const err = attach.error;
  return (
    <FormShell
      title={`Attach a meter to ${point.code}`}
      error={err}
      pending={attach.isPending}
      submitLabel="Attach meter"
      onSubmit={() => meter && attach.mutate({ id: point.id, meterId: meter.id, validFrom: isoOfLocalInput(from) }, { onSuccess: onDone })}
      onCancel={onDone}
      testId="attach-meter-form"
      disabled={!meter}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <MeterPicker utility={point.utility} selected={meter} onSelect={setMeter} error={fieldError(err, 'meterId')} />
        <InstantField id="attach-from" label="Serving from" value={from} onChange={setFrom} error={err} field="validFrom" />
      </div>
    </FormShell>
  );
}

/** A meter stops serving the point at an instant. */
export function DetachMeterForm({ point, meterId, serial, onDone }: { point: ServicePointView; meterId: string; serial: string; onDone: () => void }) {
  const detach = useDetachMeter();
  const [to, setTo] = useState(nowLocalInput);
  return (
    <FormShell
      title={`Detach ${serial} from ${point.code}`}
      error={detach.error}
      pending={detach.isPending}
      submitLabel="Detach meter"
      onSubmit={() => detach.mutate({ id: point.id, meterId, validTo: isoOfLocalInput(to) }, { onSuccess: onDone })}
      onCancel={onDone}
      testId="detach-meter-form"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <InstantField id="detach-to" label="Serving until" value={to} onChange={setTo} error={detach.error} field="validTo" />
      </div>
    </FormShell>
  );
}

/** Closes a point no meter serves any more (409 otherwise). */
export function CloseServicePointForm({ point, onDone }: { point: ServicePointView; onDone: () => void }) {
  const close = useCloseServicePoint();
  return (
    <FormShell title={`Close ${point.code}`} error={close.error} pending={close.isPending} submitLabel="Close service point" onSubmit={() => close.mutate(point.id, { onSuccess: onDone })} onCancel={onDone} testId="close-service-point-form">
      <p className="text-sm text-muted-foreground">Only a point no meter serves any more can be closed: detach its meter first.</p>
    </FormShell>
  );
}
