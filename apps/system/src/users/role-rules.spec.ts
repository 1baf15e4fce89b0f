import { DomainError, ROLE_PERMISSIONS } from '@app/contracts';
import { assertConsumerLink, assertRolesGrantable } from './role-rules';

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
};

describe('role rules', () => {
  it('lets a tenant administrator grant tenant roles but not platform_admin', () => {
    const held = ROLE_PERMISSIONS.tenant_admin;
    expect(codeOf(() => assertRolesGrantable(held, ['operator', 'analyst', 'billing_clerk', 'field_engineer', 'tenant_admin', 'integration', 'consumer']))).toBeUndefined();
    expect(codeOf(() => assertRolesGrantable(held, ['platform_admin']))).toBe('FORBIDDEN');
  });

  it('lets no one grant more than they hold', () => {
    expect(codeOf(() => assertRolesGrantable(ROLE_PERMISSIONS.operator, ['tenant_admin']))).toBe('FORBIDDEN');
    expect(codeOf(() => assertRolesGrantable(ROLE_PERMISSIONS.platform_admin, ['platform_admin']))).toBeUndefined();
    expect(codeOf(() => assertRolesGrantable(ROLE_PERMISSIONS.platform_admin, ['operator']))).toBe('FORBIDDEN');
  });

  it('ties consumer users, and only them, to a consumer', () => {
    expect(codeOf(() => assertConsumerLink(['consumer'], 'c0ffee00-0000-4000-8000-000000000000'))).toBeUndefined();
    expect(codeOf(() => assertConsumerLink(['consumer'], null))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => assertConsumerLink(['consumer', 'operator'], 'c0ffee00-0000-4000-8000-000000000000'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => assertConsumerLink(['operator'], 'c0ffee00-0000-4000-8000-000000000000'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => assertConsumerLink(['operator'], undefined))).toBeUndefined();
  });
});
