import type { MbusRecord } from '../../mbus';
import { bcdLE, decodeTypeG, formatMbusDate, mbusDateToIso, PRIMARY_VIFS } from '../../mbus';
import type { AlarmCode } from '../../types';
import type { DriverContext } from './types';
import { bitStatus, measure, syntheticRecord } from './util';

/**
 * Qundis (QDS) walk-by telegrams carry their data in one manufacturer record, DIF 0D VIF FF 5F:
 * 9 header bytes, the VIF of the values (0x13 litres, 0x06 kWh, 0x0D 0.1 MJ, 0x6E HCA...), then
 *   error date (type G), current value (8-digit BCD),
 *   first billing date (type G) and value (BCD) - storage 1,
 *   second (mid-period, "17") billing date and value - storage 17,
 *   then 16-bit signed monthly deltas in the same VIF unit, newest first (deltas 2..13).
 * A date 0xFFFF means "not set". Layout from the public wmbusmeters Qundis drivers
 * (qwaterv2.xmq, qcaloric.xmq, qheatv2.xmq; manufacturer_specificities.cc).
 */
export function decodeQundisWalkBy(ctx: DriverContext): boolean {
  const rec = ctx.records.find((r) => r.key === '0DFF5F');
  if (!rec || rec.data.length < 27) return false;
  const d = rec.data;
  const vif = d[9];
  const info = PRIMARY_VIFS[vif & 0x7f];
  if (info.kind !== 'number') return false;
  const scale = (raw: number) => (raw * info.mul) / info.div;
  const date = (off: number, quantity: string, storage: number, fn: MbusRecord['function'] = 'instantaneous') => {
    if (d[off] === 0xff && d[off + 1] === 0xff) return;
    const g = decodeTypeG(d, off);
    const r = syntheticRecord(quantity, { kind: 'date', text: formatMbusDate(g), storage, description: `${quantity} (Qundis walk-by)` });
    const iso = mbusDateToIso(g);
    if (iso) r.at = iso;
    r.function = fn;
    ctx.records.push(r);
    return iso;
  };
  date(10, 'error_date', 0, 'error');
  const value = (off: number, storage: number, at?: string) => {
    const v = bcdLE(d, off, 4);
    if (!Number.isNaN(v)) measure(ctx, info.quantity, scale(v), info.unit, { storage, ...(at ? { at } : {}) });
  };
  value(12, 0);
  value(18, 1, date(16, 'date', 1));
  value(24, 17, date(22, 'date', 17));
  for (let k = 0, off = 28; off + 2 <= d.length && k < 12; k++, off += 2) {
    const raw = d[off] | (d[off + 1] << 8);
    const signed = raw >= 0x8000 ? raw - 0x10000 : raw;
    measure(ctx, `${info.quantity}_delta`, scale(signed), info.unit, { storage: k + 2, register: `month_${k + 2}` });
  }
  return true;
}

/** Qundis error flags (VIF FD17), as the Q heat 5.5 / Q water 5.5 manuals list them (F0-F9). */
export const QUNDIS_ERROR_BITS: readonly (readonly [number, string, AlarmCode?])[] = [
  [0x0001, 'NO_FLOW', 'no_flow'],
  [0x0002, 'SUPPLY_SENSOR_INTERRUPTED', 'sensor_error'],
  [0x0004, 'RETURN_SENSOR_INTERRUPTED', 'sensor_error'],
  [0x0008, 'TEMPERATURE_ELECTRONICS_ERROR', 'hardware_error'],
  [0x0010, 'BATTERY_VOLTAGE_ERROR', 'low_battery'],
  [0x0020, 'SHORT_CIRCUIT_SUPPLY_SENSOR', 'sensor_error'],
  [0x0040, 'SHORT_CIRCUIT_RETURN_SENSOR', 'sensor_error'],
  [0x0080, 'MEMORY_ERROR', 'hardware_error'],
  [0x0100, 'SABOTAGE', 'tamper'],
  [0x0200, 'ELECTRONICS_ERROR', 'hardware_error'],
];

export function qundisStatus(ctx: DriverContext): void {
  for (const r of ctx.records) {
    if (r.quantity === 'error_flags' && r.storage === 0 && typeof r.rawValue === 'number') {
      bitStatus(ctx, r.rawValue, QUNDIS_ERROR_BITS);
      return;
    }
  }
  ctx.fields.status = 'OK';
}
