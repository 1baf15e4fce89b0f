import { base64DecodedLength, decodeStandardBase64 } from './base64';
import type { DeadLetterCode, DeadLetterReason } from './dead-letter';
import type { Timestamp } from './event-types';
import { parseTimestamp } from './timestamp';

/**
 * Field readers over parsed JSON, with ChirpStack's default rules (chirpstack.md 1.2): an absent field (or JSON
 * `null`, which the proto3 JSON mapping treats as absent) reads as its proto default; a present field of the wrong
 * type, out of its proto range, is a WRONG_TYPE rejection naming its path. Paths are built only when rejecting.
 */
export type JsonObject = Record<string, unknown>;

/** Thrown by the readers, caught by parseEvent only; never escapes the parsing layer. */
export class Rejection {
  constructor(readonly reason: DeadLetterReason) {}
}

export function reject(code: DeadLetterCode, field: string, message: string): never {
  throw new Rejection({ code, field, message });
}

export function fieldPath(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function wrongType(prefix: string, key: string, expected: string, value: unknown): never {
  const field = fieldPath(prefix, key);
  return reject('WRONG_TYPE', field, `${field} must be ${expected}, got ${jsonType(value)}`);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readString(o: JsonObject, key: string, prefix: string): string {
  const value = o[key];
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return wrongType(prefix, key, 'a string', value);
}

/** A string ChirpStack always sends non-empty (ids): absent or "" is MISSING_FIELD. */
export function readRequiredString(o: JsonObject, key: string, prefix: string): string {
  const value = readString(o, key, prefix);
  if (value === '') {
    const field = fieldPath(prefix, key);
    reject('MISSING_FIELD', field, `${field} is required`);
  }
  return value;
}

/** An integer proto field (int32/uint32), 0 when absent. */
export function readInteger(o: JsonObject, key: string, prefix: string, min: number, max: number): number {
  const value = o[key];
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  if (value === undefined || value === null) return 0;
  return wrongType(prefix, key, `an integer from ${min} to ${max}`, value);
}

export const UINT32_MAX = 0xffff_ffff;
export const INT32_MIN = -0x8000_0000;
export const INT32_MAX = 0x7fff_ffff;

export function readUint32(o: JsonObject, key: string, prefix: string): number {
  return readInteger(o, key, prefix, 0, UINT32_MAX);
}

export function readInt32(o: JsonObject, key: string, prefix: string): number {
  return readInteger(o, key, prefix, INT32_MIN, INT32_MAX);
}

/** A float/double proto field, 0 when absent. */
export function readNumber(o: JsonObject, key: string, prefix: string): number {
  const value = o[key];
  if (typeof value === 'number') return value;
  if (value === undefined || value === null) return 0;
  return wrongType(prefix, key, 'a number', value);
}

export function readBoolean(o: JsonObject, key: string, prefix: string): boolean {
  const value = o[key];
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null) return false;
  return wrongType(prefix, key, 'a boolean', value);
}

/** A proto enum, written by name; absent reads as `fallback` (the enum's zero value). */
export function readEnum<T extends string>(o: JsonObject, key: string, prefix: string, names: ReadonlySet<string>, fallback: T): T {
  const value = o[key];
  if (typeof value === 'string' && names.has(value)) return value as T;
  if (value === undefined || value === null) return fallback;
  return wrongType(prefix, key, `one of ${[...names].join(', ')}`, value);
}

/** A message-typed field: undefined when absent. */
export function readObject(o: JsonObject, key: string, prefix: string): JsonObject | undefined {
  const value = o[key];
  if (isJsonObject(value)) return value;
  if (value === undefined || value === null) return undefined;
  return wrongType(prefix, key, 'an object', value);
}

/** A repeated field: [] when absent. */
export function readArray(o: JsonObject, key: string, prefix: string): unknown[] {
  const value = o[key];
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  return wrongType(prefix, key, 'an array', value);
}

/** A map<string, string>: {} when absent. Returns the parsed object itself once every value is checked. */
export function readStringMap(o: JsonObject, key: string, prefix: string): Record<string, string> {
  const value = o[key];
  if (value === undefined || value === null) return {};
  if (!isJsonObject(value)) return wrongType(prefix, key, 'an object of strings', value);
  for (const name in value) {
    if (typeof value[name] !== 'string') wrongType(fieldPath(prefix, key), name, 'a string', value[name]);
  }
  return value as Record<string, string>;
}

/** A google.protobuf.Timestamp (RFC 3339 text): undefined when absent. */
export function readTimestamp(o: JsonObject, key: string, prefix: string): Timestamp | undefined {
  const value = o[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return wrongType(prefix, key, 'an RFC 3339 timestamp', value);
  return parseTimestamp(value) ?? wrongType(prefix, key, 'an RFC 3339 timestamp', value);
}

/** A `bytes` field (canonical standard base64), empty when absent; longer than maxBytes is OVERSIZED. */
export function readBytes(o: JsonObject, key: string, prefix: string, maxBytes: number): Uint8Array {
  const text = readString(o, key, prefix);
  const field = fieldPath(prefix, key);
  if (text.length % 4 === 0 && base64DecodedLength(text) > maxBytes) {
    reject('OVERSIZED', field, `${field} decodes to ${base64DecodedLength(text)} bytes, more than the limit of ${maxBytes}`);
  }
  return decodeStandardBase64(text) ?? reject('BAD_BASE64', field, `${field} is not canonical standard base64`);
}
