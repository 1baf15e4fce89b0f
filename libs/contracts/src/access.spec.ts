import {
  PERMISSIONS,
  ROLES,
  ROLE_DESCRIPTIONS,
  ROLE_PERMISSIONS,
  hasPermissions,
  isActor,
  permissionsOfRoles,
} from './access';
import type { Permission, Role } from './access';

describe('the permission map', () => {
  it('defines every role with known permissions, no duplicates, and a description', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      const granted = ROLE_PERMISSIONS[role];
      expect(granted.length).toBeGreaterThan(0);
      expect(new Set(granted).size).toBe(granted.length);
      for (const permission of granted) expect(PERMISSIONS).toContain(permission);
      expect(ROLE_DESCRIPTIONS[role]).toBeTruthy();
    }
  });

  it('grants every permission to some role', () => {
    const granted = new Set(ROLES.flatMap((role) => ROLE_PERMISSIONS[role]));
    expect(PERMISSIONS.filter((p) => !granted.has(p))).toEqual([]);
  });

  it.each<[Role, Permission[], Permission[]]>([
    ['platform_admin', ['tenants:manage', 'platform:diagnostics'], ['devices:read', 'billing:manage']],
    ['tenant_admin', ['users:manage', 'apikeys:manage', 'billing:manage', 'devices:write'], ['tenants:manage', 'platform:diagnostics']],
    ['operator', ['devices:write', 'commands:send', 'readings:read'], ['users:manage', 'users:read', 'billing:manage', 'apikeys:manage']],
    ['field_engineer', ['devices:write', 'commands:send'], ['hierarchy:write', 'consumers:read', 'users:read']],
    ['billing_clerk', ['billing:manage', 'consumers:write'], ['devices:write', 'commands:send', 'users:read']],
    ['analyst', ['analytics:read', 'readings:read'], ['devices:write', 'billing:manage', 'commands:send', 'consumers:write']],
    ['consumer', ['self:read'], ['readings:read', 'billing:read', 'consumers:read', 'users:read']],
    ['integration', ['readings:read', 'devices:write'], ['users:manage', 'apikeys:manage', 'self:read']],
  ])('%s holds %j and never %j', (role, holds, never) => {
    expect(hasPermissions(ROLE_PERMISSIONS[role], holds)).toBe(true);
    for (const permission of never) expect(ROLE_PERMISSIONS[role]).not.toContain(permission);
  });

  it('keeps administration to the administrators', () => {
    const holders = (permission: Permission) => ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission)).sort();
    expect(holders('tenants:manage')).toEqual(['platform_admin']);
    expect(holders('platform:diagnostics')).toEqual(['platform_admin']);
    expect(holders('users:manage')).toEqual(['platform_admin', 'tenant_admin']);
    expect(holders('apikeys:manage')).toEqual(['platform_admin', 'tenant_admin']);
  });

  it('unites the permissions of several roles in canonical order', () => {
    const union = permissionsOfRoles(['billing_clerk', 'field_engineer']);
    expect(union).toEqual(PERMISSIONS.filter((p) => union.includes(p)));
    expect(union).toEqual(expect.arrayContaining(['billing:manage', 'devices:write', 'commands:send']));
    expect(permissionsOfRoles([])).toEqual([]);
  });

  it('requires every listed permission', () => {
    expect(hasPermissions(['users:read'], [])).toBe(true);
    expect(hasPermissions(['users:read'], ['users:read', 'users:manage'])).toBe(false);
  });

  it('recognises a well-formed actor and refuses forged shapes', () => {
    const actor = { kind: 'user', id: 'u', tenantId: 't', roles: ['operator'], permissions: ['devices:read'] };
    expect(isActor(actor)).toBe(true);
    expect(isActor({ ...actor, kind: 'root' })).toBe(false);
    expect(isActor({ ...actor, roles: ['god'] })).toBe(false);
    expect(isActor({ ...actor, permissions: ['everything:*'] })).toBe(false);
    expect(isActor({ ...actor, tenantId: undefined })).toBe(false);
    expect(isActor(null)).toBe(false);
  });
});
