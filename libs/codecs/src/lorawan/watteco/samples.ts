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

/** The vendor's list item of a sample: {variable, value, date}, without the missing ones. */
function sampleItem(s: Sample): JsonObject {
  const { variable, value, date } = s;
  if (variable !== undefined) return date !== undefined ? { variable, value, date } : { variable, value };
  return date !== undefined ? { value, date } : { value };
}

let parsedDate: string | undefined;
let parsedTime = NaN;

/** Date.parse(date), remembering the last answer (a frame's samples share their date). */
function dateMs(date: string): number {
  if (date !== parsedDate) {
    parsedTime = Date.parse(date);
    parsedDate = date;
  }
  return parsedTime;
}

/** Whether `s` is later than `seen` (both dated); equal or unparsable times are not. */
function isLater(s: Sample, seen: Sample): boolean {
  if (s.time === undefined && seen.time === undefined && s.date === seen.date) return false;
  return (s.time ?? dateMs(s.date as string)) > (seen.time ?? dateMs(seen.date as string));
}

/**
 * The vendor's output: `{samples: [...]}` plus, for every named sample that has a date, the
 * variable as a key holding its latest value (ties keep the first).
 */
export function samplesOutput(samples: readonly Sample[]): JsonObject {
  const list: JsonValue[] = new Array<JsonValue>(samples.length);
  // Index of the latest sample per variable, in the order the variables first appear.
  const latest: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    list[i] = sampleItem(s);
    if (!s.variable || !s.date) continue;
    let j = 0;
    while (j < latest.length && samples[latest[j]].variable !== s.variable) j++;
    if (j === latest.length) latest.push(i);
    else if (isLater(s, samples[latest[j]])) latest[j] = i;
  }
  const out: JsonObject = { samples: list };
  for (const i of latest) {
    const s = samples[i];
    if (s.variable !== 'samples') out[s.variable as string] = s.value;
  }
  return out;
}

let lastRecvTime: string | undefined;
let lastRecvMs: number | undefined;

/**
 * Milliseconds of an ISO-8601 receive time. ChirpStack and TTN give nanoseconds
 * ("…25.508306410Z"); the fraction is cut to milliseconds, as JavaScript's Date does.
 * Remembers the last answer (a network server's frames come with their own times, often repeated).
 */
export function parseRecvTime(recvTime: string): number | undefined {
  if (recvTime !== lastRecvTime) {
    const m = /^(.*T\d{2}:\d{2}:\d{2})\.(\d+)(Z|[+-]\d{2}:?\d{2})$/i.exec(recvTime.trim());
    const text = m ? `${m[1]}.${m[2].slice(0, 3).padEnd(3, '0')}${m[3]}` : recvTime;
    const ms = Date.parse(text);
    lastRecvMs = Number.isFinite(ms) ? ms : undefined;
    lastRecvTime = recvTime;
  }
  return lastRecvMs;
}
