import { CodecError } from '../errors';
import { crc16En13757 } from './crc';
import { aesCbcDecryptInto, aesCmac, aesCtr, deriveOmsKey, ZERO_IV } from './crypto';
import type { DiehlInterpretation } from './diehl';
import { diehlInterpretation, diehlLfsr, foldKey, normaliseDiehlAddress, PRIOS_DEFAULT_KEYS } from './diehl';
import type { CrcFormat, DllHeader } from './link';
import { idString, manufacturerCode, parseDll, stripDllCrcs } from './link';

/**
 * EN 13757-4 (link), EN 13757-7 (transport and security) and OMS: turns a wM-Bus frame into its
 * headers and the clear application data. The application data is not interpreted here.
 */

export interface EllHeader {
  ci: number;
  cc: number;
  acc: number;
  /** ELL III/IV: the address of the target device. */
  manufacturer?: string;
  id?: string;
  sessionNumber?: number;
  /** 0 = none, 1 = AES-128-CTR. */
  encryption?: number;
  payloadCrc?: number;
}

export interface AflHeader {
  ci: number;
  length: number;
  fragmentControl: number;
  messageControl?: number;
  keyInfo?: number;
  messageCounter?: number;
  counterBytes?: Uint8Array;
  mac?: Uint8Array;
}

export type TplHeaderType = 'none' | 'short' | 'long' | 'compact' | 'compact_long' | 'manufacturer';

export interface TplHeader {
  ci: number;
  headerType: TplHeaderType;
  accessNumber?: number;
  status?: number;
  configuration?: number;
  /** Security mode from the configuration word (0 = none, 5 = AES-CBC with IV, 7 = AES-CBC with KDF...). */
  securityMode: number;
  encryptedBlocks?: number;
  configurationExt?: number;
  /** Long header: the meter behind the radio (its id, manufacturer, version, device type). */
  id?: string;
  mField?: number;
  manufacturer?: string;
  version?: number;
  deviceType?: number;
  /** Compact frames: format signature and data CRC. */
  formatSignature?: number;
  dataCrc?: number;
}

/** How the application data was obtained. */
export type Protection = 'none' | 'decrypted' | 'plain_despite_announcement';

export interface ParsedTelegram {
  frameType: 'wmbus' | 'mbus';
  crcFormat: CrcFormat;
  /** The frame as decoded (CRCs stripped, Diehl address normalised). */
  frame: Uint8Array;
  /** The frame as received (CRCs stripped, address as sent). */
  received: Uint8Array;
  /** How a Diehl (DME/HYD/SAP/...) frame is to be read; 'none' for other manufacturers. */
  diehl: DiehlInterpretation;
  dll: DllHeader;
  /** Wired M-Bus: C-field and primary address. */
  mbus?: { cField: number; address: number };
  ell?: EllHeader;
  afl?: AflHeader;
  tpl: TplHeader;
  protection: Protection;
  /** The clear application data after the TPL header (and after the compact-frame signature/CRC). */
  apl: Uint8Array;
  warnings: string[];
}

export interface ParseOptions {
  key?: Uint8Array;
  crc?: 'auto' | CrcFormat;
}

/** Length of the ELL fields after the CI (0 when `ci` is not an ELL CI). */
function ellLength(ci: number): number {
  switch (ci) {
    case 0x8c:
      return 2;
    case 0x8d:
      return 8;
    case 0x8e:
      return 10;
    case 0x8f:
      return 16;
    default:
      return 0;
  }
}

