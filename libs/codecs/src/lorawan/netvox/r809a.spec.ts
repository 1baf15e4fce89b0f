import { CodecError } from '../../errors';
import { bytesToHex, hexToBytes } from '../../reader';
import { r809a } from './r809a';

const decode = (hex: string, fPort = 6) => r809a.decode({ bytes: hexToBytes(hex), fPort });
const hex = (cmd: Parameters<NonNullable<typeof r809a.encode>>[0]) => bytesToHex(r809a.encode?.(cmd).bytes ?? new Uint8Array());

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('netvox/r809a', () => {
  it('maps the status vector: energy in kWh, relay state, over-current alarm', () => {
    const d = decode('010e010100000200010000');
    expect(d.measurements).toEqual([
      { quantity: 'energy', value: 0.512, unit: 'kWh', register: '1.8.0' },
      { quantity: 'relay_state', value: 1, unit: '' },
    ]);
    expect(d.alarms).toEqual(['over_current']);
  });

  it('decodes the voltage/current/power report (hand-built from the vendor decoder layout)', () => {
    const d = decode('010e0200e603e8006e0000');
    expect(d.vendor).toEqual({ Device: 'R809A', Vol: 230, Current: 1000, Power: 110 });
    expect(d.measurements).toEqual([
      { quantity: 'voltage', value: 230, unit: 'V' },
      { quantity: 'current', value: 1, unit: 'A' },
      { quantity: 'power', value: 110, unit: 'W' },
    ]);
  });

  it('decodes the read-config response (hand-built)', () => {
    expect(decode('820e003c0e100064000100', 7).vendor).toEqual({
      Cmd: 'ReadConfigReportRsp',
      Device: 'R809A',
      MinTime: 60,
      MaxTime: 3600,
      CurrentChange: 100,
      PowerChange: 1,
    });
  });

  it('throws on short frames, unknown responses and ports', () => {
    expect(caught(() => decode('010e01010000'))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('900e000000000000000000', 7))?.code).toBe('UNSUPPORTED_FRAME');
    expect(caught(() => decode('010e010100000200010000', 1))?.code).toBe('UNSUPPORTED_PORT');
  });

  it('encodes relay, clear-energy, read-config and interval downlinks byte-exact (fPort 7)', () => {
    expect(hex({ type: 'relay', on: true })).toBe('910e000000000000000000');
    expect(hex({ type: 'relay', on: false })).toBe('900e000000000000000000');
    expect(hex({ type: 'reset_counter' })).toBe('930e000000000000000000');
    expect(hex({ type: 'read_config' })).toBe('020e000000000000000000');
    expect(hex({ type: 'reporting_interval', seconds: 60 })).toBe('010e003c003c0064000100');
    expect(r809a.encode?.({ type: 'relay', on: true }).fPort).toBe(7);
    expect(caught(() => r809a.encode?.({ type: 'reporting_interval', seconds: 1.5 }))?.code).toBe('INVALID_COMMAND');
    expect(caught(() => r809a.encode?.({ type: 'valve', open: true }))?.code).toBe('UNSUPPORTED_COMMAND');
  });
});
