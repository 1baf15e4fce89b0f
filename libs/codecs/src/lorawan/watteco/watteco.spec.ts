import { CodecError } from '../../errors';
import { bytesToHex, hexToBytes } from '../../reader';
import { decodeUplink, encodeDownlink } from '../../registry';
import type { DecodedPayload } from '../../types';
import { lorawanVectors } from '../../../test/vectors';

const RECV = '2023-07-19T07:51:25.508306410Z';
const AT = '2023-07-19T07:51:25.508Z';
/** `null` = no recvTime. */
const decode = (codec: string, hex: string, recvTime: string | null = RECV): DecodedPayload =>
  decodeUplink(codec, 125, hexToBytes(hex), recvTime ?? undefined);
const vector = (id: string): DecodedPayload => {
  const v = lorawanVectors().find((x) => x.id === id);
  if (!v) throw new Error(`no vector ${id}`);
  return decodeUplink(v.codec, v.fPort, hexToBytes(v.hex), v.recvTime);
};
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('watteco: canonical mapping of the vectors', () => {
  it('pulse-senso: count and state of input 1, firmware', () => {
    expect(vector('lw-watteco-pulse-senso-02').measurements).toEqual([
      { quantity: 'pulse_count', value: 0, unit: 'count', register: 'input_1', at: AT },
    ]);
    expect(vector('lw-watteco-pulse-senso-01').measurements).toEqual([
      { quantity: 'input_state', value: 1, unit: '', register: 'input_1', at: AT },
    ]);
    expect(vector('lw-watteco-pulse-senso-03').device).toEqual({ firmware: '3.5.2.5602' });
  });

  it('pulse-senso batch: hourly counts per input, dated back from recvTime', () => {
    const m = vector('lw-watteco-pulse-senso-05').measurements;
    expect(m).toHaveLength(12);
    expect(m.filter((x) => x.register === 'input_2').map((x) => [x.at, x.value])).toEqual([
      ['2023-07-19T04:51:25.508Z', 67108864],
      ['2023-07-19T05:51:25.508Z', 67108864],
      ['2023-07-19T06:51:25.508Z', 67108864],
      ['2023-07-19T07:51:25.508Z', 67108864],
    ]);
  });

  it('smartplug: energy in kWh, powers, relay state, power quality', () => {
    expect(vector('lw-watteco-smartplug-02').measurements).toEqual([
      { quantity: 'energy', value: 0.071, unit: 'kWh', at: AT },
      { quantity: 'reactive_energy', value: -0.066, unit: 'kvarh', at: AT },
      { quantity: 'power', value: 47, unit: 'W', at: AT },
      { quantity: 'reactive_power', value: -42, unit: 'var', at: AT },
    ]);
    expect(vector('lw-watteco-smartplug-01').measurements).toEqual([{ quantity: 'relay_state', value: 1, unit: '', at: AT }]);
    const pq = vector('lw-watteco-smartplug-03').measurements;
    expect(pq).toContainEqual({ quantity: 'frequency', value: 30.97, unit: 'Hz', at: AT });
    expect(pq).toContainEqual({ quantity: 'voltage', value: 0.1, unit: 'V', at: AT });
    expect(pq).toContainEqual({ quantity: 'sag_count', value: 2, unit: 'count', at: AT });
  });

  it('triphaso: totals without register, phases L1..L3, export as reverse', () => {
    const total = vector('lw-watteco-triphaso-01').measurements;
    expect(total[0]).toEqual({ quantity: 'energy', value: 239.978, unit: 'kWh', at: AT });
    expect(total[3]).toEqual({ quantity: 'reactive_energy', value: 28.752, unit: 'kvarh', register: 'reverse', at: AT });
    const phaseA = vector('lw-watteco-triphaso-02');
    expect(phaseA.measurements[1]).toEqual({ quantity: 'energy', value: 0.516, unit: 'kWh', register: 'L1:reverse', at: AT });
    expect(phaseA.alarms).toEqual(['threshold']);
    expect(vector('lw-watteco-triphaso-04').measurements).toEqual([
      { quantity: 'voltage', value: 241.9, unit: 'V', register: 'L2', at: AT },
      { quantity: 'current', value: 26.9, unit: 'A', register: 'L2', at: AT },
      { quantity: 'phase_angle', value: 354, unit: '', register: 'L2', at: AT },
    ]);
    expect(vector('lw-watteco-triphaso-04').alarms).toEqual([]);
  });

  it('triphaso: multi-metering values the vendor prints unsigned are signed in the canonical part', () => {
    const d = vector('lw-watteco-triphaso-07');
    expect(d.vendor.reactive_power_a).toBe(4294966304);
    expect(d.measurements[1]).toEqual({ quantity: 'reactive_power', value: -992, unit: 'var', register: 'L1', at: AT });
    expect(d.measurements[7]).toEqual({ quantity: 'reactive_power', value: -6823, unit: 'var', at: AT });
  });
});

