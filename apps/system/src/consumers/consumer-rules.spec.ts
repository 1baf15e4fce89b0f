import { permissionsOfRoles } from '@app/contracts';
import type { Actor, Role } from '@app/contracts';
import { NO_CONSUMER, readScopeOf } from '../access/read-scope';
import { assertNoOverlap, validateNewServicePoint, validateServicePointPatch } from '../service-points/service-point-rules';
import { validateConsumerPatch, validateNewConsumer } from './consumer-rules';

const fieldsOf = (work: () => unknown): string[] => {
  try {
    work();
  } catch (error) {
    return ((error as { fields?: { field: string }[] }).fields ?? []).map((f) => f.field);
  }
  return [];
};

describe('consumer and service point rules', () => {
  it('normalises a new consumer: trimmed, empty text as null, e-mail lower-case', () => {
    expect(validateNewConsumer({ kind: 'residential', accountNumber: ' A-1 ', name: ' Ann ', email: ' Ann@X.Test ', phone: '', postalAddress: '  ' })).toEqual({
      kind: 'residential',
      accountNumber: 'A-1',
      name: 'Ann',
      taxId: null,
      registrationNumber: null,
      contactPerson: null,
      email: 'ann@x.test',
      phone: null,
      postalAddress: null,
    });
  });

  it('names every offending field at once', () => {
    expect(fieldsOf(() => validateNewConsumer({ kind: 'shop' as 'residential', accountNumber: 'a b', name: ' ', email: 'x', phone: 'call me' }))).toEqual(['kind', 'accountNumber', 'name', 'email', 'phone']);
    expect(fieldsOf(() => validateNewConsumer({ kind: 'non_residential', accountNumber: 'B-1', name: 'Shop' }))).toEqual(['taxId']);
    expect(fieldsOf(() => validateNewConsumer({ kind: 'residential', accountNumber: 'B-1', name: 'Ann', taxId: 'T', registrationNumber: 'R' }))).toEqual(['taxId', 'registrationNumber']);
    expect(fieldsOf(() => validateNewConsumer({ kind: 'residential', accountNumber: 'B-1', name: 'x'.repeat(201) }))).toEqual(['name']);
  });

  it('checks a patch against the consumer it changes', () => {
    const current = { name: 'Shop', taxId: 'T1', registrationNumber: null, contactPerson: null, email: null, phone: null, postalAddress: null };
    expect(validateConsumerPatch('non_residential', current, { email: 'A@B.CD', phone: null })).toEqual({ email: 'a@b.cd', phone: null });
    expect(fieldsOf(() => validateConsumerPatch('non_residential', current, { taxId: null }))).toEqual(['taxId']);
    expect(fieldsOf(() => validateConsumerPatch('residential', { ...current, taxId: null }, { taxId: 'T' }))).toEqual(['taxId']);
  });

  it('validates a service point and its patch', () => {
    expect(validateNewServicePoint({ code: ' SP-1 ', utility: 'heat', address: ' ', nodeId: 'C0FFEE00-0000-4000-8000-000000000000' })).toEqual({
      code: 'SP-1',
      utility: 'heat',
      consumerId: null,
      nodeId: 'c0ffee00-0000-4000-8000-000000000000',
      address: null,
      description: null,
    });
    expect(fieldsOf(() => validateNewServicePoint({ code: '', utility: 'steam' as 'heat', consumerId: 'nope' }))).toEqual(['code', 'utility', 'consumerId']);
    expect(validateServicePointPatch({ consumerId: null, description: ' d ' })).toEqual({ consumerId: null, description: 'd' });
  });

  it('refuses a link that overlaps an earlier one of the meter', () => {
    const jan = new Date('2025-01-01T00:00:00Z');
    const mar = new Date('2025-03-01T00:00:00Z');
    expect(() => assertNoOverlap([{ validFrom: jan, validTo: null }], mar)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(fieldsOf(() => assertNoOverlap([{ validFrom: jan, validTo: mar }], new Date('2025-02-01T00:00:00Z')))).toEqual(['validFrom']);
    expect(() => assertNoOverlap([{ validFrom: jan, validTo: mar }], mar)).not.toThrow();
  });

  it('scopes an operator to the tenant, a consumer user to its consumer, anyone else to nothing', () => {
    const actor = (roles: Role[], consumerId?: string): Actor => ({ kind: 'user', id: 'u', tenantId: 't', roles, permissions: permissionsOfRoles(roles), ...(consumerId ? { consumerId } : {}) });
    expect(readScopeOf(actor(['operator']), 'consumers:read').consumerId).toBeNull();
    expect(readScopeOf(actor(['consumer'], 'c-1'), 'consumers:read').consumerId).toBe('c-1');
    expect(readScopeOf(actor(['field_engineer']), 'consumers:read').consumerId).toBe(NO_CONSUMER);
    expect(() => readScopeOf({ ...actor(['integration']), kind: 'api_key' }, 'history:read')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
