import { CodecError } from '../errors';
import { idString, manufacturerCode } from './link';
import type { ParsedTelegram } from './telegram';
import { newTplHeader } from './telegram';

/**
 * EN 13757-2 wired M-Bus frames. A long frame is `68 L L 68 C A CI data CS 16`: L counts C..data,
 * CS is the sum of C..data modulo 256. The application layer is the same as wireless (EN 13757-3);
 * with CI 0x72 the 12-byte header is id, manufacturer, version, medium, access no, status, signature.
 */
export function looksLikeWiredFrame(b: Uint8Array): boolean {
  return b.length >= 1 && (b[0] === 0x68 || b[0] === 0x10 || (b[0] === 0xe5 && b.length === 1));
}

export function parseWiredFrame(b: Uint8Array): ParsedTelegram {
  if (b[0] === 0xe5) throw new CodecError('UNSUPPORTED_FRAME', 'M-Bus single character acknowledgement (E5) carries no data');
  if (b[0] === 0x10) throw new CodecError('UNSUPPORTED_FRAME', 'M-Bus short frame (10 C A CS 16) carries no data');
  if (b.length < 6) throw new CodecError('TRUNCATED', `M-Bus long frame of ${b.length} bytes is shorter than its 6-byte envelope`, { length: b.length });
  const l = b[1];
  if (b[2] !== l || b[3] !== 0x68) throw new CodecError('MALFORMED', 'M-Bus long frame: the two L-fields differ or the second start byte is not 0x68', { length: b.length });
  const total = l + 6;
  if (b.length < total) throw new CodecError('TRUNCATED', `M-Bus long frame: L says ${total} bytes, got ${b.length}`, { length: b.length, lField: l });
  if (b[total - 1] !== 0x16) throw new CodecError('MALFORMED', 'M-Bus long frame does not end with the stop byte 0x16', { length: b.length });
  let sum = 0;
  for (let i = 4; i < 4 + l; i++) sum += b[i];
  if ((sum & 0xff) !== b[4 + l]) {
    throw new CodecError('CRC_MISMATCH', `M-Bus long frame checksum 0x${b[4 + l].toString(16)} != 0x${(sum & 0xff).toString(16)}`, { length: b.length });
  }
  if (l < 3) throw new CodecError('UNSUPPORTED_FRAME', 'M-Bus control frame (no CI data)', { lField: l });
  const cField = b[4];
  const address = b[5];
  const ci = b[6];
  const end = 4 + l;
  let pos = 7;
  const tpl = newTplHeader(ci);
  let id = '00000000';
  let mField = 0;
  let version = 0;
  let deviceType = 0;
  if (ci === 0x72 || ci === 0x76) {
    if (end - pos < 12) throw new CodecError('TRUNCATED', 'M-Bus long frame: variable data header needs 12 bytes', { length: b.length });
    tpl.headerType = 'long';
    id = idString(b, pos);
    mField = b[pos + 4] | (b[pos + 5] << 8);
    version = b[pos + 6];
    deviceType = b[pos + 7];
    tpl.id = id;
    tpl.mField = mField;
    tpl.manufacturer = manufacturerCode(mField);
    tpl.version = version;
    tpl.deviceType = deviceType;
    tpl.accessNumber = b[pos + 8];
    tpl.status = b[pos + 9];
    tpl.configuration = b[pos + 10] | (b[pos + 11] << 8);
    tpl.securityMode = (tpl.configuration >> 8) & 0x1f;
    pos += 12;
  } else if (ci === 0x7a) {
    if (end - pos < 4) throw new CodecError('TRUNCATED', 'M-Bus long frame: short header needs 4 bytes', { length: b.length });
    tpl.headerType = 'short';
    tpl.accessNumber = b[pos];
    tpl.status = b[pos + 1];
    tpl.configuration = b[pos + 2] | (b[pos + 3] << 8);
    tpl.securityMode = (tpl.configuration >> 8) & 0x1f;
    pos += 4;
  } else if (ci !== 0x78) {
    throw new CodecError('UNSUPPORTED_FRAME', `M-Bus long frame with CI 0x${ci.toString(16)} is not supported`, { ci });
  }
  if (tpl.securityMode !== 0) {
    throw new CodecError('UNSUPPORTED_FRAME', `encrypted wired M-Bus (security mode ${tpl.securityMode}) is not supported`, { mode: tpl.securityMode });
  }
  const frame = b.subarray(0, total);
  return {
    frameType: 'mbus',
    crcFormat: 'none',
    frame,
    received: frame,
    diehl: 'none',
    dll: {
      lField: l,
      cField,
      mField,
      manufacturer: manufacturerCode(mField),
      id,
      version,
      deviceType,
      address: new Uint8Array(8),
    },
    mbus: { cField, address },
    ell: undefined,
    afl: undefined,
    tpl,
    protection: 'none',
    apl: b.subarray(pos, end),
    warnings: b.length > total ? [`${b.length - total} byte(s) after the stop byte ignored`] : [],
  };
}
