import type { CreateGatewayRequest } from '@app/contracts';
import type { NewGateway } from './gateways.repository';

/** The row of a new gateway from a validated creation request. Single creation and import both build it here. */
export function newGatewayRecord(id: string, request: CreateGatewayRequest): NewGateway {
  return {
    id,
    eui: request.eui.toLowerCase(),
    name: request.name,
    model: request.model ?? null,
    latitude: request.latitude ?? null,
    longitude: request.longitude ?? null,
    nodeId: request.nodeId ?? null,
    configuration: request.configuration ?? {},
    status: request.status ?? 'active',
  };
}
