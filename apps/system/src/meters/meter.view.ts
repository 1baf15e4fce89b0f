import type { MeterView } from '@app/contracts';
import type { MeterEntity } from '../database/entities/meter.entity';
import type { Snapshot } from '../history/history-diff';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** The meter as answered: never a key, only whether one is stored. */
export function toMeterView(meter: MeterEntity): MeterView {
  return {
    id: meter.id,
    serial: meter.serial,
    vendor: meter.vendor,
    model: meter.model,
    utility: meter.utility,
    codecId: meter.codecId,
    nodeId: meter.nodeId,
    status: meter.status,
    lorawan: meter.devEui ? { devEui: meter.devEui, joinEui: meter.joinEui, hasAppKey: meter.appKeyEnc !== null } : null,
    wmbus: meter.wmbusManufacturer && meter.wmbusId ? { manufacturer: meter.wmbusManufacturer, id: meter.wmbusId, hasAesKey: meter.aesKeyEnc !== null } : null,
    multiplier: meter.multiplier,
    registerUnit: meter.registerUnit,
    installedAt: iso(meter.installedAt),
    installIndex: meter.installIndex,
    removedAt: iso(meter.removedAt),
    finalIndex: meter.finalIndex,
    replacedById: meter.replacedById,
    replacesId: meter.replacesId,
    provisioning: meter.devEui ? { state: meter.provisioningState, error: meter.provisioningError, at: iso(meter.provisioningAt) } : null,
    createdAt: meter.createdAt.toISOString(),
    updatedAt: meter.updatedAt.toISOString(),
  };
}

/** Fields of a meter whose values never enter the history (their ciphertext changes show as "[changed]"). */
export const METER_SECRET_FIELDS = ['appKey', 'aesKey'] as const;

/** The fields of a meter its history compares; keys only as ciphertext, which the diff masks. */
export function meterSnapshot(meter: MeterEntity): Snapshot {
  const { appKeyEnc, aesKeyEnc, tenantId: _tenantId, createdAt: _createdAt, updatedAt: _updatedAt, id: _id, ...fields } = meter;
  return { ...fields, appKey: appKeyEnc, aesKey: aesKeyEnc };
}
