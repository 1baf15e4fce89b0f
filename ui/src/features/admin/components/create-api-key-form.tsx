import type { Permission } from '@contracts/access';
import type { CreatedApiKey } from '@contracts/identity';
import { KeyRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { useSession } from '@/features/auth';
import { useCreateApiKey } from '../api/use-api-keys';
import { CheckboxGroup } from './checkbox-group';
import { FormError } from './form-error';

/** A key for an integration: a name, a subset of your permissions, an optional expiry. */
export function CreateApiKeyForm({ onCreated, onCancel }: { onCreated: (created: CreatedApiKey) => void; onCancel: () => void }) {
  const session = useSession();
  const held = session.status === 'signed-in' ? session.me.permissions : [];
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<Permission[]>(held.includes('readings:read') ? ['readings:read'] : []);
  const [expires, setExpires] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined;
    create.mutate({ name: name.trim(), permissions, ...(expiresAt ? { expiresAt } : {}) }, { onSuccess: onCreated });
  }

  return (
    <Card data-testid="new-api-key-form">
      <CardHeader>
        <CardTitle>New API key</CardTitle>
      </CardHeader>
      <CardContent>
        <form className="space-y-4" onSubmit={submit} noValidate>
          <FormError error={create.error} />
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-1.5">
              <Label htmlFor="api-key-name">Name</Label>
              <Input id="api-key-name" placeholder="e.g. CIS nightly export" value={name} onChange={(e) => setName(e.target.value)} data-testid="api-key-name" />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="api-key-expires">Expires (optional)</Label>
              <Input id="api-key-expires" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} data-testid="api-key-expires" />
            </div>
          </div>
          <CheckboxGroup
            legend="Permissions (only ones you hold)"
            options={held.map((permission) => ({ value: permission, label: permission }))}
            selected={permissions}
            onChange={setPermissions}
            testId="api-key-permissions"
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={create.isPending || !name.trim() || permissions.length === 0} data-testid="create-api-key-submit">
              <KeyRound aria-hidden /> Create key
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
