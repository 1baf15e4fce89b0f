import type { JsonObject, JsonValue } from '../../types';

/**
 * One value as the Watteco decoders list it under `samples` ({variable, value, date}), plus what
 * the canonical mapping needs: the field's name with its endpoint resolved and its real value
 * (the vendor hides some fields as "NA" or drops their name).
 */
export interface Sample {
  variable?: string;
  value: JsonValue;
  date?: string;
  canonical: string;
  canonicalValue: JsonValue;
  /** Date.parse(date), when the decoder knows it. */
  time?: number;
  /** ISO-8601 UTC of the sample, when known. */
  at?: string;
}

/**
 * The vendor's output: `{samples: [...]}` plus, for every named sample that has a date, the
 * variable as a key holding its latest value (ties keep the first).
 */
export function samplesOutput(samples: readonly Sample[]): JsonObject {
  const list: JsonValue[] = samples.map((s) => {
    const item: JsonObject = {};
    if (s.variable !== undefined) item.variable = s.variable;
    item.value = s.value;
    if (s.date !== undefined) item.date = s.date;
    return item;
  });
  const latest = new Map<string, { value: JsonValue; time: number }>();
  let parsedDate: string | undefined;
  let parsedTime = NaN;
  for (const s of samples) {
    if (!s.variable || !s.date) continue;
    if (s.time === undefined && s.date !== parsedDate) {
      parsedDate = s.date;
      parsedTime = Date.parse(s.date);
    }
    const time = s.time ?? parsedTime;
    const seen = latest.get(s.variable);
    if (!seen || time > seen.time) latest.set(s.variable, { value: s.value, time });
  }
  const out: JsonObject = { samples: list };
  for (const [key, { value }] of latest) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

/**
 * Milliseconds of an ISO-8601 receive time. ChirpStack and TTN give nanoseconds
 * ("…25.508306410Z"); the fraction is cut to milliseconds, as JavaScript's Date does.
 */
export function parseRecvTime(recvTime: string): number | undefined {
  const m = /^(.*T\d{2}:\d{2}:\d{2})\.(\d+)(Z|[+-]\d{2}:?\d{2})$/i.exec(recvTime.trim());
  const text = m ? `${m[1]}.${m[2].slice(0, 3).padEnd(3, '0')}${m[3]}` : recvTime;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
