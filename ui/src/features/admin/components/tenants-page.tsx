import { Building2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { useCan } from '@/features/auth';
import { useCreateTenant, useTenants, useUpdateTenant } from '../api/use-tenants';
import { formatDateTime } from '../format';
import { FormError } from './form-error';

function CreateTenantForm({ onDone }: { onDone: () => void }) {
  const create = useCreateTenant();
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const admin = email.trim() ? { email: email.trim(), displayName: displayName.trim(), password } : undefined;
    create.mutate({ slug: slug.trim(), name: name.trim(), ...(admin ? { admin } : {}) }, { onSuccess: onDone });
  }

  const field = (id: string, label: string, value: string, set: (v: string) => void, type = 'text') => (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} type={type} value={value} onChange={(e) => set(e.target.value)} autoComplete="off" data-testid={id} />
    </div>
  );

  return (
    <Card data-testid="new-tenant-form">
      <CardHeader>
        <CardTitle>New tenant</CardTitle>
      </CardHeader>
      <CardContent>
        <form className="space-y-4" onSubmit={submit} noValidate>
          <FormError error={create.error} />
          <div className="grid gap-4 sm:grid-cols-2">
            {field('tenant-slug', 'Slug (sign-in name)', slug, setSlug)}
            {field('tenant-name', 'Name', name, setName)}
          </div>
          <p className="text-sm font-medium">First administrator (optional)</p>
          <div className="grid gap-4 sm:grid-cols-3">
            {field('tenant-admin-email', 'Email', email, setEmail, 'email')}
            {field('tenant-admin-name', 'Display name', displayName, setDisplayName)}
            {field('tenant-admin-password', 'Initial password', password, setPassword, 'password')}
          </div>
          <div className="flex gap-2">
            <Button type="submit" disabled={create.isPending || !slug || !name} data-testid="create-tenant-submit">
              <Building2 aria-hidden /> Create tenant
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

/** `/admin/tenants` (platform administrator): every tenant of the platform; suspend or reactivate one. */
export function TenantsPage() {
  const allowed = useCan('tenants:manage');
  const tenants = useTenants();
  const update = useUpdateTenant();
  const [creating, setCreating] = useState(false);
  if (!allowed) return <p className="text-sm text-muted-foreground">Only the platform administrator manages tenants.</p>;
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        {!creating && (
          <Button onClick={() => setCreating(true)} data-testid="new-tenant-button">
            <Building2 aria-hidden /> New tenant
          </Button>
        )}
      </div>
      {creating && <CreateTenantForm onDone={() => setCreating(false)} />}
      <Table data-testid="tenants-table">
        <thead>
          <tr>
            <TableHead>Tenant</TableHead>
            <TableHead>Slug</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Created</TableHead>
            <TableHead className="text-right">Actions</TableHead>
          </tr>
        </thead>
        <tbody>
          {tenants.data?.map((tenant) => (
            <tr key={tenant.id} data-testid={`tenant-row-${tenant.slug}`}>
              <TableCell className="font-medium">{tenant.name}</TableCell>
              <TableCell className="font-mono text-xs">{tenant.slug}</TableCell>
              <TableCell>{tenant.status === 'active' ? <Badge variant="success">active</Badge> : <Badge variant="warning">suspended</Badge>}</TableCell>
              <TableCell className="text-xs text-muted-foreground">{formatDateTime(tenant.createdAt)}</TableCell>
              <TableCell className="text-right">
                {tenant.slug !== 'platform' && (
                  <Button variant="ghost" size="sm" disabled={update.isPending} onClick={() => update.mutate({ id: tenant.id, status: tenant.status === 'active' ? 'suspended' : 'active' })}>
                    {tenant.status === 'active' ? 'Suspend' : 'Reactivate'}
                  </Button>
                )}
              </TableCell>
            </tr>
          ))}
          {tenants.isPending && (
            <tr>
              <td colSpan={5} className="px-3 py-6 text-center text-sm text-muted-foreground">
                Loading tenants…
              </td>
            </tr>
          )}
        </tbody>
      </Table>
    </div>
  );
}
