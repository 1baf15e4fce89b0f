import type { ListConsumersRequest } from '@contracts/consumers';
import type { ListMetersRequest } from '@contracts/devices';
import type { HistoryEntityType } from '@contracts/history';

/** The one query-key factory of the registry feature (meters, devices, hierarchy, history). */
export const registryKeys = {
  all: ['registry'] as const,
  meters: () => [...registryKeys.all, 'meters'] as const,
  meterList: (query: ListMetersRequest) => [...registryKeys.meters(), 'list', query] as const,
  meter: (id: string) => [...registryKeys.meters(), 'one', id] as const,
  gateways: () => [...registryKeys.all, 'gateways'] as const,
  gateway: (id: string) => [...registryKeys.gateways(), id] as const,
  pulseModules: () => [...registryKeys.all, 'pulse-modules'] as const,
  hierarchy: () => [...registryKeys.all, 'hierarchy'] as const,
  hierarchyTree: () => [...registryKeys.hierarchy(), 'tree'] as const,
  hierarchyChildren: (parentId: string) => [...registryKeys.hierarchy(), 'children', parentId] as const,
  history: (entityType: HistoryEntityType, entityId: string) => [...registryKeys.all, 'history', entityType, entityId] as const,
  actors: () => [...registryKeys.all, 'actors'] as const,
  consumers: () => [...registryKeys.all, 'consumers'] as const,
  consumerList: (query: ListConsumersRequest) => [...registryKeys.consumers(), 'list', query] as const,
  consumer: (id: string) => [...registryKeys.consumers(), 'one', id] as const,
  servicePoints: (consumerId: string) => [...registryKeys.consumers(), 'service-points', consumerId] as const,
  servicePointMeters: (servicePointId: string) => [...registryKeys.consumers(), 'service-point-meters', servicePointId] as const,
};
