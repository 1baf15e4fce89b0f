import { CodecError } from '../../errors';
import { bytesToHex, hexToBytes } from '../../reader';
import { lrs2m0014xxx } from './lrs2m001-4xxx';

const decode = (hex: string, fPort: number) => lrs2m0014xxx.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('arwin-technology/lrs2m001-4xxx', () => {
  it('maps the meter vector: phase voltages, frequency, battery, voltage alarms', () => {
    const d = decode('0a089807bc097400c81850', 10);
    expect(d.measurements).toEqual([
      { quantity: 'voltage', value: 220, unit: 'V', register: 'L1' },
      { quantity: 'voltage', value: 198, unit: 'V', register: 'L2' },
      { quantity: 'voltage', value: 242, unit: 'V', register: 'L3' },
      { quantity: 'frequency', value: 50, unit: 'Hz' },
    ]);
    expect(d.device).toEqual({ batteryPercent: 80 });
    expect(d.alarms).toEqual(['over_voltage', 'under_voltage']);
  });

  it('maps a phase vector: current, power, power factor, energy in kWh, over-current alarm', () => {
    const d = decode('0a46fd1504ff6b0000ddd5', 50);
    expect(d.measurements).toEqual([
      { quantity: 'current', value: 178.9, unit: 'A', register: 'ch1.A' },
      { quantity: 'power', value: 34438.3, unit: 'W', register: 'ch1.A' },
      { quantity: 'power_factor', value: 0.875, unit: '', register: 'ch1.A' },
      { quantity: 'energy', value: 5678.9, unit: 'kWh', register: 'ch1.A' },
    ]);
    expect(d.alarms).toEqual(['over_current']);
  });

  it('decodes negative active power (channel 4, upstream example) and the channel of each port', () => {
    const d = decode('0ae1ce9d3a1b520008aa54', 60);
    expect(d.vendor).toEqual({
      channel: 4,
      phase: 'B',
      event: 'over_current,heartbeat/button',
      current: 865.4,
      active_pow: -161829.8,
      power_factor: 0.85,
      active_energy: 56789.2,
    });
    expect(decode('0a183d4794278401 6b1ae2'.replace(' ', ''), 55).vendor).toMatchObject({ channel: 2, phase: 'C', event: '' });
  });

  it('decodes status (fPort 9) and latency settings (fPort 17), hand-built from the vendor decoder', () => {
    expect(decode('0100000a0e1055000003e8', 9).vendor).toEqual({
      firmwareVersion: '1.00.010',
      batteryLevel: 3600,
      batteryPercentage: 85,
      uplinkCount: 1000,
    });
    expect(decode('0a003c001e01', 17).vendor).toEqual({ overCurrentLatency: 60, normalCurrentLatency: 30, uplinkAlertClear: 'enable' });
    expect(decode('0a000f00c300f58064', 16).vendor).toMatchObject({ overCurrentLimit: 10 });
  });

  it('throws on unknown packet types, ports and short frames', () => {
    expect(caught(() => decode('0b46fd1504ff6b0000ddd5', 50))?.message).toContain('unknown packet type');
    expect(caught(() => decode('0a', 12))?.message).toContain('unknown FPort');
    expect(caught(() => decode('0a46fd1504', 51))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('0100', 8))?.code).toBe('TRUNCATED');
  });

  it('encodes the get-settings downlink (fPort 21, [0]) and refuses others', () => {
    const e = lrs2m0014xxx.encode?.({ type: 'read_config' });
    expect(e?.fPort).toBe(21);
    expect(bytesToHex(e?.bytes ?? new Uint8Array())).toBe('00');
    expect(caught(() => lrs2m0014xxx.encode?.({ type: 'reporting_interval', seconds: 900 }))?.code).toBe('UNSUPPORTED_COMMAND');
  });
});
