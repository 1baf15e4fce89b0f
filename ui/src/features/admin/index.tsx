import type { Permission } from '@contracts/access';
import { NavLink, Navigate, Outlet } from 'react-router-dom';
import { PageHeader } from '@/app/page-header';
import { useCan, useSession } from '@/features/auth';
import { cn } from '@/lib/utils';

export { ApiKeysPage } from './components/api-keys-page';
export { LoginEventsPage } from './components/login-events-page';
export { RolesPage } from './components/roles-page';
export { TenantsPage } from './components/tenants-page';
export { UsersPage } from './components/users-page';

/** Tabs with a permission are shown only to roles holding it. */
const TABS: readonly { path: string; label: string; permission?: Permission }[] = [
  { path: 'users', label: 'Users' },
  { path: 'roles', label: 'Roles' },
  { path: 'api-keys', label: 'API keys' },
  { path: 'login-events', label: 'Login events', permission: 'users:manage' },
  { path: 'tenants', label: 'Tenants', permission: 'tenants:manage' },
];

/** `/admin`: users, roles and API keys of the signed-in administrator's tenant. */
export function AdminLayout() {
  const allowed = useCan('users:read');
  const session = useSession();
  const held = session.status === 'signed-in' ? session.me.permissions : [];
  return (
    <>
      <PageHeader title="Administration" description="Users of your tenant, the roles they can hold, API keys of connected systems, and the sign-in audit trail." />
      {allowed ? (
        <>
          <nav aria-label="Administration" className="mb-5 flex gap-1 border-b border-border">
            {TABS.filter((tab) => !tab.permission || held.includes(tab.permission)).map((tab) => (
              <NavLink
                key={tab.path}
                to={tab.path}
                data-testid={`admin-tab-${tab.path}`}
                className={({ isActive }) =>
                  cn('-mb-px border-b-2 px-3 py-2 text-sm font-medium', isActive ? 'border-primary text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground')
                }
              >
                {tab.label}
              </NavLink>
            ))}
          </nav>
          <Outlet />
        </>
      ) : (
        <p className="text-sm text-muted-foreground" data-testid="admin-forbidden">
          Your role does not include administration.
        </p>
      )}
    </>
  );
}

export function AdminIndex() {
  return <Navigate to="users" replace />;
}
