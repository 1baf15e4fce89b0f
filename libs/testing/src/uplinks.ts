import { connectAsync } from 'mqtt';
import type { MqttClient } from 'mqtt';
import { decodeUplink } from '@app/codecs';
import { sql } from '@app/clickhouse';
import type { ClickHouseStore } from '@app/clickhouse';
import { registrySerial } from '../../../tools/simulator/registry-csv';
import { DEFAULT_TARGET, defaultOptions, fleetOf, simulate } from '../../../tools/simulator/simulate';
import type { TestMeter } from './ingest-stack';
import { waitFor } from './ports';

/** One simulated ChirpStack `up` event to publish, with what ingest must store for it. */
export interface PlannedUplink {
  topic: string;
  payload: string;
  devEui: string;
  deduplicationId: string;
  /** Unix second of the event (`time`), the uplinks row's `ts`. */
  ts: number;
}

/** A fleet of simulated meters and a stream of their uplinks, with every reading they must produce. */
export interface UplinkPlan {
  meters: TestMeter[];
  uplinks: PlannedUplink[];
  /** Distinct reading keys (readingKey) the uplinks decode to: what `readings FINAL` must hold, each once. */
  readingKeys: Set<string>;
}

export interface UplinkPlanOptions {
  meters: number;
  count: number;
  seed: number;
  /** Unix second of the first round (default: so that the last uplink is an hour ago). */
  startSecond?: number;
  applicationId?: string;
}

/** The identity of one readings row under its ReplacingMergeTree key (device, ts, quantity, register, storage, tariff). */
export function readingKey(devEui: string, ts: number, quantity: string, register: string, storage: number, tariff: number): string {
  return `${devEui}|${ts}|${quantity}|${register}|${storage}|${tariff}`;
}

/**
 * Builds the uplinks with tools/simulator (its fleet, consumption models and codec encoders: real payloads that
 * libs/codecs decodes), `up` events only and no meter of the simulator's `garbage` scenario, so every uplink
 * decodes. Each meter reports once per round, one second after the previous meter, so `ts` grows with the
 * publishing order. The expected readings come from decoding each payload with the codec the meter is
 * registered with: `ts` is the measurement's own time when the payload carries one, else the uplink's time.
 */
export function planUplinks(options: UplinkPlanOptions): UplinkPlan {
  const interval = options.meters;
  const rounds = Math.ceil(options.count / options.meters) + 1;
  const start = options.startSecond ?? Math.floor(Date.now() / 1000) - rounds * interval - 3600;
  const sim = defaultOptions({
    meters: options.meters,
    seed: options.seed,
    now: start,
    interval,
    target: { ...DEFAULT_TARGET, applicationId: options.applicationId ?? DEFAULT_TARGET.applicationId },
  });
  const fleet = fleetOf(sim);
  const garbage = new Set(fleet.filter((m) => m.scenario === 'garbage').map((m) => m.devEui));
  const codecOf = new Map(fleet.map((m) => [m.devEui, m.encoder.codecId]));
  const uplinks: PlannedUplink[] = [];
  const readingKeys = new Set<string>();
  for (const message of simulate(sim)) {
    if (uplinks.length >= options.count) break;
    if (message.event !== 'up' || garbage.has(message.devEui)) continue;
    const body = JSON.parse(message.payload) as { deduplicationId: string; time: string; fPort: number; data: string };
    uplinks.push({ topic: message.topic, payload: message.payload, devEui: message.devEui, deduplicationId: body.deduplicationId, ts: message.time });
    const decoded = decodeUplink(codecOf.get(message.devEui) as string, body.fPort, Buffer.from(body.data, 'base64'), body.time);
    for (const m of decoded.measurements) {
      const ts = m.at ? Math.floor(Date.parse(m.at) / 1000) : message.time;
      readingKeys.add(readingKey(message.devEui, ts, m.quantity, m.register ?? '', m.storage ?? 0, m.tariff ?? 0));
    }
  }
  const meters: TestMeter[] = fleet
    .filter((m) => !garbage.has(m.devEui))
    .map((m) => ({
      devEui: m.devEui,
      serial: registrySerial(m),
      vendor: m.encoder.vendor,
      model: m.encoder.model,
      utility: m.utility,
      codecId: m.encoder.codecId,
      registerUnit: m.encoder.registerUnit,
    }));
  return { meters, uplinks, readingKeys };
}

