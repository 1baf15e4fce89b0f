import type { MeterSnapshot, UplinkEncoder } from './encoders';
import { hourlyConsumption, outdoorTemperature } from './consumption';
import type { SimUtility } from './consumption';
import { unit } from './rng';

const HOUR = 3600;
const DAY = 86400;

/** What goes wrong with a meter: nothing, a leak (constant night flow), tamper alarms, or a broken meter. */
export type Scenario = 'normal' | 'leak' | 'tamper' | 'stuck' | 'garbage' | 'error';

export interface VirtualMeter {
  index: number;
  encoder: UplinkEncoder;
  utility: SimUtility;
  devEui: string;
  devAddr: string;
  serial: number;
  name: string;
  seed: number;
  /** Household size: multiplies the utility's mean profile. */
  scale: number;
  scenario: Scenario;
  /** Unix second the scenario starts (leaks, tampering, breakage begin during the run). */
  scenarioFrom: number;
  /** The register when the simulation's clock starts (base units). */
  initial: number;
  /** Unix second of the simulation's start; registers count from there. */
  epoch: number;
  /** Battery percent at the epoch and its loss per day. */
  battery: number;
  batteryDrain: number;
}

/** Constant extra flow of a leak, litres per hour. */
export const LEAK_LITRES_PER_HOUR = 12;

/** What the register gains in the hour starting at `hourStart` (base units): nothing once a stuck meter broke. */
export function increment(m: VirtualMeter, hourStart: number): number {
  if (m.scenario === 'stuck' && hourStart >= m.scenarioFrom) return 0;
  const leak = m.scenario === 'leak' && hourStart >= m.scenarioFrom ? LEAK_LITRES_PER_HOUR : 0;
  return hourlyConsumption(m.utility, m.seed, m.scale, hourStart) + leak;
}

/**
 * Caches the running register of each meter: the simulator asks for ever later times, so each hour is
 * summed once. Registers are monotonic and a pure function of (meter, time).
 */
export class MeterClock {
  private hourStart: number;
  private register: number;
  private readonly history: number[] = [];

  constructor(private readonly meter: VirtualMeter) {
    this.hourStart = Math.floor(meter.epoch / HOUR) * HOUR;
    this.register = meter.initial;
  }

  private advance(toHour: number): void {
    if (toHour < this.hourStart) {
      this.hourStart = Math.floor(this.meter.epoch / HOUR) * HOUR;
      this.register = this.meter.initial;
      this.history.length = 0;
    }
    while (this.hourStart < toHour) {
      this.history.push(this.register);
      if (this.history.length > 24) this.history.shift();
      this.register += increment(this.meter, this.hourStart);
      this.hourStart += HOUR;
    }
  }

  /** The meter at `time`: register, the registers of the last 23 whole hours and of now, battery, alarms. */
  snapshot(time: number, counter: number): MeterSnapshot {
    const m = this.meter;
    const hour = Math.floor(time / HOUR) * HOUR;
    this.advance(hour);
    const res = m.encoder.resolution;
    const step = (v: number): number => Math.floor(v / res) * res;
    // within the hour the register grows linearly towards the next hour's value
    const current = this.register + (increment(m, hour) * (time - hour)) / HOUR;
    const hourly = [...this.history.slice(-22), this.register, current].map(step);
    while (hourly.length < 24) hourly.unshift(hourly[0]);
    const total = hourly[23];
    const days = (time - m.epoch) / DAY;
    const batteryPercent = Math.max(0, m.battery - m.batteryDrain * days);
    const active = time >= m.scenarioFrom;
    const now = hourlyConsumption(m.utility, m.seed, m.scale, hour);
    const outdoor = outdoorTemperature(time);
    const flowTemp = Math.round((55 + Math.max(0, 15 - outdoor) * 1.2) * 100) / 100;
    return {
      time,
      total,
      hourly,
      volume: Math.floor(total / 20),
      power: Math.round(now),
      flowTemp,
      returnTemp: Math.round((flowTemp - 8 - 20 * unit(m.seed, hour, 7)) * 100) / 100,
      batteryPercent,
      serial: m.serial,
      counter,
      alarms: {
        leak: m.scenario === 'leak' && active && time - m.scenarioFrom > 6 * HOUR,
        magnetic: m.scenario === 'tamper' && active && unit(m.seed, hour, 13) < 0.5,
        lowBattery: batteryPercent < 15,
        error: m.scenario === 'error' && active,
      },
    };
  }
}
