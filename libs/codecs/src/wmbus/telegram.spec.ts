import { CodecError } from '../errors';
import { hexToBytes } from '../reader';
import type { DecodedPayload } from '../types';
import { wmbusVectors } from '../../test/vectors';
import { aesCbcEncrypt, aesCmac, aesCtr, deriveOmsKey } from './crypto';
import { crc16En13757, decodeWmbus, manufacturerCode, manufacturerField, parseTelegram, stripDllCrcs } from './index';

const vectors = wmbusVectors();
const vector = (id: string) => {
  const v = vectors.find((x) => x.id === id);
  if (!v) throw new Error(`no vector ${id}`);
  return v;
};

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof CodecError) return e.code;
    return `not a CodecError: ${String(e)}`;
  }
  return 'no error';
}

function value(d: DecodedPayload, quantity: string, storage = 0, register?: string): number | undefined {
  return d.measurements.find((m) => m.quantity === quantity && (m.storage ?? 0) === storage && m.register === register)?.value;
}

/** Adds format A CRCs (first block 10 bytes, then 16-byte blocks) to a CRC-less frame. */
function withFormatA(frame: Uint8Array): Uint8Array {
  const out: number[] = [];
  const push = (from: number, to: number) => {
    const crc = crc16En13757(frame, from, to);
    for (let i = from; i < to; i++) out.push(frame[i]);
    out.push(crc >> 8, crc & 0xff);
  };
  push(0, 10);
  for (let i = 10; i < frame.length; i += 16) push(i, Math.min(frame.length, i + 16));
  return Uint8Array.from(out);
}

/** Format B: L counts the CRCs; one CRC after byte 126 (blocks 1+2), one at the end of block 3. */
function withFormatB(frame: Uint8Array): Uint8Array {
  const body = Array.from(frame);
  const total = body.length + (body.length > 126 ? 4 : 2);
  body[0] = total - 1;
  const b = Uint8Array.from(body);
  const out: number[] = [];
  const end2 = Math.min(b.length, 126);
  const crc1 = crc16En13757(b, 0, end2);
  out.push(...b.subarray(0, end2), crc1 >> 8, crc1 & 0xff);
  if (b.length > 126) {
    const crc2 = crc16En13757(b, 126, b.length);
    out.push(...b.subarray(126), crc2 >> 8, crc2 & 0xff);
  }
  return Uint8Array.from(out);
}

describe('link layer', () => {
  it('CRC-16 EN 13757 check value', () => {
    expect(crc16En13757(new TextEncoder().encode('123456789'))).toBe(0xc2b7);
  });

  it('manufacturer codes', () => {
    expect(manufacturerCode(0x2c2d)).toBe('KAM');
    expect(manufacturerField('KAM')).toBe(0x2c2d);
    expect(manufacturerCode(0x8614 & 0x7fff)).toBe('APT');
  });

  it('frame format A: CRCs detected, verified and stripped', () => {
    for (const id of ['wmb-aerius-01', 'wmb-sontex868-01', 'wmb-kamheat-07']) {
      const plain = hexToBytes(vector(id).hex);
      const a = withFormatA(plain);
      expect(stripDllCrcs(a).crcFormat).toBe('A');
      expect(Buffer.from(stripDllCrcs(a).frame)).toEqual(Buffer.from(plain));
      expect(decodeWmbus(a).measurements).toEqual(decodeWmbus(plain).measurements);
      const bad = Uint8Array.from(a);
      bad[bad.length - 3] ^= 0x01;
      expect(codeOf(() => decodeWmbus(bad))).toBe('CRC_MISMATCH');
    }
  });

  it('frame format B: CRCs detected, verified and stripped (short and > 128 bytes)', () => {
    for (const id of ['wmb-aerius-01', 'wmb-sontex868-01']) {
      const plain = hexToBytes(vector(id).hex);
      const b = withFormatB(plain);
      expect(stripDllCrcs(b).crcFormat).toBe('B');
      expect(Buffer.from(stripDllCrcs(b).frame)).toEqual(Buffer.from(plain));
      expect(decodeWmbus(b).measurements).toEqual(decodeWmbus(plain).measurements);
      const bad = Uint8Array.from(b);
      bad[20] ^= 0x40;
      expect(codeOf(() => stripDllCrcs(bad, 'B'))).toBe('CRC_MISMATCH');
    }
  });

  it('C1 captures that kept their format B CRCs are recognised (hcae2 vectors)', () => {
    expect(stripDllCrcs(hexToBytes(vector('wmb-hcae2-04').hex)).crcFormat).toBe('B');
    expect(stripDllCrcs(hexToBytes(vector('wmb-hcae2-02').hex)).crcFormat).toBe('none');
  });

  it('a frame shorter than its L-field is TRUNCATED, at every length', () => {
    for (const id of ['wmb-aerius-01', 'wmb-kaden-01', 'wmb-kamheat-01', 'wmb-izar-01']) {
      const v = vector(id);
      const b = hexToBytes(v.hex);
      const key = v.key !== 'NOKEY' ? hexToBytes(v.key) : undefined;
      for (let n = 0; n < b.length; n++) {
        expect(codeOf(() => decodeWmbus(b.subarray(0, n), { key }))).toBe('TRUNCATED');
      }
    }
  });
});

