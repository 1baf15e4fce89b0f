import { ticCodec } from './tic';

const kWh = 0.001;

/** Adeunis TIC reader on a CBE / Linky (historic mode) single-phase meter. */
export const ticCbeLinkyMono = ticCodec('adeunis/tic-cbe-linky-mono', 'TIC CBE/Linky mono', [
  { label: 'ADCO', kind: 'text', length: 12 },
  { label: 'OPTARIF', kind: 'text', length: 4 },
  { label: 'BASE', kind: 'value', unit: 'Wh', canonical: { quantity: 'energy', unit: 'kWh', scale: kWh, register: '1.8.0', tariff: 0 } },
  { label: 'ISOUSC', kind: 'value', unit: 'A', canonical: { quantity: 'current_subscribed', unit: 'A' } },
  { label: 'IINST', kind: 'value', unit: 'A', canonical: { quantity: 'current', unit: 'A' } },
  { label: 'IMAX', kind: 'value', unit: 'A', canonical: { quantity: 'current_max', unit: 'A' } },
  { label: 'PAPP', kind: 'value', unit: 'VA', canonical: { quantity: 'apparent_power', unit: 'VA' } },
  { label: 'HCHC', kind: 'value', unit: 'Wh', canonical: { quantity: 'energy', unit: 'kWh', scale: kWh, register: 'HCHC', tariff: 1 } },
  { label: 'HCHP', kind: 'value', unit: 'Wh', canonical: { quantity: 'energy', unit: 'kWh', scale: kWh, register: 'HCHP', tariff: 2 } },
  { label: 'PTEC', kind: 'text', length: 4 },
]);
