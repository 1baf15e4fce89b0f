import { METER_STATUSES } from '@app/contracts';
import { assertIndexNotBelow, assertTransition, compareDecimals, nextStatus } from './meter-lifecycle';

describe('meter lifecycle', () => {
  it('allows exactly the documented transitions', () => {
    const table = Object.fromEntries(
      METER_STATUSES.map((s) => [s, (['install', 'remove', 'archive', 'replace', 'replace_in'] as const).map((step) => nextStatus(s, step))]),
    );
    expect(table).toEqual({
      in_stock: ['installed', null, 'archived', null, 'installed'],
      installed: [null, 'removed', null, 'replaced', null],
      removed: ['installed', null, 'archived', null, 'installed'],
      replaced: [null, null, 'archived', null, null],
      archived: [null, null, null, null, null],
    });
  });

  it('refuses others as CONFLICT naming the status', () => {
    expect(() => assertTransition('archived', 'install')).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'The meter is archived and cannot install' }));
    expect(() => assertTransition('in_stock', 'replace', 'The old meter')).toThrow(/The old meter is in stock and cannot be replaced/);
  });

  it('compares decimals exactly and refuses an index below the installation index', () => {
    expect(compareDecimals('10', '9.999')).toBe(1);
    expect(compareDecimals('0010.50', '10.5')).toBe(0);
    expect(compareDecimals('123456789012345678.000001', '123456789012345678.000002')).toBe(-1);
    expect(() => assertIndexNotBelow('5', '6', 'finalIndex')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'finalIndex' })] }));
    expect(() => assertIndexNotBelow('6', '6', 'finalIndex')).not.toThrow();
    expect(() => assertIndexNotBelow('1', null, 'finalIndex')).not.toThrow();
  });
});
