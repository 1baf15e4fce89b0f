import { ticCodec } from './tic';

const k = 0.001;

/**
 * Adeunis TIC reader on a PME-PMI (yellow/green tariff) meter. DATE is the meter's local time
 * (no zone), so it is kept under `vendor` only. "-1" labels are the previous period (storage 1).
 */
export const ticPmePmi = ticCodec('adeunis/tic-pme-pmi', 'TIC PME-PMI', [
  { label: 'DATE', kind: 'date' },
  { label: 'EA_s', kind: 'value', unit: 'Wh', canonical: { quantity: 'energy', unit: 'kWh', scale: k, register: 'EA' } },
  { label: 'ER+_s', kind: 'value', unit: 'varh', canonical: { quantity: 'reactive_energy', unit: 'kvarh', scale: k, register: 'ER+' } },
  { label: 'ER-_s', kind: 'value', unit: 'varh', canonical: { quantity: 'reactive_energy', unit: 'kvarh', scale: k, register: 'ER-' } },
  { label: 'EAPP_s', kind: 'value', unit: 'VAh', canonical: { quantity: 'apparent_energy', unit: 'kVAh', scale: k, register: 'EAPP' } },
  { label: 'PTCOUR1', kind: 'text', length: 3 },
  { label: 'EAP_s', kind: 'value', unit: 'kWh', canonical: { quantity: 'energy', unit: 'kWh', register: 'EAP', storage: 0 } },
  { label: 'ER+P_s', kind: 'value', unit: 'kvarh', canonical: { quantity: 'reactive_energy', unit: 'kvarh', register: 'ER+P', storage: 0 } },
  { label: 'ER-P_s', kind: 'value', unit: 'kvarh', canonical: { quantity: 'reactive_energy', unit: 'kvarh', register: 'ER-P', storage: 0 } },
  { label: 'EaP-1_s', kind: 'value', unit: 'kWh', canonical: { quantity: 'energy', unit: 'kWh', register: 'EAP', storage: 1 } },
  { label: 'ER+P-1_s', kind: 'value', unit: 'kvarh', canonical: { quantity: 'reactive_energy', unit: 'kvarh', register: 'ER+P', storage: 1 } },
  { label: 'ER-P-1_s', kind: 'value', unit: 'kvarh', canonical: { quantity: 'reactive_energy', unit: 'kvarh', register: 'ER-P', storage: 1 } },
]);
