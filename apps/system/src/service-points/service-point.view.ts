import type { ServicePointMeterView, ServicePointView } from '@app/contracts';
import type { ServicePointMeterEntity } from '../database/entities/service-point-meter.entity';
import type { ServicePointEntity } from '../database/entities/service-point.entity';
import type { Snapshot } from '../history/history-diff';

export function toServicePointView(point: ServicePointEntity): ServicePointView {
  return {
    id: point.id,
    code: point.code,
    consumerId: point.consumerId,
    nodeId: point.nodeId,
    utility: point.utility,
    address: point.address,
    description: point.description,
    status: point.status,
    createdAt: point.createdAt.toISOString(),
    updatedAt: point.updatedAt.toISOString(),
  };
}

export function toServicePointMeterView(link: ServicePointMeterEntity): ServicePointMeterView {
  return {
    id: link.id,
    servicePointId: link.servicePointId,
    meterId: link.meterId,
    validFrom: link.validFrom.toISOString(),
    validTo: link.validTo ? link.validTo.toISOString() : null,
  };
}

/** The fields of a service point its history compares (no tenant, no timestamps). */
export function servicePointSnapshot(point: ServicePointEntity): Snapshot {
  const { tenantId: _tenantId, id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = point;
  return fields;
}
