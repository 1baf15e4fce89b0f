import { GATEWAY_STATUSES } from '@contracts/devices';
import type { CreateGatewayRequest, GatewayStatus, GatewayView } from '@contracts/devices';
import { RadioTower } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/features/admin/components/form-error';
import { fieldError, invalidProps } from '@/lib/field-errors';
import { useCreateGateway } from '../api/use-devices';
import { NodeSelect } from '../components/node-select';
import { escapeToCancel } from '../components/escape-to-cancel';

/** A coordinate, or undefined when empty; text that is not a number is sent as it is, so the API names the field. */
function coordinate(value: string): number | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const number = Number(text);
  return Number.isNaN(number) ? (text as unknown as number) : number;
}

/** "New gateway": EUI, name, model, location, node, status. */
export function CreateGatewayForm({ onCreated, onCancel }: { onCreated: (gateway: GatewayView) => void; onCancel: () => void }) {
  const create = useCreateGateway();
  const [form, setForm] = useState({ eui: '', name: '', model: '', latitude: '', longitude: '' });
  const [nodeId, setNodeId] = useState('');
  const [status, setStatus] = useState<GatewayStatus>('active');
  const err = create.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: CreateGatewayRequest = {
      eui: form.eui.trim(),
      name: form.name.trim(),
      model: form.model.trim() || undefined,
      latitude: coordinate(form.latitude),
      longitude: coordinate(form.longitude),
      nodeId: nodeId || undefined,
      status,
    };
    create.mutate(body, { onSuccess: onCreated });
  }

  const text = (key: keyof typeof form, label: string, hint?: string) => {
    const id = `gateway-${key}`;
    return (
      <FormField id={id} label={label} hint={hint} error={fieldError(err, key)}>
        <Input id={id} value={form[key]} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} autoComplete="off" data-testid={id} {...invalidProps(err, key, id)} />
      </FormField>
    );
  };

  return (
    <Card data-testid="new-gateway-form">
      <CardHeader>
        <CardTitle>New gateway</CardTitle>
      </CardHeader>
      <CardContent>
        <form className="space-y-4" onSubmit={submit} onKeyDown={escapeToCancel(onCancel)} noValidate>
          <FormError error={err} />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {text('eui', 'Gateway EUI', '16 hex digits')}
            {text('name', 'Name')}
            {text('model', 'Model (optional)')}
            <FormField id="gateway-status" label="Status">
              <Select id="gateway-status" value={status} onChange={(e) => setStatus(e.target.value as GatewayStatus)}>
                {GATEWAY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </FormField>
            {text('latitude', 'Latitude (optional)', '-90 to 90')}
            {text('longitude', 'Longitude (optional)', '-180 to 180')}
            <FormField id="gateway-node" label="Node (optional)" error={fieldError(err, 'nodeId')}>
              <NodeSelect id="gateway-node" value={nodeId} onChange={setNodeId} emptyLabel="No node" />
            </FormField>
          </div>
          <div className="flex gap-2">
            <Button type="submit" disabled={create.isPending || !form.eui.trim() || !form.name.trim()} data-testid="create-gateway-submit">
              <RadioTower aria-hidden /> Create gateway
            </Button>
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