// Hand-built frames, laid out from the support.watteco.com cluster pages.
describe('watteco: layouts the vectors do not cover', () => {
  it('pulse-senso: count of input 2 (endpoint 1, frame control 0x31)', () => {
    const d = decode('watteco/pulse-senso', '310a000f04022300000064');
    expect(d.vendor).toEqual({ samples: [{ variable: 'index_2', value: 100, date: RECV }], index_2: 100 });
    expect(d.measurements).toEqual([{ quantity: 'pulse_count', value: 100, unit: 'count', register: 'input_2', at: AT }]);
  });

  it('pulse-senso: a read-attribute response keeps the raw field name (as the vendor does)', () => {
    const d = decode('watteco/pulse-senso', '1101000f040200230000000a');
    expect(d.vendor).toEqual({ samples: [{ variable: 'index', value: 10, date: RECV }], index: 10 });
    expect(d.measurements[0]).toMatchObject({ quantity: 'pulse_count', value: 10, register: 'input_1' });
  });

  it('pulse-senso: node power descriptor gives the battery voltage', () => {
    const d = decode('watteco/pulse-senso', '110a0050000641050004' + '0dac' + '04');
    expect(d.vendor.disposable_battery_voltage).toBe(3.5);
    expect(d.device).toEqual({ batteryVoltage: 3.5 });
  });

  it('pulse-senso: multi binary inputs hide inputs 4..10 as "NA"', () => {
    const d = decode('watteco/pulse-senso', '110a800500001900' + '05');
    const samples = d.vendor.samples as Array<{ variable: string; value: unknown }>;
    expect(samples.slice(0, 4).map((s) => [s.variable, s.value])).toEqual([
      ['pin_state_1', true],
      ['pin_state_2', false],
      ['pin_state_3', true],
      ['NA', 'NA'],
    ]);
  });

  it('pulse-senso: without recvTime the samples carry no date and no flattened keys', () => {
    const d = decode('watteco/pulse-senso', '110a000f00551001', null);
    expect(d.vendor).toEqual({ samples: [{ variable: 'pin_state_1', value: true }] });
    expect(d.measurements[0].at).toBeUndefined();
  });

  it('smartplug: configure-reporting response and read-reporting-configuration response', () => {
    expect(decode('watteco/smartplug', '1107005200000000').vendor).toEqual({
      report: 'standard',
      endpoint: 0,
      cmdID: '0x07',
      clustID: '0x0052',
      attID: '0x0000',
      status: 0,
      report_parameters: { new_mode_configuration: '0', cause_request: 'none', secured_if_alarm: '0', secured: '0', no_hearde_port: '0', batch: '0' },
    });
    const read = decode('watteco/smartplug', '11090006000000001080010e10' + '01');
    expect(read.vendor).toMatchObject({ attribut_type: 0x10, min: { value: 1, unit: 'minutes' }, max: { value: 3600, unit: 'seconds' } });
    expect(read.measurements).toEqual([]);
  });

  it('triphaso: voltage/current multi-metering of the three phases', () => {
    const d = decode('watteco/triphaso', '110a800d00004112' + '096000500010' + '096100510011' + '096200520012');
    expect(d.vendor).toMatchObject({ Vrms_a: 240, Irms_a: 8, angle_a: 16, Vrms_c: 240.2, Irms_c: 8.2, angle_c: 18 });
    expect(d.measurements.filter((m) => m.register === 'L3').map((m) => m.quantity)).toEqual(['voltage', 'current', 'phase_angle']);
  });

  it('triphaso: long threshold cause with 16-bit occurrence counts', () => {
    // 0x800B report, value, then report params 0x20 (long), cause 0x51 (threshold, exceed, #1),
    // field 1 (Irms), value 50 (5.0 A), gap 0, occurrences flag 0x80 + up 3 + down 4.
    const d = decode('watteco/triphaso', '110a800b000041060960005000102051010032000080000300' + '04');
    expect(d.warnings).toEqual(['cause:{alarm:false, criterion_index: 1, mode: threshold, crossing: exceed, value: 5, gap: 0, occurences_up: 3, occurences_down: 4, field: Irms}']);
  });

  it('refuses what the model does not decode, with a reason', () => {
    expect(codeOf(() => decode('watteco/smartplug', '110a04020000290800'))).toBe('UNSUPPORTED_FRAME');
    expect(codeOf(() => decode('watteco/smartplug', '110b000600001601'))).toBe('UNSUPPORTED_FRAME');
    expect(codeOf(() => decode('watteco/triphaso', '3203032cd2dc0000'))).toBe('UNSUPPORTED_FRAME');
    expect(codeOf(() => decode('watteco/pulse-senso', '3203032cd2dc0000', null))).toBe('MISSING_CONTEXT');
    expect(codeOf(() => decodeUplink('watteco/smartplug', 1, hexToBytes('110a000600001601')))).toBe('UNSUPPORTED_PORT');
    // A long cause on a "none"-typed attribute is unreadable for the vendor too.
    expect(codeOf(() => decode('watteco/pulse-senso', '110a000f0055100120510000000000'))).toBe('MALFORMED');
  });

  it.each([
    ['watteco/pulse-senso', '110a000f04022300000000'],
    ['watteco/smartplug', '310a00520000410c000047ffffbe0063002fffd6'],
    ['watteco/triphaso', '110a800b00004106094c030e0163'],
    ['watteco/smartplug', '1109005200000000418001'],
  ])('%s: every cut of %s is TRUNCATED', (codec, hex) => {
    const bytes = hexToBytes(hex);
    for (let n = 0; n < bytes.length; n++) {
      expect(codeOf(() => decodeUplink(codec, 125, bytes.subarray(0, n), RECV))).toBe('TRUNCATED');
    }
  });
});

