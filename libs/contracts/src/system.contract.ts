/**
 * System service contract. Pattern names are public wire API: `system.<entity>.<verb>`.
 * Add and deprecate; never rename in place.
 *
 * Every pattern except login, refresh and API key verification needs an actor in the envelope's
 * meta; the service takes the tenant from it, so a request never names another tenant's data.
 */
import type { HealthRpc, Rpc } from './contract';
import type {
  ApiKeyPrincipal,
  ApiKeyView,
  CreateApiKeyRequest,
  CreateTenantRequest,
  CreateUserRequest,
  CreatedApiKey,
  ListLoginEventsRequest,
  ListUsersRequest,
  LoginEventView,
  LoginRequest,
  LoginResult,
  LogoutResult,
  MeView,
  RefreshRequest,
  SessionsRevoked,
  SetPasswordRequest,
  TenantView,
  UpdateTenantRequest,
  UpdateUserRequest,
  IdRequest,
  UserPage,
  UserView,
  VerifyApiKeyRequest,
} from './identity';
import type {
  CreateGatewayRequest,
  CreateMeterRequest,
  CreatePulseModuleRequest,
  GatewayView,
  InstallMeterRequest,
  ListMetersRequest,
  MeterPage,
  MeterView,
  PulseModuleView,
  RemoveMeterRequest,
  ReplaceMeterRequest,
  ReplacedMeters,
  UpdateGatewayRequest,
  UpdateMeterRequest,
} from './devices';
import type { ImportReport, ImportRequest } from './bulk';
import type { ResolveDevicesRequest, ResolvedDevices } from './device-resolution';
import type { CreateHierarchyNodeRequest, HierarchyNodeView, ListHierarchyRequest, UpdateHierarchyNodeRequest } from './hierarchy';
import type { HistoryPage, ListHistoryRequest, EntityHistoryRequest } from './history';
import type {
  AttachMeterRequest,
  ConsumerPage,
  ConsumerView,
  CreateConsumerRequest,
  CreateServicePointRequest,
  DetachMeterRequest,
  ListConsumersRequest,
  ListServicePointsRequest,
  ServicePointMeterView,
  ServicePointPage,
  ServicePointView,
  UpdateConsumerRequest,
  UpdateServicePointRequest,
} from './consumers';

type Empty = Record<string, never>;

export const SystemPatterns = {
  health: 'system.health.check',
  tenantList: 'system.tenant.list',
  tenantCreate: 'system.tenant.create',
  tenantUpdate: 'system.tenant.update',
  userList: 'system.user.list',
  userGet: 'system.user.get',
  userCreate: 'system.user.create',
  userUpdate: 'system.user.update',
  userRevokeSessions: 'system.user.revoke-sessions',
  userUnlock: 'system.user.unlock',
  userSetPassword: 'system.user.set-password',
  authLogin: 'system.auth.login',
  authRefresh: 'system.auth.refresh',
  authLogout: 'system.auth.logout',
  authMe: 'system.auth.me',
  apiKeyVerify: 'system.apikey.verify',
  apiKeyList: 'system.apikey.list',
  apiKeyCreate: 'system.apikey.create',
  apiKeyRevoke: 'system.apikey.revoke',
  loginEventList: 'system.login-event.list',
  historyList: 'system.history.list',
  hierarchyList: 'system.hierarchy.list',
  hierarchyCreate: 'system.hierarchy.create',
  hierarchyUpdate: 'system.hierarchy.update',
  hierarchyDelete: 'system.hierarchy.delete',
  gatewayList: 'system.gateway.list',
  gatewayGet: 'system.gateway.get',
  gatewayCreate: 'system.gateway.create',
  gatewayUpdate: 'system.gateway.update',
  gatewayDelete: 'system.gateway.delete',
  gatewayImport: 'system.gateway.import',
  meterList: 'system.meter.list',
  meterGet: 'system.meter.get',
  meterCreate: 'system.meter.create',
  meterUpdate: 'system.meter.update',
  meterInstall: 'system.meter.install',
  meterRemove: 'system.meter.remove',
  meterArchive: 'system.meter.archive',
  meterReplace: 'system.meter.replace',
  meterProvision: 'system.meter.provision',
  meterImport: 'system.meter.import',
  pulseModuleList: 'system.pulse-module.list',
  pulseModuleCreate: 'system.pulse-module.create',
  historyEntity: 'system.history.entity',
  consumerList: 'system.consumer.list',
  consumerGet: 'system.consumer.get',
  consumerMine: 'system.consumer.mine',
  consumerCreate: 'system.consumer.create',
  consumerUpdate: 'system.consumer.update',
  consumerClose: 'system.consumer.close',
  consumerImport: 'system.consumer.import',
  servicePointList: 'system.service-point.list',
  servicePointGet: 'system.service-point.get',
  servicePointCreate: 'system.service-point.create',
  servicePointUpdate: 'system.service-point.update',
  servicePointClose: 'system.service-point.close',
  servicePointImport: 'system.service-point.import',
  servicePointAttachMeter: 'system.service-point.attach-meter',
  servicePointDetachMeter: 'system.service-point.detach-meter',
  servicePointMeters: 'system.service-point.meters',
  meterServicePoints: 'system.meter.service-points',
  /** Internal (ingest -> system): answers AES keys in clear. Never route it at the gateway. */
  deviceResolve: 'system.device.resolve',
} as const;

