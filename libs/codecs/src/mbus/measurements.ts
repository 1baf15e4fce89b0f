import type { Measurement } from '../types';
import type { MbusRecord } from './records';

const FUNCTION_SUFFIX = { instantaneous: '', maximum: '_max', minimum: '_min', error: '_at_error' } as const;

/** The register of a record: its direction/phase (VIFE), prefixed by its subunit when not 0. */
export function recordRegister(r: MbusRecord): string | undefined {
  if (r.subunit > 0) return r.register ? `subunit${r.subunit}.${r.register}` : `subunit${r.subunit}`;
  return r.register;
}

/**
 * Canonical measurements from decoded records: every record with a numeric value and a measured
 * kind (not identifiers, flags, dates or manufacturer raw values). The function field becomes a
 * quantity suffix (`_max`, `_min`, `_at_error`); storage and tariff are kept, the register is the
 * subunit and/or the direction (`reverse`, `forward`, `L1`...). Compact profiles are expanded when
 * `expandProfiles` is set (their elements get the profile's storage and an index register).
 *
 * A measurement gets `at` from the date/datetime record with the same storage number and subunit,
 * when the block carries one.
 */
export function recordsToMeasurements(records: readonly MbusRecord[], options: { expandProfiles?: boolean } = {}): Measurement[] {
  const dates = new Map<number, string>();
  for (const r of records) {
    if ((r.kind === 'date' || r.kind === 'datetime') && r.at && (r.quantity === 'date' || r.quantity === 'datetime')) {
      const k = r.storage * 256 + r.subunit;
      // A full date-time wins over a bare date for the same slot.
      if (!dates.has(k) || r.quantity === 'datetime') dates.set(k, r.at);
    }
  }
  const out: Measurement[] = [];
  for (const r of records) {
    if (r.kind !== 'number') continue;
    const register = recordRegister(r);
    const at = dates.get(r.storage * 256 + r.subunit);
    if (r.profile) {
      if (!options.expandProfiles) continue;
      r.profile.values.forEach((v, i) => {
        if (v === null) return;
        const m: Measurement = { quantity: `${r.quantity}_profile`, value: v, unit: r.unit, storage: r.storage, tariff: r.tariff };
        m.register = register ? `${register}.${i}` : String(i);
        out.push(m);
      });
      continue;
    }
    if (r.value === null || !Number.isFinite(r.value)) continue;
    const m: Measurement = {
      quantity: r.quantity + FUNCTION_SUFFIX[r.function],
      value: r.value,
      unit: r.unit,
      storage: r.storage,
      tariff: r.tariff,
    };
    if (register) m.register = register;
    if (at) m.at = at;
    out.push(m);
  }
  return out;
}