describe('wired M-Bus long frames', () => {
  const frame = hexToBytes(vector('wmb-kamheat-13').hex);

  it('decodes through the same entry point', () => {
    const d = decodeWmbus(frame);
    expect(d.device?.meterId).toBe('77447744');
    expect(d.vendor.frameType).toBe('mbus');
    expect(value(d, 'energy')).toBe(34510);
  });

  it('checks the checksum, stop byte and length', () => {
    const badSum = Uint8Array.from(frame);
    badSum[badSum.length - 2] ^= 0xff;
    expect(codeOf(() => decodeWmbus(badSum))).toBe('CRC_MISMATCH');
    const badStop = Uint8Array.from(frame);
    badStop[badStop.length - 1] = 0x17;
    expect(codeOf(() => decodeWmbus(badStop))).toBe('MALFORMED');
    expect(codeOf(() => decodeWmbus(frame.subarray(0, frame.length - 5)))).toBe('TRUNCATED');
    expect(codeOf(() => decodeWmbus(Uint8Array.from([0xe5])))).toBe('UNSUPPORTED_FRAME');
  });
});

describe('security', () => {
  it('mode 5 (AES-128-CBC, IV = M A 8 x access number) with the known key', () => {
    const v = vector('wmb-kaden-01');
    const d = decodeWmbus(hexToBytes(v.hex), { key: hexToBytes(v.key) });
    expect(d.vendor.protection).toBe('decrypted');
    expect(d.device?.meterId).toBe(v.expected.id);
  });

  it('mode 5 with a long header uses the long header address in the IV', () => {
    const v = vector('wmb-aventieswm-01');
    const d = decodeWmbus(hexToBytes(v.hex), { key: hexToBytes(v.key) });
    expect(d.vendor.protection).toBe('decrypted');
  });

  it('mode 5: a wrong key is WRONG_KEY, no key is KEY_NEEDED', () => {
    const v = vector('wmb-kaden-01');
    const wrong = hexToBytes(v.key);
    wrong[0] ^= 1;
    expect(codeOf(() => decodeWmbus(hexToBytes(v.hex), { key: wrong }))).toBe('WRONG_KEY');
    expect(codeOf(() => decodeWmbus(hexToBytes(v.hex)))).toBe('KEY_NEEDED');
  });

  it('an area announced encrypted that already starts with 2F2F is accepted without a key', () => {
    const d = decodeWmbus(hexToBytes(vector('wmb-aerius-01').hex));
    expect(d.vendor.protection).toBe('plain_despite_announcement');
    expect(value(d, 'volume', 0, 'base_conditions')).toBe(6842.784);
  });

  it('ELL AES-128-CTR (CI 0x8D): clear payload with a matching CRC, encrypted with a key, wrong key', () => {
    const plain = hexToBytes(vector('wmb-kamheat-01').hex);
    expect(decodeWmbus(plain).vendor.protection).toBe('plain_despite_announcement');
    const key = hexToBytes('000102030405060708090A0B0C0D0E0F');
    // IV = M(2) A(6) CC SN(4) FN(2)=0 BC=0; encrypt everything after SN (CRC + payload).
    const iv = new Uint8Array(16);
    iv.set(plain.subarray(2, 10), 0);
    iv[8] = plain[11];
    iv.set(plain.subarray(13, 17), 9);
    const enc = Uint8Array.from(plain);
    enc.set(aesCtr(key, iv, plain.subarray(17)), 17);
    const d = decodeWmbus(enc, { key });
    expect(d.vendor.protection).toBe('decrypted');
    expect(d.measurements).toEqual(decodeWmbus(plain).measurements);
    expect(codeOf(() => decodeWmbus(enc))).toBe('KEY_NEEDED');
    const wrong = Uint8Array.from(key);
    wrong[5] ^= 0x10;
    expect(codeOf(() => decodeWmbus(enc, { key: wrong }))).toBe('WRONG_KEY');
  });

  it('mode 7 (OMS profile B): AFL counter, CMAC key derivation, MAC check, AES-CBC with zero IV', () => {
    // ebzwmbe-01: ELL 8C, AFL 90 (counter + 8-byte MAC), long TPL 72 with mode 7, clear 2F2F payload.
    const clear = hexToBytes(vector('wmb-ebzwmbe-01').hex);
    const key = hexToBytes('FEDCBA98765432100123456789ABCDEF');
    const aflAt = 13; // after DLL (10), CI 8C, CC, ACC
    const counter = clear.subarray(aflAt + 5, aflAt + 9);
    const tplAt = aflAt + 2 + clear[aflAt + 1];
    const id = clear.subarray(tplAt + 1, tplAt + 5);
    const payloadAt = tplAt + 1 + 8 + 4 + 1; // CI, long header, short header, cfg ext
    const blocks = (clear[tplAt + 11] >> 4) & 0x0f;
    const enc = Uint8Array.from(clear);
    const kenc = deriveOmsKey(key, 0x00, counter, id);
    enc.set(aesCbcEncrypt(kenc, new Uint8Array(16), clear.subarray(payloadAt, payloadAt + 16 * blocks)), payloadAt);
    const kmac = deriveOmsKey(key, 0x01, counter, id);
    const macInput = new Uint8Array(5 + enc.length - tplAt);
    macInput[0] = enc[aflAt + 4];
    macInput.set(counter, 1);
    macInput.set(enc.subarray(tplAt), 5);
    enc.set(aesCmac(kmac, macInput).subarray(0, 8), aflAt + 9);
    const d = decodeWmbus(enc, { key });
    expect(d.vendor.protection).toBe('decrypted');
    expect(d.measurements).toEqual(decodeWmbus(clear).measurements);
    const wrong = Uint8Array.from(key);
    wrong[15] ^= 1;
    expect(codeOf(() => decodeWmbus(enc, { key: wrong }))).toBe('WRONG_KEY');
    expect(codeOf(() => decodeWmbus(enc))).toBe('KEY_NEEDED');
  });
});

