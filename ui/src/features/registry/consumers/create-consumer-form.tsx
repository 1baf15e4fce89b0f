import type { ConsumerKind, ConsumerView, CreateConsumerRequest } from '@contracts/consumers';
import { UserPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/features/admin/components/form-error';
import { fieldError, invalidProps } from '@/lib/field-errors';
import { useCreateConsumer } from '../api/use-consumers';
import { CONSUMER_KIND_LABELS } from '../format';
import { escapeToCancel } from '../components/escape-to-cancel';

const EMPTY = { accountNumber: '', name: '', email: '', phone: '', postalAddress: '', taxId: '', registrationNumber: '', contactPerson: '' };
const opt = (value: string) => value.trim() || undefined;

/** "New consumer": account number, name, contact; tax and registration numbers for a business. */
export function CreateConsumerForm({ onCreated, onCancel }: { onCreated: (consumer: ConsumerView) => void; onCancel: () => void }) {
  const create = useCreateConsumer();
  const [kind, setKind] = useState<ConsumerKind>('residential');
  const [form, setForm] = useState(EMPTY);
  const err = create.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: CreateConsumerRequest = { kind, accountNumber: form.accountNumber.trim(), name: form.name.trim(), email: opt(form.email), phone: opt(form.phone), postalAddress: opt(form.postalAddress) };
    if (kind === 'non_residential') Object.assign(body, { taxId: opt(form.taxId), registrationNumber: opt(form.registrationNumber), contactPerson: opt(form.contactPerson) });
    create.mutate(body, { onSuccess: onCreated });
  }

  const text = (key: keyof typeof EMPTY, label: string, hint?: string) => {
    const id = `consumer-${key}`;
    return (
      <FormField id={id} label={label} hint={hint} error={fieldError(err, key)}>
        <Input id={id} value={form[key]} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} autoComplete="off" data-testid={id} {...invalidProps(err, key, id)} />
      </FormField>
    );
  };

  return (
    <Card data-testid="new-consumer-form">
      <CardHeader>
        <CardTitle>New consumer</CardTitle>
      </CardHeader>
      <CardContent>
        <form className="space-y-4" onSubmit={submit} onKeyDown={escapeToCancel(onCancel)} noValidate>
          <FormError error={err} />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <FormField id="consumer-kind" label="Kind">
              <Select id="consumer-kind" value={kind} onChange={(e) => setKind(e.target.value as ConsumerKind)} data-testid="consumer-kind">
                {(Object.keys(CONSUMER_KIND_LABELS) as ConsumerKind[]).map((k) => (
                  <option key={k} value={k}>
                    {CONSUMER_KIND_LABELS[k]}
                  </option>
                ))}
              </Select>
            </FormField>
            {text('accountNumber', 'Account number', 'Letters, digits and . _ / -')}
            {text('name', 'Name')}
            {text('email', 'Email (optional)')}
            {text('phone', 'Phone (optional)')}
            {text('postalAddress', 'Postal address (optional)')}
            {kind === 'non_residential' && text('taxId', 'Tax id (optional)')}
            {kind === 'non_residential' && text('registrationNumber', 'Registration number (optional)')}
            {kind === 'non_residential' && text('contactPerson', 'Contact person (optional)')}
          </div>
          <div className="flex gap-2">
            <Button type="submit" disabled={create.isPending || !form.accountNumber.trim() || !form.name.trim()} data-testid="create-consumer-submit">
              <UserPlus aria-hidden /> Create consumer
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
