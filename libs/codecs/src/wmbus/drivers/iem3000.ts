import type { Measurement } from '../../types';
import type { WmbusDriver } from './types';
import { mapKeys, mvt } from './util';

/**
 * Schneider Electric iEM3000 series (SEC 13/15/18, type 02; wired M-Bus and wM-Bus). Schneider
 * reuses the subunit field to tell active / reactive / apparent quantities apart and qualifies
 * records with manufacturer VIFEs (FF xx): 01-03 phase L1-L3, 00 average of phases, 04 L-N average,
 * 05-07 L1-L2/L2-L3/L3-L1, 08 L-L average, 09 export, 0D partial, 72 resettable.
 *   energy: subunit 0 active import (with 09: export), 1 reactive import (with 09: export),
 *           2/3 reactive import/export per tariff, 4/5 apparent import/export, 6-8 net values;
 *   power:  subunit 0 active, 1 reactive, 2 apparent (with a phase VIFE: reactive per phase),
 *           4 apparent per phase.
 * Settings and diagnostics are manufacturer VIFs (frequency FF0B, power factor FF0A, CT/VT ratios,
 * pulse output...). Sources: Schneider iEM3100/iEM3200 M-Bus register list (user manual), wmbusmeters iem3000.xmq.
 */
const PHASES: Record<string, string> = {
  mfct_00: 'average',
  mfct_01: 'L1',
  mfct_02: 'L2',
  mfct_03: 'L3',
  mfct_04: 'LN_average',
  mfct_05: 'L1-L2',
  mfct_06: 'L2-L3',
  mfct_07: 'L3-L1',
  mfct_08: 'LL_average',
  mfct_09: 'export',
  mfct_0C: 'partial_reset',
  mfct_0D: 'partial',
  mfct_0E: 'input_reset',
  mfct_72: 'resettable',
};

function relabel(m: Measurement, subunit: number): Measurement {
  const reg = m.register ?? '';
  const parts = reg.split('.').filter((p) => !p.startsWith('subunit'));
  const named = parts.map((p) => PHASES[p] ?? p);
  const out: Measurement = { ...m };
  delete out.register;
  if (m.quantity === 'energy') {
    if ([1, 2, 3, 7].includes(subunit)) {
      out.quantity = 'reactive_energy';
      out.unit = 'kvarh';
      if (subunit === 3) named.push('export');
    } else if ([4, 5, 8].includes(subunit)) {
      out.quantity = 'apparent_energy';
      out.unit = 'kVAh';
      if (subunit === 5) named.push('export');
    }
    if (subunit >= 6) named.push('net');
  } else if (m.quantity === 'power') {
    const phase = named.some((p) => p === 'L1' || p === 'L2' || p === 'L3');
    if (subunit === 1 || (subunit === 2 && phase)) {
      out.quantity = 'reactive_power';
      out.unit = 'var';
    } else if (subunit === 2 || subunit === 4) {
      out.quantity = 'apparent_power';
      out.unit = 'VA';
    }
  }
  if (named.length) out.register = named.join('.');
  return out;
}

export const iem3000: WmbusDriver = {
  name: 'iem3000',
  meters: 'Schneider Electric iEM3000 series',
  sources: ['Schneider Electric iEM3100/iEM3200/iEM3300 user manual (M-Bus data)', 'wmbusmeters drivers/src/iem3000.xmq'],
  detect: mvt(['SEC', 0x13, 0x02], ['SEC', 0x15, 0x02], ['SEC', 0x18, 0x02]),
  decode(ctx) {
    // Re-derive energy/power measurements from their records (subunit semantics above).
    const subunits = new Map<object, number>();
    ctx.measurements = [];
    for (const r of ctx.records) {
      if (r.kind !== 'number' || r.value === null) continue;
      const m: Measurement = { quantity: r.quantity + (r.function === 'maximum' ? '_max' : r.function === 'minimum' ? '_min' : ''), value: r.value, unit: r.unit, storage: r.storage, tariff: r.tariff };
      if (r.register) m.register = r.register;
      subunits.set(m, r.subunit);
      ctx.measurements.push(relabel(m, r.subunit));
    }
    mapKeys(ctx, {
      '05FF0B': ['frequency', 'Hz', 1],
      '05FF0A': ['power_factor', '', 1],
      '02FFE0FF8100': ['power_factor_l1', '', 0.001],
      '02FFE0FF8200': ['power_factor_l2', '', 0.001],
      '02FFE0FF8300': ['power_factor_l3', '', 0.001],
      '03FF10': ['active_tariff', 'count', 1],
      '03FF2C': ['pulse_duration', 'count', 1],
      '05FF2E': ['pulse_weight', 'count', 1],
      '05FF2F': ['pulse_constant', 'count', 1],
      '05FF35': ['pickup_setpoint', 'count', 1],
      '05FF3A': ['last_alarm_value', 'count', 1],
      '06FF20': ['operating_time_raw', 'count', 1],
      '03FF21': ['phases', 'count', 1],
      '03FF22': ['wires', 'count', 1],
      '03FF24': ['nominal_frequency', 'Hz', 1],
      '03FF25': ['voltage_transformers', 'count', 1],
      '05FF26': ['vt_primary', 'count', 1],
      '03FF27': ['vt_secondary', 'count', 1],
      '03FF28': ['current_transformers', 'count', 1],
      '03FF29': ['ct_primary', 'count', 1],
      '03FF2A': ['ct_secondary', 'count', 1],
      '03FF2B': ['vt_connection_type', 'count', 1],
      '04FF98': ['power_fail_count', 'count', 1],
      '04FFA400': ['co2_conversion', 'count', 1],
      '04FFA500': ['currency_conversion', 'count', 1],
    });
  },
};
