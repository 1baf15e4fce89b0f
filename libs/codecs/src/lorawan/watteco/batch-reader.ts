import { CodecError } from '../../errors';
import { pow2 } from '../../pow';

/**
 * Bit-level reader of Watteco's compressed batch format ("br_uncompress"). Bits are taken
 * LSB-first from each byte. A sample of n bits is assembled the vendor's way: the first n % 8
 * bits (or 8) fill the low bits of the most significant byte, each following 8 bits the next
 * lower byte. Sample types: 1 bool, 2/3 u4/i4, 4/5 u8/i8, 6/7 u16/i16, 8/9 u24/i24, 10/11
 * u32/i32, 12 float; odd types 3..9 are sign-extended. Values are 32-bit JavaScript integers,
 * as in the vendor decoder (so a u32 with bit 31 set comes out negative, as it does there).
 * Huffman codes are read MSB-first, 2 to 11 bits, from one of three fixed tables.
 * Source: support.watteco.com "Batch report" pages and the br_uncompress decoder in
 * vendor/watteco/*.js (LoRaWAN Device Repository).
 */
const SAMPLE_BITS = [0, 1, 4, 4, 8, 8, 16, 16, 24, 24, 32, 32, 32] as const;

/** [code size in bits, code] for each index 0..15 of the three Huffman tables. */
const HUFFMAN: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [
  [[2, 0], [2, 1], [2, 3], [3, 5], [4, 9], [5, 17], [6, 33], [7, 65], [8, 129], [10, 512],
    [11, 1026], [11, 1027], [11, 1028], [11, 1029], [11, 1030], [11, 1031]],
  [[7, 111], [5, 26], [4, 12], [3, 3], [3, 7], [2, 2], [2, 0], [3, 2], [6, 54], [9, 443],
    [9, 441], [10, 885], [10, 884], [10, 880], [11, 1763], [11, 1762]],
  [[4, 9], [3, 5], [2, 0], [2, 1], [2, 3], [5, 17], [6, 33], [7, 65], [8, 129], [10, 512],
    [11, 1026], [11, 1027], [11, 1028], [11, 1029], [11, 1030], [11, 1031]],
];

/** Per table, (size * 2048 + code) -> the first index with that size and code, -1 for none. */
const HUFFMAN_INDEX: readonly Int8Array[] = HUFFMAN.map((codes) => {
  const index = new Int8Array(12 * 2048).fill(-1);
  codes.forEach(([size, code], i) => {
    if (index[size * 2048 + code] < 0) index[size * 2048 + code] = i;
  });
  return index;
});

export class BitReader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  private bit(n: number): number {
    if (n >> 3 >= this.bytes.length) {
      throw new CodecError('TRUNCATED', `batch frame too short: bit ${n} is past its ${this.bytes.length} bytes`, {
        bit: n,
        length: this.bytes.length,
      });
    }
    return (this.bytes[n >> 3] >> (n & 7)) & 1;
  }

  /** A sample of `type`, `bits` wide when given (the vendor's getNextSample). */
  sample(type: number, bits?: number): number {
    const size = bits || SAMPLE_BITS[type];
    if (!size) throw new CodecError('MALFORMED', `batch: unknown sample type ${type}`, { type });
    if (type === 12 && size !== 32) throw new CodecError('MALFORMED', 'Batch : Mauvais sampletype');
    let n = this.pos;
    this.pos += size;
    let value = 0;
    let bytesLeft = Math.trunc((size - 1) / 8) + 1;
    let chunk = size % 8 || 8;
    const b = this.bytes;
    // All bits in the frame: read them in place; otherwise bit by bit, which names the first missing bit.
    const inside = (n + size - 1) >> 3 < b.length;
    while (bytesLeft > 0) {
      if (inside) for (let d = 0; d < chunk; d++, n++) value |= ((b[n >> 3] >> (n & 7)) & 1) << (8 * (bytesLeft - 1) + d);
      else for (let d = 0; d < chunk; d++, n++) if (this.bit(n)) value |= 1 << (8 * (bytesLeft - 1) + d);
      bytesLeft--;
      chunk = 8;
    }
    if ((type === 3 || type === 5 || type === 7 || type === 9) && value & (1 << (size - 1))) {
      for (let c = size; c < 32; c++) value |= 1 << c;
    }
    return value;
  }

  /** The index (0..15) of the next Huffman code of `table`. */
  huffman(table: number): number {
    const codes = HUFFMAN_INDEX[table];
    if (!codes) throw new CodecError('MALFORMED', `batch: no Huffman table ${table}`, { table });
    // The code grows by one bit per size (MSB-first), the bits read so far are the same.
    const b = this.bytes;
    let code = 0;
    for (let size = 1; size < 12; size++) {
      if (8 * b.length < this.pos + size) {
        if (size === 1) continue; // the vendor checks from size 2 on
        throw new CodecError('TRUNCATED', 'Batch : Verify that dest buf is large enough', { bit: this.pos });
      }
      const n = this.pos + size - 1;
      code = (code << 1) | ((b[n >> 3] >> (n & 7)) & 1);
      if (size === 1) continue;
      const index = codes[size * 2048 + code];
      if (index >= 0) {
        this.pos += size;
        return index;
      }
    }
    throw new CodecError('MALFORMED', 'Bi not found in HUFF table', { table });
  }
}

/** The vendor's float32 of a type-12 first sample (denormals scaled by 2^-22, as there). */
export function batchFloat(bits: number): number {
  const sign = bits & 0x80000000 ? -1 : 1;
  let exponent = ((bits >> 23) & 255) - 127;
  let mantissa = bits & 0x7fffff;
  if (exponent === 128) throw new CodecError('MALFORMED', 'batch: float sample is NaN or infinite');
  if (exponent === -127) {
    if (mantissa === 0) return 0;
    exponent = -126;
    mantissa /= 1 << 22;
  } else {
    mantissa = (mantissa | (1 << 23)) / (1 << 23);
  }
  return sign * mantissa * pow2(exponent);
}
