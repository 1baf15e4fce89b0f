import { crc32, tableCrc32 } from './crc32';
import { FRAME_OVERHEAD, encodeFrame, findNextFrame, readFrame } from './frame';

const MAX = 1024;

describe('write-ahead frames', () => {
  it('computes the IEEE CRC-32 (check value of "123456789"), natively and by table', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips a record: [u32 length][u32 crc32][f64 appendedAt + payload]', () => {
    const frame = encodeFrame(Buffer.from('hello'), 1_764_000_000_123);
    expect(frame.length).toBe(FRAME_OVERHEAD + 5);
    expect(frame.readUInt32LE(0)).toBe(8 + 5);
    expect(frame.readUInt32LE(4)).toBe(crc32(frame.subarray(8)));
    const read = readFrame(frame, 0, MAX);
    expect(read).toEqual({ kind: 'ok', size: frame.length, appendedAt: 1_764_000_000_123, payload: Buffer.from('hello') });
  });

  it('reads an empty payload', () => {
    const read = readFrame(encodeFrame(Buffer.alloc(0), 1), 0, MAX);
    expect(read.kind === 'ok' && read.payload.length).toBe(0);
  });

  it('says short for a frame cut anywhere (a torn write)', () => {
    const frame = encodeFrame(Buffer.from('a record'), 5);
    for (let cut = 0; cut < frame.length; cut++) expect(readFrame(frame.subarray(0, cut), 0, MAX).kind).toBe('short');
  });

  it('says bad for a flipped bit anywhere in the body or crc, and for absurd lengths', () => {
    const frame = encodeFrame(Buffer.from('a record'), 5);
    for (let at = 4; at < frame.length; at++) {
      const copy = Buffer.from(frame);
      copy[at] ^= 0x10;
      expect(readFrame(copy, 0, MAX).kind).toBe('bad');
    }
    const huge = Buffer.from(frame);
    huge.writeUInt32LE(MAX + 1, 0);
    expect(readFrame(huge, 0, MAX).kind).toBe('bad');
    const tiny = Buffer.from(frame);
    tiny.writeUInt32LE(3, 0);
    expect(readFrame(tiny, 0, MAX).kind).toBe('bad');
  });

  it('finds the next valid frame after garbage, and nothing when none follows', () => {
    const a = encodeFrame(Buffer.from('first'), 1);
    const b = encodeFrame(Buffer.from('second'), 2);
    const garbage = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03]);
    const buf = Buffer.concat([a, garbage, b]);
    expect(readFrame(buf, a.length, MAX).kind).not.toBe('ok');
    expect(findNextFrame(buf, a.length, MAX)).toBe(a.length + garbage.length);
    expect(findNextFrame(Buffer.concat([a, garbage]), a.length, MAX)).toBeUndefined();
  });
});
