import { CodecError } from '../../errors';
import { pow2 } from '../../pow';

/**
 * The byte buffer of the iPERL decoder with its value readers, as that decoder reads them:
 *  - binary values of (data field & 7) bytes, little-endian (so a real32 is read as 5 bytes and
 *    a 64-bit value as 7); negative when the top bit of the last byte is set, then negated over
 *    a 16-bit mask only (its mask loop never shifts): -(((~v) & 0xFFFF) + 1);
 *  - BCD of (data field & 7) bytes as decimal digits, a nibble above 9 read as 0;
 *  - LVAR values skipped and read as 0;
 *  - type G/F/I dates in UTC, refused when the calendar date or time does not exist.
 * Reading past the end throws TRUNCATED ("Invalid frame (offset: n)", the decoder's message).
 */
/** 256^a for a = 0..5. */
const POW256 = [1, 2 ** 8, 2 ** 16, 2 ** 24, 2 ** 32, 2 ** 40];

export class OmsBuffer {
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  private fail(): never {
    throw new CodecError('TRUNCATED', `Invalid frame (offset: ${this.pos})`, { offset: this.pos });
  }

  peek(): number {
    if (this.done) this.fail();
    return this.bytes[this.pos];
  }

  byte(): number {
    const b = this.peek();
    this.pos++;
    return b;
  }

  uint16(): number {
    const lo = this.byte();
    return lo | (this.byte() << 8);
  }

  skip(n: number): void {
    if (this.pos + n > this.bytes.length) this.fail();
    this.pos += n;
  }

  rest(): Uint8Array {
    const out = this.bytes.subarray(this.pos);
    this.pos = this.bytes.length;
    return out;
  }

  /** BCD digits, most significant byte (the last) first; nibbles above 9 print as "0". */
  bcdDigits(n: number): string {
    if (this.pos + n > this.bytes.length) this.fail();
    let s = '';
    for (let k = this.pos + n - 1; k >= this.pos; k--) {
      const b = this.bytes[k];
      s += ((b >> 4) >= 10 ? '0' : String(b >> 4)) + ((b & 15) >= 10 ? '0' : String(b & 15));
    }
    this.pos += n;
    return s;
  }

  /** A multi-byte field: the first byte, and while a byte has bit 7 set the next one, packed LE (int32). */
  extended(): number {
    let value = this.byte();
    let b = value;
    for (let r = 1; b >= 128; r++) {
      b = this.byte();
      value |= b << (8 * r);
    }
    return value;
  }

  /** A value of the DIF data field `field` (not 13, not 15), the decoder's way. */
  number(field: number): bigint {
    const n = field & 7;
    if (field > 8) return BigInt(this.bcdDigits(n));
    if (n <= 6) {
      // Up to 48 bits: exact as a number.
      let v = 0;
      for (let a = 0; a < n; a++) v += this.byte() * POW256[a];
      const negative = n > 0 && this.bytes[this.pos - 1] >= 0x80;
      return BigInt(negative ? -((~v & 0xffff) + 1) : v);
    }
    let v = 0n;
    let negative = false;
    for (let a = 0; a < n; a++) {
      const h = BigInt(this.byte());
      if (a === n - 1) negative = (h & 0x80n) !== 0n;
      v |= (h << BigInt(8 * a)) & 0xffffffffffffffn;
    }
    return negative ? -((~v & 0xffffn) + 1n) : v;
  }

  /** An LVAR value: skipped, worth 0 (lengths 0xF0..0xFA skip LVAR - 0xF0 bytes, above nothing). */
  lvar(): bigint {
    const c = this.byte();
    if (c <= 191) this.skip(c);
    else if (c <= 207) this.skip(c - 192);
    else if (c <= 223) this.skip(c - 208);
    else if (c <= 239) this.skip(c - 224);
    else if (c <= 250) this.skip(c - 240);
    return 0n;
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Date of a binary value of `size` bytes (G = 2, F = 4, I = 6; others: 2000-01-01), in UTC. */
export function omsDate(o: bigint, size: number): { epochSeconds: number; text: string } {
  // Dates of 2, 4 and 6 bytes are values of at most 48 bits, exact as a number: floor(x / 2^s) is
  // BigInt's `>>`, and the 8-bit masks keep the same low bits (the other sizes read no field).
  const x = Number(o);
  const f = (shift: number, mask: number): number => Math.floor(x / pow2(shift)) & mask;
  let [year, month, day, hour, minute, second] = [2000, 1, 1, 0, 0, 0];
  if (size === 2) {
    [day, month, year] = [f(0, 31), f(8, 15), 2000 + (f(9, 120) | f(5, 7))];
  } else if (size === 4) {
    [minute, hour, day, month] = [f(0, 63), f(8, 31), f(16, 31), f(24, 15)];
    year = 2000 + (f(25, 120) | f(21, 7));
  } else if (size === 6) {
    [second, minute, hour, day, month] = [f(0, 63), f(8, 63), f(16, 31), f(24, 31), f(32, 15)];
    year = 2000 + ((f(24, 224) >> 5) | (f(32, 240) >> 1));
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (
    month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 ||
    check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day
  ) {
    throw new CodecError('MALFORMED', `invalid date ${year}-${month}-${day} ${hour}:${minute}:${second}`);
  }
  return { epochSeconds: ms / 1000, text: `${year}-${pad2(month)}-${pad2(day)} ${pad2(hour)}:${pad2(minute)}:${pad2(second)}` };
}
