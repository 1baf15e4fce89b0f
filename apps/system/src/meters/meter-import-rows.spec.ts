import { RowErrors } from '../bulk/import-rows';
import { validateGatewayRow } from '../gateways/gateway-import-rows';
import { validateMeterRow } from './meter-import-rows';

const check = (cells: Record<string, string>) => {
  const errors = new RowErrors();
  const value = validateMeterRow(7, cells, errors);
  return { value, errors: errors.list() };
};

describe('meter import rows: the rules of a single creation', () => {
  it('builds the creation request, with the LoRaWAN and wM-Bus identities from their columns', () => {
    const { value, errors } = check({ serial: 'S-1', vendor: 'Acme', utility: 'gas', devEui: '70B3D5E75E00ABCD', appKey: '2b7e151628aed2a6abf7158809cf4f3c', wmbusManufacturer: 'KAM', wmbusId: '12345678', multiplier: '0.01' });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ serial: 'S-1', utility: 'gas', lorawan: { devEui: '70B3D5E75E00ABCD' }, wmbus: { manufacturer: 'KAM', id: '12345678' }, multiplier: '0.01' });
  });

  it('names the column of each error, once per column, "is required" for an empty required cell', () => {
    const { value, errors } = check({ vendor: 'Acme', utility: 'steam', joinEui: '0000000000000001', wmbusId: '123', nodeId: 'not-a-uuid', multiplier: '1e3' });
    expect(value).toBeNull();
    expect(errors).toEqual([
      { line: 7, field: 'serial', message: 'is required' },
      { line: 7, field: 'utility', message: expect.stringMatching(/^must be one of the following values/) },
      { line: 7, field: 'nodeId', message: 'must be a UUID' },
      { line: 7, field: 'devEui', message: 'is required' },
      { line: 7, field: 'wmbusManufacturer', message: 'is required' },
      { line: 7, field: 'wmbusId', message: expect.stringMatching(/^must match/) },
      { line: 7, field: 'multiplier', message: expect.stringMatching(/^must match/) },
    ]);
  });

  it('never echoes a key in an error', () => {
    const { errors } = check({ serial: 'S', vendor: 'V', utility: 'water', devEui: '70b3d5e75e00abcd', appKey: 'secret-but-malformed-key' });
    expect(errors).toEqual([{ line: 7, field: 'appKey', message: expect.stringMatching(/^must match/) }]);
    expect(JSON.stringify(errors)).not.toContain('secret-but-malformed');
  });

  it('checks gateway rows the same way (numbers, JSON configuration, status)', () => {
    const errors = new RowErrors();
    expect(validateGatewayRow(3, { eui: 'B827EBFFFE000001', name: 'Roof', latitude: '59.4', configuration: '{"a":1}' }, errors)).toMatchObject({ latitude: 59.4, configuration: { a: 1 } });
    expect(validateGatewayRow(4, { eui: 'nope', latitude: 'north', status: 'on', configuration: '[1' }, errors)).toBeNull();
    expect(errors.list().map((e) => [e.line, e.field])).toEqual([
      [4, 'eui'],
      [4, 'name'],
      [4, 'latitude'],
      [4, 'configuration'],
      [4, 'status'],
    ]);
  });
});
