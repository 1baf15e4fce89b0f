import { decodeUplink } from '@app/codecs';
import { METER_IMPORT_COLUMNS } from '@app/contracts';
import { IMPORT_LIMITS } from '../../apps/gateway/src/bulk/import-file';
import { parseCsv } from '../../apps/gateway/src/bulk/csv';
import { parseEvent } from '../../apps/ingest/src/events/parse-event';
import { RowErrors, cellsOfRows } from '../../apps/system/src/bulk/import-rows';
import { validateMeterRow } from '../../apps/system/src/meters/meter-import-rows';
import { parseSimulatorArgs } from './args';
import { parseFaults } from './faults';
import type { FaultRates } from './faults';
import { registryCsv } from './registry-csv';
import { defaultOptions, fleetOf, simulate } from './simulate';
import type { SimMessage, SimulationOptions } from './simulate';

function take(options: SimulationOptions, n: number): SimMessage[] {
  const out: SimMessage[] = [];
  for (const m of simulate(options)) {
    out.push(m);
    if (out.length === n) break;
  }
  return out;
}

const faults = (f: Partial<FaultRates>): FaultRates => ({ dup: 0, ooo: 0, reset: 0, garbage: 0, ...f });

describe('simulator event stream', () => {
  const options = defaultOptions({ meters: 40, seed: 7, backfillDays: 1 });
  const messages = take(options, 3000);

  it('every event parses with the ingest parser and every uplink decodes with its codec (bar broken meters)', () => {
    const codecs = new Map(fleetOf(options).map((m) => [m.devEui, m]));
    let decoded = 0;
    for (const m of messages) {
      const result = parseEvent(m.topic, Buffer.from(m.payload));
      if (!result.ok) throw new Error(`${m.topic}: ${JSON.stringify(result.reason)}`);
      expect(result.event.event).toBe(m.event);
      if (m.event !== 'up') continue;
      const meter = codecs.get(m.devEui);
      if (!meter || (meter.scenario === 'garbage' && m.time >= meter.scenarioFrom)) continue;
      const body = JSON.parse(m.payload) as { fPort: number; data: string };
      const d = decodeUplink(meter.encoder.codecId, body.fPort, Buffer.from(body.data, 'base64'));
      expect(d.codec).toBe(meter.encoder.codecId);
      decoded++;
    }
    expect(decoded).toBeGreaterThan(2000);
  });

  it('wraps ChirpStack v4 shapes: uuid, time with fraction and +00:00, 1-3 gateways, topic per device and event', () => {
    const up = messages.find((m) => m.event === 'up');
    const body = JSON.parse(up?.payload ?? '{}') as Record<string, unknown>;
    expect(body.deduplicationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    expect(body.deviceInfo).toMatchObject({ tenantId: options.target.tenantId, applicationId: options.target.applicationId, tags: expect.any(Object) });
    for (const m of messages.filter((x) => x.event === 'up')) {
      const rx = (JSON.parse(m.payload) as { rxInfo: unknown[] }).rxInfo;
      expect(rx.length).toBeGreaterThanOrEqual(1);
      expect(rx.length).toBeLessThanOrEqual(3);
    }
    expect(up?.topic).toBe(`application/${options.target.applicationId}/device/${up?.devEui}/event/up`);
  });

  it('joins each device before its first uplink, counts fCnt up per device and sends status now and then', () => {
    const seen = new Map<string, number>();
    for (const m of messages) {
      if (m.event === 'join') {
        expect(seen.has(m.devEui)).toBe(false);
        seen.set(m.devEui, -1);
      } else if (m.event === 'up') {
        const fCnt = (JSON.parse(m.payload) as { fCnt: number }).fCnt;
        expect(fCnt).toBe((seen.get(m.devEui) ?? NaN) + 1);
        seen.set(m.devEui, fCnt);
      }
    }
    expect(seen.size).toBe(40);
    expect(messages.filter((m) => m.event === 'status').length).toBeGreaterThan(40);
  });

  it('backfills hourly from the given number of days before now, then continues live', () => {
    const ups = messages.filter((m) => m.event === 'up');
    expect(ups[0].time).toBeLessThanOrEqual(options.now - 86400);
    expect(ups[ups.length - 1].time).toBeGreaterThan(options.now);
  });

  it('is deterministic by seed', () => {
    expect(take(options, 500)).toEqual(messages.slice(0, 500));
    expect(take({ ...options, seed: 8 }, 50)).not.toEqual(messages.slice(0, 50));
  });

  it.each([
    ['dup', 0.05],
    ['ooo', 0.05],
    ['reset', 0.02],
    ['garbage', 0.03],
  ] as const)('fault %s appears at its rate (%p)', (name, rate) => {
    const n = 8000;
    const stream = take({ ...options, faults: faults({ [name]: rate }) }, n);
    const count = stream.filter((m) => m.fault === name).length;
    // reset and garbage hit uplinks (a reset once per report, a few reports send two frames); dup and ooo any message
    const base = name === 'reset' || name === 'garbage' ? stream.filter((m) => m.event === 'up').length : stream.length;
    expect(count / base).toBeGreaterThan(rate * 0.7);
    expect(count / base).toBeLessThan(rate * 1.3);
  });

  it('duplicates repeat the message (same deduplicationId); garbage is rejected by the parser; resets restart fCnt', () => {
    const stream = take({ ...options, faults: faults({ dup: 0.05, garbage: 0.05, reset: 0.05 }) }, 4000);
    for (const [i, m] of stream.entries()) {
      if (m.fault === 'dup') expect(m.payload).toBe(stream[i - 1].payload);
      if (m.fault === 'garbage') expect(parseEvent(m.topic, Buffer.from(m.payload)).ok).toBe(false);
      if (m.fault === 'reset') expect((JSON.parse(m.payload) as { fCnt: number }).fCnt).toBe(0);
    }
    expect(stream.some((m) => m.fault === 'reset')).toBe(true);
  });

  it('out-of-order messages come after the message that followed them', () => {
    const stream = take({ ...options, faults: faults({ ooo: 0.05 }) }, 2000);
    const plain = take(options, 2000);
    const i = stream.findIndex((m) => m.fault === 'ooo');
    expect(i).toBeGreaterThan(0);
    // the first held message: it was due at i - 1 and comes after the one due at i
    expect(stream[i].payload).toBe(plain[i - 1].payload);
    expect(stream[i - 1].payload).toBe(plain[i].payload);
    expect(stream.slice(0, i - 1)).toEqual(plain.slice(0, i - 1));
  });
});

describe('simulator options', () => {
  it('parses the CLI and refuses bad values naming the option', () => {
    const a = parseSimulatorArgs(['--meters', '50', '--rate', '20/s', '--count', '100', '--seed', '3', '--faults', 'dup=0.01,garbage=0.001', '--dry-run']);
    expect(a).toMatchObject({ meters: 50, rate: 20, count: 100, seed: 3, dryRun: true, faults: { dup: 0.01, garbage: 0.001, ooo: 0, reset: 0 } });
    expect(() => parseSimulatorArgs(['--meters', '0'])).toThrow(/--meters/);
    expect(() => parseSimulatorArgs(['--count', '1', '--duration', '1'])).toThrow(/not both/);
    expect(() => parseSimulatorArgs(['--mqtt', 'http://x'])).toThrow(/--mqtt/);
    expect(() => parseFaults('dup=2')).toThrow(/dup/);
    expect(() => parseFaults('boom=0.1')).toThrow(/boom/);
  });

  it('writes the fleet in the meter import format, one row per meter with its devEui and codec', () => {
    const fleet = fleetOf(defaultOptions({ meters: 25, seed: 4 }));
    const lines = registryCsv(fleet, 4).trim().split('\n');
    expect(lines[0]).toBe(METER_IMPORT_COLUMNS.join(','));
    expect(lines).toHaveLength(26);
    const devEui = METER_IMPORT_COLUMNS.indexOf('devEui');
    const codec = METER_IMPORT_COLUMNS.indexOf('codecId');
    expect(lines.slice(1).map((l) => l.split(',')[devEui])).toEqual(fleet.map((m) => m.devEui));
    expect(new Set(lines.slice(1).map((l) => l.split(',')[codec])).size).toBeGreaterThan(3);
    expect(new Set(fleet.map((m) => m.utility))).toEqual(new Set(['water', 'gas', 'heat', 'electricity']));
  });

  it('the registry CSV passes the row validation of the import API (its CSV parser and CreateMeterDto rules)', () => {
    const fleet = fleetOf(defaultOptions({ meters: 60, seed: 9 }));
    const table = parseCsv(registryCsv(fleet, 9), IMPORT_LIMITS);
    const errors = new RowErrors();
    const rows = cellsOfRows({ mode: 'all-or-nothing', columns: table.columns, rows: table.rows });
    for (const row of rows) validateMeterRow(row.line, row.cells, errors);
    expect(errors.list()).toEqual([]);
    expect(rows).toHaveLength(60);
  });
});