/** Several plans checked together (one database holds them all). */
export function combinePlans(...plans: UplinkPlan[]): UplinkPlan {
  return {
    meters: plans.flatMap((p) => p.meters),
    uplinks: plans.flatMap((p) => p.uplinks),
    readingKeys: new Set(plans.flatMap((p) => [...p.readingKeys])),
  };
}

/** For assertions: 'exact', or what is wrong. */
export function exactOrWhy(check: StoredCheck): string {
  return exact(check) ? 'exact' : describeCheck(check);
}

export interface PublishOptions {
  /** Publisher connections, each taking every n-th message (default 4). */
  connections?: number;
  /** Unacknowledged QoS 1 publishes per connection (default 200). */
  window?: number;
  /** Messages per second over all connections (default: as fast as the broker acknowledges). */
  rate?: number;
  /** Called with the index of each message when the broker acknowledged it. */
  onAck?: (index: number) => void;
}

export interface PublishResult {
  /** Date.now() when each message was handed to its connection. */
  sentAt: Float64Array;
  startedAt: number;
  finishedAt: number;
}

/**
 * Publishes at QoS 1 as fast as the broker acknowledges (or paced at `rate`): `connections` MQTT connections, each
 * keeping up to `window` publishes outstanding. Resolves when the broker acknowledged every message.
 */
export async function publishUplinks(url: string, messages: readonly { topic: string; payload: string }[], options: PublishOptions = {}): Promise<PublishResult> {
  const connections = options.connections ?? 4;
  const window = options.window ?? 200;
  const clients: MqttClient[] = [];
  try {
    for (let c = 0; c < connections; c++) {
      clients.push(await connectAsync(url, { clientId: `headend-test-pub-${process.pid}-${Date.now()}-${c}`, reconnectPeriod: 500, clean: true }));
    }
    const sentAt = new Float64Array(messages.length);
    const startedAt = Date.now();
    await Promise.all(clients.map((client, c) => new Promise<void>((resolve, reject) => {
      let next = c;
      let outstanding = 0;
      let timer: NodeJS.Timeout | undefined;
      const pump = (): void => {
        while (outstanding < window && next < messages.length) {
          const due = options.rate ? startedAt + (next / options.rate) * 1000 : 0;
          if (due > Date.now()) {
            if (!timer) timer = setTimeout(() => ((timer = undefined), pump()), due - Date.now());
            return;
          }
          const index = next;
          next += connections;
          outstanding++;
          sentAt[index] = Date.now();
          client.publish(messages[index].topic, messages[index].payload, { qos: 1 }, (error) => {
            if (error) return reject(error);
            outstanding--;
            options.onAck?.(index);
            if (next >= messages.length && outstanding === 0) resolve();
            else pump();
          });
        }
        if (next >= messages.length && outstanding === 0) resolve();
      };
      pump();
    })));
    return { sentAt, startedAt, finishedAt: Date.now() };
  } finally {
    await Promise.allSettled(clients.map((client) => client.endAsync()));
  }
}

export interface StoredCheck {
  /** Planned uplinks with no row in `uplinks FINAL`, and those with more than one. */
  missingUplinks: string[];
  duplicateUplinks: string[];
  /** `up` rows of `uplinks FINAL` that no planned uplink explains. */
  unexpectedUplinks: number;
  missingReadings: string[];
  duplicateReadings: string[];
  unexpectedReadings: number;
  uplinkRows: number;
  readingRows: number;
}

/** True when what ClickHouse holds (with FINAL) is exactly the plan: every uplink and reading once, nothing else. */
export function exact(check: StoredCheck): boolean {
  return (
    check.missingUplinks.length === 0 &&
    check.duplicateUplinks.length === 0 &&
    check.unexpectedUplinks === 0 &&
    check.missingReadings.length === 0 &&
    check.duplicateReadings.length === 0 &&
    check.unexpectedReadings === 0
  );
}

