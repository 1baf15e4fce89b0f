import type { WmbusDriver } from './types';
import { bitStatus, dropMeasurements, findRecord, measure, mvt, rawInt } from './util';

/**
 * Carlo Gavazzi EM24 (KAM 33/02, GAV 00/02) electricity meter. Active energy and power are
 * standard records. The reactive energy counters come as VIF FB 82 75 (import) and FB 82 F5 3C
 * (export) and are read as whole kvarh, as the meter's integration does (wmbusmeters em24);
 * apparent energy is derived as sqrt(P^2 + Q^2). Error flags FD17 report over-ranges.
 * Sources: Carlo Gavazzi EM24 wM-Bus communication protocol summary, wmbusmeters em24.xmq.
 */
export const em24: WmbusDriver = {
  name: 'em24',
  meters: 'Carlo Gavazzi EM24 wM-Bus',
  sources: ['wmbusmeters drivers/src/em24.xmq'],
  detect: mvt(['KAM', 0x33, 0x02], ['GAV', 0x00, 0x02]),
  decode(ctx) {
    dropMeasurements(ctx, (m) => m.quantity === 'reactive_energy');
    const qIn = rawInt(findRecord(ctx.records, '04FB8275'));
    const qOut = rawInt(findRecord(ctx.records, '04FB82F53C'));
    if (qIn !== undefined) measure(ctx, 'reactive_energy', qIn, 'kvarh');
    if (qOut !== undefined) measure(ctx, 'reactive_energy', qOut, 'kvarh', { register: 'reverse' });
    let pIn: number | undefined;
    let pOut: number | undefined;
    for (const r of ctx.records) {
      if (r.quantity !== 'energy' || r.value === null || r.storage !== 0) continue;
      if (r.register === 'reverse') pOut = r.value;
      else if (!r.register) pIn = r.value;
    }
    if (pIn !== undefined && qIn !== undefined) measure(ctx, 'apparent_energy', Math.sqrt(pIn * pIn + qIn * qIn), 'kVAh');
    if (pOut !== undefined && qOut !== undefined) measure(ctx, 'apparent_energy', Math.sqrt(pOut * pOut + qOut * qOut), 'kVAh', { register: 'reverse' });
    const f = rawInt(findRecord(ctx.records, '02FB2E'));
    if (f !== undefined) {
      dropMeasurements(ctx, (m) => m.quantity === 'frequency');
      measure(ctx, 'frequency', f / 10, 'Hz');
    }
    const flags = rawInt(findRecord(ctx.records, '01FD17'));
    if (flags !== undefined) {
      bitStatus(ctx, flags, [
        [0x01, 'V_1_OVERFLOW', 'over_voltage'],
        [0x02, 'V_2_OVERFLOW', 'over_voltage'],
        [0x04, 'V_3_OVERFLOW', 'over_voltage'],
        [0x08, 'I_1_OVERFLOW', 'over_current'],
        [0x10, 'I_2_OVERFLOW', 'over_current'],
        [0x20, 'I_3_OVERFLOW', 'over_current'],
        [0x40, 'FREQUENCY'],
      ]);
    }
  },
};
