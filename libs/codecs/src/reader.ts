import { CodecError } from './errors';
import { pow10, pow2 } from './pow';

/**
 * Bounds-checked reading of a payload. Every read past the end throws `CodecError('TRUNCATED')`
 * naming what was being read, so a short payload never yields `undefined` or NaN.
 */
export class ByteReader {
  private pos = 0;

  constructor(
    readonly bytes: Uint8Array,
    private readonly what = 'payload',
  ) {}

  get offset(): number {
    return this.pos;
  }
  get remaining(): number {
    return this.bytes.length - this.pos;
  }
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  seek(offset: number): void {
    if (offset < 0 || offset > this.bytes.length) this.fail(offset - this.pos, 'seek');
    this.pos = offset;
  }

  need(n: number, field: string): void {
    if (n < 0 || this.pos + n > this.bytes.length) this.fail(n, field);
  }

  private fail(n: number, field: string): never {
    throw new CodecError(
      'TRUNCATED',
      `${this.what} too short: ${field} needs ${n} byte(s) at offset ${this.pos}, ${this.bytes.length - this.pos} left`,
      { offset: this.pos, needed: n, length: this.bytes.length },
    );
  }

  peek(field = 'byte'): number {
    this.need(1, field);
    return this.bytes[this.pos];
  }

  u8(field = 'u8'): number {
    this.need(1, field);
    return this.bytes[this.pos++];
  }
  i8(field = 'i8'): number {
    const v = this.u8(field);
    return v > 0x7f ? v - 0x100 : v;
  }

  take(n: number, field = 'bytes'): Uint8Array {
    this.need(n, field);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  rest(): Uint8Array {
    return this.take(this.remaining, 'rest');
  }

  /** An unsigned integer of `n` bytes read in place; `kind` names it in the TRUNCATED message when no field is given. */
  private uint(n: number, littleEndian: boolean, field: string | undefined, kind: 'uint' | 'int'): number {
    if (n < 0 || this.pos + n > this.bytes.length) this.fail(n, field ?? `${kind}${n * 8}${littleEndian ? 'le' : 'be'}`);
    const b = this.bytes;
    const start = this.pos;
    let v = 0;
    if (littleEndian) for (let i = start + n - 1; i >= start; i--) v = v * 256 + b[i];
    else for (let i = start; i < start + n; i++) v = v * 256 + b[i];
    this.pos += n;
    return v;
  }

  uintLE(n: number, field?: string): number {
    return this.uint(n, true, field, 'uint');
  }
  uintBE(n: number, field?: string): number {
    return this.uint(n, false, field, 'uint');
  }
  intLE(n: number, field?: string): number {
    const v = this.uint(n, true, field, 'int');
    const limit = pow2(8 * n - 1);
    return v >= limit ? v - 2 * limit : v;
  }
  intBE(n: number, field?: string): number {
    const v = this.uint(n, false, field, 'int');
    const limit = pow2(8 * n - 1);
    return v >= limit ? v - 2 * limit : v;
  }

  u16le(field?: string): number {
    return this.uintLE(2, field);
  }
  u16be(field?: string): number {
    return this.uintBE(2, field);
  }
  u24le(field?: string): number {
    return this.uintLE(3, field);
  }
  u24be(field?: string): number {
    return this.uintBE(3, field);
  }
  u32le(field?: string): number {
    return this.uintLE(4, field);
  }
  u32be(field?: string): number {
    return this.uintBE(4, field);
  }
  i16le(field?: string): number {
    return this.intLE(2, field);
  }
  i16be(field?: string): number {
    return this.intBE(2, field);
  }
  i32le(field?: string): number {
    return this.intLE(4, field);
  }
  i32be(field?: string): number {
    return this.intBE(4, field);
  }

  f32le(field = 'float32'): number {
    const b = this.take(4, field);
    return new DataView(b.buffer, b.byteOffset, 4).getFloat32(0, true);
  }

  ascii(n: number, field = 'text'): string {
    this.need(n, field);
    const b = this.bytes;
    const end = this.pos + n;
    let s = '';
    for (let i = this.pos; i < end; i++) s += String.fromCharCode(b[i]);
    this.pos = end;
    return s;
  }

  /** ASCII of `n` bytes without their NUL bytes (fixed-length, NUL-padded text). */
  asciiNoNul(n: number, field = 'text'): string {
    this.need(n, field);
    const b = this.bytes;
    const end = this.pos + n;
    let s = '';
    for (let i = this.pos; i < end; i++) if (b[i] !== 0) s += String.fromCharCode(b[i]);
    this.pos = end;
    return s;
  }
}

/** Parses a hex string (spaces, `0x`, `_`, `|`, `#` tolerated). Throws MALFORMED on anything else. */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/^0x/i, '').replace(/[\s_|#:-]/g, '');
  if (clean.length % 2 !== 0) throw new CodecError('MALFORMED', `hex has an odd number of digits (${clean.length})`);
  if (!/^[0-9a-fA-F]*$/.test(clean)) throw new CodecError('MALFORMED', 'hex contains a character that is not a hex digit');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const HEX_LOWER = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX_LOWER[bytes[i]];
  return s;
}

/** BCD digits of `bytes` read as little-endian (M-Bus) or big-endian; throws MALFORMED on a non-decimal nibble. */
export function bcdToNumber(bytes: Uint8Array, littleEndian: boolean): number {
  let value = 0;
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes[littleEndian ? bytes.length - 1 - k : k];
    const hi = b >> 4;
    const lo = b & 0x0f;
    if (hi > 9 || lo > 9) throw new CodecError('MALFORMED', `invalid BCD byte 0x${b.toString(16).padStart(2, '0')}`);
    value = value * 100 + hi * 10 + lo;
  }
  return value;
}

/** Rounds away binary noise from scaled values (e.g. 0.1 * 3 = 0.30000000000000004). */
export function round(value: number, decimals = 9): number {
  const f = pow10(decimals);
  return Math.round(value * f) / f;
}
