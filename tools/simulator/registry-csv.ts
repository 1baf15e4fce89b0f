import { METER_IMPORT_COLUMNS } from '@app/contracts';
import type { VirtualMeter } from './meter';
import { Rng, hashSeed } from './rng';

/** The serial a virtual meter is registered under. */
export const registrySerial = (m: VirtualMeter): string => `SIM-${m.serial}`;

const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The fleet as a meter import file (columns of METER_IMPORT_COLUMNS, header first), so the same virtual
 * meters can be registered through POST /api/v1/meters/import before the simulator plays them.
 */
export function registryCsv(fleet: readonly VirtualMeter[], seed: number): string {
  const rows = fleet.map((m) => {
    const keys = new Rng(hashSeed(`keys:${seed}:${m.index}`));
    const row: Record<(typeof METER_IMPORT_COLUMNS)[number], string> = {
      serial: registrySerial(m),
      vendor: m.encoder.vendor,
      model: m.encoder.model,
      utility: m.utility,
      codecId: m.encoder.codecId,
      nodeId: '',
      devEui: m.devEui,
      joinEui: '70b3d57ed0000000',
      appKey: keys.hex(16),
      wmbusManufacturer: '',
      wmbusId: '',
      aesKey: '',
      multiplier: '1',
      registerUnit: m.encoder.registerUnit,
    };
    return METER_IMPORT_COLUMNS.map((c) => cell(row[c])).join(',');
  });
  return [METER_IMPORT_COLUMNS.join(','), ...rows].join('\n') + '\n';
}
