import { NavLink, Navigate, Outlet } from 'react-router-dom';
import { PageHeader } from '@/app/page-header';
import { useCan } from '@/features/auth';
import { cn } from '@/lib/utils';

export { ApiKeysPage } from './components/api-keys-page';
export { RolesPage } from './components/roles-page';
export { UsersPage } from './components/users-page';

const TABS = [
  { path: 'users', label: 'Users' },
  { path: 'roles', label: 'Roles' },
  { path: 'api-keys', label: 'API keys' },
] as const;

/** `/admin`: users, roles and API keys of the signed-in administrator's tenant. */
export function AdminLayout() {
  const allowed = useCan('users:read');
  return (
    <>
      <PageHeader title="Administration" description="Users of your tenant, the roles they can hold, and API keys of connected systems." />
      {allowed ? (
        <>
          <nav aria-label="Administration" className="mb-5 flex gap-1 border-b border-border">
            {TABS.map((tab) => (
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
