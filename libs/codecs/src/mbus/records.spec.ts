import { CodecError } from '../errors';
import { hexToBytes } from '../reader';
import { decodeDataRecords, decodeTypeF, decodeTypeG, decodeTypeI, decodeTypeJ, expandCompactFrame, formatMbusDate, recordFormatBytes, recordsToMeasurements } from './index';

const dec = (hex: string) => decodeDataRecords(hexToBytes(hex));

describe('decodeDataRecords: data field types', () => {
  it('reads 8/16/24/32/48/64-bit signed integers little-endian', () => {
    const r = dec('0113FF' + '0213FEFF' + '0313010000' + '041378563412' + '0613010000000000' + '0713FFFFFFFFFFFFFF7F');
    expect(r.map((x) => x.rawValue)).toEqual([-1, -2, 1, 0x12345678, 1, '9223372036854775807']);
    expect(r.map((x) => x.dataType)).toEqual(['int8', 'int16', 'int24', 'int32', 'int48', 'int64']);
    expect(r[3].value).toBe(305419.896);
  });

  it('reads BCD of 2/4/6/8/12 digits, negative with an 0xF high nibble', () => {
    const r = dec('0913' + '45' + '0A13' + '3412' + '0B13' + '563412' + '0C13' + '78563412' + '0E13' + '123456789012' + '0C13' + '010000F0');
    expect(r.map((x) => x.rawValue)).toEqual([45, 1234, 123456, 12345678, 129078563412, -1]);
    expect(r[3].value).toBe(12345.678);
    expect(r[5].value).toBe(-0.001);
  });

  it('marks BCD with hex digits invalid instead of throwing', () => {
    const [r] = dec('0C13' + 'AB000000');
    expect(r.invalid).toBe(true);
    expect(r.value).toBeNull();
    expect(r.rawValue).toBe('AB000000');
  });

  it('reads a 32-bit real', () => {
    // 230.5 as float32 LE = 0x43668000
    const [r] = dec('05FD48' + '00806643');
    expect(r.quantity).toBe('voltage');
    expect(r.value).toBeCloseTo(23.05, 10); // 0xFD 0x48 = 10^-1 V
    expect(r.rawValue).toBe(230.5);
  });

  it('reads LVAR text (sent last character first), binary and BCD', () => {
    const r = dec('0DFD0E' + '07302E38322E3142' + '0D13' + 'C2' + '3412' + '0D13' + 'D1' + '05' + '0DFD17' + 'E3' + '010203');
    expect(r[0].quantity).toBe('firmware_version');
    expect(r[0].text).toBe('B1.28.0');
    expect(r[1].value).toBe(1.234);
    expect(r[2].value).toBe(-0.005);
    expect(r[3].rawValue).toBe(0x030201);
  });

  it('skips 0x2F fillers and keeps 0x0F/0x1F manufacturer data raw', () => {
    const r = dec('2F2F0413010000002F0F0102');
    expect(r).toHaveLength(2);
    expect(r[1].manufacturerData).toBe(true);
    expect(r[1].rawValue).toBe('0102');
    const more = dec('1FAABB');
    expect(more[0].moreRecordsFollow).toBe(true);
  });
});

