import type { JsonValue } from '../../types';
import type { AttributeFields, ClusterDecoder } from './zcl';
import { readerAt } from './zcl';

/**
 * Electrical clusters. Each value is a byte string (type 0x41): [length][fields...], BE.
 *  - 0x0052 Simple Metering (Smartplug): int24 active energy Wh, int24 reactive energy varh,
 *    uint16 sample count, int16 active power W, int16 reactive power var.
 *  - 0x8052 Power Quality (Smartplug): frequency, min, max as (int16 + 22232) / 1000 Hz; Vrms,
 *    min, max, Vpeak, min, max as int16 / 10 V; over-voltage and sag counts.
 *  - 0x800A Energy and Power Metering (Triphaso): 8 x int32, +/- active and reactive energy
 *    (Wh, varh) and power (W, var).
 *  - 0x8010 Energy and Power Multi-Metering (Triphaso): attribute 0 energies, 1 powers, active
 *    and reactive per phase a, b, c and total. The vendor reads these as unsigned (so -992 var
 *    prints as 4294966304); `vendor` keeps that, the canonical part reads them signed.
 *  - 0x800B Voltage/Current Metering: int16 Vrms / 10, Irms / 10, angle (degrees).
 *  - 0x800D Voltage/Current Multi-Metering (Triphaso): the same for phases a, b, c.
 * Sources: support.watteco.com/simple-metering-like-cluster, /energy-power-metering,
 * /voltage-current-metering, /power-quality; vendor/watteco/smartplug.js, triphaso.js.
 */
const multistate = (start: number) => ({ start, divider: 1, kind: 'multistate' as const, fieldIndexed: true });

function simpleMetering(h: number, bytes: Uint8Array): AttributeFields {
  const r = readerAt(bytes, h + 1);
  return {
    fields: [
      ['active_energy', r.intBE(3, 'active energy')],
      ['reactive_energy', r.intBE(3, 'reactive energy')],
      ['nb_samples', r.u16be('sample count')],
      ['active_power', r.i16be('active power')],
      ['reactive_power', r.i16be('reactive power')],
    ],
  };
}

function powerQuality(h: number, bytes: Uint8Array): AttributeFields {
  const r = readerAt(bytes, h + 1);
  const fields: Array<[string, JsonValue]> = [];
  for (const key of ['frequency', 'frequency_min', 'frequency_max']) fields.push([key, (r.i16be(key) + 22232) / 1000]);
  for (const key of ['Vrms', 'Vrms_min', 'Vrms_max', 'Vpeak', 'Vpeak_min', 'Vpeak_max']) fields.push([key, r.i16be(key) / 10]);
  for (const key of ['over_voltage', 'sag_voltage']) fields.push([key, r.i16be(key)]);
  return { fields };
}

function int32Block(h: number, bytes: Uint8Array, names: readonly string[], signed: boolean): AttributeFields {
  const r = readerAt(bytes, h + 1);
  const fields = names.map((name): [string, JsonValue] => [name, signed ? r.i32be(name) : r.u32be(name)]);
  return { fields, alarm: multistate(h + 33) };
}

const ENERGY_POWER = [
  'positive_active_energy', 'negative_active_energy', 'positive_reactive_energy', 'negative_reactive_energy',
  'positive_active_power', 'negative_active_power', 'positive_reactive_power', 'negative_reactive_power',
] as const;

const perPhase = (kind: 'energy' | 'power'): string[] =>
  ['a', 'b', 'c', 'abc'].flatMap((p) => [`active_${kind}_${p}`, `reactive_${kind}_${p}`]);
const ENERGY_PER_PHASE = perPhase('energy');
const POWER_PER_PHASE = perPhase('power');

function voltageCurrent(h: number, bytes: Uint8Array, suffixes: readonly string[]): AttributeFields {
  const r = readerAt(bytes, h + 1);
  const fields: Array<[string, JsonValue]> = [];
  for (const s of suffixes) {
    fields.push([`Vrms${s}`, r.i16be('Vrms') / 10], [`Irms${s}`, r.i16be('Irms') / 10], [`angle${s}`, r.i16be('angle')]);
  }
  return { fields, alarm: multistate(r.offset) };
}

export const simpleMeteringCluster: ClusterDecoder = (ctx) =>
  ctx.attribute === 0 ? simpleMetering(ctx.value, ctx.bytes) : undefined;

export const powerQualityCluster: ClusterDecoder = (ctx) =>
  ctx.attribute === 0 ? powerQuality(ctx.value, ctx.bytes) : undefined;

export const energyPowerCluster: ClusterDecoder = (ctx) =>
  ctx.attribute === 0 ? int32Block(ctx.value, ctx.bytes, ENERGY_POWER, true) : undefined;

export const energyPowerMultiCluster: ClusterDecoder = (ctx) => {
  if (ctx.attribute === 0) return int32Block(ctx.value, ctx.bytes, ENERGY_PER_PHASE, false);
  if (ctx.attribute === 1) return int32Block(ctx.value, ctx.bytes, POWER_PER_PHASE, false);
  return undefined;
};

export const voltageCurrentCluster: ClusterDecoder = (ctx) =>
  ctx.attribute === 0 ? voltageCurrent(ctx.value, ctx.bytes, ['']) : undefined;

export const voltageCurrentMultiCluster: ClusterDecoder = (ctx) =>
  ctx.attribute === 0 ? voltageCurrent(ctx.value, ctx.bytes, ['_a', '_b', '_c']) : undefined;
