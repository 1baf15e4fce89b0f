import type { CreateConsumerRequest, CreateServicePointRequest, Role } from '@app/contracts';

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
  /** Seed the demo consumers, their service points and the consumer login (tools/seed-consumers.ts). */
  consumers?: boolean;
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
  consumers: true,
  registry: true,
};

/** The demo tenant's consumers, each with one service point (in a building of the demo registry). */
export const DEMO_CONSUMERS: { consumer: CreateConsumerRequest; servicePoint: Omit<CreateServicePointRequest, 'consumerId' | 'nodeId'> }[] = [
  {
    consumer: { kind: 'residential', accountNumber: 'DEMO-0001', name: 'Anna Example', email: 'anna@example.com', phone: '+44 20 7946 0001', postalAddress: '1 Mill Street, Millbrook' },
    servicePoint: { code: 'SP-DEMO-0001', utility: 'water', address: '1 Mill Street, Millbrook', description: 'Flat 1, cold water' },
  },
  {
    consumer: { kind: 'non_residential', accountNumber: 'DEMO-0002', name: 'Corner Bakery Ltd', taxId: 'GB123456789', registrationNumber: '01234567', contactPerson: 'Ben Baker', email: 'office@cornerbakery.example', postalAddress: '2 Station Road, Millbrook' },
    servicePoint: { code: 'SP-DEMO-0002', utility: 'water', address: '2 Station Road, Millbrook', description: 'Shop, cold water' },
  },
];

/** The consumer login of the personal cabinet, linked to the consumer with `accountNumber`. */
export const DEMO_CONSUMER_LOGIN: SeedUser & { accountNumber: string } = {
  email: 'consumer@demo.example',
  displayName: 'Anna Example',
  roles: ['consumer'],
  accountNumber: 'DEMO-0001',
};
