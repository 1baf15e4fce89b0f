import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { AdminIndex, AdminLayout, ApiKeysPage, RolesPage, UsersPage } from '@/features/admin';
import { LoginPage, RequireAuth } from '@/features/auth';
import { StatusPage } from '@/features/status';
import { AppShell } from './layout/app-shell';
import { NAV_SECTIONS } from './nav';
import { NotFoundPage } from './not-found-page';
import { PlaceholderPage } from './placeholder-page';

/** Built sections with a single page, by path. Every other section in NAV_SECTIONS gets its placeholder page. */
const BUILT: Record<string, ComponentType> = {};

/** Sections reachable without signing in: platform health is public (GET /api/v1/health is). */
const PUBLIC_SECTIONS = new Set(['/status']);

const sectionRoute = (path: string, element: React.ReactNode): RouteObject => (path === '/' ? { index: true, element } : { path: path.slice(1), element });

const protectedSections: RouteObject[] = NAV_SECTIONS.filter((section) => !PUBLIC_SECTIONS.has(section.path) && section.path !== '/admin').map((section) => {
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
  ],
};

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppShell />,
    children: [
      { path: 'status', element: <StatusPage /> },
      { element: <RequireAuth />, children: [...protectedSections, adminRoute, { path: '*', element: <NotFoundPage /> }] },
    ],
  },
]);
