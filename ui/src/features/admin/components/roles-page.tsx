import { PERMISSIONS } from '@contracts/access';
import { Check } from 'lucide-react';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { useRoles } from '../api/use-roles';
import { ROLE_LABELS } from '../format';

/** `/admin/roles`: which role grants which permission (read-only: roles are defined by the platform). */
export function RolesPage() {
  const roles = useRoles();
  if (!roles.data) return <p className="text-sm text-muted-foreground">{roles.isPending ? 'Loading roles…' : 'Roles are unavailable.'}</p>;
  return (
    <div className="space-y-3">
      <p className="max-w-3xl text-sm text-muted-foreground">
        Roles are fixed sets of permissions. A user holds the union of their roles&apos; permissions; an API key holds the
        permissions chosen when it was created.
      </p>
      <Table data-testid="roles-matrix">
        <thead>
          <tr>
            <TableHead>Permission</TableHead>
            {roles.data.map((role) => (
              <TableHead key={role.role} className="text-center" title={role.description}>
                {ROLE_LABELS[role.role]}
              </TableHead>
            ))}
          </tr>
        </thead>
        <tbody>
          {PERMISSIONS.map((permission) => (
            <tr key={permission} data-testid={`permission-${permission}`}>
              <TableCell className="font-mono text-xs">{permission}</TableCell>
              {roles.data.map((role) => (
                <TableCell key={role.role} className="text-center" data-granted={role.permissions.includes(permission)}>
                  {role.permissions.includes(permission) ? <Check aria-label="granted" className="mx-auto size-4 text-success" /> : <span aria-hidden className="text-muted-foreground/50">·</span>}
                </TableCell>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
