import type { Role } from '@app/contracts';

/**
 * The demo identities `npm run seed` creates. Development only: in production the password must come
 * from DEMO_PASSWORD (the seed refuses the default there).
 */
export const DEFAULT_DEMO_PASSWORD = 'OpenHES-demo-2025!';

export interface SeedUser {
  email: string;
  displayName: string;
  roles: Role[];
}

export interface SeedTenant {
  slug: string;
  name: string;
  users: SeedUser[];
  /** Seed the demo registry (hierarchy, gateways, meters: tools/seed-registry.ts). */
  registry?: boolean;
}

export const PLATFORM_TENANT: SeedTenant = {
  slug: 'platform',
  name: 'Platform operator',
  users: [{ email: 'admin@platform.example', displayName: 'Platform Administrator', roles: ['platform_admin'] }],
};

export const DEMO_TENANT: SeedTenant = {
  slug: 'demo',
  name: 'Demo Water & Heat Utility',
  users: [
    { email: 'admin@demo.example', displayName: 'Demo Administrator', roles: ['tenant_admin'] },
    { email: 'operator@demo.example', displayName: 'Olga Operator', roles: ['operator'] },
    { email: 'analyst@demo.example', displayName: 'Anton Analyst', roles: ['analyst'] },
    { email: 'billing@demo.example', displayName: 'Berta Billing', roles: ['billing_clerk'] },
  ],
  registry: true,
};
