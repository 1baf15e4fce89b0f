import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { addTechemDate, techemCurrentDate, techemMedia, techemPrevDate } from './techem';
import { measure, mvt, u16le } from './util';

/**
 * Techem FHKV data III heat cost allocator (TCH 69/94, type 0x80), CI 0xA0/0xA2: a version byte
 * (0x01, 0x11, or 0x0F which adds one byte before the temperatures), previous billing date and
 * value, current date and value, room and radiator temperatures (0.01 degC).
 * After the public wmbusmeters driver (drivers/src/fhkvdataiii.xmq).
 */
export const fhkvdataiii: WmbusDriver = {
  name: 'fhkvdataiii',
  meters: 'Techem FHKV data III heat cost allocator',
  sources: ['wmbusmeters drivers/src/fhkvdataiii.xmq'],
  detect: mvt(['TCH', 0x69, 0x80], ['TCH', 0x94, 0x80]),
  rawPayload: true,
  decode(ctx) {
    const p = ctx.t.apl;
    const extra = p[0] === 0x0f ? 1 : 0;
    if (p.length < 13 + extra) throw new CodecError('TRUNCATED', `FHKV data III payload is ${p.length} bytes`);
    const prev = techemPrevDate(u16le(p, 1));
    measure(ctx, 'hca', u16le(p, 3), 'hca', { storage: 1 });
    const curr = techemCurrentDate(u16le(p, 5), prev);
    measure(ctx, 'hca', u16le(p, 7), 'hca');
    measure(ctx, 'room_temperature', u16le(p, 9 + extra) / 100, 'degC');
    measure(ctx, 'radiator_temperature', u16le(p, 11 + extra) / 100, 'degC');
    addTechemDate(ctx, 'previous_date', prev, 1);
    addTechemDate(ctx, 'current_date', curr, 0);
    techemMedia(ctx);
  },
};
