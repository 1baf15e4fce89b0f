import { CodecError } from '../../errors';
import { bytesToHex, hexToBytes } from '../../reader';
import { decodeUplink, encodeDownlink } from '../../registry';
import type { DecodedPayload, DownlinkCommand } from '../../types';

const decode = (codec: string, hex: string, fPort = 2): DecodedPayload => decodeUplink(codec, fPort, hexToBytes(hex));
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error.code;
    throw error;
  }
  return 'no error';
};

// The vector payloads (TTN lorawan-devices examples), split per record.
const CMI4110 = ['00', '0c0652676102', '0c1497899900', '0b2d000000', '0b3b000000', '0a5a3306', '0a5e4105', '0c7829110366', '02fd170000'];
const CMI4111 = ['05', '04065a260000', '0414f0140a00', '022d0b00', '023b2600', '025a7b02', '025e7c01', '0c7871354969', '04fd1700000800'];
const CMI4130 = ['0f', '0407e1040200', '041511a24c00', '022d3e00', '023b0c03', '025aa602', '025e6002', '0c7819679010', '02fd170000'];
const CMI4140 = '150405fc437f0e041340919822022e9015023c482b0259d825025de8140c782794817904fd1700000100';
const CMI4160 = '1e04068fa10100041384b71e00022bcf0f023b5d00025a1003025e9801077982253269a511400401fd1700';
const swap = (records: string[], index: number, record: string): string => records.map((r, i) => (i === index ? record : r)).join('');

describe('elvaco: canonical part of the vectors (records decoded per EN 13757-3)', () => {
  it('cmi4110: energy kWh, volume m3, power W, flow m3/h, temperatures, serial, error flags', () => {
    const d = decode('elvaco/cmi4110', CMI4110.join(''));
    expect(d.measurements.map((m) => [m.quantity, m.value, m.unit])).toEqual([
      ['energy', 2616752, 'kWh'],
      ['volume', 9989.97, 'm3'],
      ['power', 0, 'W'],
      ['volume_flow', 0, 'm3/h'],
      ['flow_temperature', 63.3, 'degC'],
      ['return_temperature', 54.1, 'degC'],
    ]);
    expect(d.measurements[0]).toMatchObject({ storage: 0, tariff: 0 });
    expect(d.device).toEqual({ messageFormat: 0, serial: '66031129', errorFlags: 0 });
    expect(d.alarms).toEqual([]);
  });

  it('cmi4130: the serial is the BCD ID, where the vendor prints it as binary', () => {
    const d = decode('elvaco/cmi4130', CMI4130.join(''));
    expect(d.vendor.serial).toBe(277899033);
    expect(d.device?.serial).toBe('10906719');
    expect(d.measurements.find((m) => m.quantity === 'energy')?.value).toBe(1323210);
  });

  it('cmi4140: error flags 0x00010000 are 65536, where the vendor prints 10000; power in W', () => {
    const d = decode('elvaco/cmi4140', CMI4140);
    expect(d.vendor.error_flag).toBe(10000);
    expect(d.device?.errorFlags).toBe(65536);
    expect(d.measurements.find((m) => m.quantity === 'power')).toMatchObject({ value: 5520000, unit: 'W' });
  });

  it('cmi4160: the enhanced identification record gives serial, manufacturer, version, medium', () => {
    const d = decode('elvaco/cmi4160', CMI4160);
    expect(d.device).toEqual({ messageFormat: 0x1e, serial: '69322582', manufacturer: 'DME', version: 0x40, deviceType: 'heat', errorFlags: 0 });
    expect(d.measurements.find((m) => m.quantity === 'power')).toMatchObject({ value: 4047, unit: 'W' });
  });

  it('cmi4111: binary records scaled by their VIF', () => {
    const d = decode('elvaco/cmi4111', CMI4111.join(''));
    expect(d.measurements.map((m) => [m.quantity, m.value])).toEqual([
      ['energy', 9818],
      ['volume', 6607.2],
      ['power', 1100],
      ['volume_flow', 0.038],
      ['flow_temperature', 63.5],
      ['return_temperature', 38],
    ]);
    expect(d.device).toMatchObject({ serial: '69493571', errorFlags: 524288 });
  });
});

