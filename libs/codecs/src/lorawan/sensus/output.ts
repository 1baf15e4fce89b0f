import { CodecError } from '../../errors';
import { pow10 } from '../../pow';
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


/** `value` x 10^exponent, or null when the unit is none, a time or a date. */
export function scaled(value: number, record: Pick<OmsRecord, 'unit'>): number | null {
  if (UNSCALED.has(record.unit.unit)) return null;
  return value * pow10(record.unit.exponent);
}

/** One record in the decoder's key order; a compact profile has `values` instead of a value. */
function recordEntry(r: OmsRecord, value: number | null, scaledValue: number | null, strValue: JsonValue, values: JsonValue[] | null): JsonObject {
  return {
    dif: r.dif,
    storage: r.storage,
    tariff: r.tariff,
    subUnit: r.subUnit,
    function: r.function,
    vif: r.vif,
    vifType: r.unit.type,
    value,
    scaledValue,
    strValue,
    unit: r.unit.unit,
    symbol: BASE_UNITS[r.unit.unit],
    exponent: r.unit.exponent,
    isCompactProfile: values === null ? null : true,
    values,
  };
}

function recordJson(r: OmsRecord): JsonObject {
  if (!r.profile) {
    const value = Number(r.value);
    return recordEntry(r, value, scaled(value, r), r.strValue, null);
  }
  const values: JsonValue[] = [...r.profile]
    .sort((a, b) => a.timestamp - b.timestamp)
    .map((p) => {
      const s = scaled(p.number, r);
      if (s === null) throw new CodecError('MALFORMED', `compact profile of ${r.unit.type} has no unit to scale its values`);
      return { timestamp: p.timestamp, value: p.number, scaledValue: s, storage: p.storage };
    });
  return recordEntry(r, null, null, null, values);
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
