import fc from 'fast-check';
import { DEAD_LETTER_CODES, DEFAULT_PARSE_LIMITS } from '../src/events/dead-letter';
import type { ParseLimits } from '../src/events/dead-letter';
import { EVENT_NAMES } from '../src/events/event-types';
import type { ChirpStackEvent, UplinkEvent } from '../src/events/event-types';
import { parseEvent } from '../src/events/parse-event';
import type { ParseResult } from '../src/events/parse-event';
import { parseTopic } from '../src/events/topic';
import { chirpstackFixtures, eventTopic } from './chirpstack-fixtures';
import { toChirpStackJson } from './chirpstack-json';

/**
 * Properties of parseEvent: for any topic and payload it returns an event or a DeadLetterReason and never throws;
 * a returned event is well formed; every valid fixture round-trips through the ChirpStack JSON writer.
 */
const CODES: ReadonlySet<string> = new Set(DEAD_LETTER_CODES);
const EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);
const fixtures = chirpstackFixtures();
const topics = fixtures.map((f) => f.topic);

function wellFormed(e: ChirpStackEvent, topic: string): string[] {
  const problems: string[] = [];
  const t = parseTopic(topic);
  if (!t.ok || t.event !== e.event || t.devEui !== e.devEui || t.applicationId !== e.applicationId) problems.push('topic ids');
  if (!EVENTS.has(e.event)) problems.push('event');
  if (e.deviceInfo.devEui !== e.devEui || !e.deviceInfo.tenantId) problems.push('deviceInfo');
  if (e.time && !(Number.isInteger(e.time.epochMs) && typeof e.time.text === 'string')) problems.push('time');
  if (e.event === 'up') {
    if (!(e.data instanceof Uint8Array) || e.data.length > DEFAULT_PARSE_LIMITS.maxFramePayloadBytes) problems.push('data');
    if (!Number.isInteger(e.fCnt) || e.fCnt < 0 || e.fPort > 255 || e.dr > 15) problems.push('counters');
    if (!e.rxInfo.every((rx) => Number.isFinite(rx.snr) && Number.isInteger(rx.rssi))) problems.push('rxInfo');
  }
  return problems;
}

/** Runs parseEvent; fails (throws an Error naming the input) if it throws or returns something malformed. */
function check(topic: string, payload: Buffer, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  let result: ParseResult;
  try {
    result = parseEvent(topic, payload, limits);
  } catch (error) {
    throw new Error(`parseEvent threw ${String(error)} for ${topic} ${payload.toString('base64').slice(0, 400)}`);
  }
  if (result.ok) {
    const problems = wellFormed(result.event, topic);
    if (problems.length) throw new Error(`malformed event (${problems.join(', ')}) for ${payload.toString('utf8').slice(0, 400)}`);
  } else {
    const { code, field, message } = result.reason;
    if (!CODES.has(code) || typeof field !== 'string' || typeof message !== 'string' || !message) {
      throw new Error(`malformed reason ${JSON.stringify(result.reason)}`);
    }
  }
  return result;
}

type Path = (string | number)[];