// Variants of the vector payloads with one record changed (layouts from the vendor scripts and EN 13757-3).
describe('elvaco: vendor quirks on hand-built records', () => {
  it('cmi4110: a negative BCD flow reads "f0" as a minus sign of the hex digits; the canonical value is BCD', () => {
    const d = decode('elvaco/cmi4110', swap(CMI4110, 4, '0b3b1200f0'));
    expect(d.vendor.flow).toBe(-0.018);
    expect(d.measurements.find((m) => m.quantity === 'volume_flow')?.value).toBe(-0.012);
  });

  it('cmi4110: a second energy register is named energy_tariff_1', () => {
    const d = decode('elvaco/cmi4110', swap(CMI4110, 2, '0c0697899900'));
    expect(d.vendor).toMatchObject({ energy: 2616752, energy_tariff_1: 998997 });
  });

  it('cmi4111: "fff" leading a binary flow is a minus sign', () => {
    expect(decode('elvaco/cmi4111', swap(CMI4111, 4, '023bf5ff')).vendor.flow).toBe(-0.005);
  });

  it('cmi4111: a value-during-error record with a mostly empty payload', () => {
    const empty = '05' + '340300000000' + '00'.repeat(34) + '04fd17';
    expect(() => decode('elvaco/cmi4111', empty)).toThrow('Empty payload, value during error state');
  });

  it('cmi4130: flow during error (DIF 0x32) prints as 0', () => {
    const d = decode('elvaco/cmi4130', swap(CMI4130, 4, '323b0c03'));
    expect(d.vendor.flow).toBe(0);
  });

  it('refuses unknown records, other message formats, other ports and short payloads', () => {
    expect(() => decode('elvaco/cmi4110', swap(CMI4110, 3, '0b29000000'))).toThrow('Unknown dif 0b and vif 29');
    expect(() => decode('elvaco/cmi4130', swap(CMI4130, 3, '042d3e000000'))).toThrow('Unknown dif 04 and vif dif in difVifMapping2d');
    expect(codeOf(() => decode('elvaco/cmi4110', '01' + CMI4110.slice(1).join('')))).toBe('UNSUPPORTED_FRAME');
    expect(codeOf(() => decode('elvaco/cmi4140', CMI4140, 3))).toBe('UNSUPPORTED_PORT');
  });

  it.each([
    ['elvaco/cmi4110', CMI4110.join('')],
    ['elvaco/cmi4111', CMI4111.join('')],
    ['elvaco/cmi4130', CMI4130.join('')],
    ['elvaco/cmi4140', CMI4140],
    ['elvaco/cmi4160', CMI4160],
  ])('%s: a payload cut below 40 bytes is TRUNCATED', (codec, hex) => {
    const bytes = hexToBytes(hex);
    for (let n = 0; n < 40; n++) expect(codeOf(() => decodeUplink(codec, 2, bytes.subarray(0, n)))).toBe('TRUNCATED');
  });
});

describe('elvaco: transmit interval downlink (0x00, TLV 06 02, minutes LSB first, fPort 2)', () => {
  const hex = (codec: string, command: DownlinkCommand): string => {
    const out = encodeDownlink(codec, command);
    expect(out.fPort).toBe(2);
    return bytesToHex(out.bytes);
  };

  it.each(['elvaco/cmi4110', 'elvaco/cmi4130', 'elvaco/cmi4160'])('%s encodes the manual example and the limits', (codec) => {
    expect(hex(codec, { type: 'reporting_interval', seconds: 1800 })).toBe('0006021e00');
    expect(hex(codec, { type: 'reporting_interval', seconds: 300 })).toBe('0006020500');
    expect(hex(codec, { type: 'reporting_interval', seconds: 86400 })).toBe('000602a005');
  });

  it.each([0, 90, 240, 86460, -600])('rejects %p seconds', (seconds) => {
    expect(codeOf(() => encodeDownlink('elvaco/cmi4110', { type: 'reporting_interval', seconds }))).toBe('INVALID_COMMAND');
  });

  it('models whose manuals document no downlink refuse commands', () => {
    expect(codeOf(() => encodeDownlink('elvaco/cmi4111', { type: 'reporting_interval', seconds: 1800 }))).toBe('UNSUPPORTED_COMMAND');
    expect(codeOf(() => encodeDownlink('elvaco/cmi4110', { type: 'relay', on: true }))).toBe('UNSUPPORTED_COMMAND');
  });
});
