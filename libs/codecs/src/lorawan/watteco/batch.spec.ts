import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { decodeUplink } from '../../registry';

/**
 * Batch frames built bit by bit after the format described on support.watteco.com ("Batch
 * report") and in the vendor's br_uncompress: LSB-first bits; an n-bit sample puts its first
 * n % 8 (or 8) bits into the low bits of its most significant byte; Huffman codes MSB-first.
 */
class BitWriter {
  private readonly bits: number[] = [];

  sample(size: number, value: number): this {
    let chunk = size % 8 || 8;
    for (let k = Math.trunc((size - 1) / 8); k >= 0; k--, chunk = 8) {
      for (let d = 0; d < chunk; d++) this.bits.push((value >>> (8 * k + d)) & 1);
    }
    return this;
  }

  code([size, code]: readonly [number, number]): this {
    for (let k = 0; k < size; k++) this.bits.push((code >> (size - 1 - k)) & 1);
    return this;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(Math.ceil(this.bits.length / 8));
    this.bits.forEach((b, i) => (out[i >> 3] |= b << (i & 7)));
    return out;
  }
}

// Huffman codes [size, code] used below: table 0 indexes 4 and 15, table 1 indexes 0, 3 and 15.
const T0_4 = [4, 9] as const;
const T0_15 = [11, 1031] as const;
const T1_0 = [7, 111] as const;
const T1_3 = [3, 3] as const;
const T1_15 = [11, 1762] as const;

const RECV = '2024-03-01T12:00:00.000Z';
const before = (seconds: number) => new Date(Date.parse(RECV) - seconds * 1000).toISOString();

describe('watteco batch frames', () => {
  it('smartplug: separate timestamps, coding type 0 deltas, a raw sample', () => {
    const w = new BitWriter()
      .sample(8, 0x10) // one series, samples follow, separate timestamps
      .sample(3, 2) // counter
      .sample(1, 0)
      .sample(1, 0) // label 0: ActiveEnergy (int24)
      .sample(32, 100) // first timestamp
      .sample(24, 1000) // first value
      .sample(2, 0) // coding type
      .sample(2, 0) // coding table
      .sample(1, 0) // label 0 again: its samples
      .sample(8, 3) // three samples
      .sample(2, 1) // timestamps use table 1
      .code(T1_3).sample(3, 1).code(T0_4).sample(4, 10) // ts 100+1+7 = 108; value +10
      .code(T1_0).code(T0_4).sample(4, 3) // same ts; value 3 -> 3+1-16 = -12
      .code(T1_15).sample(32, 200).code(T0_15).sample(24, 0xfffffb) // raw ts 200; raw value -5
      .code(T1_3).sample(3, 2); // batch timestamp 200+2+7 = 209
    const d = decodeUplink('watteco/smartplug', 125, w.bytes(), RECV);
    expect(d.vendor).toEqual({
      samples: [
        { variable: 'ActiveEnergy', value: 1000, date: before(109) },
        { variable: 'ActiveEnergy', value: 1010, date: before(101) },
        { variable: 'ActiveEnergy', value: 998, date: before(101) },
        { variable: 'ActiveEnergy', value: -5, date: before(9) },
      ],
      ActiveEnergy: -5,
    });
    expect(d.measurements).toEqual([
      { quantity: 'energy', value: 1, unit: 'kWh', at: before(109) },
      { quantity: 'energy', value: 1.01, unit: 'kWh', at: before(101) },
      { quantity: 'energy', value: 0.998, unit: 'kWh', at: before(101) },
      { quantity: 'energy', value: -0.005, unit: 'kWh', at: before(9) },
    ]);
  });

  it('pulse-senso: first values only (no-sample flag), battery voltage divided by 1000', () => {
    const w = new BitWriter()
      .sample(8, 0x24) // two series, no samples
      .sample(3, 0)
      .sample(1, 0)
      .sample(4, 6).sample(32, 50).sample(16, 3600) // battery_voltage (u16)
      .sample(4, 0).code(T1_0).sample(32, 123456) // index_1 (u32), same timestamp
      .code(T1_0); // batch timestamp = 50
    const d = decodeUplink('watteco/pulse-senso', 125, w.bytes(), RECV);
    expect(d.vendor).toEqual({
      samples: [
        { variable: 'index_1', value: 123456, date: RECV },
        { variable: 'battery_voltage', value: 3.6, date: RECV },
      ],
      index_1: 123456,
      battery_voltage: 3.6,
    });
    expect(d.measurements).toEqual([{ quantity: 'pulse_count', value: 123456, unit: 'count', register: 'input_1', at: RECV }]);
    expect(d.device).toEqual({ batteryVoltage: 3.6 });
  });

  it('refuses a label the model does not define', () => {
    const bytes = new BitWriter().sample(8, 0x14).sample(4, 0).sample(4, 9).sample(32, 1).sample(32, 1).bytes();
    expect(() => decodeUplink('watteco/pulse-senso', 125, bytes, RECV)).toThrow(/Cannot find i1 in argList/);
  });

  it('every cut of the vector batch frame is a CodecError (TRUNCATED)', () => {
    const full = hexToBytes('3203032cd2dc00000000117b02000080903d005000401040801d11604704d8119024912492247b');
    for (let n = 0; n < full.length; n++) {
      let caught: unknown;
      try {
        decodeUplink('watteco/pulse-senso', 125, full.subarray(0, n), RECV);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CodecError);
      expect((caught as CodecError).code).toBe('TRUNCATED');
    }
  });
});
