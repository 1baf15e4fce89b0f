import type { Role } from '@contracts/access';
import type { UserView } from '@contracts/identity';
import { KeyRound, LockOpen, Pencil, UserCheck, UserX } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { TableCell } from '@/components/ui/table';
import { useSession } from '@/features/auth';
import { showToast } from '@/components/ui/toaster';
import { useRevokeSessions, useUnlockUser, useUpdateUser } from '../api/use-users';
import { ROLE_LABELS, formatDateTime, grantableRoles } from '../format';
import { CheckboxGroup } from './checkbox-group';
import { FormError } from './form-error';

function StatusBadge({ user }: { user: UserView }) {
  if (user.lockedUntil) return <Badge variant="warning">locked</Badge>;
  return user.status === 'active' ? <Badge variant="success">active</Badge> : <Badge variant="neutral">disabled</Badge>;
}

/** One user: roles, status, last sign-in, and what an administrator can do about them. */
export function UserRow({ user, canManage }: { user: UserView; canManage: boolean }) {
  const session = useSession();
  const held = session.status === 'signed-in' ? session.me.permissions : [];
  const self = session.status === 'signed-in' && session.me.id === user.id;
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const revoke = useRevokeSessions();
  const options = [...new Set([...grantableRoles(held), ...user.roles])].map((role) => ({ value: role, label: ROLE_LABELS[role] }));

  return (
    <>
      <tr data-testid={`user-row-${user.email}`} data-status={user.lockedUntil ? 'locked' : user.status}>
        <TableCell>
          <p className="font-medium">{user.displayName}</p>
          <p className="text-xs text-muted-foreground">{user.email}</p>
        </TableCell>
        <TableCell>
          <div className="flex flex-wrap gap-1">
            {user.roles.map((role) => (
              <Badge key={role} variant="outline">
                {ROLE_LABELS[role]}
              </Badge>
            ))}
          </div>
        </TableCell>
        <TableCell>
          <StatusBadge user={user} />
        </TableCell>
        <TableCell className="text-xs text-muted-foreground">{formatDateTime(user.lastLoginAt)}</TableCell>
        <TableCell>
          {canManage && (
            <div className="flex flex-wrap justify-end gap-1">
              <Button variant="ghost" size="sm" onClick={() => setEditing((open) => !open)} data-testid="edit-roles">
                <Pencil aria-hidden /> Roles
              </Button>
              {user.lockedUntil && (
                <Button variant="ghost" size="sm" disabled={unlock.isPending} onClick={() => unlock.mutate(user.id)} data-testid="unlock-user">
                  <LockOpen aria-hidden /> Unlock
                </Button>
              )}
              <Button
                variant="ghost"
                size="sm"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(user.id, { onSuccess: (r) => showToast({ variant: 'info', title: `${r.revoked} session(s) ended for ${user.email}` }) })}
                data-testid="revoke-sessions"
              >
                <KeyRound aria-hidden /> End sessions
              </Button>
              {!self && (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ id: user.id, status: user.status === 'active' ? 'disabled' : 'active' })}
                  data-testid="toggle-status"
                >
                  {user.status === 'active' ? <UserX aria-hidden /> : <UserCheck aria-hidden />}
                  {user.status === 'active' ? 'Disable' : 'Enable'}
                </Button>
              )}
            </div>
          )}
        </TableCell>
      </tr>
      {editing && (
        <tr>
          <TableCell colSpan={5} className="bg-muted/40">
            <div className="space-y-3 py-2" data-testid="role-editor">
              <FormError error={update.error} />
              <CheckboxGroup legend={`Roles of ${user.email} (changing them ends the user's sessions)`} options={options} selected={roles} onChange={setRoles} testId="edit-user-roles" />
              <div className="flex gap-2">
                <Button size="sm" disabled={update.isPending || roles.length === 0} onClick={() => update.mutate({ id: user.id, roles }, { onSuccess: () => setEditing(false) })} data-testid="save-roles">
                  Save roles
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
              </div>
            </div>
          </TableCell>
        </tr>
      )}
    </>
  );
}
