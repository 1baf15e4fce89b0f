import { CodecError } from '../../errors';
import { bytesToHex, hexToBytes } from '../../reader';
import { sw3l } from './sw3l';

const decode = (hex: string, fPort: number) => sw3l.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('dragino/sw3l', () => {
  it('decodes the vector configuration frame (fPort 4), no measurements', () => {
    const d = decode('0d00007300a44a', 4);
    expect(d.vendor).toEqual({ Alarm_Timer: 42058, Stop_Timer: 0, TDC: 851968 });
    expect(d.measurements).toEqual([]);
  });

  it('maps a flow frame (fPort 2, hand-built from the vendor decoder layout) to pulses, volume and a leak alarm', () => {
    const d = decode('0200001194000065920080', 2);
    expect(d.vendor).toEqual({
      MOD: 0,
      Calculate_flag: 0,
      Alarm: 'TRUE',
      Water_flow_value: 10,
      Total_pulse: 4500,
      Data_time: '2024-01-01 00:00:00',
    });
    expect(d.measurements).toEqual([
      { quantity: 'pulse_count', value: 4500, unit: 'count', register: 'total', at: '2024-01-01T00:00:00.000Z' },
      { quantity: 'volume', value: 0.01, unit: 'm3', at: '2024-01-01T00:00:00.000Z' },
    ]);
    expect(d.alarms).toEqual(['leak']);
  });

  it('treats mode 1 as pulses since the last uplink (interval volume, flag 2 = 60 pulses/l)', () => {
    const d = decode('080000003c010065920080', 2);
    expect(d.vendor).toMatchObject({ MOD: 1, Calculate_flag: 2, Last_pulse: 60, Water_flow_value: 1 });
    expect(d.measurements[1]).toEqual({ quantity: 'interval_volume', value: 0.001, unit: 'm3', at: '2024-01-01T00:00:00.000Z' });
  });

  it('decodes a datalog (fPort 3) into history slots', () => {
    const d = decode('0001000000016865920080' + '020100000001c26592008c', 3);
    expect(d.vendor).toEqual({
      DATALOG: '[FALSE,0,1,360,0.8,2024-01-01 00:00:00],[TRUE,0,1,450,1.0,2024-01-01 00:00:12],',
    });
    expect(d.measurements.filter((m) => m.quantity === 'volume').map((m) => [m.value, m.storage])).toEqual([
      [0.0008, 1],
      [0.001, 2],
    ]);
  });

  it('decodes device status (fPort 5)', () => {
    const d = decode('11011201ff0e10', 5);
    expect(d.vendor).toEqual({ SENSOR_MODEL: 'SW3L', SUB_BAND: 'NULL', FREQUENCY_BAND: 'EU868', FIRMWARE_VERSION: '1.1.2', BAT: 3.6 });
    expect(d.device).toEqual({ firmware: '1.1.2', batteryVoltage: 3.6 });
  });

  it('throws TRUNCATED on short frames and the vendor error on an unknown port', () => {
    expect(caught(() => decode('0d0000', 4))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('0200001194', 2))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('00010000', 3))?.code).toBe('MALFORMED');
    const e = caught(() => decode('00', 9));
    expect(e?.code).toBe('UNSUPPORTED_PORT');
    expect(e?.message).toContain('unknown FPort');
  });

  it('encodes the TDC downlink byte-exact: 0x01 + uint24 BE seconds', () => {
    const d = sw3l.encode?.({ type: 'reporting_interval', seconds: 1200 });
    expect(d?.fPort).toBe(2);
    expect(bytesToHex(d?.bytes ?? new Uint8Array())).toBe('010004b0');
    expect(caught(() => sw3l.encode?.({ type: 'reporting_interval', seconds: 0 }))?.code).toBe('INVALID_COMMAND');
    expect(caught(() => sw3l.encode?.({ type: 'reporting_interval', seconds: 2 ** 24 }))?.code).toBe('INVALID_COMMAND');
    expect(caught(() => sw3l.encode?.({ type: 'relay', on: true }))?.code).toBe('UNSUPPORTED_COMMAND');
  });
});
