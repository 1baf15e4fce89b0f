import { classifyImport } from './seed-simulated';

describe('classifyImport', () => {
  it('counts rows refused only as already registered apart from real errors', () => {
    const outcome = classifyImport({
      mode: 'valid-rows-only',
      total: 5,
      created: 1,
      rejected: 4,
      errors: [
        { line: 2, field: 'serial', message: 'a meter of this vendor with this serial number already exists' },
        { line: 2, field: 'devEui', message: 'a meter with this devEui already exists' },
        { line: 3, field: 'devEui', message: 'a meter with this devEui already exists' },
        { line: 4, field: 'serial', message: 'a meter of this vendor with this serial number already exists' },
        { line: 4, field: 'codecId', message: 'unknown codec' },
        { line: 6, field: 'utility', message: 'must be one of water, gas, heat, electricity' },
      ],
    });
    expect(outcome).toEqual({
      total: 5,
      created: 1,
      alreadyRegistered: 2,
      errors: [
        { line: 4, field: 'serial', message: 'a meter of this vendor with this serial number already exists' },
        { line: 4, field: 'codecId', message: 'unknown codec' },
        { line: 6, field: 'utility', message: 'must be one of water, gas, heat, electricity' },
      ],
    });
  });

  it('reads a clean first import as all created', () => {
    expect(classifyImport({ mode: 'valid-rows-only', total: 3, created: 3, rejected: 0, errors: [] })).toEqual({ total: 3, created: 3, alreadyRegistered: 0, errors: [] });
  });
});
