import type { ChirpStackTarget, EventName } from './events';
import { eventTopic, joinEvent, statusEvent, upEvent } from './events';
import type { FaultName, FaultRates } from './faults';
import { NO_FAULTS, garbage } from './faults';
import { buildFleet } from './fleet';
import { MeterClock } from './meter';
import type { VirtualMeter } from './meter';
import { Rng, hashSeed } from './rng';

const DAY = 86400;
const HOUR = 3600;

export interface SimulationOptions {
  meters: number;
  seed: number;
  /** Unix second of "now": live uplinks start here. */
  now: number;
  /** Live mode: seconds between two uplinks of one meter (the CLI uses meters / rate). */
  interval: number;
  /** Days of history before `now`, one uplink per meter per hour, emitted first. */
  backfillDays: number;
  target: ChirpStackTarget;
  faults: FaultRates;
  /** A status event after every this many uplinks of a meter. */
  statusEvery: number;
}

/** One MQTT message to publish, with what it is (for tests and the dry run's readers). */
export interface SimMessage {
  topic: string;
  payload: string;
  event: EventName;
  devEui: string;
  /** Simulated Unix second of the event. */
  time: number;
  /** The fault this message carries, if any. */
  fault?: FaultName;
}

interface DeviceState {
  clock: MeterClock;
  joined: boolean;
  fCnt: number;
  uplinks: number;
}

export const DEFAULT_TARGET: ChirpStackTarget = {
  tenantId: '52f14cd4-c6f1-4fbd-8f87-4025e1d49242',
  applicationId: '0b5e1a7e-51a0-4a7e-8000-000000000001',
  applicationName: 'open-hes-simulator',
};

export const defaultOptions = (overrides: Partial<SimulationOptions> = {}): SimulationOptions => ({
  meters: 10,
  seed: 1,
  now: Math.floor(Date.UTC(2026, 0, 12, 6) / 1000),
  interval: 900,
  backfillDays: 0,
  target: DEFAULT_TARGET,
  faults: NO_FAULTS,
  statusEvery: 24,
  ...overrides,
});

/** The time of round `r`: hourly through the backfill, then every `interval` from `now`. */
function roundTime(o: SimulationOptions, round: number, backfillRounds: number): number {
  return round < backfillRounds ? o.now - o.backfillDays * DAY + round * HOUR : o.now + (round - backfillRounds) * o.interval;
}

/** The events of one uplink slot of a meter: a join before its first uplink, the uplinks, a status now and then. */
function* slot(m: VirtualMeter, st: DeviceState, time: number, o: SimulationOptions, rng: Rng, faultRng: Rng): Generator<SimMessage> {
  const t = o.target;
  const message = (event: EventName, body: Record<string, unknown>, at: number): SimMessage => ({
    topic: eventTopic(t.applicationId, m.devEui, event),
    payload: JSON.stringify(body),
    event,
    devEui: m.devEui,
    time: at,
  });
  if (!st.joined) {
    st.joined = true;
    yield message('join', joinEvent(m, t, time - 5, rng), time - 5);
  }
  let reset = false;
  if (faultRng.chance(o.faults.reset)) {
    st.fCnt = 0;
    reset = true;
  }
  const snapshot = st.clock.snapshot(time, st.fCnt);
  const frames = m.scenario === 'garbage' && time >= m.scenarioFrom
    ? [{ fPort: rng.int(1, 223), bytes: Uint8Array.from({ length: rng.int(1, 40) }, () => rng.int(0, 255)) }]
    : m.encoder.encode(snapshot);
  for (const [k, f] of frames.entries()) {
    const at = time + k * 2;
    const body = upEvent(m, t, { time: at, fCnt: st.fCnt, fPort: f.fPort, bytes: f.bytes }, rng);
    st.fCnt = (st.fCnt + 1) >>> 0;
    const up = message('up', body, at);
    if (reset && k === 0) up.fault = 'reset';
    if (faultRng.chance(o.faults.garbage)) {
      up.payload = garbage(body, faultRng).payload;
      up.fault = 'garbage';
    }
    yield up;
  }
  st.uplinks += 1;
  if (st.uplinks % o.statusEvery === 0) yield message('status', statusEvent(m, t, time + 10, snapshot.batteryPercent, rng), time + 10);
}

/** Every message of the run, in publishing order, before faults that reorder or repeat messages. */
function* timeline(o: SimulationOptions, fleet: VirtualMeter[], rng: Rng, faultRng: Rng): Generator<SimMessage> {
  const states: DeviceState[] = fleet.map((m) => ({ clock: new MeterClock(m), joined: false, fCnt: 0, uplinks: 0 }));
  const backfillRounds = Math.round(o.backfillDays * 24);
  for (let round = 0; ; round++) {
    const start = roundTime(o, round, backfillRounds);
    const step = (round < backfillRounds ? HOUR : o.interval) / fleet.length;
    for (const m of fleet) yield* slot(m, states[m.index], Math.floor(start + m.index * step), o, rng, faultRng);
  }
}

/**
 * The simulation as an endless, deterministic stream of MQTT messages (pure: no clock, no I/O). The same
 * options give the same bytes. Duplicates re-publish a message as it was; out-of-order holds a message back
 * behind the next one.
 */
export function* simulate(options: SimulationOptions): Generator<SimMessage> {
  if (options.meters < 1) return;
  const epoch = options.now - options.backfillDays * DAY - DAY;
  const fleet = buildFleet({ meters: options.meters, seed: options.seed, epoch });
  const rng = new Rng(hashSeed(`events:${options.seed}`));
  const faultRng = new Rng(hashSeed(`faults:${options.seed}`));
  let held: SimMessage | undefined;
  for (const msg of timeline(options, fleet, rng, faultRng)) {
    if (!held && faultRng.chance(options.faults.ooo)) {
      held = { ...msg, fault: msg.fault ?? 'ooo' };
      continue;
    }
    yield msg;
    if (held) {
      yield held;
      held = undefined;
    }
    if (faultRng.chance(options.faults.dup)) yield { ...msg, fault: 'dup' };
  }
}

/** The fleet a simulation with these options plays (for the registry CSV). */
export function fleetOf(options: SimulationOptions): VirtualMeter[] {
  return buildFleet({ meters: options.meters, seed: options.seed, epoch: options.now - options.backfillDays * DAY - DAY });
}
