/**
 * `npm run bench:codecs`: decodes per second on one core (this process, one thread) for
 *   - a LoRaWAN mix: every example of the vectors that decodes, round-robin;
 *   - unencrypted wM-Bus telegrams (vectors without a key, wireless and wired frames);
 *   - AES-encrypted wM-Bus telegrams (vectors with a key).
 * Each mix runs for a fixed time after a warm-up; the figure is the median of 5 rounds.
 */
import { decodeUplink, decodeWmbus, hexToBytes } from '@app/codecs';
import { lorawanVectors, wmbusVectors } from '../libs/codecs/test/vectors';

interface Case {
  name: string;
  run: () => void;
}

function measure(cases: Case[], seconds: number): number {
  let n = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) cases[(n + i) % cases.length].run();
    n += 1000;
  }
  return n / seconds;
}

function bench(label: string, cases: Case[], seconds = 1): { label: string; cases: number; perSecond: number } {
  if (!cases.length) return { label, cases: 0, perSecond: 0 };
  measure(cases, 0.5); // warm-up: let the JIT settle
  const rounds = Array.from({ length: 5 }, () => measure(cases, seconds)).sort((a, b) => a - b);
  return { label, cases: cases.length, perSecond: Math.round(rounds[2]) };
}

function usable(run: () => void): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

const lorawan: Case[] = lorawanVectors()
  .map((v) => {
    const bytes = hexToBytes(v.hex);
    return { name: v.id, run: () => void decodeUplink(v.codec, v.fPort, bytes, v.recvTime) };
  })
  .filter((c) => usable(c.run));

const wmbusPlain: Case[] = [];
const wmbusAes: Case[] = [];
for (const v of wmbusVectors()) {
  if (v.priorTelegrams?.length) continue; // stateful sequences are measured by their last telegram elsewhere
  const bytes = hexToBytes(v.hex);
  const encrypted = v.key !== 'NOKEY' && v.key.length === 32;
  const key = encrypted ? hexToBytes(v.key) : undefined;
  const c = { name: v.id, run: () => void decodeWmbus(bytes, key ? { key } : {}) };
  if (!usable(c.run)) continue;
  (encrypted ? wmbusAes : wmbusPlain).push(c);
}

const results = [
  bench('LoRaWAN mix', lorawan),
  bench('wM-Bus unencrypted', wmbusPlain),
  bench('wM-Bus AES-128 encrypted', wmbusAes),
];
console.log(`node ${process.version}, one thread`);
console.table(results.map((r) => ({ mix: r.label, 'distinct payloads': r.cases, 'decodes/s': r.perSecond })));
console.log(JSON.stringify({ bench: 'codecs', results }));