describe('watteco: downlinks', () => {
  const hex = (codec: string, command: Parameters<typeof encodeDownlink>[1]) => {
    const out = encodeDownlink(codec, command);
    expect(out.fPort).toBe(125);
    return bytesToHex(out.bytes);
  };

  it('smartplug relay on/off are On/Off cluster commands', () => {
    expect(hex('watteco/smartplug', { type: 'relay', on: true })).toBe('1150000601');
    expect(hex('watteco/smartplug', { type: 'relay', on: false })).toBe('1150000600');
  });

  it('reporting interval: seconds up to 32767, whole minutes above (bit 15)', () => {
    expect(hex('watteco/smartplug', { type: 'reporting_interval', seconds: 600 })).toBe('1106005200000041025802580c' + '00'.repeat(12));
    expect(hex('watteco/smartplug', { type: 'reporting_interval', seconds: 36000 })).toBe('1106005200000041825882580c' + '00'.repeat(12));
    expect(hex('watteco/pulse-senso', { type: 'reporting_interval', seconds: 3600 })).toBe('1106000f00040223' + '0e10' + '0e10' + '00000000');
    expect(hex('watteco/triphaso', { type: 'reporting_interval', seconds: 900 })).toBe('7106800a00000041' + '0384' + '0384' + '20' + '00'.repeat(32));
  });

  it.each([0, -60, 1.5, 32768 + 1, 0x7fff * 60 + 60])('rejects interval %p with INVALID_COMMAND', (seconds) => {
    expect(codeOf(() => encodeDownlink('watteco/smartplug', { type: 'reporting_interval', seconds }))).toBe('INVALID_COMMAND');
  });

  it('models without a relay refuse relay commands', () => {
    expect(codeOf(() => encodeDownlink('watteco/pulse-senso', { type: 'relay', on: true }))).toBe('UNSUPPORTED_COMMAND');
    expect(codeOf(() => encodeDownlink('watteco/triphaso', { type: 'valve', open: true }))).toBe('UNSUPPORTED_COMMAND');
  });
});
