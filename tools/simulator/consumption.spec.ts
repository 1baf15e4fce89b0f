import { hourlyConsumption, meanHourly, outdoorTemperature } from './consumption';
import { ENCODERS } from './encoders';
import { LEAK_LITRES_PER_HOUR, MeterClock, increment } from './meter';
import type { VirtualMeter } from './meter';

const HOUR = 3600;
/** Monday 2026-01-12 00:00 UTC. */
const MONDAY = Date.UTC(2026, 0, 12) / 1000;
const SATURDAY = MONDAY + 5 * 86400;
const at = (day: number, hour: number): number => day + hour * HOUR;
const argmax = (values: number[]): number => values.indexOf(Math.max(...values));
const profile = (utility: Parameters<typeof meanHourly>[0], day: number): number[] => Array.from({ length: 24 }, (_, h) => meanHourly(utility, at(day, h)));

function meter(overrides: Partial<VirtualMeter> = {}): VirtualMeter {
  const encoder = ENCODERS[0].encoder;
  return {
    index: 0, encoder, utility: 'water', devEui: 'f000000000000000', devAddr: '26000000', serial: 12345678, name: 'm',
    seed: 42, scale: 1, scenario: 'normal', scenarioFrom: MONDAY, initial: 1000, epoch: MONDAY - 86400, battery: 90, batteryDrain: 0.01,
    ...overrides,
  };
}

describe('consumption model', () => {
  it('water: morning and evening peaks on weekdays, two hours later at weekends, almost nothing at night', () => {
    const weekday = profile('water', MONDAY);
    expect(argmax(weekday.slice(0, 12))).toBe(7);
    expect(argmax(weekday.slice(12)) + 12).toBe(20);
    expect(weekday[3]).toBeLessThan(weekday[7] / 10);
    expect(argmax(profile('water', SATURDAY).slice(0, 12))).toBe(9);
  });

  it('heat and gas follow the outdoor temperature: more in January than in July', () => {
    const july = Date.UTC(2026, 6, 13) / 1000;
    expect(outdoorTemperature(MONDAY)).toBeLessThan(outdoorTemperature(july) - 15);
    const daily = (u: 'heat' | 'gas', day: number): number => profile(u, day).reduce((s, v) => s + v, 0);
    expect(daily('heat', MONDAY)).toBeGreaterThan(3 * daily('heat', july));
    expect(daily('gas', MONDAY)).toBeGreaterThan(2 * daily('gas', july));
  });

  it('electricity: a base load at night and an evening peak', () => {
    const p = profile('electricity', MONDAY);
    expect(Math.min(...p)).toBeGreaterThan(150);
    expect(argmax(p)).toBe(19);
  });

  it('is deterministic by seed and differs between seeds', () => {
    expect(hourlyConsumption('water', 7, 1, at(MONDAY, 8))).toBe(hourlyConsumption('water', 7, 1, at(MONDAY, 8)));
    expect(hourlyConsumption('water', 7, 1, at(MONDAY, 8))).not.toBe(hourlyConsumption('water', 8, 1, at(MONDAY, 8)));
  });

  it('registers never go down and the hourly history steps up to the current register', () => {
    const clock = new MeterClock(meter());
    let last = -1;
    for (let t = MONDAY; t < MONDAY + 7 * 86400; t += 1234) {
      const s = clock.snapshot(t, 0);
      expect(s.total).toBeGreaterThanOrEqual(last);
      expect(s.hourly).toHaveLength(24);
      for (let i = 1; i < 24; i++) expect(s.hourly[i]).toBeGreaterThanOrEqual(s.hourly[i - 1]);
      expect(s.hourly[23]).toBe(s.total);
      last = s.total;
    }
  });

  it('the register grows within the hour too, so live reports every few seconds show consumption', () => {
    const clock = new MeterClock(meter({ encoder: ENCODERS[0].encoder }));
    const early = clock.snapshot(at(MONDAY, 7) + 600, 0).total;
    const late = clock.snapshot(at(MONDAY, 7) + 3000, 0).total;
    expect(late - early).toBeGreaterThan(10);
  });

  it('a leak adds a constant night flow and raises the leak flag; a stuck meter stops counting', () => {
    const leak = meter({ scenario: 'leak' });
    expect(increment(leak, at(MONDAY, 3)) - increment(meter(), at(MONDAY, 3))).toBeCloseTo(LEAK_LITRES_PER_HOUR, 9);
    expect(new MeterClock(leak).snapshot(at(MONDAY, 12), 0).alarms.leak).toBe(true);
    expect(new MeterClock(meter()).snapshot(at(MONDAY, 12), 0).alarms.leak).toBe(false);
    const stuck = new MeterClock(meter({ scenario: 'stuck', scenarioFrom: at(MONDAY, 6) }));
    const a = stuck.snapshot(at(MONDAY, 8), 0).total;
    expect(stuck.snapshot(at(MONDAY + 86400, 8), 0).total).toBe(a);
  });

  it('the battery declines and raises a low-battery alarm below 15 %', () => {
    const clock = new MeterClock(meter({ battery: 20, batteryDrain: 1 }));
    expect(clock.snapshot(MONDAY, 0).alarms.lowBattery).toBe(false);
    const later = clock.snapshot(MONDAY + 10 * 86400, 0);
    expect(later.batteryPercent).toBeCloseTo(9, 6);
    expect(later.alarms.lowBattery).toBe(true);
  });
});
