import type { Permission } from '@contracts/access';
import type { ReactNode } from 'react';
import { useCan } from '@/features/auth';

/** Renders `children` only for a role holding `permission`; others read why the screen is empty (no 403 toast). */
export function PermissionGate({ permission, what, children }: { permission: Permission; what: string; children: ReactNode }) {
  if (!useCan(permission)) {
    return (
      <p className="rounded-lg border border-dashed border-border px-6 py-14 text-center text-sm text-muted-foreground" data-testid="forbidden">
        Your role does not include {what}.
      </p>
    );
  }
  return <>{children}</>;
}