/** A short text of a check for assertion messages. */
export function describeCheck(check: StoredCheck): string {
  const list = (items: string[]) => `${items.length}${items.length ? ` (${items.slice(0, 3).join(', ')}${items.length > 3 ? ', ...' : ''})` : ''}`;
  return (
    `uplinks: ${check.uplinkRows} rows, missing ${list(check.missingUplinks)}, duplicated ${list(check.duplicateUplinks)}, unexpected ${check.unexpectedUplinks}; ` +
    `readings: ${check.readingRows} rows, missing ${list(check.missingReadings)}, duplicated ${list(check.duplicateReadings)}, unexpected ${check.unexpectedReadings}`
  );
}

/**
 * Compares `uplinks FINAL` (event `up`, per dev_eui and deduplication_id) and `readings FINAL` (per key) with the
 * plan. Rows without FINAL may hold duplicates until ClickHouse merges; the FINAL answers must be exact.
 */
export async function checkStored(store: ClickHouseStore, plan: UplinkPlan): Promise<StoredCheck> {
  const uplinkRows = await store.query<{ dev_eui: string; deduplication_id: string; n: string }>(
    sql`SELECT dev_eui, deduplication_id, count() AS n FROM uplinks FINAL WHERE event = 'up' GROUP BY dev_eui, deduplication_id`,
  );
  const stored = new Map(uplinkRows.map((r) => [`${r.dev_eui}|${r.deduplication_id}`, Number(r.n)]));
  const missingUplinks: string[] = [];
  const duplicateUplinks: string[] = [];
  let matched = 0;
  for (const u of plan.uplinks) {
    const n = stored.get(`${u.devEui}|${u.deduplicationId}`) ?? 0;
    if (n === 0) missingUplinks.push(u.deduplicationId);
    else {
      matched++;
      if (n > 1) duplicateUplinks.push(u.deduplicationId);
    }
  }
  const readingRows = await store.query<{ device_address: string; t: string | number; quantity: string; register: string; storage: number; tariff: number; n: string }>(
    sql`SELECT device_address, toUInt32(ts) AS t, quantity, register, storage, tariff, count() AS n FROM readings FINAL
        GROUP BY device_address, t, quantity, register, storage, tariff`,
  );
  const readings = new Map(readingRows.map((r) => [readingKey(r.device_address, Number(r.t), r.quantity, r.register, Number(r.storage), Number(r.tariff)), Number(r.n)]));
  const missingReadings: string[] = [];
  const duplicateReadings: string[] = [];
  let readingsMatched = 0;
  for (const key of plan.readingKeys) {
    const n = readings.get(key) ?? 0;
    if (n === 0) missingReadings.push(key);
    else {
      readingsMatched++;
      if (n > 1) duplicateReadings.push(key);
    }
  }
  return {
    missingUplinks,
    duplicateUplinks,
    unexpectedUplinks: uplinkRows.length - matched,
    missingReadings,
    duplicateReadings,
    unexpectedReadings: readingRows.length - readingsMatched,
    uplinkRows: uplinkRows.reduce((s, r) => s + Number(r.n), 0),
    readingRows: readingRows.reduce((s, r) => s + Number(r.n), 0),
  };
}

/** Row counts without FINAL (cheap; duplicates not yet merged count twice). */
export async function storedCounts(store: ClickHouseStore): Promise<{ uplinks: number; readings: number }> {
  const [u] = await store.query<{ n: string }>(sql`SELECT count() AS n FROM uplinks WHERE event = 'up'`);
  const [r] = await store.query<{ n: string }>(sql`SELECT count() AS n FROM readings`);
  return { uplinks: Number(u?.n ?? 0), readings: Number(r?.n ?? 0) };
}

/**
 * Waits until ClickHouse holds at least the plan's rows (without FINAL), then until the FINAL check is exact or
 * the time is up; answers the last check either way, so a test asserts on it with a useful message.
 */
export async function waitUntilStored(store: ClickHouseStore, plan: UplinkPlan, timeoutMs: number): Promise<StoredCheck> {
  const deadline = Date.now() + timeoutMs;
  await waitFor('the planned rows in ClickHouse', async () => {
    const counts = await storedCounts(store);
    return counts.uplinks >= plan.uplinks.length && counts.readings >= plan.readingKeys.size;
  }, timeoutMs, 250).catch(() => undefined);
  let check = await checkStored(store, plan);
  while (!exact(check) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    check = await checkStored(store, plan);
  }
  return check;
}
