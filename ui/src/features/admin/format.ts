import type { Permission, Role } from '@contracts/access';
import { ROLE_PERMISSIONS, ROLES } from '@contracts/access';

export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: 'Platform admin',
  tenant_admin: 'Tenant admin',
  operator: 'Operator',
  field_engineer: 'Field engineer',
  billing_clerk: 'Billing clerk',
  analyst: 'Analyst',
  consumer: 'Consumer',
  integration: 'Integration',
};

/** Roles the signed-in administrator may grant: those whose permissions they hold (the server's rule too). */
export function grantableRoles(held: readonly Permission[]): Role[] {
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].every((permission) => held.includes(permission)));
}

export function formatDateTime(value: string | null): string {
  if (!value) return '—';
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
