import type { Rng } from './rng';

/** Per-message probabilities of each fault. */
export interface FaultRates {
  /** The same message (same deduplicationId) published twice. */
  dup: number;
  /** The message published after the next one. */
  ooo: number;
  /** The device's frame counter starts again from 0 (a reboot). */
  reset: number;
  /** The message replaced by garbage: bad JSON, bad base64 or wrong types. */
  garbage: number;
}

export const NO_FAULTS: FaultRates = { dup: 0, ooo: 0, reset: 0, garbage: 0 };
export type FaultName = keyof FaultRates;
export const FAULT_NAMES: readonly FaultName[] = ['dup', 'ooo', 'reset', 'garbage'];

/** Parses "dup=0.01,ooo=0.01,reset=0.001,garbage=0.001"; unknown names and rates outside 0..1 throw. */
export function parseFaults(text: string): FaultRates {
  const rates: FaultRates = { ...NO_FAULTS };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value] = part.split('=');
    if (!(FAULT_NAMES as readonly string[]).includes(name)) throw new Error(`unknown fault "${name}" (expected ${FAULT_NAMES.join(', ')})`);
    const rate = Number(value);
    if (value === undefined || !Number.isFinite(rate) || rate < 0 || rate > 1) throw new Error(`fault ${name} needs a rate between 0 and 1`);
    rates[name as FaultName] = rate;
  }
  return rates;
}

export type GarbageKind = 'json' | 'base64' | 'types';

/** A broken rendering of an `up` event: cut JSON, a `data` that is not base64, or fields of the wrong type. */
export function garbage(event: Record<string, unknown>, rng: Rng): { kind: GarbageKind; payload: string } {
  const kind = rng.pick<GarbageKind>(['json', 'base64', 'types']);
  if (kind === 'json') {
    const text = JSON.stringify(event);
    return { kind, payload: text.slice(0, rng.int(1, text.length - 1)) };
  }
  if (kind === 'base64') return { kind, payload: JSON.stringify({ ...event, data: '%%not*base64%%' }) };
  return { kind, payload: JSON.stringify({ ...event, fCnt: String(event.fCnt), fPort: 'two', rxInfo: {} }) };
}
