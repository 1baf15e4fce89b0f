/**
 * `npm run bench:ingest-parse`: ChirpStack `up` events parsed per second on one core (this process, one thread):
 * topic split, size and UTF-8 checks, JSON.parse, field checks, base64 decode, timestamps, as the ingest service
 * does for each MQTT message. The mix is every `up` fixture round-robin, plus a 3-gateway uplink; each mix runs for a
 * fixed time after a warm-up and the figure is the median of 5 rounds.
 */
import { DEFAULT_PARSE_LIMITS } from '../apps/ingest/src/events/dead-letter';
import { parseEvent } from '../apps/ingest/src/events/parse-event';
import { chirpstackFixtures } from '../apps/ingest/test/chirpstack-fixtures';

interface Message {
  topic: string;
  payload: Buffer;
}

function measure(messages: Message[], seconds: number): number {
  let n = 0;
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) {
      const m = messages[(n + i) % messages.length];
      if (!parseEvent(m.topic, m.payload, DEFAULT_PARSE_LIMITS).ok) failed++;
    }
    n += 1000;
  }
  if (failed) throw new Error(`${failed} fixtures did not parse`);
  return n / seconds;
}

function bench(label: string, messages: Message[], seconds = 1) {
  measure(messages, 0.5); // warm-up: let the JIT settle
  const rounds = Array.from({ length: 5 }, () => measure(messages, seconds)).sort((a, b) => a - b);
  const bytes = Math.round(messages.reduce((sum, m) => sum + m.payload.length, 0) / messages.length);
  return { label, messages: messages.length, averageBytes: bytes, perSecond: Math.round(rounds[2]) };
}

const ups = chirpstackFixtures().filter((f) => f.event === 'up');
const full = ups.find((f) => f.name === 'up');
if (!full) throw new Error('no up fixture');
const json = full.json as { rxInfo: unknown[] };
const threeGateways = { topic: full.topic, payload: Buffer.from(JSON.stringify({ ...json, rxInfo: [...json.rxInfo, json.rxInfo[0]] })) };

const results = [
  bench('up fixtures (compact JSON as ChirpStack sends it)', ups.map((f) => ({ topic: f.topic, payload: Buffer.from(JSON.stringify(f.json)) }))),
  bench('full uplink, 3 gateways, compact', [threeGateways]),
];
console.log(`node ${process.version}, one thread`);
console.table(results.map((r) => ({ mix: r.label, messages: r.messages, 'avg bytes': r.averageBytes, 'uplinks/s': r.perSecond })));
console.log(JSON.stringify({ bench: 'ingest-parse', results }));
