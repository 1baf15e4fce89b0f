import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { StatusPage } from '@/features/status';
import { AppShell } from './layout/app-shell';
import { NAV_SECTIONS } from './nav';
import { NotFoundPage } from './not-found-page';
import { PlaceholderPage } from './placeholder-page';

/** Built sections, by path. Every other section in NAV_SECTIONS gets its placeholder page. */
const BUILT: Record<string, ComponentType> = {
  '/status': StatusPage,
};

const sectionRoutes: RouteObject[] = NAV_SECTIONS.map((section) => {
  const Page = BUILT[section.path];
  const element = Page ? <Page /> : <PlaceholderPage section={section} />;
  return section.path === '/' ? { index: true, element } : { path: section.path.slice(1), element };
});

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShell />,
    children: [...sectionRoutes, { path: '*', element: <NotFoundPage /> }],
  },
]);
