import { decodeUplink } from '@app/codecs';
import type { DecodedPayload } from '@app/codecs';
import { ENCODERS } from '.';
import { adeunisPulseEncoder } from './adeunis-pulse';
import { adeunisTicLinkyEncoder } from './adeunis-tic-linky';
import { elvacoCmi4140Encoder } from './elvaco-cmi4140';
import { emuProfIIEncoder } from './emu-prof-ii';
import { milesightEm300DiEncoder } from './milesight-em300-di';
import { qalcosonicW1Encoder } from './qalcosonic-w1';
import { sensusIperlEncoder } from './sensus-iperl';
import type { MeterSnapshot, SnapshotAlarms, UplinkEncoder } from './types';

const TIME = Date.UTC(2026, 1, 3, 14) / 1000;
const NO_ALARMS: SnapshotAlarms = { leak: false, magnetic: false, lowBattery: false, error: false };

function snapshot(total: number, alarms: Partial<SnapshotAlarms> = {}, step = 37): MeterSnapshot {
  return {
    time: TIME,
    total,
    hourly: Array.from({ length: 24 }, (_, i) => total - (23 - i) * step),
    volume: 123_456,
    power: 7_000,
    flowTemp: 71.25,
    returnTemp: 44.5,
    batteryPercent: 63,
    serial: 66031129,
    counter: 5,
    alarms: { ...NO_ALARMS, ...alarms },
  };
}

/** Encodes, then decodes every frame with the codec library's decoder. */
const roundTrip = (e: UplinkEncoder, s: MeterSnapshot): DecodedPayload[] =>
  e.encode(s).map((f) => decodeUplink(e.codecId, f.fPort, f.bytes, new Date(s.time * 1000).toISOString()));
const value = (d: DecodedPayload, quantity: string): number | undefined => d.measurements.find((m) => m.quantity === quantity && !m.storage)?.value;

describe('uplink encoders: encode -> bytes -> the library decoder gives the registers back', () => {
  it('axioma/qalcosonic-w1: current volume, log volume 23 h earlier, 23 hourly deltas, leak/battery/error status', () => {
    const [d] = roundTrip(qalcosonicW1Encoder, snapshot(845_123));
    expect(value(d, 'volume')).toBe(845.123);
    const log = d.measurements.find((m) => m.register === 'log');
    expect(log).toMatchObject({ value: 845.123 - 23 * 0.037, at: new Date((TIME - 23 * 3600) * 1000).toISOString() });
    expect(d.measurements.filter((m) => m.quantity === 'interval_volume').map((m) => m.value)).toEqual(new Array(23).fill(0.037));
    expect(d.alarms).toEqual([]);
    expect(roundTrip(qalcosonicW1Encoder, snapshot(1000, { leak: true, lowBattery: true, error: true }))[0].alarms).toEqual(['low_battery', 'permanent_error', 'leak']);
  });

  it('sensus/iperl: volume in litres, error flags as magnetic tamper, leak, low battery, hardware error', () => {
    const [d] = roundTrip(sensusIperlEncoder, snapshot(25_041_978));
    expect(value(d, 'volume')).toBe(25041.978);
    expect(d.alarms).toEqual([]);
    const [a] = roundTrip(sensusIperlEncoder, snapshot(10, { magnetic: true, leak: true, lowBattery: true, error: true }));
    expect(a.alarms.sort()).toEqual(['hardware_error', 'leak', 'low_battery', 'magnetic_tamper']);
  });

  it('adeunis/pulse: pulses of 10 litres on channel A with a timestamp; tamper and leak in a keep-alive', () => {
    const frames = roundTrip(adeunisPulseEncoder, snapshot(1_234_560));
    expect(frames).toHaveLength(1);
    expect(frames[0].measurements[0]).toEqual({ quantity: 'pulse_count', value: 123_456, unit: 'count', register: 'A', at: new Date(TIME * 1000).toISOString() });
    const alarmed = roundTrip(adeunisPulseEncoder, snapshot(1_234_560, { magnetic: true, leak: true, lowBattery: true }));
    expect(alarmed).toHaveLength(2);
    expect(alarmed[0].alarms).toEqual(['low_battery']);
    expect(alarmed[1].alarms).toEqual(['low_battery', 'tamper', 'leak']);
  });

  it('milesight-iot/em300-di: battery percent and pulse counter', () => {
    const [d] = roundTrip(milesightEm300DiEncoder, snapshot(99_990));
    expect(value(d, 'pulse_count')).toBe(9_999);
    expect(d.device?.batteryPercent).toBe(63);
  });

  it('elvaco/cmi4140: energy, volume, power, flow, temperatures, serial; a broken meter sets error flags', () => {
    const [d] = roundTrip(elvacoCmi4140Encoder, snapshot(24_322_100));
    expect(value(d, 'energy')).toBeCloseTo(24_322.1, 6);
    expect(value(d, 'volume')).toBe(123.456);
    expect(value(d, 'power')).toBe(7000);
    expect(value(d, 'flow_temperature')).toBe(71.25);
    expect(value(d, 'return_temperature')).toBe(44.5);
    expect(value(d, 'volume_flow')).toBeCloseTo(7 / (1.163 * 26.75), 2);
    expect(d.device).toMatchObject({ serial: '66031129', errorFlags: 0 });
    expect(roundTrip(elvacoCmi4140Encoder, snapshot(100, { error: true }))[0].device?.errorFlags).toBe(0x100);
  });

  it('adeunis/tic-cbe-linky-mono: BASE index in kWh, current and apparent power; a read error is a communication error', () => {
    const [d] = roundTrip(adeunisTicLinkyEncoder, snapshot(12_345_678));
    expect(d.measurements.find((m) => m.register === '1.8.0')).toEqual({ quantity: 'energy', value: 12_345.678, unit: 'kWh', register: '1.8.0', tariff: 0 });
    expect(value(d, 'apparent_power')).toBe(7000);
    expect(value(d, 'current')).toBe(30);
    expect(roundTrip(adeunisTicLinkyEncoder, snapshot(1, { error: true, lowBattery: true }))[0].alarms).toEqual(['low_battery', 'communication_error']);
  });

  it('emu/emu-prof-ii: active energy import T1 and power with a valid CRC', () => {
    const [d] = roundTrip(emuProfIIEncoder, snapshot(40_000_123));
    expect(d.warnings).toBeUndefined();
    expect(d.measurements.find((m) => m.quantity === 'energy')).toMatchObject({ value: 40_000.123, unit: 'kWh', register: '1.8.1' });
    expect(value(d, 'power')).toBe(7000);
  });

  it('every encoder in the list round-trips zero and large registers without a decoder error or warning', () => {
    for (const { encoder } of ENCODERS) {
      for (const total of [0, 1_000, 987_654_321]) {
        const s = snapshot(total, {}, total > 1000 ? 400 : 0);
        for (const d of roundTrip(encoder, s)) {
          expect(d.codec).toBe(encoder.codecId);
          expect(d.warnings ?? []).toEqual([]);
        }
      }
    }
  });
});
