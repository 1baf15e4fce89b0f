import type { CreateMeterRequest } from '@app/contracts';
import type { SecretBox } from '../crypto/secret-box';
import type { NewMeter } from './meters.repository';

/** Where a meter's key is bound (AES-GCM additional data): a sealed key cannot be moved to another meter or field. */
export const keyContext = (meterId: string, field: 'appKey' | 'aesKey'): string => `meter:${meterId}:${field}`;

/**
 * The row of a new meter (in stock) from a validated creation request: identifiers normalised, keys
 * sealed under SECRETS_KEY. Single creation and import both build their rows here.
 */
export function newMeterRecord(id: string, request: CreateMeterRequest, box: SecretBox): NewMeter {
  const { lorawan, wmbus } = request;
  return {
    id,
    serial: request.serial,
    vendor: request.vendor,
    model: request.model ?? null,
    utility: request.utility,
    codecId: request.codecId ?? null,
    nodeId: request.nodeId ?? null,
    status: 'in_stock',
    devEui: lorawan ? lorawan.devEui.toLowerCase() : null,
    joinEui: lorawan?.joinEui ? lorawan.joinEui.toLowerCase() : null,
    appKeyEnc: lorawan?.appKey ? box.seal(lorawan.appKey.toLowerCase(), keyContext(id, 'appKey')) : null,
    wmbusManufacturer: wmbus ? wmbus.manufacturer.toUpperCase() : null,
    wmbusId: wmbus ? wmbus.id : null,
    aesKeyEnc: wmbus?.aesKey ? box.seal(wmbus.aesKey.toLowerCase(), keyContext(id, 'aesKey')) : null,
    multiplier: request.multiplier ?? '1',
    registerUnit: request.registerUnit ?? null,
    installedAt: null,
    installIndex: null,
    removedAt: null,
    finalIndex: null,
    replacedById: null,
    replacesId: null,
  };
}
