import type { MeterView, UpdateMeterRequest } from '@contracts/devices';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { FormError } from '@/features/admin/components/form-error';
import { fieldError, invalidProps } from '@/lib/field-errors';
import { useUpdateMeter } from '../api/use-meters';
import { formatDecimal } from '../format';
import { escapeToCancel } from '../components/escape-to-cancel';

/** Changes model, codec, multiplier, unit and keys; serial, vendor, utility and radio ids are fixed once registered. */
export function EditMeterForm({ meter, onDone }: { meter: MeterView; onDone: () => void }) {
  const update = useUpdateMeter();
  const [form, setForm] = useState({
    model: meter.model ?? '',
    codecId: meter.codecId ?? '',
    multiplier: formatDecimal(meter.multiplier),
    registerUnit: meter.registerUnit ?? '',
    joinEui: meter.lorawan?.joinEui ?? '',
    appKey: '',
    aesKey: '',
  });
  const err = update.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: UpdateMeterRequest = { id: meter.id, model: form.model.trim() || null, codecId: form.codecId.trim() || null, multiplier: form.multiplier.trim(), registerUnit: form.registerUnit.trim() || null };
    if (meter.lorawan) {
      body.joinEui = form.joinEui.trim() || null;
      if (form.appKey.trim()) body.appKey = form.appKey.trim();
    }
    if (meter.wmbus && form.aesKey.trim()) body.aesKey = form.aesKey.trim();
    update.mutate(body, { onSuccess: onDone });
  }

  const text = (key: keyof typeof form, label: string, hint?: string, secret = false) => {
    const id = `edit-${key}`;
    return (
      <FormField id={id} label={label} hint={hint} error={fieldError(err, key)}>
        <Input id={id} type={secret ? 'password' : 'text'} autoComplete="off" className={secret || key === 'joinEui' ? 'font-mono' : undefined} value={form[key]} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} data-testid={id} {...invalidProps(err, key, id)} />
      </FormField>
    );
  };

  return (
    <form className="space-y-4 rounded-lg border border-border bg-muted/30 p-4" onSubmit={submit} onKeyDown={escapeToCancel(onDone)} noValidate data-testid="edit-meter-form">
      <p className="text-sm font-semibold">Edit {meter.serial}</p>
      <FormError error={err} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {text('model', 'Model')}
        {text('codecId', 'Codec id')}
        {text('multiplier', 'Multiplier', 'Exact decimal')}
        {text('registerUnit', 'Register unit')}
        {meter.lorawan && text('joinEui', 'JoinEUI', '16 hex digits; empty clears it')}
        {meter.lorawan && text('appKey', 'New AppKey', meter.lorawan.hasAppKey ? 'Set; leave empty to keep it' : 'Not set', true)}
        {meter.wmbus && text('aesKey', 'New AES key', meter.wmbus.hasAesKey ? 'Set; leave empty to keep it' : 'Not set', true)}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={update.isPending} data-testid="edit-meter-form-submit">
          {update.isPending ? 'Saving…' : 'Save'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
