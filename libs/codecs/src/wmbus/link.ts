import { CodecError } from '../errors';
import { crc16En13757 } from './crc';

/** EN 13757-4 data link layer: L, C, M (manufacturer), A (id, version, device type). */

/** Manufacturer code (FLAG id) from the 2-byte M-field: three 5-bit letters, 'A' = 1. */
export function manufacturerCode(m: number): string {
  return String.fromCharCode((((m >> 10) & 0x1f) + 64) | 0, (((m >> 5) & 0x1f) + 64) | 0, ((m & 0x1f) + 64) | 0);
}

/** Inverse of manufacturerCode: "KAM" -> 0x2C2D. */
export function manufacturerField(code: string): number {
  const c = code.toUpperCase();
  return ((c.charCodeAt(0) - 64) << 10) | ((c.charCodeAt(1) - 64) << 5) | (c.charCodeAt(2) - 64);
}

/** EN 13757-7 / OMS device types (the A-field's last byte, also the long TPL header's). */
const DEVICE_TYPES: Record<number, string> = {
  0x00: 'other',
  0x01: 'oil',
  0x02: 'electricity',
  0x03: 'gas',
  0x04: 'heat',
  0x05: 'steam',
  0x06: 'warm water',
  0x07: 'water',
  0x08: 'heat cost allocator',
  0x09: 'compressed air',
  0x0a: 'cooling load meter (outlet)',
  0x0b: 'cooling load meter (inlet)',
  0x0c: 'heat (inlet)',
  0x0d: 'heat/cooling load',
  0x0e: 'bus/system component',
  0x0f: 'unknown',
  0x10: 'irrigation water',
  0x11: 'water data logger',
  0x12: 'gas data logger',
  0x13: 'gas converter',
  0x14: 'calorific value',
  0x15: 'hot water',
  0x16: 'cold water',
  0x17: 'dual register (hot/cold) water',
  0x18: 'pressure',
  0x19: 'A/D converter',
  0x1a: 'smoke detector',
  0x1b: 'room sensor',
  0x1c: 'gas detector',
  0x1d: 'reserved (sensor)',
  0x1e: 'reserved (sensor)',
  0x1f: 'reserved (sensor)',
  0x20: 'breaker (electricity)',
  0x21: 'valve (gas or water)',
  0x25: 'customer unit (display)',
  0x28: 'waste water',
  0x29: 'garbage',
  0x2a: 'carbon dioxide',
  0x30: 'service tool',
  0x31: 'communication controller',
  0x32: 'unidirectional repeater',
  0x33: 'bidirectional repeater',
  0x36: 'radio converter (system side)',
  0x37: 'radio converter (meter side)',
  0x38: 'wired adapter',
  0xff: 'wildcard',
};

export function deviceTypeName(type: number): string {
  return DEVICE_TYPES[type] ?? 'reserved';
}

export type CrcFormat = 'A' | 'B' | 'none';

/** Total length on air of a format A frame whose L-field is `l` (one 2-byte CRC per block). */
function formatALength(l: number): number {
  if (l < 9) return l + 1;
  const blocks = 1 + Math.ceil((l - 9) / 16);
  return l + 1 + 2 * blocks;
}

function crcAt(b: Uint8Array, at: number): number {
  return (b[at] << 8) | b[at + 1];
}

function checkFormatA(b: Uint8Array, l: number): boolean {
  if (crc16En13757(b, 0, 10) !== crcAt(b, 10)) return false;
  let src = 12;
  let remaining = l - 9;
  while (remaining > 0) {
    const n = Math.min(16, remaining);
    if (crc16En13757(b, src, src + n) !== crcAt(b, src + n)) return false;
    src += n + 2;
    remaining -= n;
  }
  return true;
}

function stripFormatA(b: Uint8Array, l: number): Uint8Array {
  const out = new Uint8Array(l + 1);
  out.set(b.subarray(0, 10), 0);
  let dst = 10;
  let src = 12;
  let remaining = l - 9;
  while (remaining > 0) {
    const n = Math.min(16, remaining);
    out.set(b.subarray(src, src + n), dst);
    dst += n;
    src += n + 2;
    remaining -= n;
  }
  return out;
}

/** Format B: L counts the CRCs; block 1+2 (max 128 bytes incl. CRC) carry one CRC, block 3 another. */
function checkFormatB(b: Uint8Array, total: number): boolean {
  const end2 = Math.min(total, 128);
  if (end2 < 12) return false;
  if (crc16En13757(b, 0, end2 - 2) !== crcAt(b, end2 - 2)) return false;
  if (total > 128) {
    if (total - 128 < 3) return false;
    if (crc16En13757(b, 128, total - 2) !== crcAt(b, total - 2)) return false;
  }
  return true;
}

