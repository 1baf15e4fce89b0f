import { utf8TextOf } from './raw-text';

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

describe('utf8TextOf', () => {
  it('answers valid UTF-8 as text, multi-byte characters and a leading BOM kept', () => {
    expect(utf8TextOf(b64('{"a":1}'))).toBe('{"a":1}');
    expect(utf8TextOf(b64('grüße ✓ 𝄞'))).toBe('grüße ✓ 𝄞');
    expect(utf8TextOf(b64(Buffer.from([0xef, 0xbb, 0xbf, 0x41])))).toBe('\ufeffA');
    expect(utf8TextOf('')).toBe('');
  });

  it('answers null for bytes that are not UTF-8 (never a lossy U+FFFD decode)', () => {
    expect(utf8TextOf(b64(Buffer.from([0xff, 0xfe])))).toBeNull();
    expect(utf8TextOf(b64(Buffer.from([0x41, 0xc3])))).toBeNull(); // truncated sequence
    expect(utf8TextOf(b64(Buffer.from([0xed, 0xa0, 0x80])))).toBeNull(); // encoded surrogate
    expect(utf8TextOf(b64(Buffer.from([0xc0, 0xaf])))).toBeNull(); // overlong
  });
});
