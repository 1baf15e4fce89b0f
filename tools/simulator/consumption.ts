import { unit } from './rng';

/** Utilities the simulator plays. */
export type SimUtility = 'water' | 'gas' | 'heat' | 'electricity';

const HOUR = 3600;
const DAY = 86400;

/** Outdoor temperature (degC) at a Unix second: seasonal (coldest mid-January) and daily (warmest at 15:00). */
export function outdoorTemperature(time: number): number {
  const dayOfYear = ((time / DAY) % 365.2425) - 15;
  const seasonal = 9 - 11 * Math.cos((2 * Math.PI * dayOfYear) / 365.2425);
  const hour = (time % DAY) / HOUR;
  const daily = 4 * Math.cos((2 * Math.PI * (hour - 15)) / 24);
  return seasonal + daily;
}

/** A bump of height 1 centred on `at` (hours) with the given width, wrapping around midnight. */
function peak(hour: number, at: number, width: number): number {
  const d = Math.min(Math.abs(hour - at), 24 - Math.abs(hour - at));
  return Math.exp(-(d * d) / (2 * width * width));
}

const isWeekend = (time: number): boolean => {
  const weekday = new Date(time * 1000).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * Mean consumption of a household in the hour starting at `time` (Unix seconds, a whole hour), in base
 * units per hour: litres (water, gas) or Wh (heat, electricity). Local time is taken as UTC.
 *  - water: morning (07:00) and evening (20:00) peaks, two hours later at weekends, almost nothing at night;
 *  - gas: space heating below 15 degC outdoors plus cooking at noon and in the evening;
 *  - heat: heating load proportional to 18 degC minus the outdoor temperature, plus hot water;
 *  - electricity: base load plus morning and evening peaks, more daytime use at weekends.
 */
export function meanHourly(utility: SimUtility, time: number): number {
  const hour = (time % DAY) / HOUR;
  const weekend = isWeekend(time);
  const shift = weekend ? 2 : 0;
  switch (utility) {
    case 'water':
      return 2 + 45 * peak(hour, 7 + shift, 1.2) + 35 * peak(hour, 20 + shift / 2, 1.8) + (weekend ? 12 * peak(hour, 13, 3) : 0);
    case 'gas': {
      const heating = Math.max(0, 15 - outdoorTemperature(time)) * 22;
      return heating + 90 * peak(hour, 12 + shift / 2, 0.8) + 140 * peak(hour, 18.5, 1);
    }
    case 'heat': {
      const heating = Math.max(0, 18 - outdoorTemperature(time)) * 160;
      return heating + 350 * peak(hour, 7 + shift, 1) + 300 * peak(hour, 21, 1.5);
    }
    case 'electricity':
      return 180 + 600 * peak(hour, 7.5 + shift, 1) + 900 * peak(hour, 19.5, 2) + (weekend ? 350 * peak(hour, 13, 3) : 0);
  }
}

/**
 * The consumption of one meter in the hour starting at `hourStart`: its mean, scaled by the household's size,
 * with noise drawn from a stateless hash of (meter seed, hour), so any hour can be recomputed in any order.
 */
export function hourlyConsumption(utility: SimUtility, seed: number, scale: number, hourStart: number): number {
  const noise = 0.6 + 0.8 * unit(seed, hourStart / HOUR);
  return meanHourly(utility, hourStart) * scale * noise;
}