function stripFormatB(b: Uint8Array, total: number): Uint8Array {
  const end2 = Math.min(total, 128);
  const dataLen = total > 128 ? total - 4 : total - 2;
  const out = new Uint8Array(dataLen);
  out.set(b.subarray(0, end2 - 2), 0);
  if (total > 128) out.set(b.subarray(128, total - 2), end2 - 2);
  out[0] = dataLen - 1;
  return out;
}

export interface StrippedFrame {
  frame: Uint8Array;
  crcFormat: CrcFormat;
  /** Bytes after the L-field length that were ignored. */
  trailing: number;
}

/**
 * Detects DLL CRCs and strips them, verifying each one (CRC_MISMATCH on a bad CRC).
 *  - length = L+1 + 2 per block: format A with CRCs;
 *  - length = L+1: either format B with CRCs (L counts them; accepted when both CRCs verify) or a
 *    frame whose CRCs were already removed by the receiver (the common dongle output);
 *  - length > L+1: extra bytes after the frame are ignored (reported as `trailing`);
 *  - length < L+1: TRUNCATED.
 * `mode` forces a format instead of detecting it.
 */
export function stripDllCrcs(bytes: Uint8Array, mode: 'auto' | CrcFormat = 'auto'): StrippedFrame {
  if (bytes.length < 11) {
    throw new CodecError('TRUNCATED', `wM-Bus frame of ${bytes.length} bytes is shorter than the 11-byte link header`, { length: bytes.length });
  }
  const l = bytes[0];
  const lenA = formatALength(l);
  if (mode === 'A' || (mode === 'auto' && bytes.length === lenA && lenA !== l + 1)) {
    if (bytes.length < lenA) throw new CodecError('TRUNCATED', `format A frame needs ${lenA} bytes, got ${bytes.length}`, { length: bytes.length });
    if (!checkFormatA(bytes, l)) throw new CodecError('CRC_MISMATCH', 'wM-Bus frame format A: a block CRC does not match', { length: bytes.length });
    return { frame: stripFormatA(bytes, l), crcFormat: 'A', trailing: bytes.length - lenA };
  }
  if (bytes.length < l + 1) {
    throw new CodecError('TRUNCATED', `wM-Bus frame: L-field says ${l + 1} bytes, got ${bytes.length}`, { length: bytes.length, lField: l });
  }
  if (mode === 'B') {
    if (!checkFormatB(bytes, l + 1)) throw new CodecError('CRC_MISMATCH', 'wM-Bus frame format B: a block CRC does not match', { length: bytes.length });
    return { frame: stripFormatB(bytes, l + 1), crcFormat: 'B', trailing: bytes.length - (l + 1) };
  }
  if (mode === 'auto' && bytes.length === l + 1 && checkFormatB(bytes, l + 1)) {
    return { frame: stripFormatB(bytes, l + 1), crcFormat: 'B', trailing: 0 };
  }
  const frame = bytes.length === l + 1 ? bytes : bytes.subarray(0, l + 1);
  return { frame, crcFormat: 'none', trailing: bytes.length - (l + 1) };
}

export interface DllHeader {
  lField: number;
  cField: number;
  /** The raw 2-byte M-field. */
  mField: number;
  manufacturer: string;
  /** 8 hex digits, most significant first (the BCD id as printed on the meter). */
  id: string;
  version: number;
  deviceType: number;
  /** M-field and A-field bytes as sent (8 bytes), used in IVs. */
  address: Uint8Array;
}

const HEXL: string[] = [];
for (let i = 0; i < 256; i++) HEXL.push((i < 16 ? '0' : '') + i.toString(16));

/** The id as wmbusmeters and the meter label print it: id bytes most significant first, lowercase hex. */
export function idString(b: Uint8Array, off: number): string {
  return HEXL[b[off + 3]] + HEXL[b[off + 2]] + HEXL[b[off + 1]] + HEXL[b[off]];
}

export function parseDll(frame: Uint8Array): DllHeader {
  const mField = frame[2] | (frame[3] << 8);
  return {
    lField: frame[0],
    cField: frame[1],
    mField,
    manufacturer: manufacturerCode(mField),
    id: idString(frame, 4),
    version: frame[8],
    deviceType: frame[9],
    address: frame.subarray(2, 10),
  };
}
