import { CodecError } from '../../errors';
import { bytesToHex, hexToBytes } from '../../reader';
import { r718n3 } from './r718n3';

const decode = (hex: string, fPort = 6) => r718n3.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('netvox/r718n3', () => {
  it('report 0x01 vector: L1 scaled by its multiplier, L2/L3 unscaled until report 0x02', () => {
    const d = decode('014a012403e800c81b5801');
    expect(d.measurements).toEqual([
      { quantity: 'current', value: 1, unit: 'A', register: 'L1' },
      { quantity: 'current_unscaled', value: 0.2, unit: 'A', register: 'L2' },
      { quantity: 'current_unscaled', value: 7, unit: 'A', register: 'L3' },
    ]);
    expect(d.device).toEqual({ batteryVoltage: 3.6 });
  });

  it('report 0x02 vector carries only multipliers', () => {
    const d = decode('014a0224030a0000000000');
    expect(d.measurements).toEqual([]);
    expect(d.vendor).toMatchObject({ Multiplier2: 3, Multiplier3: 10 });
  });

  it('report 0x03 vector: currents x packed multipliers (10, 5, 100)', () => {
    const d = decode('014a032403e800c81b5836');
    expect(d.measurements).toEqual([
      { quantity: 'current', value: 10, unit: 'A', register: 'L1' },
      { quantity: 'current', value: 1, unit: 'A', register: 'L2' },
      { quantity: 'current', value: 700, unit: 'A', register: 'L3' },
    ]);
  });

  it('report 0x04 vector: low current -> threshold, high current -> over_current', () => {
    expect(decode('014a042439000000000000').alarms).toEqual(['threshold', 'over_current']);
    expect(decode('014a042401000000000000').alarms).toEqual(['threshold']);
    expect(decode('014a04a400000000000000').alarms).toEqual(['low_battery']);
  });

  it('decodes the fPort 7 responses, including the documented report-type responses', () => {
    expect(decode('824a038407080064000000', 7).vendor).toEqual({
      Cmd: 'ReadConfigReportRsp',
      Device: 'R718N3',
      MinTime: 900,
      MaxTime: 1800,
      CurrentChange: 100,
    });
    expect(decode('844a010000000000000000', 7).vendor).toEqual({ Cmd: 'GetReportTypeRsp', Device: 'R718N3', ReportTypeSet: 1 });
    expect(decode('814a000000000000000000', 7).vendor).toEqual({ Cmd: 'ConfigReportRsp', Device: 'R718N3', Status: 'Success' });
  });

  it('throws on short frames and foreign ports', () => {
    expect(caught(() => decode('014a032403e800c81b58'))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('014a0124', 6))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('014a0124', 8))?.code).toBe('UNSUPPORTED_PORT');
  });

  it('encodes the documented ConfigReportReq example bytes for 900/1800 s shape (fixed period here)', () => {
    expect(bytesToHex(r718n3.encode?.({ type: 'reporting_interval', seconds: 900 }).bytes ?? new Uint8Array())).toBe(
      '014a038403840064000000',
    );
    expect(bytesToHex(r718n3.encode?.({ type: 'read_config' }).bytes ?? new Uint8Array())).toBe('024a000000000000000000');
    expect(r718n3.encode?.({ type: 'read_config' }).fPort).toBe(7);
    expect(caught(() => r718n3.encode?.({ type: 'relay', on: true }))?.code).toBe('UNSUPPORTED_COMMAND');
  });
});
