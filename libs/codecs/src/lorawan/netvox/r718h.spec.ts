import { CodecError } from '../../errors';
import { bytesToHex, hexToBytes } from '../../reader';
import { r718h } from './r718h';

const decode = (hex: string, fPort: number) => r718h.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('netvox/r718h', () => {
  it('maps the version report vector to device firmware/hardware', () => {
    const d = decode('011f006402202010090000', 6);
    expect(d.device).toEqual({ firmware: '10', hardware: '2' });
    expect(d.measurements).toEqual([]);
  });

  it('decodes a status report (hand-built from the Netvox R718H table): battery + pulse count', () => {
    const d = decode('011f0124012c0000000000', 6);
    expect(d.vendor).toEqual({ Device: 'R718H', Volt: 3.6, PulseCount: 300 });
    expect(d.measurements).toEqual([{ quantity: 'pulse_count', value: 300, unit: 'count' }]);
    expect(d.device).toEqual({ batteryVoltage: 3.6 });
    expect(d.alarms).toEqual([]);
  });

  it('flags a low battery as the vendor prints it', () => {
    const d = decode('011f019f00050000000000', 6);
    expect(d.vendor.Volt).toBe('3.1(low battery)');
    expect(d.alarms).toEqual(['low_battery']);
    expect(d.device?.batteryVoltage).toBe(3.1);
  });

  it('decodes the fPort 7 responses of the vectors', () => {
    expect(decode('821f038407080100000000', 7).vendor).toEqual({
      Cmd: 'ReadConfigReportRsp',
      Device: 'R718H',
      MinTime: 900,
      MaxTime: 1800,
      BatteryChange: 0.1,
    });
    expect(decode('841f010000000000000000', 7).vendor).toMatchObject({ FilterTime: 5 });
    expect(decode('861f000000000000000000', 7).vendor).toMatchObject({ PulseCounterClearMode: 'Clear when send' });
    expect(decode('811f010000000000000000', 7).vendor).toMatchObject({ Status: 'Failure' });
  });

  it('throws TRUNCATED, UNSUPPORTED_FRAME and UNSUPPORTED_PORT with a reason', () => {
    expect(caught(() => decode('011f0124', 6))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('011f00640220', 6))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('991f000000000000000000', 7))?.code).toBe('UNSUPPORTED_FRAME');
    const e = caught(() => decode('011f0124012c0000000000', 5));
    expect(e?.code).toBe('UNSUPPORTED_PORT');
    expect(e?.message).toContain('unknown FPort');
  });

  it('warns on a foreign device type but still decodes', () => {
    const d = decode('01ff0124012c0000000000', 6);
    expect(d.warnings).toEqual(['unknown Netvox device type 0xff']);
    expect(d.vendor.Device).toBeUndefined();
  });

  it('encodes read-config and reporting-interval downlinks byte-exact on fPort 7', () => {
    const read = r718h.encode?.({ type: 'read_config' });
    expect(read?.fPort).toBe(7);
    expect(bytesToHex(read?.bytes ?? new Uint8Array())).toBe('021f000000000000000000');
    const cfg = r718h.encode?.({ type: 'reporting_interval', seconds: 900 });
    expect(cfg?.fPort).toBe(7);
    expect(bytesToHex(cfg?.bytes ?? new Uint8Array())).toBe('011f038403840100000000');
    expect(caught(() => r718h.encode?.({ type: 'reporting_interval', seconds: 0 }))?.code).toBe('INVALID_COMMAND');
    expect(caught(() => r718h.encode?.({ type: 'reporting_interval', seconds: 65536 }))?.code).toBe('INVALID_COMMAND');
    expect(caught(() => r718h.encode?.({ type: 'reset_counter' }))?.code).toBe('UNSUPPORTED_COMMAND');
  });
});
