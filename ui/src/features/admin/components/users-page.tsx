import { Search, UserPlus } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Table, TableHead } from '@/components/ui/table';
import { useCan } from '@/features/auth';
import { useUsers } from '../api/use-users';
import { CreateUserForm } from './create-user-form';
import { UserRow } from './user-row';

/** `/admin/users`: the users of the administrator's tenant. */
export function UsersPage() {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const [creating, setCreating] = useState(false);
  const canManage = useCan('users:manage');
  const users = useUsers({ search: deferred || undefined, limit: 200 });

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <div className="relative w-full max-w-xs">
          <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" />
          <Input aria-label="Search users" placeholder="Search email or name" className="pl-8" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        {canManage && !creating && (
          <Button onClick={() => setCreating(true)} data-testid="new-user-button">
            <UserPlus aria-hidden /> New user
          </Button>
        )}
      </div>
      {creating && <CreateUserForm onDone={() => setCreating(false)} />}
      <Table data-testid="users-table">
        <thead>
          <tr>
            <TableHead>User</TableHead>
            <TableHead>Roles</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Last sign-in</TableHead>
            <TableHead className="text-right">Actions</TableHead>
          </tr>
        </thead>
        <tbody>
          {users.data?.items.map((user) => <UserRow key={`${user.id}:${user.updatedAt}`} user={user} canManage={canManage} />)}
          {users.isPending && (
            <tr>
              <td colSpan={5} className="px-3 py-6 text-center text-sm text-muted-foreground">
                Loading users…
              </td>
            </tr>
          )}
          {users.data && users.data.items.length === 0 && (
            <tr>
              <td colSpan={5} className="px-3 py-6 text-center text-sm text-muted-foreground">
                No user matches.
              </td>
            </tr>
          )}
        </tbody>
      </Table>
      {users.data && <p className="text-xs text-muted-foreground">{users.data.total} user(s)</p>}
    </div>
  );
}