/** Every path in a JSON tree (objects and arrays included), root excluded. */
function paths(node: unknown, prefix: Path = []): Path[] {
  if (typeof node !== 'object' || node === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
  return entries.flatMap(([key, value]) => [[...prefix, key], ...paths(value, [...prefix, key])]);
}

function replaced(json: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

function render(path: Path): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
}

const WRONG_VALUES: unknown[] = [
  ...[null, true, false, 0, -1, 1.5, 2 ** 32, 2 ** 53 + 2, -(2 ** 31) - 1],
  ...['', 'x', '1', 'AQ==', '2026-03-02T10:15:30+00:00'],
  ...[[], [1], {}, { a: 1 }, [[[[[]]]]]],
];

/** Fields the parser does not read (kept opaque or ignored): replacing them must not change the verdict's kind. */
const OPAQUE = /^(object|relayRxInfo|joinServerContext)(\.|$)|^rxInfo\[\d+\]\.(context|timeSinceGpsEpoch)$|^txInfo\.(timing|context)|\.polarizationInversion$/;

describe('parseEvent under random and damaged input', () => {
  it('random bytes on every event topic', () => {
    fc.assert(
      fc.property(fc.constantFrom(...topics), fc.uint8Array({ maxLength: 400 }), (topic, bytes) => {
        check(topic, Buffer.from(bytes));
      }),
      { numRuns: 3000, seed: 91 },
    );
  });

  it('random JSON values on every event topic', () => {
    fc.assert(
      fc.property(fc.constantFrom(...topics), fc.jsonValue({ maxDepth: 4 }), (topic, value) => {
        check(topic, Buffer.from(JSON.stringify(value) ?? 'null'));
      }),
      { numRuns: 3000, seed: 92 },
    );
  });

  it('random topics never throw and are rejected unless they are event topics', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^application\/[0-9a-fA-F-]{0,40}\/device\/[0-9a-fA-Fx]{0,18}\/event\/[a-z]{0,9}$/)), (topic) => {
        const result = check(topic, fixtures[0].payload);
        if (!parseTopic(topic).ok) expect(result).toMatchObject({ ok: false, reason: { field: 'topic' } });
      }),
      { numRuns: 3000, seed: 93 },
    );
  });

  it('valid JSON text with a character changed, inserted or deleted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.nat(),
        fc.constantFrom('replace', 'insert', 'delete'),
        fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '0', '9', '-', '.', 'e', 'A', '=', '\\', ' ', '\u00e9', '\u0000', 'n'),
        (f, at, how, char) => {
          const text = f.payload.toString('utf8');
          const i = at % text.length;
          const mutated =
            how === 'replace' ? text.slice(0, i) + char + text.slice(i + 1) : how === 'insert' ? text.slice(0, i) + char + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
          check(f.topic, Buffer.from(mutated));
        },
      ),
      { numRuns: 5000, seed: 94 },
    );
  });

  it('valid messages cut short at every length and with a random byte changed', () => {
    for (const f of fixtures) {
      for (let n = 0; n < f.payload.length; n++) check(f.topic, f.payload.subarray(0, n));
    }
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.nat(), fc.integer({ min: 0, max: 255 }), (f, at, byte) => {
        const bytes = Buffer.from(f.payload);
        bytes[at % bytes.length] = byte;
        check(f.topic, bytes);
      }),
      { numRuns: 3000, seed: 95 },
    );
  });

  describe.each(fixtures.map((f) => [f.name, f] as const))('%s: wrong types at every path', (_name, f) => {
    const all = paths(f.json);

    it('every path with every wrong value, and deleted: an event or a reason, never a throw', () => {
      for (const path of all) {
        for (const value of [...WRONG_VALUES, undefined]) check(f.topic, Buffer.from(JSON.stringify(replaced(f.json, path, value))));
      }
    });

    it('a scalar the parser reads, given another JSON type, is WRONG_TYPE naming its path', () => {
      for (const path of all) {
        const field = render(path);
        if (OPAQUE.test(field)) continue;
        let node: unknown = f.json;
        for (const key of path) node = (node as Record<string | number, unknown>)[key];
        if (typeof node === 'object' && node !== null) continue;
        const wrong = typeof node === 'string' ? 12345 : typeof node === 'number' ? '12345' : [true];
        const result = check(f.topic, Buffer.from(JSON.stringify(replaced(f.json, path, wrong))));
        expect({ field, result }).toMatchObject({ field, result: { ok: false, reason: { code: 'WRONG_TYPE', field } } });
      }
    });

    it('random values at random paths', () => {
      fc.assert(
        fc.property(fc.constantFrom(...all), fc.oneof(fc.anything(), fc.jsonValue()), (path, value) => {
          const text = JSON.stringify(replaced(f.json, path, value));
          if (text !== undefined) check(f.topic, Buffer.from(text));
        }),
        { numRuns: 400, seed: 96 },
      );
    });

    it('round-trips: parse, write back as ChirpStack JSON, parse again gives the same event', () => {
      const first = check(f.topic, f.payload);
      if (!first.ok) throw new Error(`${f.name}: ${JSON.stringify(first.reason)}`);
      const again = check(f.topic, Buffer.from(JSON.stringify(toChirpStackJson(first.event))));
      expect(again).toEqual(first);
      const json = f.json as { time?: string; data?: string };
      expect(first.event.time?.text).toBe(json.time);
      if (first.event.event === 'up') expect(Buffer.from(first.event.data).toString('base64')).toBe(json.data);
    });
  });

  it('bad base64 in data: BAD_BASE64 unless it is canonical standard base64, which decodes back to itself', () => {
    const up = fixtures.find((f) => f.name === 'up');
    if (!up) throw new Error('no up fixture');
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9+/=\-_ \n.]{0,40}$/), (data) => {
        const result = check(up.topic, Buffer.from(JSON.stringify({ ...up.json, data })));
        if (result.ok) {
          expect(Buffer.from((result.event as UplinkEvent).data).toString('base64')).toBe(data);
        } else {
          expect(result.reason).toMatchObject({ code: 'BAD_BASE64', field: 'data' });
        }
      }),
      { numRuns: 5000, seed: 97 },
    );
  });

  it('generated uplinks round-trip through the ChirpStack JSON writer', () => {
    const APP = 'a1b2c3d4-0000-4000-8000-000000000001';
    const time = fc
      .tuple(fc.integer({ min: Date.UTC(1980, 0, 6), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }))
      .map(([ms, digits, nanos]) => {
        const base = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
        const text = `${base}${digits ? `.${String(nanos).padStart(9, '0').slice(0, digits)}` : ''}+00:00`;
        // The text keeps `digits` fraction digits; epochMs keeps the first three of them.
        const kept = Math.floor(nanos / 10 ** (9 - digits)) * 10 ** (9 - digits);
        const epochMs = Date.parse(`${base}Z`) + Math.floor(kept / 1_000_000);
        return { text, epochMs };
      });
    const hex = (n: number) => fc.uint8Array({ minLength: n, maxLength: n }).map((b) => Buffer.from(b).toString('hex'));
    const rx = fc.record({
      gatewayId: hex(8),
      uplinkId: fc.nat({ max: 2 ** 32 - 1 }),
      rssi: fc.integer({ min: -150, max: 0 }),
      snr: fc.double({ min: -25, max: 15, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
      channel: fc.nat({ max: 63 }),
      rfChain: fc.nat({ max: 1 }),
      board: fc.nat({ max: 3 }),
      antenna: fc.nat({ max: 3 }),
      crcStatus: fc.constantFrom('NO_CRC' as const, 'BAD_CRC' as const, 'CRC_OK' as const),
      metadata: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
    });
    const uplink = fc.record({
      devEui: hex(8),
      deviceName: fc.string({ maxLength: 20 }),
      tags: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
      time: fc.option(time, { nil: undefined }),
      deduplicationId: fc.uuid(),
      devAddr: hex(4),
      adr: fc.boolean(),
      dr: fc.nat({ max: 15 }),
      fCnt: fc.nat({ max: 2 ** 32 - 1 }),
      fPort: fc.nat({ max: 255 }),
      confirmed: fc.boolean(),
      data: fc.uint8Array({ maxLength: 242 }),
      object: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), { nil: undefined }),
      rxInfo: fc.array(rx, { maxLength: 4 }),
      frequency: fc.nat({ max: 2 ** 32 - 1 }),
      spreadingFactor: fc.integer({ min: 5, max: 12 }),
      relayed: fc.boolean(),
      dataEncrypted: fc.boolean(),
    });
    fc.assert(
      fc.property(uplink, (u) => {
        const event: UplinkEvent = {
          event: 'up',
          applicationId: APP,
          devEui: u.devEui,
          deviceInfo: {
            tenantId: '52f14cd4-c6f1-4fbd-8f87-4025e1d49242',
            tenantName: 't',
            applicationId: APP,
            applicationName: 'a',
            deviceProfileId: 'd1d2d3d4-0000-4000-8000-000000000002',
            deviceProfileName: 'p',
            deviceName: u.deviceName,
            devEui: u.devEui,
            tags: u.tags,
          },
          ...(u.time ? { time: u.time } : {}),
          deduplicationId: u.deduplicationId,
          devAddr: u.devAddr,
          adr: u.adr,
          dr: u.dr,
          fCnt: u.fCnt,
          fPort: u.fPort,
          confirmed: u.confirmed,
          data: Buffer.from(u.data),
          ...(u.object ? { object: JSON.parse(JSON.stringify(u.object)) as Record<string, unknown> } : {}),
          rxInfo: u.rxInfo,
          txInfo: { frequency: u.frequency, modulation: { type: 'lora', bandwidth: 125000, spreadingFactor: u.spreadingFactor, codeRate: 'CR_4_5' } },
          regionConfigId: 'eu868',
          relayed: u.relayed,
          dataEncrypted: u.dataEncrypted,
        };
        const result = check(eventTopic(APP, u.devEui, 'up'), Buffer.from(JSON.stringify(toChirpStackJson(event))));
        expect(result).toEqual({ ok: true, event });
      }),
      { numRuns: 1000, seed: 98 },
    );
  });
});
