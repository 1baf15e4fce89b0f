import { CodecError } from '../../errors';
import type { JsonObject, JsonValue } from '../../types';
import { isoString } from '../iso-time';

/**
 * IoT Factory uplinks (fPort 10), shared by its decoders in the LoRaWAN Device Repository
 * (vendor/iot-factory/generic-decoder.js, m-bus-gateway-decoder.js):
 *  - byte 0: bit 0 power type (0 battery, 1 external), bits 7..1 battery %;
 *  - byte 1: bit 0 serial number present, bits 3..1 protocol version, bit 4 payload size present;
 *  - [serial number uint32 LE] [payload size uint16 LE];
 *  - then frames: a uint16 LE header (bits 11..0 frame type, 15..12 reason), mostly a Unix time
 *    (uint32 LE), then the type's fields. A lone trailing byte ends the chain; an unknown type
 *    is the decoder's error "unknown_frame".
 * Reads past the end throw TRUNCATED (the vendor script would print NaN or fail on the date).
 */
export const IOT_FACTORY_PORT = 10;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export class FrameReader {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  private need(n: number, what: string): void {
    if (this.pos + n > this.bytes.length) {
      throw new CodecError('TRUNCATED', `IoT Factory frame too short: ${what} at offset ${this.pos}`, { offset: this.pos });
    }
  }
  peek(what = 'byte'): number {
    this.need(1, what);
    return this.bytes[this.pos];
  }
  u8(what = 'byte'): number {
    this.need(1, what);
    return this.bytes[this.pos++];
  }
  i8(what = 'int8'): number {
    const v = this.u8(what);
    return v & 0x80 ? v - 256 : v;
  }
  u16(what = 'uint16'): number {
    this.need(2, what);
    const v = this.bytes[this.pos] | (this.bytes[this.pos + 1] << 8);
    this.pos += 2;
    return v;
  }
  i16(what = 'int16'): number {
    const v = this.u16(what);
    return v & 0x8000 ? v - 0x10000 : v;
  }
  u32(what = 'uint32'): number {
    const lo = this.u16(what);
    return lo + this.u16(what) * 0x10000;
  }
  i32(what = 'int32'): number {
    const v = this.u32(what);
    return v >= 0x80000000 ? v - 0x100000000 : v;
  }
  take(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** The vendor's toHex: bytes in reverse order, lower-case hex. */
  hexReversed(n: number, what = 'hex'): string {
    const bytes = this.take(n, what);
    let hex = '';
    for (let i = bytes.length - 1; i >= 0; i--) hex += HEX[bytes[i]];
    return hex;
  }
  ascii(n: number, what = 'text'): string {
    return String.fromCharCode(...this.take(n, what));
  }
  /** frame_unixtime and frame_isotime. */
  time(): JsonObject {
    const t = this.u32('frame time');
    return { frame_unixtime: t, frame_isotime: isoString(t * 1000) };
  }
}

/** A frame parser: returns the frame object (keys in the vendor's order) or an error for the chain. */
export type FrameParser = (r: FrameReader, reason: number) => JsonObject;

export const reasonOf = (reason: number, names: Readonly<Record<number, string>>): string => names[reason] ?? 'unknown';

/** The start of a timed frame: type, reason (by `names`), frame_unixtime and frame_isotime. */
export function timedHead(r: FrameReader, type: string, reason: number, names: Readonly<Record<number, string>>): JsonObject {
  const t = r.u32('frame time');
  return { type, reason: reasonOf(reason, names), frame_unixtime: t, frame_isotime: isoString(t * 1000) };
}

export interface HeaderAndFrames {
  data: JsonObject;
  frames: JsonObject[];
}

/** Parses the device header and the frame chain with the decoder's `parsers` (type -> parser). */
export function decodeChain(bytes: Uint8Array, parsers: ReadonlyMap<number, FrameParser>): HeaderAndFrames {
  const r = new FrameReader(bytes, 0);
  const power = r.u8('power byte');
  const protocol = r.u8('protocol byte');
  const data: JsonObject = {
    status_decode: false,
    type_power: power & 1 ? 'external' : 'battery',
    battery_pct: (power & 0xfe) >> 1,
    version_protocol: (protocol & 0x0e) >> 1,
  };
  if (protocol & 0x01) data.sn = r.u32('serial number');
  if (protocol & 0x10) data.payload_size = r.u16('payload size');
  const frames: JsonObject[] = [];
  while (r.pos + 1 < bytes.length) {
    if (frames.length === 0) data.frames = frames as JsonValue[];
    const header = r.u16('frame header');
    const type = header & 0x0fff;
    const parser = parsers.get(type);
    if (!parser) {
      throw new CodecError('UNSUPPORTED_FRAME', `unknown_frame (type=${type}|offset=${r.pos - 2})`, { type, offset: r.pos - 2 });
    }
    frames.push(parser(r, header >> 12));
  }
  data.status_decode = true;
  return { data, frames };
}
