import { UTILITIES } from '@contracts/devices';
import type { CreateMeterRequest, MeterView, Utility } from '@contracts/devices';
import { Gauge } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/features/admin/components/form-error';
import { fieldError, invalidProps } from '@/lib/field-errors';
import { useCreateMeter } from '../api/use-meters';
import { UTILITY_LABELS } from '../format';
import { escapeToCancel } from '../components/escape-to-cancel';

type Radio = 'none' | 'lorawan' | 'wmbus';

const EMPTY = { serial: '', vendor: '', model: '', codecId: '', multiplier: '1', registerUnit: 'm3', devEui: '', joinEui: '', appKey: '', manufacturer: '', wmbusId: '', aesKey: '' };

/** Trimmed text, or undefined when empty (the API then leaves the optional field out). */
const opt = (value: string) => value.trim() || undefined;

/** "New meter": identity, utility, codec, register, and the LoRaWAN or wireless M-Bus radio identity. */
export function CreateMeterForm({ onCreated, onCancel }: { onCreated: (meter: MeterView) => void; onCancel: () => void }) {
  const create = useCreateMeter();
  const [utility, setUtility] = useState<Utility>('water');
  const [radio, setRadio] = useState<Radio>('lorawan');
  const [form, setForm] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const err = create.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: CreateMeterRequest = {
      serial: form.serial.trim(),
      vendor: form.vendor.trim(),
      utility,
      model: opt(form.model),
      codecId: opt(form.codecId),
      multiplier: opt(form.multiplier),
      registerUnit: opt(form.registerUnit),
    };
    if (radio === 'lorawan') body.lorawan = { devEui: form.devEui.trim(), joinEui: opt(form.joinEui), appKey: opt(form.appKey) };
    if (radio === 'wmbus') body.wmbus = { manufacturer: form.manufacturer.trim(), id: form.wmbusId.trim(), aesKey: opt(form.aesKey) };
    create.mutate(body, { onSuccess: onCreated });
  }

  const text = (key: keyof typeof EMPTY, field: string, label: string, extra: { hint?: string; placeholder?: string; type?: string; mono?: boolean } = {}) => {
    const id = `meter-${key}`;
    return (
      <FormField id={id} label={label} hint={extra.hint} error={fieldError(err, field)}>
        <Input
          id={id}
          type={extra.type ?? 'text'}
          placeholder={extra.placeholder}
          className={extra.mono ? 'font-mono' : undefined}
          value={form[key]}
          onChange={set(key)}
          autoComplete="off"
          data-testid={id}
          {...invalidProps(err, field, id)}
        />
      </FormField>
    );
  };

  return (
    <Card data-testid="new-meter-form">
      <CardHeader>
        <CardTitle>New meter</CardTitle>
      </CardHeader>
      <CardContent>
        <form className="space-y-4" onSubmit={submit} onKeyDown={escapeToCancel(onCancel)} noValidate>
          <FormError error={err} />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {text('serial', 'serial', 'Serial number', { placeholder: 'WM-000123' })}
            <FormField id="meter-utility" label="Utility" error={fieldError(err, 'utility')}>
              <Select id="meter-utility" value={utility} onChange={(e) => setUtility(e.target.value as Utility)} data-testid="meter-utility">
                {UTILITIES.map((u) => (
                  <option key={u} value={u}>
                    {UTILITY_LABELS[u]}
                  </option>
                ))}
              </Select>
            </FormField>
            {text('vendor', 'vendor', 'Vendor', { placeholder: 'Kamstrup' })}
            {text('model', 'model', 'Model (optional)')}
            {text('codecId', 'codecId', 'Codec id (optional)', { hint: 'The decoder of its frames' })}
            {text('multiplier', 'multiplier', 'Multiplier', { hint: 'Exact decimal, e.g. 1 or 0.001' })}
            {text('registerUnit', 'registerUnit', 'Register unit', { placeholder: 'm3, kWh, GJ' })}
          </div>
          <fieldset className="space-y-3">
            <legend className="mb-1.5 text-sm font-medium">Radio identity</legend>
            <div className="flex gap-4 text-sm" role="radiogroup">
              {(['lorawan', 'wmbus', 'none'] as const).map((value) => (
                <label key={value} className="flex items-center gap-2">
                  <input type="radio" name="meter-radio" className="size-4 accent-primary" checked={radio === value} onChange={() => setRadio(value)} data-testid={`meter-radio-${value}`} />
                  {value === 'lorawan' ? 'LoRaWAN' : value === 'wmbus' ? 'Wireless M-Bus' : 'None'}
                </label>
              ))}
            </div>
            {radio === 'lorawan' && (
              <div className="grid gap-4 sm:grid-cols-3">
                {text('devEui', 'lorawan.devEui', 'DevEUI', { hint: '16 hex digits', mono: true })}
                {text('joinEui', 'lorawan.joinEui', 'JoinEUI (optional)', { hint: '16 hex digits', mono: true })}
                {text('appKey', 'lorawan.appKey', 'AppKey (optional)', { hint: '32 hex digits, write-only', type: 'password', mono: true })}
              </div>
            )}
            {radio === 'wmbus' && (
              <div className="grid gap-4 sm:grid-cols-3">
                {text('manufacturer', 'wmbus.manufacturer', 'Manufacturer', { hint: 'Three letters, e.g. KAM', mono: true })}
                {text('wmbusId', 'wmbus.id', 'M-Bus id', { hint: 'Eight digits', mono: true })}
                {text('aesKey', 'wmbus.aesKey', 'AES key (optional)', { hint: '32 hex digits, write-only', type: 'password', mono: true })}
              </div>
            )}
          </fieldset>
          <div className="flex gap-2">
            <Button type="submit" disabled={create.isPending || !form.serial.trim() || !form.vendor.trim()} data-testid="create-meter-submit">
              <Gauge aria-hidden /> {create.isPending ? 'Creating…' : 'Create meter'}
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