describe('decodeDataRecords: DIF/DIFE/VIF tables', () => {
  it('decodes function field, storage (DIF bit + DIFEs), tariff and subunit', () => {
    // 0xC4 = storage bit, 32 bit; DIFE 0x93 = subunit 0, tariff 1, storage 3 (-> 1 + 3*2 = 7), ext; DIFE 0x41 = subunit 1<<1, storage 1<<5
    const [r] = dec('C49341' + '13' + '01000000');
    expect(r.storage).toBe(1 + 3 * 2 + 1 * 32);
    expect(r.tariff).toBe(1);
    expect(r.subunit).toBe(2);
    const [max] = dec('1413' + '01000000');
    expect(max.function).toBe('maximum');
    const [min] = dec('2413' + '01000000');
    expect(min.function).toBe('minimum');
    const [err] = dec('3413' + '01000000');
    expect(err.function).toBe('error');
  });

  it.each([
    ['0403', 1000, 'energy', 'kWh', 1], // 10^0 Wh
    ['0406', 1000, 'energy', 'kWh', 1000],
    ['040E', 1000, 'energy', 'kWh', 1000 / 3.6], // 10^6 J = 1/3.6 kWh
    ['0413', 1000, 'volume', 'm3', 1],
    ['0416', 1000, 'volume', 'm3', 1000],
    ['041B', 1000, 'mass', 'kg', 1000],
    ['042B', 1000, 'power', 'W', 1000],
    ['0433', 3600, 'power', 'W', 1000], // 10^3 J/h
    ['043B', 1000, 'volume_flow', 'm3/h', 1],
    ['0443', 1000, 'volume_flow', 'm3/h', 6], // 10^-4 m3/min
    ['0453', 1000, 'mass_flow', 'kg/h', 1000],
    ['0459', 1000, 'flow_temperature', 'degC', 10],
    ['045D', 1000, 'return_temperature', 'degC', 10],
    ['0461', 1000, 'temperature_difference', 'K', 10],
    ['0465', 1000, 'external_temperature', 'degC', 10],
    ['0469', 1000, 'pressure', 'bar', 10],
    ['0422', 2, 'on_time', 's', 7200],
    ['0427', 2, 'operating_time', 's', 172800],
    ['046E', 1000, 'hca', 'hca', 1000],
    ['0474', 10, 'actuality_duration', 's', 10],
    ['04FB00', 1000, 'energy', 'kWh', 100000], // 10^-1 MWh
    ['04FB09', 1000, 'energy', 'kWh', 1000e9 / 3.6e6], // 1 GJ
    ['04FD48', 2300, 'voltage', 'V', 230],
    ['04FD59', 1500, 'current', 'A', 1.5],
    ['04FB1A', 455, 'relative_humidity', '%', 45.5],
    ['04FB2E', 500, 'frequency', 'Hz', 50],
    ['04FD74', 10, 'remaining_battery_life', 's', 864000],
  ])('VIF %s: raw %d -> %s %s %d', (difvif, raw, quantity, unit, value) => {
    const le = [raw & 0xff, (raw >> 8) & 0xff, (raw >> 16) & 0xff, (raw >> 24) & 0xff];
    const [r] = dec(difvif + Buffer.from(le).toString('hex'));
    expect(r.quantity).toBe(quantity);
    expect(r.unit).toBe(unit);
    expect(r.value).toBeCloseTo(value, 9);
  });

  it('applies combinable VIFEs: reverse accumulation, multiplicative correction, phases', () => {
    const [rev] = dec('04933C' + '0A000000');
    expect(rev.register).toBe('reverse');
    expect(rev.value).toBe(0.01);
    const [scaled] = dec('04937D' + '10000000'); // 0x7D: x 10^3
    expect(scaled.value).toBe(16);
    const [phase] = dec('04FDC8FC01' + 'E6000000'); // volts 10^-1 at phase L1
    expect(phase.register).toBe('L1');
    expect(phase.value).toBeCloseTo(23, 10);
  });

  it('keeps manufacturer VIFs and their VIFEs raw', () => {
    const [r] = dec('04FF2301000000');
    expect(r.vifCode).toBe(0xff00);
    expect(r.vife).toEqual([0x23]);
    expect(r.kind).toBe('raw');
    expect(r.rawValue).toBe(1);
    expect(r.key).toBe('04FF23');
  });

  it('reads plain-text VIFs', () => {
    const [r] = dec('047C03' + '6D6B67' + '05000000');
    expect(r.plainTextUnit).toBe('gkm');
    expect(r.rawValue).toBe(5);
  });

  it('identifies fabrication number and firmware/model/software versions', () => {
    const r = dec('0C78' + '78563412' + '01FD0E07' + '01FD0C02' + '02FD0F0304');
    expect(r[0].quantity).toBe('fabrication_no');
    expect(r[0].text).toBe('12345678');
    expect(r.slice(1).map((x) => x.quantity)).toEqual(['firmware_version', 'model_version', 'software_version']);
    expect(r[3].rawValue).toBe(0x0403);
  });

  it('decodes the inverse compact profile (OMS) with its spacing', () => {
    // 8D04 93 13: storage 8, volume litres, inverse compact profile; LVAR 6: control 0x62 (increment, hours, int16), spacing 1
    const [r] = dec('8D049313' + '06' + '6201' + '0A00' + '1400');
    expect(r.profile).toEqual({ mode: 'increment', spacingSeconds: 3600, inverse: true, values: [0.01, 0.02] });
  });
});

describe('date types', () => {
  it('G: 2019-03-20', () => {
    // day 20, month 3, year 19: lo = 20 | (19 & 7) << 5 = 0x74, hi = 3 | (19 >> 3) << 4 = 0x23
    const d = decodeTypeG(Uint8Array.from([0x74, 0x23]));
    expect(formatMbusDate(d)).toBe('2019-03-20');
    expect(d.invalid).toBe(false);
  });
  it('F: 2019-03-20 12:57, invalid bit', () => {
    const d = decodeTypeF(Uint8Array.from([57, 12, 0x74, 0x23]));
    expect(formatMbusDate(d)).toBe('2019-03-20 12:57');
    expect(decodeTypeF(Uint8Array.from([57 | 0x80, 12, 0x74, 0x23])).invalid).toBe(true);
  });
  it('I: seconds', () => {
    expect(formatMbusDate(decodeTypeI(Uint8Array.from([5, 57, 12, 0x74, 0x23, 0])))).toBe('2019-03-20 12:57:05');
  });
  it('J: time of day', () => {
    expect(formatMbusDate(decodeTypeJ(Uint8Array.from([5, 4, 3])))).toBe('03:04:05');
  });
  it('date records carry text and at', () => {
    const r = dec('046D' + '390C7423' + '426C' + '7423');
    expect(r[0].text).toBe('2019-03-20 12:57');
    expect(r[0].at).toBe('2019-03-20T12:57:00.000Z');
    expect(r[1].storage).toBe(1);
    expect(r[1].text).toBe('2019-03-20');
  });
});

