import type { ConsumerView, UpdateConsumerRequest } from '@contracts/consumers';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { FormError } from '@/features/admin/components/form-error';
import { fieldError, invalidProps } from '@/lib/field-errors';
import { useCloseConsumer, useUpdateConsumer } from '../api/use-consumers';
import { escapeToCancel } from '../components/escape-to-cancel';
import { FormShell } from '../meters/lifecycle-forms';

/** Changes the name, contact data and (for a business) company fields; kind and account number are fixed. */
export function EditConsumerForm({ consumer, onDone }: { consumer: ConsumerView; onDone: () => void }) {
  const update = useUpdateConsumer();
  const [form, setForm] = useState({
    name: consumer.name,
    email: consumer.email ?? '',
    phone: consumer.phone ?? '',
    postalAddress: consumer.postalAddress ?? '',
    taxId: consumer.taxId ?? '',
    registrationNumber: consumer.registrationNumber ?? '',
    contactPerson: consumer.contactPerson ?? '',
  });
  const err = update.error;
  const business = consumer.kind === 'non_residential';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const orNull = (v: string) => v.trim() || null;
    const body: UpdateConsumerRequest = { id: consumer.id, name: form.name.trim(), email: orNull(form.email), phone: orNull(form.phone), postalAddress: orNull(form.postalAddress) };
    if (business) Object.assign(body, { taxId: orNull(form.taxId), registrationNumber: orNull(form.registrationNumber), contactPerson: orNull(form.contactPerson) });
    update.mutate(body, { onSuccess: onDone });
  }

  const text = (key: keyof typeof form, label: string) => {
    const id = `edit-consumer-${key}`;
    return (
      <FormField id={id} label={label} error={fieldError(err, key)}>
        <Input id={id} value={form[key]} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} autoComplete="off" data-testid={id} {...invalidProps(err, key, id)} />
      </FormField>
    );
  };

  return (
    <form className="space-y-4 rounded-lg border border-border bg-muted/30 p-4" onSubmit={submit} onKeyDown={escapeToCancel(onDone)} noValidate data-testid="edit-consumer-form">
      <p className="text-sm font-semibold">Edit {consumer.name}</p>
      <FormError error={err} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {text('name', 'Name')}
        {text('email', 'Email')}
        {text('phone', 'Phone')}
        {text('postalAddress', 'Postal address')}
        {business && text('taxId', 'Tax id')}
        {business && text('registrationNumber', 'Registration number')}
        {business && text('contactPerson', 'Contact person')}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={update.isPending || !form.name.trim()} data-testid="edit-consumer-form-submit">
          {update.isPending ? 'Saving…' : 'Save'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Closes a consumer that holds no active service point (the API refuses otherwise, 409); its record and history stay. */
export function CloseConsumerForm({ consumer, onDone }: { consumer: ConsumerView; onDone: () => void }) {
  const close = useCloseConsumer();
  return (
    <FormShell title={`Close ${consumer.name}`} error={close.error} pending={close.isPending} submitLabel="Close consumer" onSubmit={() => close.mutate(consumer.id, { onSuccess: onDone })} onCancel={onDone} testId="close-consumer-form">
      <p className="text-sm text-muted-foreground">The consumer must hold no active service point: close its points or move them to another consumer first. Its record and history stay.</p>
    </FormShell>
  );
}
