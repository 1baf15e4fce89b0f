import { ENCODERS } from './encoders';
import type { UplinkEncoder } from './encoders';
import type { Scenario, VirtualMeter } from './meter';
import { Rng, hashSeed } from './rng';

const DAY = 86400;

/** Shares of the fleet with a scenario other than normal; battery decline is independent of them. */
export const SCENARIO_SHARES: readonly [Scenario, number][] = [
  ['leak', 0.05],
  ['tamper', 0.03],
  ['stuck', 0.01],
  ['garbage', 0.01],
  ['error', 0.01],
];
/** Share of meters whose battery declines fast enough to raise a low-battery alarm within weeks. */
export const FAST_DRAIN_SHARE = 0.05;

/** Registers (base units) a meter starts from: water and gas litres, heat and electricity Wh. */
const INITIAL: Record<UplinkEncoder['utility'], [number, number]> = {
  water: [20_000, 900_000],
  gas: [100_000, 4_000_000],
  heat: [1_000_000, 60_000_000],
  electricity: [500_000, 40_000_000],
};

function pickEncoder(rng: Rng): UplinkEncoder {
  const total = ENCODERS.reduce((s, e) => s + e.weight, 0);
  let x = rng.next() * total;
  for (const e of ENCODERS) {
    x -= e.weight;
    if (x < 0) return e.encoder;
  }
  return ENCODERS[ENCODERS.length - 1].encoder;
}

function pickScenario(rng: Rng, encoder: UplinkEncoder): Scenario {
  let x = rng.next();
  for (const [scenario, share] of SCENARIO_SHARES) {
    x -= share;
    if (x >= 0) continue;
    if (scenario === 'leak' && encoder.utility !== 'water' && encoder.utility !== 'gas') return 'normal';
    if (scenario === 'tamper' && !encoder.tamper) return 'normal';
    return scenario;
  }
  return 'normal';
}

export interface FleetOptions {
  meters: number;
  seed: number;
  /** Unix second the registers count from (the start of the simulated time line). */
  epoch: number;
}

/** `meters` virtual meters of mixed models, each a pure function of (seed, index). */
export function buildFleet(options: FleetOptions): VirtualMeter[] {
  const tag = (hashSeed(`fleet:${options.seed}`) & 0xffffff).toString(16).padStart(6, '0');
  const fleet: VirtualMeter[] = [];
  for (let index = 0; index < options.meters; index++) {
    const rng = new Rng(hashSeed(`meter:${options.seed}:${index}`));
    const encoder = pickEncoder(rng);
    const scenario = pickScenario(rng, encoder);
    const [lo, hi] = INITIAL[encoder.utility];
    const fastDrain = rng.chance(FAST_DRAIN_SHARE);
    fleet.push({
      index,
      encoder,
      utility: encoder.utility,
      devEui: `f0${tag}${index.toString(16).padStart(8, '0')}`,
      devAddr: (0x26000000 + ((hashSeed(`${tag}:${index}`) & 0x00ffffff) >>> 0)).toString(16).padStart(8, '0'),
      serial: 10_000_000 + ((options.seed * 7919 + index) % 90_000_000),
      name: `sim-${encoder.utility}-${String(index).padStart(5, '0')}`,
      seed: hashSeed(`consumption:${options.seed}:${index}`),
      scale: 0.5 + rng.next() * 1.5,
      scenario,
      scenarioFrom: options.epoch + Math.floor(rng.next() * 2 * DAY),
      initial: Math.floor(lo + rng.next() * (hi - lo)),
      epoch: options.epoch,
      battery: fastDrain ? 30 + rng.next() * 20 : 70 + rng.next() * 30,
      batteryDrain: fastDrain ? 0.5 + rng.next() : 0.005,
    });
  }
  return fleet;
}