describe('recordsToMeasurements', () => {
  it('maps records to canonical measurements with storage, tariff, register and at', () => {
    const m = recordsToMeasurements(dec('0413' + 'E8030000' + '04933C' + '0A000000' + '8410' + '13' + '02000000' + '426C7423' + '4413' + '05000000' + '1B5A' + '123400'));
    expect(m).toEqual([
      { quantity: 'volume', value: 1, unit: 'm3', storage: 0, tariff: 0 },
      { quantity: 'volume', value: 0.01, unit: 'm3', storage: 0, tariff: 0, register: 'reverse' },
      { quantity: 'volume', value: 0.002, unit: 'm3', storage: 0, tariff: 1 },
      { quantity: 'volume', value: 0.005, unit: 'm3', storage: 1, tariff: 0, at: '2019-03-20T00:00:00.000Z' },
      { quantity: 'flow_temperature_max', value: 341.2, unit: 'degC', storage: 0, tariff: 0 },
    ]);
  });
});

describe('errors', () => {
  it('a record running past the end is TRUNCATED', () => {
    for (const hex of ['0413010000', '84', '0C', '04FD', '0D13', '0D1305AA']) {
      let err: unknown;
      try {
        dec(hex);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CodecError);
      expect((err as CodecError).code).toBe('TRUNCATED');
    }
  });
  it('garbage gives a CodecError or records, never a TypeError', () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (let i = 0; i < 5000; i++) {
      const b = Uint8Array.from({ length: 1 + (i % 60) }, rnd);
      try {
        decodeDataRecords(b);
      } catch (e) {
        expect(e).toBeInstanceOf(CodecError);
      }
    }
  });
});

describe('history dating', () => {
  it('a storage interval (FD 28, months) at storage s0 with a date dates the later storages', () => {
    // storage 8: date 2020-12-31 (type G 9F2C), interval 1 month; storage 9 and 10 volumes.
    const m = recordsToMeasurements(dec('82046C9F2C' + '8104FD2801' + 'C40413' + '1B000000' + '840513' + '05000000'));
    expect(m.find((x) => x.storage === 9)?.at).toBe('2020-11-30T00:00:00.000Z');
    expect(m.find((x) => x.storage === 10)?.at).toBe('2020-10-31T00:00:00.000Z');
  });

  it('profile elements are dated from the base date (inverse: newest first; compact: chronological)', () => {
    // base date storage 8 = 2026-02-01 (type G 4132); inverse profile of HCA, BCD6 absolute, monthly (FE)
    const inv = recordsToMeasurements(dec('82046C4132' + '8D04EE13' + '08' + '3BFE' + '990000' + '520000'), { expandProfiles: true });
    expect(inv.filter((x) => x.register?.startsWith('profile')).map((x) => [x.value, x.at])).toEqual([
      [99, '2026-01-01T00:00:00.000Z'],
      [52, '2025-12-01T00:00:00.000Z'],
    ]);
    // compact profile (0x1F), increments (mode 01), int16, monthly, base 2019-10-31 (type G 7F2A)
    const fwd = recordsToMeasurements(dec('82046C7F2A' + '8D04EE1F' + '06' + '72FE' + '0300' + '1600'), { expandProfiles: true });
    expect(fwd.filter((x) => x.register?.startsWith('profile')).map((x) => [x.quantity, x.value, x.at])).toEqual([
      ['hca_increment', 3, '2019-11-30T00:00:00.000Z'],
      ['hca_increment', 22, '2019-12-31T00:00:00.000Z'],
    ]);
  });
});

describe('compact frames', () => {
  it('recordFormatBytes and expandCompactFrame are inverse', () => {
    const block = hexToBytes('0C13' + '78563412' + '0D13' + '02AABB' + '426C' + '7423' + '2F2F');
    const records = dec(Buffer.from(block).toString('hex'));
    const format = recordFormatBytes(records);
    expect(Buffer.from(format).toString('hex').toUpperCase()).toBe('0C130D13426C');
    const data = hexToBytes('78563412' + '02AABB' + '7423');
    expect(decodeDataRecords(expandCompactFrame(format, data)).map((r) => r.rawValue)).toEqual(records.map((r) => r.rawValue));
    let err: unknown;
    try {
      expandCompactFrame(format, data.subarray(0, 5));
    } catch (e) {
      err = e;
    }
    expect((err as CodecError).code).toBe('MALFORMED');
  });

  it('a tolerated incomplete tail keeps the records before it', () => {
    const r = decodeDataRecords(hexToBytes('0413010000002F2FDE47'), { tolerateIncompleteTail: true });
    expect(r.map((x) => x.quantity)).toEqual(['volume', 'incomplete_record']);
    expect(r[1].rawValue).toBe('DE47');
  });
});