function need(frame: Uint8Array, pos: number, n: number, what: string): void {
  if (pos + n > frame.length) {
    throw new CodecError('TRUNCATED', `wM-Bus ${what} needs ${n} byte(s) at offset ${pos}, frame has ${frame.length}`, {
      offset: pos,
      needed: n,
      length: frame.length,
    });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** A TPL header with every field present (undefined until set): one hidden class for all telegrams. */
export function newTplHeader(ci: number): TplHeader {
  return {
    ci,
    headerType: 'none',
    accessNumber: undefined,
    status: undefined,
    configuration: undefined,
    securityMode: 0,
    encryptedBlocks: undefined,
    configurationExt: undefined,
    id: undefined,
    mField: undefined,
    manufacturer: undefined,
    version: undefined,
    deviceType: undefined,
    formatSignature: undefined,
    dataCrc: undefined,
  };
}

export function isManufacturerCi(ci: number): boolean {
  return ci >= 0xa0 && ci <= 0xb7;
}

/** Parses a wireless M-Bus frame (L-field first). */
export function parseWmbusFrame(input: Uint8Array, options: ParseOptions = {}): ParsedTelegram {
  const stripped = stripDllCrcs(input, options.crc ?? 'auto');
  const warnings: string[] = [];
  if (stripped.trailing > 0) warnings.push(`${stripped.trailing} byte(s) after the L-field length ignored`);
  const received = stripped.frame;
  const diehl = diehlInterpretation(received);
  const frame = normaliseDiehlAddress(received, diehl);
  const dll = parseDll(frame);
  let pos = 10;
  let ell: EllHeader | undefined;
  let afl: AflHeader | undefined;
  let data = frame;
  let protection: Protection = 'none';

  // Extended link layer.
  need(data, pos, 1, 'CI field');
  let ci = data[pos];
  if (ci === 0x86) throw new CodecError('UNSUPPORTED_FRAME', 'ELL V (CI 0x86) is not supported', { ci });
  const len = ellLength(ci);
  if (len > 0) {
    if (pos + 1 + len > data.length) need(data, pos + 1, len, `ELL (CI 0x${ci.toString(16)})`);
    ell = { ci, cc: data[pos + 1], acc: data[pos + 2], manufacturer: undefined, id: undefined, sessionNumber: undefined, encryption: undefined, payloadCrc: undefined };
    let p = pos + 3;
    if (ci === 0x8e || ci === 0x8f) {
      const m = data[p] | (data[p + 1] << 8);
      ell.manufacturer = manufacturerCode(m);
      ell.id = idString(data, p + 2);
      p += 8;
    }
    if (ci === 0x8d || ci === 0x8f) {
      const sn = (data[p] | (data[p + 1] << 8) | (data[p + 2] << 16) | (data[p + 3] << 24)) >>> 0;
      ell.sessionNumber = sn;
      ell.encryption = (sn >>> 29) & 7;
      const snBytes = data.subarray(p, p + 4);
      p += 4;
      const crcAt = p;
      const sent = data.subarray(crcAt);
      const crcOk = (b: Uint8Array) => b.length >= 2 && crc16En13757(b, 2) === (b[0] | (b[1] << 8));
      if (ell.encryption === 0) {
        if (!crcOk(sent)) throw new CodecError('CRC_MISMATCH', 'ELL payload CRC does not match', { ci });
      } else if (ell.encryption === 1) {
        let clear: Uint8Array | undefined;
        if (options.key && options.key.length !== 16) throw new CodecError('MALFORMED', 'ELL AES-CTR needs a 16-byte key', { ci });
        if (options.key) {
          const iv = new Uint8Array(16);
          iv.set(frame.subarray(2, 10), 0);
          iv[8] = ell.cc;
          iv.set(snBytes, 9);
          // FN (2 bytes) and BC (1 byte) are 0.
          const dec = aesCtr(options.key, iv, sent);
          if (crcOk(dec)) {
            clear = dec;
            protection = 'decrypted';
          }
        }
        if (!clear && crcOk(sent)) {
          clear = sent;
          protection = 'plain_despite_announcement';
          if (options.key) warnings.push('ELL announced AES-CTR but the payload is already clear');
        }
        if (!clear) {
          if (options.key) throw new CodecError('WRONG_KEY', 'ELL AES-CTR: the payload CRC does not match after decryption', { ci });
          throw new CodecError('KEY_NEEDED', 'ELL payload is AES-CTR encrypted and no key was given', { ci, manufacturer: dll.manufacturer, id: dll.id });
        }
        data = concat(data.subarray(0, crcAt), clear);
      } else {
        throw new CodecError('UNSUPPORTED_FRAME', `ELL security mode ${ell.encryption} is not supported`, { ci, mode: ell.encryption });
      }
      ell.payloadCrc = data[crcAt] | (data[crcAt + 1] << 8);
      p += 2;
    }
    pos = p;
    need(data, pos, 1, 'CI field after ELL');
    ci = data[pos];
  }

  // Network layer (seen as 0x81 xx): skip its one byte.
  if (ci === 0x81) {
    pos += 2;
    need(data, pos, 1, 'CI field after NWL');
    ci = data[pos];
  }

  // Authentication and fragmentation layer.
  if (ci === 0x90) {
    need(data, pos, 4, 'AFL header');
    const length = data[pos + 1];
    need(data, pos + 2, length, 'AFL');
    const fc = data[pos + 2] | (data[pos + 3] << 8);
    afl = { ci, length, fragmentControl: fc, messageControl: undefined, keyInfo: undefined, messageCounter: undefined, counterBytes: undefined, mac: undefined };
    let p = pos + 4;
    const end = pos + 2 + length;
    if (fc & 0x2000) afl.messageControl = data[p++];
    if (fc & 0x0200) {
      afl.keyInfo = data[p] | (data[p + 1] << 8);
      p += 2;
    }
    if (fc & 0x0800) {
      afl.counterBytes = data.subarray(p, p + 4);
      afl.messageCounter = (data[p] | (data[p + 1] << 8) | (data[p + 2] << 16) | (data[p + 3] << 24)) >>> 0;
      p += 4;
    }
    if (fc & 0x0400) {
      const macLen = [0, 0, 0, 0, 4, 8, 12, 16, 0, 0][(afl.messageControl ?? 0) & 0x0f] ?? 0;
      afl.mac = data.subarray(p, p + macLen);
      p += macLen;
    }
    if (fc & 0x4000) throw new CodecError('UNSUPPORTED_FRAME', 'fragmented AFL messages are not supported', { ci });
    pos = Math.max(p, end);
    need(data, pos, 1, 'CI field after AFL');
    ci = data[pos];
  }

  // Transport layer.
  const tplStart = pos;
  const tpl = newTplHeader(ci);
  pos++;
  if (ci === 0x72 || ci === 0x73 || ci === 0x53 || ci === 0x5b || ci === 0x6b || ci === 0x75 || ci === 0x7d || ci === 0x6f || ci === 0x8b) {
    need(data, pos, 12, 'long TPL header');
    tpl.headerType = ci === 0x73 ? 'compact_long' : 'long';
    tpl.id = idString(data, pos);
    tpl.mField = data[pos + 4] | (data[pos + 5] << 8);
    tpl.manufacturer = manufacturerCode(tpl.mField);
    tpl.version = data[pos + 6];
    tpl.deviceType = data[pos + 7];
    pos += 8;
    pos = shortHeader(data, pos, tpl);
  } else if (ci === 0x7a || ci === 0x5a || ci === 0x6a || ci === 0x74 || ci === 0x7b || ci === 0x6e || ci === 0x8a) {
    need(data, pos, 4, 'short TPL header');
    tpl.headerType = ci === 0x7b ? 'compact' : 'short';
    pos = shortHeader(data, pos, tpl);
  } else if (ci === 0x78 || ci === 0x51 || ci === 0x70 || ci === 0x71 || ci === 0x69) {
    tpl.headerType = 'none';
  } else if (ci === 0x79) {
    tpl.headerType = 'compact';
  } else if (isManufacturerCi(ci)) {
    tpl.headerType = 'manufacturer';
  } else {
    throw new CodecError('UNSUPPORTED_FRAME', `CI field 0x${ci.toString(16).padStart(2, '0')} is not supported`, { ci });
  }

  if (tpl.securityMode !== 0) {
    const result = decryptTpl(frame, received, data, pos, tpl, dll, afl, tplStart, options.key, warnings, diehl);
    data = result.data;
    protection = result.protection;
  }

  if (tpl.headerType === 'compact' || tpl.headerType === 'compact_long') {
    // After decryption the 2F2F check bytes (if any) come first.
    let p = pos;
    while (p < data.length && data[p] === 0x2f) p++;
    need(data, p, 4, 'compact frame signature');
    tpl.formatSignature = data[p] | (data[p + 1] << 8);
    tpl.dataCrc = data[p + 2] | (data[p + 3] << 8);
    pos = p + 4;
  }

  return {
    frameType: 'wmbus',
    crcFormat: stripped.crcFormat,
    frame,
    received,
    diehl,
    dll,
    mbus: undefined,
    ell,
    afl,
    tpl,
    protection,
    apl: data.subarray(pos),
    warnings,
  };
}

function shortHeader(data: Uint8Array, pos: number, tpl: TplHeader): number {
  need(data, pos, 4, 'TPL header');
  tpl.accessNumber = data[pos];
  tpl.status = data[pos + 1];
  const cfg = data[pos + 2] | (data[pos + 3] << 8);
  tpl.configuration = cfg;
  tpl.securityMode = (cfg >> 8) & 0x1f;
  let p = pos + 4;
  if (tpl.securityMode === 5 || tpl.securityMode === 7) tpl.encryptedBlocks = (cfg >> 4) & 0x0f;
  if (tpl.securityMode === 7) {
    need(data, p, 1, 'TPL configuration field extension');
    tpl.configurationExt = data[p];
    p++;
  }
  return p;
}

const DIEHL_DEFAULT_AES_KEY = new Uint8Array(16);
DIEHL_DEFAULT_AES_KEY.set(PRIOS_DEFAULT_KEYS[1], 0);
DIEHL_DEFAULT_AES_KEY.set(PRIOS_DEFAULT_KEYS[1], 8);

function startsWith2F2F(b: Uint8Array, at: number): boolean {
  return at + 1 < b.length && b[at] === 0x2f && b[at + 1] === 0x2f;
}

/** Error details naming the meter (built only when an error is thrown). */
function who(tpl: TplHeader, dll: DllHeader): { manufacturer: string; id: string; mode: number } {
  return { manufacturer: tpl.manufacturer ?? dll.manufacturer, id: tpl.id ?? dll.id, mode: tpl.securityMode };
}

/** The IV of the mode 5 decryption: filled and used synchronously, never kept. */
const MODE5_IV = new Uint8Array(16);

function decryptTpl(
  frame: Uint8Array,
  received: Uint8Array,
  data: Uint8Array,
  pos: number,
  tpl: TplHeader,
  dll: DllHeader,
  afl: AflHeader | undefined,
  tplStart: number,
  key: Uint8Array | undefined,
  warnings: string[],
  diehl: string,
): { data: Uint8Array; protection: Protection } {
  const mode = tpl.securityMode;
  if (mode === 5 || mode === 7) {
    const plain = startsWith2F2F(data, pos);
    const available = data.length - pos;
    let n = tpl.encryptedBlocks ? tpl.encryptedBlocks * 16 : available;
    if (n > available) {
      warnings.push(`configuration announces ${n} encrypted bytes but only ${available} follow`);
      n = available;
    }
    n -= n % 16;
    if (!key && !plain && mode === 5 && diehl === 'oms') {
      // Diehl OMS meters ship with a publicly known default key (the second PRIOS key, doubled).
      key = DIEHL_DEFAULT_AES_KEY;
    }
    if (key && key.length !== 16) throw new CodecError('MALFORMED', `security mode ${mode} needs a 16-byte AES-128 key, got ${key.length} bytes`, who(tpl, dll));
    if (key) {
      // The clear data: a copy of the frame data with the encrypted bytes decrypted in place.
      let out: Uint8Array | undefined;
      if (mode === 5) {
        const iv = MODE5_IV;
        if (tpl.headerType === 'long' || tpl.headerType === 'compact_long') {
          // M and A of the long header: its id, manufacturer, version and type.
          const h = tplStart + 1;
          iv[0] = data[h + 4];
          iv[1] = data[h + 5];
          iv.set(data.subarray(h, h + 4), 2);
          iv[6] = data[h + 6];
          iv[7] = data[h + 7];
        } else {
          iv.set(frame.subarray(2, 10), 0);
        }
        iv.fill(tpl.accessNumber ?? 0, 8);
        if (n >= 16) {
          out = new Uint8Array(data); // a copy even when `data` is a Buffer (whose slice() is a view)
          aesCbcDecryptInto(key, iv, data, pos, n, out, pos);
        }
      } else {
        if (!afl?.counterBytes) throw new CodecError('MALFORMED', 'security mode 7 needs an AFL message counter', who(tpl, dll));
        const kdf = ((tpl.configurationExt ?? 0) >> 4) & 3;
        if (kdf !== 1) throw new CodecError('UNSUPPORTED_FRAME', `security mode 7 with key derivation ${kdf} is not supported`, who(tpl, dll));
        const idBytes = tpl.headerType === 'long' ? data.subarray(tplStart + 1, tplStart + 5) : frame.subarray(4, 8);
        if (afl.mac && afl.mac.length > 0) {
          const kmac = deriveOmsKey(key, 0x01, afl.counterBytes, idBytes);
          const input = new Uint8Array(5 + data.length - tplStart);
          input[0] = afl.messageControl ?? 0;
          input.set(afl.counterBytes, 1);
          input.set(data.subarray(tplStart), 5);
          const mac = aesCmac(kmac, input);
          let same = true;
          for (let i = 0; i < afl.mac.length; i++) if (mac[i] !== afl.mac[i]) same = false;
          if (!same && !plain) throw new CodecError('WRONG_KEY', 'AFL MAC does not match (wrong key?)', who(tpl, dll));
        }
        const kenc = deriveOmsKey(key, 0x00, afl.counterBytes, idBytes);
        if (n >= 16) {
          out = new Uint8Array(data); // a copy even when `data` is a Buffer (whose slice() is a view)
          aesCbcDecryptInto(kenc, ZERO_IV, data, pos, n, out, pos);
        }
      }
      if (out && startsWith2F2F(out, pos)) return { data: out, protection: 'decrypted' };
      if (plain) {
        warnings.push('telegram announced encryption but its payload is already clear (2F2F)');
        return { data, protection: 'plain_despite_announcement' };
      }
      throw new CodecError('WRONG_KEY', `AES-CBC (security mode ${mode}): decrypted data does not start with 2F2F`, who(tpl, dll));
    }
    if (plain) return { data, protection: 'plain_despite_announcement' };
    throw new CodecError('KEY_NEEDED', `telegram is encrypted (security mode ${mode}) and no key was given`, who(tpl, dll));
  }
  if (mode >= 16 && diehl === 'real_data') {
    // Diehl "real data" LFSR scrambling of everything after the short header.
    // The check: the byte sum of the clear data, masked with 0xEF, equals the configuration byte & 0xEF.
    const keys = key && key.length >= 8 ? [key.subarray(0, 8), ...PRIOS_DEFAULT_KEYS] : PRIOS_DEFAULT_KEYS;
    const expect = data[14] & 0xef;
    const check = (c: Uint8Array): boolean => {
      let sum = 0;
      for (let i = 0; i < c.length; i++) sum += c[i];
      return (sum & 0xef) === expect;
    };
    for (const k of keys) {
      const clear = diehlLfsr(received, data, 15, foldKey(k), check);
      if (clear) {
        const out = Uint8Array.from(data);
        out.set(clear, 15);
        return { data: out, protection: 'decrypted' };
      }
    }
    if (check(data.subarray(15))) return { data, protection: 'plain_despite_announcement' };
    throw new CodecError(key ? 'WRONG_KEY' : 'KEY_NEEDED', 'Diehl real-data scrambling could not be undone with the known keys', who(tpl, dll));
  }
  if (mode >= 16) {
    // Manufacturer-specific security: leave it to the driver.
    return { data, protection: 'none' };
  }
  throw new CodecError('UNSUPPORTED_FRAME', `security mode ${mode} is not supported`, who(tpl, dll));
}
