import type { MeterIdentityRow } from './device-lookup.repository';
import { resolutionOf } from './resolution-rule';

const row = (tenantId: string, status: MeterIdentityRow['status'], id = `${tenantId}-m`): MeterIdentityRow => ({
  id,
  tenantId,
  codecId: 'c/x',
  utility: 'water',
  multiplier: '1',
  status,
  devEui: '0011223344556677',
  wmbusManufacturer: null,
  wmbusId: null,
  aesKeyEnc: null,
});

describe('resolutionOf', () => {
  it('no meter is unknown', () => expect(resolutionOf([])).toEqual({ state: 'unknown' }));
  it('one live meter resolves', () => expect(resolutionOf([row('a', 'installed')])).toMatchObject({ state: 'known', tenantId: 'a', status: 'installed' }));
  it('archived meters alone are archived', () => expect(resolutionOf([row('a', 'archived')])).toEqual({ state: 'archived', meterId: 'a-m', tenantId: 'a' }));
  it('a live meter wins over archived ones of other tenants', () => expect(resolutionOf([row('a', 'archived'), row('b', 'in_stock')])).toMatchObject({ state: 'known', tenantId: 'b' }));
  it('live meters of several tenants are ambiguous', () => expect(resolutionOf([row('b', 'installed'), row('a', 'removed')])).toEqual({ state: 'ambiguous', tenantIds: ['a', 'b'] }));
});