export type SystemContract = {
  'system.health.check': HealthRpc;
  'system.tenant.list': Rpc<Empty, TenantView[]>;
  'system.tenant.create': Rpc<CreateTenantRequest, TenantView>;
  'system.tenant.update': Rpc<UpdateTenantRequest, TenantView>;
  'system.user.list': Rpc<ListUsersRequest, UserPage>;
  'system.user.get': Rpc<IdRequest, UserView>;
  'system.user.create': Rpc<CreateUserRequest, UserView>;
  'system.user.update': Rpc<UpdateUserRequest, UserView>;
  'system.user.revoke-sessions': Rpc<IdRequest, SessionsRevoked>;
  'system.user.unlock': Rpc<IdRequest, UserView>;
  'system.user.set-password': Rpc<SetPasswordRequest, SessionsRevoked>;
  'system.auth.login': Rpc<LoginRequest, LoginResult>;
  'system.auth.refresh': Rpc<RefreshRequest, LoginResult>;
  'system.auth.logout': Rpc<Empty, LogoutResult>;
  'system.auth.me': Rpc<Empty, MeView>;
  'system.apikey.verify': Rpc<VerifyApiKeyRequest, ApiKeyPrincipal>;
  'system.apikey.list': Rpc<Empty, ApiKeyView[]>;
  'system.apikey.create': Rpc<CreateApiKeyRequest, CreatedApiKey>;
  'system.apikey.revoke': Rpc<IdRequest, ApiKeyView>;
  'system.login-event.list': Rpc<ListLoginEventsRequest, LoginEventView[]>;
  'system.history.list': Rpc<ListHistoryRequest, HistoryPage>;
  'system.hierarchy.list': Rpc<ListHierarchyRequest, HierarchyNodeView[]>;
  'system.hierarchy.create': Rpc<CreateHierarchyNodeRequest, HierarchyNodeView>;
  'system.hierarchy.update': Rpc<UpdateHierarchyNodeRequest, HierarchyNodeView>;
  'system.hierarchy.delete': Rpc<IdRequest, HierarchyNodeView>;
  'system.gateway.list': Rpc<Empty, GatewayView[]>;
  'system.gateway.get': Rpc<IdRequest, GatewayView>;
  'system.gateway.create': Rpc<CreateGatewayRequest, GatewayView>;
  'system.gateway.update': Rpc<UpdateGatewayRequest, GatewayView>;
  'system.gateway.delete': Rpc<IdRequest, GatewayView>;
  'system.gateway.import': Rpc<ImportRequest, ImportReport>;
  'system.meter.list': Rpc<ListMetersRequest, MeterPage>;
  'system.meter.get': Rpc<IdRequest, MeterView>;
  'system.meter.create': Rpc<CreateMeterRequest, MeterView>;
  'system.meter.update': Rpc<UpdateMeterRequest, MeterView>;
  'system.meter.install': Rpc<InstallMeterRequest, MeterView>;
  'system.meter.remove': Rpc<RemoveMeterRequest, MeterView>;
  'system.meter.archive': Rpc<IdRequest, MeterView>;
  'system.meter.replace': Rpc<ReplaceMeterRequest, ReplacedMeters>;
  'system.meter.provision': Rpc<IdRequest, MeterView>;
  'system.meter.import': Rpc<ImportRequest, ImportReport>;
  'system.pulse-module.list': Rpc<Empty, PulseModuleView[]>;
  'system.pulse-module.create': Rpc<CreatePulseModuleRequest, PulseModuleView>;
  'system.history.entity': Rpc<EntityHistoryRequest, HistoryPage>;
  'system.consumer.list': Rpc<ListConsumersRequest, ConsumerPage>;
  'system.consumer.get': Rpc<IdRequest, ConsumerView>;
  /** The consumer record of the calling consumer user (NOT_FOUND for anyone else). */
  'system.consumer.mine': Rpc<Empty, ConsumerView>;
  'system.consumer.create': Rpc<CreateConsumerRequest, ConsumerView>;
  'system.consumer.update': Rpc<UpdateConsumerRequest, ConsumerView>;
  'system.consumer.close': Rpc<IdRequest, ConsumerView>;
  'system.consumer.import': Rpc<ImportRequest, ImportReport>;
  'system.service-point.list': Rpc<ListServicePointsRequest, ServicePointPage>;
  'system.service-point.get': Rpc<IdRequest, ServicePointView>;
  'system.service-point.create': Rpc<CreateServicePointRequest, ServicePointView>;
  'system.service-point.update': Rpc<UpdateServicePointRequest, ServicePointView>;
  'system.service-point.close': Rpc<IdRequest, ServicePointView>;
  'system.service-point.import': Rpc<ImportRequest, ImportReport>;
  'system.service-point.attach-meter': Rpc<AttachMeterRequest, ServicePointMeterView>;
  'system.service-point.detach-meter': Rpc<DetachMeterRequest, ServicePointMeterView>;
  /** The meters serving a service point over time, newest link first. */
  'system.service-point.meters': Rpc<IdRequest, ServicePointMeterView[]>;
  /** The service points a meter served over time, newest link first. */
  'system.meter.service-points': Rpc<IdRequest, ServicePointMeterView[]>;
  /** Internal service-to-service call without an actor (wM-Bus AES keys in clear): never exposed at the gateway. */
  'system.device.resolve': Rpc<ResolveDevicesRequest, ResolvedDevices>;
};
