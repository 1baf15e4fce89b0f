import { ticCodec } from './tic';

/** Adeunis TIC reader on a CBE / Linky (historic mode) three-phase meter. */
export const ticCbeLinkyTri = ticCodec('adeunis/tic-cbe-linky-tri', 'TIC CBE/Linky tri', [
  { label: 'ADCO', kind: 'text', length: 12 },
  { label: 'BASE', kind: 'value', unit: 'Wh', canonical: { quantity: 'energy', unit: 'kWh', scale: 0.001, register: '1.8.0', tariff: 0 } },
  { label: 'IINST1', kind: 'value', unit: 'A', canonical: { quantity: 'current', unit: 'A', register: 'L1' } },
  { label: 'IINST2', kind: 'value', unit: 'A', canonical: { quantity: 'current', unit: 'A', register: 'L2' } },
  { label: 'IINST3', kind: 'value', unit: 'A', canonical: { quantity: 'current', unit: 'A', register: 'L3' } },
  { label: 'IMAX1', kind: 'value', unit: 'A', canonical: { quantity: 'current_max', unit: 'A', register: 'L1' } },
  { label: 'IMAX2', kind: 'value', unit: 'A', canonical: { quantity: 'current_max', unit: 'A', register: 'L2' } },
  { label: 'IMAX3', kind: 'value', unit: 'A', canonical: { quantity: 'current_max', unit: 'A', register: 'L3' } },
  { label: 'PMAX', kind: 'value', unit: 'W', canonical: { quantity: 'power_max', unit: 'W' } },
  { label: 'PAPP', kind: 'value', unit: 'VA', canonical: { quantity: 'apparent_power', unit: 'VA' } },
]);
