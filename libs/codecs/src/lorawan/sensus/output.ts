import { CodecError } from '../../errors';
import type { JsonObject, JsonValue } from '../../types';
import type { OmsHeader, OmsRecord } from './frame';
import { BASE_UNITS } from './vif';

/**
 * The iPERL decoder's JSON: the TPL header fields, `records` (dif, storage, tariff, subUnit,
 * function, vif, vifType, value, scaledValue = value x 10^exponent unless the unit is none, time
 * or date, strValue, unit, symbol, exponent, isCompactProfile, values) and `alarms`. Profile
 * `values` are sorted by time, oldest first; the base value is among them.
 */
const UNSCALED = new Set(['NO_UNIT', 'TIME', 'DATETIME']);

export function scaled(value: bigint, record: Pick<OmsRecord, 'unit'>): number | null {
  if (UNSCALED.has(record.unit.unit)) return null;
  return Number(value) * Math.pow(10, record.unit.exponent);
}

function recordJson(r: OmsRecord): JsonObject {
  const common: JsonObject = {
    dif: r.dif,
    storage: r.storage,
    tariff: r.tariff,
    subUnit: r.subUnit,
    function: r.function,
    vif: r.vif,
    vifType: r.unit.type,
  };
  const unit: JsonObject = { unit: r.unit.unit, symbol: BASE_UNITS[r.unit.unit], exponent: r.unit.exponent };
  if (!r.profile) {
    return { ...common, value: Number(r.value), scaledValue: scaled(r.value, r), strValue: r.strValue, ...unit, isCompactProfile: null, values: null };
  }
  const values: JsonValue[] = [...r.profile]
    .sort((a, b) => a.timestamp - b.timestamp)
    .map((p) => {
      const s = scaled(p.value, r);
      if (s === null) throw new CodecError('MALFORMED', `compact profile of ${r.unit.type} has no unit to scale its values`);
      return { timestamp: p.timestamp, value: Number(p.value), scaledValue: s, storage: p.storage };
    });
  return { ...common, value: null, scaledValue: null, strValue: null, ...unit, isCompactProfile: true, values };
}

export function frameJson(header: OmsHeader, records: OmsRecord[], alarms: string[]): JsonObject {
  return {
    identificationNo: header.identificationNo,
    manufacturer: header.manufacturer,
    manufacturerCode: header.manufacturerCode,
    version: header.version,
    device: header.device,
    accessNo: header.accessNo,
    status: header.status,
    config: header.config,
    records: records.map(recordJson),
    alarms,
  };
}
