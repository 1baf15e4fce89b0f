import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { measure, mvt, skipFillers, u32le } from './util';

/**
 * Apator AT-WMBUS-16-2 (water, APA version 0x05). After 2F2F the payload is one byte (0x0F or
 * 0x80), seven status bytes, then tagged fields of fixed lengths; tag 0x10 carries the total volume
 * in litres (little-endian). FF padding and a 2-byte checksum end it. Tag lengths after the public
 * wmbusmeters grammar (drivers/src/apator162.xmq).
 */
function tagLength(tag: number): number | undefined {
  if (tag >= 0x71 && tag <= 0x7c) return 1 + 4 * (tag - 0x70 + 1);
  switch (tag) {
    case 0x00:
    case 0x10:
    case 0x42:
    case 0xa0:
    case 0xa1:
    case 0xa4:
    case 0xf0:
      return 4;
    case 0x01:
    case 0x44:
    case 0xa6:
      return 3;
    case 0x11:
    case 0x41:
    case 0x43:
    case 0xa7:
    case 0xa8:
    case 0xaa:
    case 0xab:
    case 0xac:
    case 0xad:
    case 0xb4:
      return 2;
    case 0x40:
    case 0x8b:
    case 0x8c:
      return 6;
    case 0x80:
    case 0x81:
    case 0x82:
    case 0x83:
    case 0x84:
    case 0x86:
    case 0x87:
      return 10;
    case 0x85:
    case 0x88:
    case 0x8f:
      return 11;
    case 0x8a:
      return 9;
    case 0x8e:
      return 7;
    case 0xa2:
    case 0xa5:
    case 0xa9:
    case 0xaf:
      return 1;
    case 0xa3:
      return 7;
    case 0xb0:
      return 5;
    case 0xb1:
    case 0xb3:
      return 8;
    case 0xb2:
    case 0xb5:
      return 16;
    default:
      if ((tag >= 0xb6 && tag <= 0xbf) || (tag >= 0xc0 && tag <= 0xc7) || tag === 0xd0 || tag === 0xd3) return 3;
      return undefined;
  }
}

export const apator162: WmbusDriver = {
  name: 'apator162',
  meters: 'Apator AT-WMBUS-16-2 water meter radio module',
  sources: ['wmbusmeters drivers/src/apator162.xmq (field grammar)'],
  detect: mvt(['APA', 0x05, 0x06], ['APA', 0x05, 0x07]),
  rawPayload: true,
  decode(ctx) {
    const p = skipFillers(ctx.t.apl);
    const fields: Record<string, string> = {};
    let total: number | undefined;
    let i = 8; // one lead byte (0x0F / 0x80) and seven status bytes
    if (p.length < i + 2) throw new CodecError('TRUNCATED', 'apator162 payload shorter than its header');
    while (i < p.length - 2) {
      const tag = p[i];
      if (tag === 0xff) break;
      const n = tagLength(tag);
      if (n === undefined || i + 1 + n > p.length - 2) break;
      if (tag === 0x10) total = u32le(p, i + 1);
      fields[`tag_${tag.toString(16).padStart(2, '0')}`] = Buffer.from(p.subarray(i + 1, i + 1 + n)).toString('hex');
      i += 1 + n;
    }
    ctx.fields.tags = fields;
    if (total !== undefined) measure(ctx, 'volume', total / 1000, 'm3');
  },
};
