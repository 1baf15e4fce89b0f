import type { CreateMeterRequest } from '@app/contracts';
import { createErrors } from '../bulk/import-rows';
import type { RowCells, RowErrors } from '../bulk/import-rows';
import { CreateMeterDto } from './dto/meter.dto';

/** Column of a meter file for each field path of a creation request. */
const COLUMN_OF_PATH: Record<string, string> = {
  'lorawan.devEui': 'devEui',
  'lorawan.joinEui': 'joinEui',
  'lorawan.appKey': 'appKey',
  'wmbus.manufacturer': 'wmbusManufacturer',
  'wmbus.id': 'wmbusId',
  'wmbus.aesKey': 'aesKey',
};

/** A creation request from a row's cells: the LoRaWAN or wM-Bus identity when any of its columns is filled. */
export function meterRequestOfCells(c: RowCells): Record<string, unknown> {
  const plain: Record<string, unknown> = {
    serial: c.serial,
    vendor: c.vendor,
    model: c.model,
    utility: c.utility,
    codecId: c.codecId,
    nodeId: c.nodeId,
    multiplier: c.multiplier,
    registerUnit: c.registerUnit,
  };
  if (c.devEui || c.joinEui || c.appKey) plain.lorawan = { devEui: c.devEui, joinEui: c.joinEui, appKey: c.appKey };
  if (c.wmbusManufacturer || c.wmbusId || c.aesKey) plain.wmbus = { manufacturer: c.wmbusManufacturer, id: c.wmbusId, aesKey: c.aesKey };
  return plain;
}

/**
 * Checks one row with the rules of a single creation (`CreateMeterDto`), recording its errors under
 * the file's column names ("is required" for an empty required cell). Returns the request when valid.
 */
export function validateMeterRow(line: number, cells: RowCells, errors: RowErrors): CreateMeterRequest | null {
  const { value, errors: fieldErrors } = createErrors(CreateMeterDto, meterRequestOfCells(cells));
  if (fieldErrors.length === 0) return value;
  const reported = new Set<string>();
  for (const error of fieldErrors) {
    const column = COLUMN_OF_PATH[error.field] ?? error.field;
    if (reported.has(column)) continue;
    reported.add(column);
    const property = error.field.split('.').pop() ?? error.field;
    const message = cells[column] === undefined ? 'is required' : error.message.startsWith(`${property} `) ? error.message.slice(property.length + 1) : error.message;
    errors.add(line, column, message);
  }
  return null;
}
