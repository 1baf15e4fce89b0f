import { Suspense, lazy, type ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { AdminIndex, AdminLayout, ApiKeysPage, LoginEventsPage, RolesPage, TenantsPage, UsersPage } from '@/features/admin';
import { LoginPage, RequireAuth } from '@/features/auth';
import { DataQualityPage } from '@/features/ingest';
import type * as Registry from '@/features/registry';
import { StatusPage } from '@/features/status';
import { AppShell } from './layout/app-shell';
import { NAV_SECTIONS } from './nav';
import { NotFoundPage } from './not-found-page';
import { PlaceholderPage } from './placeholder-page';


/** A page of the registry feature, loaded with its chunk on first use (the console's first load stays small). */
function registryPage(name: keyof typeof Registry) {
  const Page = lazy(() => import('@/features/registry').then((module) => ({ default: module[name] as ComponentType })));
  return (
    <Suspense fallback={<p className="text-sm text-muted-foreground">Loading…</p>}>
      <Page />
    </Suspense>
  );
}

/** Built sections with a single page, by path. Every other section in NAV_SECTIONS gets its placeholder page. */
const BUILT: Record<string, ComponentType> = { '/data-quality': DataQualityPage };

/** Sections reachable without signing in: platform health is public (GET /api/v1/health is). */
const PUBLIC_SECTIONS = new Set(['/status']);

const sectionRoute = (path: string, element: React.ReactNode): RouteObject => (path === '/' ? { index: true, element } : { path: path.slice(1), element });

/** Sections with nested routes of their own (below). */
const NESTED_SECTIONS = new Set(['/admin', '/meters', '/devices', '/hierarchy', '/consumers']);

const protectedSections: RouteObject[] = NAV_SECTIONS.filter((section) => !PUBLIC_SECTIONS.has(section.path) && !NESTED_SECTIONS.has(section.path)).map((section) => {
  const Page = BUILT[section.path];
  return sectionRoute(section.path, Page ? <Page /> : <PlaceholderPage section={section} />);
});

const adminRoute: RouteObject = {
  path: 'admin',
  element: <AdminLayout />,
  children: [
    { index: true, element: <AdminIndex /> },
    { path: 'users', element: <UsersPage /> },
    { path: 'roles', element: <RolesPage /> },
    { path: 'api-keys', element: <ApiKeysPage /> },
    { path: 'login-events', element: <LoginEventsPage /> },
    { path: 'tenants', element: <TenantsPage /> },
  ],
};

const meterRoutes: RouteObject = {
  path: 'meters',
  children: [
    { index: true, element: registryPage('MetersPage') },
    { path: ':id', element: registryPage('MeterDetailPage') },
  ],
};

const hierarchyRoute: RouteObject = { path: 'hierarchy', element: registryPage('HierarchyPage') };

const consumerRoutes: RouteObject = {
  path: 'consumers',
  children: [
    { index: true, element: registryPage('ConsumersPage') },
    { path: ':id', element: registryPage('ConsumerDetailPage') },
  ],
};

const deviceRoutes: RouteObject = {
  path: 'devices',
  element: registryPage('DevicesLayout'),
  children: [
    { index: true, element: registryPage('DevicesIndex') },
    { path: 'gateways', element: registryPage('GatewaysPage') },
    { path: 'gateways/:id', element: registryPage('GatewayDetailPage') },
    { path: 'pulse-modules', element: registryPage('PulseModulesPage') },
  ],
};

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppShell />,
    children: [
      { path: 'status', element: <StatusPage /> },
      { element: <RequireAuth />, children: [...protectedSections, adminRoute, meterRoutes, deviceRoutes, hierarchyRoute, consumerRoutes, { path: '*', element: <NotFoundPage /> }] },
    ],
  },
]);
