import type { DriverContext } from './types';
import { addDate } from './util';

/**
 * Shared Techem (TCH) conventions, after the public wmbusmeters drivers: manufacturer device types,
 * and the two packed date words of the proprietary (CI 0xA0-0xA2) payloads.
 */
const TECHEM_MEDIA: Record<number, string> = {
  0x62: 'warm water',
  0x72: 'cold water',
  0x80: 'heat cost allocator',
  0x43: 'heat',
  0xc3: 'heat',
  0xf0: 'smoke detector',
};

export function techemMedia(ctx: DriverContext): void {
  const m = TECHEM_MEDIA[ctx.t.dll.deviceType];
  if (m) ctx.device.deviceType = m;
}

/** Previous billing date: day bits 0-4, month bits 5-8, year (2000+) bits 9-15. */
export function techemPrevDate(raw: number): [number, number, number] {
  return [raw >> 9, (raw >> 5) & 0x0f, raw & 0x1f];
}

/**
 * Current date: day bits 4-8, month bits 9-12 (0 read as 12, day 0 as 1); the year is not sent:
 * it is the previous billing year, plus one once the date has passed the previous billing date.
 */
export function techemCurrentDate(raw: number, prev: [number, number, number]): [number, number, number] {
  let day = (raw >> 4) & 0x1f;
  let month = (raw >> 9) & 0x0f;
  if (day === 0) day = 1;
  if (month === 0) month = 12;
  const [py, pm, pd] = prev;
  const rolled = month < pm || (month === pm && day <= pd);
  return [py + (rolled ? 1 : 0), month, day];
}

export function addTechemDate(ctx: DriverContext, quantity: string, ymd: [number, number, number], storage: number): void {
  addDate(ctx, quantity, 2000 + ymd[0], ymd[1], ymd[2], undefined, undefined, storage);
}
