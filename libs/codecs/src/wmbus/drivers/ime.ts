import type { CanonicalUnit } from '../../types';
import type { WmbusDriver } from './types';
import { dropMeasurements, measure, mvt } from './util';

/**
 * IME Conto D4 (wired M-Bus, IME 66/02) energy meters. IME sends every quantity under a
 * manufacturer VIF (FF) whose first VIFE selects the quantity and whose second is the standard
 * VIF it resembles; tariff and phase are coded in the DIFEs. The values use IME's own fixed
 * scaling (energies 0.01 kWh/kvarh, power W/var/VA, voltage 0.1 V, current mA, frequency 0.1 Hz,
 * power factor 0.001, run hours in minutes). Source: IME Conto D4 M-Bus protocol table, as
 * transcribed in wmbusmeters drivers/src/ime.xmq.
 */
type Rule = readonly [string, CanonicalUnit, number, string?];
const KEYS: Record<string, Rule> = {
  '849010FF80843B': ['energy', 'kWh', 0.01],
  '849010FF80843C': ['energy', 'kWh', 0.01, 'reverse'],
  '849010FF81843B': ['reactive_energy', 'kvarh', 0.01],
  '849010FF81843C': ['reactive_energy', 'kvarh', 0.01, 'reverse'],
  '8410FF80843B': ['energy', 'kWh', 0.01],
  '8420FF80843B': ['energy', 'kWh', 0.01],
  '8410FF80843C': ['energy', 'kWh', 0.01, 'reverse'],
  '8420FF80843C': ['energy', 'kWh', 0.01, 'reverse'],
  '8410FF81843B': ['reactive_energy', 'kvarh', 0.01],
  '8420FF81843B': ['reactive_energy', 'kvarh', 0.01],
  '8410FF81843C': ['reactive_energy', 'kvarh', 0.01, 'reverse'],
  '8420FF81843C': ['reactive_energy', 'kvarh', 0.01, 'reverse'],
  '84A010FF80843B': ['energy_partial', 'kWh', 0.01],
  '84A010FF80843C': ['energy_partial', 'kWh', 0.01, 'reverse'],
  '84A010FF81843B': ['reactive_energy_partial', 'kvarh', 0.01],
  '84A010FF81843C': ['reactive_energy_partial', 'kvarh', 0.01, 'reverse'],
  '04FF9029': ['pulse_input', 'count', 0.01],
  '84B010FF842B': ['power', 'W', 1],
  '848020FF842B': ['power', 'W', 1, 'L1'],
  '849020FF842B': ['power', 'W', 1, 'L2'],
  '84A020FF842B': ['power', 'W', 1, 'L3'],
  '84B010FF852B': ['reactive_power', 'var', 1],
  '848020FF852B': ['reactive_power', 'var', 1, 'L1'],
  '849020FF852B': ['reactive_power', 'var', 1, 'L2'],
  '84A020FF852B': ['reactive_power', 'var', 1, 'L3'],
  '84B010FF862B': ['apparent_power', 'VA', 1],
  '848020FF862B': ['apparent_power', 'VA', 1, 'L1'],
  '849020FF862B': ['apparent_power', 'VA', 1, 'L2'],
  '84A020FF862B': ['apparent_power', 'VA', 1, 'L3'],
  '848020FF8748': ['voltage', 'V', 0.1, 'L1-N'],
  '849020FF8748': ['voltage', 'V', 0.1, 'L2-N'],
  '84A020FF8748': ['voltage', 'V', 0.1, 'L3-N'],
  '848020FF8848': ['voltage', 'V', 0.1, 'L1-L2'],
  '849020FF8848': ['voltage', 'V', 0.1, 'L2-L3'],
  '84A020FF8848': ['voltage', 'V', 0.1, 'L3-L1'],
  '848020FF8959': ['current', 'A', 0.001, 'L1'],
  '849020FF8959': ['current', 'A', 0.001, 'L2'],
  '84A020FF8959': ['current', 'A', 0.001, 'L3'],
  '02FF8A48': ['frequency', 'Hz', 0.1],
  '82B010FF8B28': ['power_factor', '', 0.001],
  '8410FF8D2B': ['power_demand', 'W', 1],
  '8410FF8E2B': ['power_demand_max', 'W', 1],
  '8420FF8E2B': ['power_demand_max', 'W', 1],
  '84B010FF8F21': ['run_time', 's', 60],
  '8410FF8F21': ['run_time', 's', 60],
  '8420FF8F21': ['run_time', 's', 60],
};
const SECTORS = ['RESISTIVE', 'INDUCTIVE', 'CAPACITIVE'];

export const ime: WmbusDriver = {
  name: 'ime',
  meters: 'IME Conto D4 (M-Bus)',
  sources: ['IME Conto D4 M-Bus communication protocol', 'wmbusmeters drivers/src/ime.xmq'],
  detect: mvt(['IME', 0x66, 0x02]),
  decode(ctx) {
    dropMeasurements(ctx, () => true);
    for (const r of ctx.records) {
      const rule = KEYS[r.key];
      if (rule && typeof r.rawValue === 'number') {
        const [q, unit, f, register] = rule;
        // Tariffs here are IME's: DIFE 10 = tariff 1, 20 = tariff 2 (the totals carry 0x9010/0xB010).
        const tariff = r.key.startsWith('8410') ? 1 : r.key.startsWith('8420') ? 2 : 0;
        measure(ctx, q, r.rawValue * f, unit, { tariff, ...(register ? { register } : {}) });
      }
      if (r.key === '82B010FF8C2B' && typeof r.rawValue === 'number') ctx.fields.power_factor_sector = SECTORS[r.rawValue] ?? String(r.rawValue);
    }
  },
};