describe('compact frames', () => {
  it('decode with the format learned from a prior full frame, or a driver-declared format', () => {
    const v = vector('wmb-kamheat-02');
    const prior = (v.priorTelegrams ?? []).map(hexToBytes);
    const withPrior = decodeWmbus(hexToBytes(v.hex), { prior });
    const withoutPrior = decodeWmbus(hexToBytes(v.hex));
    expect(withPrior.measurements).toEqual(withoutPrior.measurements);
    expect(value(withPrior, 'energy')).toBe(44);
  });

  it('an unknown format signature is MISSING_CONTEXT', () => {
    const b = hexToBytes(vector('wmb-kamheat-02').hex);
    const t = parseTelegram(b);
    expect(t.tpl.headerType).toBe('compact');
    // Corrupt the format signature (after ELL 8D: CI 79 at offset 19, signature at 20-21) and
    // recompute the ELL payload CRC (bytes 17-18, over everything after them).
    const bad = Uint8Array.from(b);
    bad[20] ^= 0xff;
    const crc = crc16En13757(bad, 19);
    bad[17] = crc & 0xff;
    bad[18] = crc >> 8;
    expect(codeOf(() => decodeWmbus(bad))).toBe('MISSING_CONTEXT');
  });
});

describe('robustness', () => {
  it('garbage gives a CodecError (never a TypeError or a DECODER_BUG)', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const check = (b: Uint8Array, key?: Uint8Array) => {
      try {
        decodeWmbus(b, key ? { key } : {});
      } catch (e) {
        expect(e).toBeInstanceOf(CodecError);
        expect((e as CodecError).code).not.toBe('DECODER_BUG');
      }
    };
    for (let i = 0; i < 3000; i++) {
      const n = 1 + (rnd() % 120);
      const b = Uint8Array.from({ length: n }, rnd);
      if (i % 3 === 0) b[0] = n - 1; // a consistent L-field reaches the upper layers
      check(b);
    }
    // Bit flips in real telegrams reach every layer and driver.
    for (const v of vectors) {
      const b = hexToBytes(v.hex);
      const key = v.key !== 'NOKEY' && v.key.length === 32 ? hexToBytes(v.key) : undefined;
      for (let k = 0; k < 8; k++) {
        const m = Uint8Array.from(b);
        const at = 1 + (rnd() % (m.length - 1));
        m[at] ^= 1 << (rnd() % 8);
        check(m, key);
      }
    }
  });

  it('every decoded payload is JSON-safe and round-trips through JSON', () => {
    for (const v of vectors.slice(0, 80)) {
      const key = v.key !== 'NOKEY' && v.key.length === 32 ? hexToBytes(v.key) : undefined;
      const d = decodeWmbus(hexToBytes(v.hex), { ...(key ? { key } : {}), prior: (v.priorTelegrams ?? []).map(hexToBytes) });
      expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    }
  });
});

describe('inputs that are Node Buffers (views into a shared pool)', () => {
  it('decode the same as a plain Uint8Array copy and leave the caller\'s bytes untouched', () => {
    const fixtures = wmbusVectors();
    let encrypted = 0;
    for (const f of fixtures) {
      const key = f.key && f.key !== 'NOKEY' ? Buffer.from(f.key, 'hex') : undefined;
      const plain = Uint8Array.from(Buffer.from(f.hex, 'hex'));
      // A Buffer at a non-zero offset of a larger allocation, as Buffer.from(base64) of a small message gives.
      const pooled = Buffer.concat([Buffer.alloc(13, 0xaa), Buffer.from(f.hex, 'hex')]).subarray(13);
      const before = Buffer.from(pooled);
      const outcome = (bytes: Uint8Array) => {
        try {
          return JSON.stringify(decodeWmbus(bytes, key ? { key } : {}));
        } catch (error) {
          return String(error);
        }
      };
      expect([f.id, outcome(pooled)]).toEqual([f.id, outcome(plain)]);
      expect(pooled.equals(before)).toBe(true);
      if (key) encrypted += 1;
    }
    expect(encrypted).toBeGreaterThan(20);
  });
});
