import type { Role } from '@contracts/access';
import { UserPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { useSession } from '@/features/auth';
import { useCreateUser } from '../api/use-users';
import { ROLE_LABELS, grantableRoles } from '../format';
import { CheckboxGroup } from './checkbox-group';
import { FormError } from './form-error';

/** New user of the administrator's tenant: email, name, initial password, roles. */
export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const session = useSession();
  const held = session.status === 'signed-in' ? session.me.permissions : [];
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['operator']);
  const options = grantableRoles(held)
    .filter((role) => role !== 'consumer')
    .map((role) => ({ value: role, label: ROLE_LABELS[role] }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ email: email.trim(), displayName: displayName.trim(), password, roles }, { onSuccess: onDone });
  }

  return (
    <Card data-testid="new-user-form">
      <CardHeader>
        <CardTitle>New user</CardTitle>
      </CardHeader>
      <CardContent>
        <form className="space-y-4" onSubmit={submit} noValidate>
          <FormError error={create.error} />
          <div className="grid gap-4 sm:grid-cols-3">
            <div className="space-y-1.5">
              <Label htmlFor="new-user-email">Email</Label>
              <Input id="new-user-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="new-user-email" />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="new-user-name">Display name</Label>
              <Input id="new-user-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} data-testid="new-user-name" />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="new-user-password">Initial password</Label>
              <Input id="new-user-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="new-user-password" />
              <p className="text-[11px] text-muted-foreground">12+ characters, 3 of: lower, upper, digits, symbols.</p>
            </div>
          </div>
          <CheckboxGroup legend="Roles" options={options} selected={roles} onChange={setRoles} testId="new-user-roles" />
          <div className="flex gap-2">
            <Button type="submit" disabled={create.isPending || !email || !displayName || !password || roles.length === 0} data-testid="create-user-submit">
              <UserPlus aria-hidden /> Create user
            </Button>
            <Button variant="ghost" onClick={onDone}>
              Cancel
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
