/**
 * Roles, permissions and the authenticated actor: the one definition of who may do what.
 * Permission strings and role names are public wire API (they are inside tokens, API keys and the
 * database): add and deprecate, never rename in place.
 */
export const PERMISSIONS = [
  'platform:diagnostics',
  'tenants:manage',
  'users:manage',
  'users:read',
  'apikeys:manage',
  'devices:read',
  'devices:write',
  'hierarchy:read',
  'hierarchy:write',
  'consumers:read',
  'consumers:write',
  'history:read',
  'readings:read',
  'commands:send',
  'billing:read',
  'billing:manage',
  'analytics:read',
  'self:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'platform_admin',
  'tenant_admin',
  'operator',
  'field_engineer',
  'billing_clerk',
  'analyst',
  'consumer',
  'integration',
] as const;
export type Role = (typeof ROLES)[number];

/** Each role is a fixed set of permissions. A user's permissions are the union of their roles'. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  platform_admin: ['platform:diagnostics', 'tenants:manage', 'users:manage', 'users:read', 'apikeys:manage', 'self:read'],
  tenant_admin: [
    'users:manage',
    'users:read',
    'apikeys:manage',
    'devices:read',
    'devices:write',
    'hierarchy:read',
    'hierarchy:write',
    'consumers:read',
    'consumers:write',
    'history:read',
    'readings:read',
    'commands:send',
    'billing:read',
    'billing:manage',
    'analytics:read',
    'self:read',
  ],
  operator: [
    'devices:read',
    'devices:write',
    'hierarchy:read',
    'hierarchy:write',
    'consumers:read',
    'history:read',
    'readings:read',
    'commands:send',
    'analytics:read',
    'self:read',
  ],
  field_engineer: ['devices:read', 'devices:write', 'hierarchy:read', 'history:read', 'readings:read', 'commands:send', 'self:read'],
  billing_clerk: ['consumers:read', 'consumers:write', 'readings:read', 'billing:read', 'billing:manage', 'self:read'],
  analyst: ['devices:read', 'hierarchy:read', 'consumers:read', 'history:read', 'readings:read', 'billing:read', 'analytics:read', 'self:read'],
  /** A household or business in the personal cabinet: only what is its own (scoped by `consumerId`). */
  consumer: ['self:read'],
  /** Service accounts of CIS/SCADA/ERP systems. */
  integration: ['devices:read', 'devices:write', 'hierarchy:read', 'consumers:read', 'consumers:write', 'readings:read', 'commands:send', 'billing:read'],
};

/** Human descriptions for the console's role matrix and the OpenAPI document. */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  platform_admin: 'Runs the platform: manages tenants and platform diagnostics',
  tenant_admin: 'Administers one utility: its users, API keys and every operational area',
  operator: 'Operates the network: devices, hierarchy, commands, readings',
  field_engineer: 'Installs and services devices in the field',
  billing_clerk: 'Runs billing: consumers, tariffs, invoices, payments',
  analyst: 'Reads everything operational for analysis; changes nothing',
  consumer: 'A household or business: its own consumption and invoices only',
  integration: 'A connected system (CIS, SCADA, ERP) acting through the API',
};

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The union of the roles' permissions, in the canonical order of PERMISSIONS. */
export function permissionsOfRoles(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
  return PERMISSIONS.filter((permission) => granted.has(permission));
}

/** True when every required permission is held. */
export function hasPermissions(held: readonly Permission[], required: readonly Permission[]): boolean {
  return required.every((permission) => held.includes(permission));
}

declare const tenantIdBrand: unique symbol;
/**
 * A tenant's id, branded: only `asTenantId` (after the id came from a verified actor or a stored row)
 * makes one, so a repository query that forgets its tenant does not compile.
 */
export type TenantId = string & { readonly [tenantIdBrand]: 'TenantId' };

export function asTenantId(id: string): TenantId {
  return id as TenantId;
}

export type ActorKind = 'user' | 'api_key';

/**
 * Who is asking: set by the gateway after it verified an access token or an API key, carried in the
 * request context and in every RPC envelope's meta, restored by the services around their handlers.
 */
export interface Actor {
  kind: ActorKind;
  /** User id or API key id. */
  id: string;
  tenantId: string;
  roles: Role[];
  permissions: Permission[];
  /** Set for consumer users: the consumer whose data they may see. */
  consumerId?: string;
  /** Session (refresh token family) of a user actor. */
  sessionId?: string;
  ip?: string;
}

/** Structural check of an actor arriving over the wire (the RPC envelope). */
export function isActor(value: unknown): value is Actor {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof Actor, unknown>>;
  return (
    (v.kind === 'user' || v.kind === 'api_key') &&
    typeof v.id === 'string' &&
    typeof v.tenantId === 'string' &&
    Array.isArray(v.roles) &&
    v.roles.every(isRole) &&
    Array.isArray(v.permissions) &&
    v.permissions.every(isPermission) &&
    (v.consumerId === undefined || typeof v.consumerId === 'string') &&
    (v.sessionId === undefined || typeof v.sessionId === 'string') &&
    (v.ip === undefined || typeof v.ip === 'string')
  );
}
