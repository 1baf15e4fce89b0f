import type { GatewayView, JsonValue } from '@app/contracts';
import type { GatewayEntity } from '../database/entities/gateway.entity';
import type { Snapshot } from '../history/history-diff';

export function toGatewayView(gateway: GatewayEntity): GatewayView {
  return {
    id: gateway.id,
    eui: gateway.eui,
    name: gateway.name,
    model: gateway.model,
    latitude: gateway.latitude,
    longitude: gateway.longitude,
    nodeId: gateway.nodeId,
    configuration: gateway.configuration as Record<string, JsonValue>,
    status: gateway.status,
    createdAt: gateway.createdAt.toISOString(),
    updatedAt: gateway.updatedAt.toISOString(),
  };
}

export function gatewaySnapshot(gateway: GatewayEntity): Snapshot {
  const { tenantId: _tenantId, id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = gateway;
  return fields;
}
