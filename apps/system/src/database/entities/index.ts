import { ApiKeyEntity } from './api-key.entity';
import { ChangeHistoryEntity } from './change-history.entity';
import { ConsumerEntity } from './consumer.entity';
import { GatewayEntity } from './gateway.entity';
import { HierarchyNodeEntity } from './hierarchy-node.entity';
import { MeterEntity } from './meter.entity';
import { PulseModuleEntity } from './pulse-module.entity';
import { LoginEventEntity } from './login-event.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { ServicePointMeterEntity } from './service-point-meter.entity';
import { ServicePointEntity } from './service-point.entity';
import { SessionEntity } from './session.entity';
import { TenantEntity } from './tenant.entity';
import { UserEntity } from './user.entity';

/** Every entity of the system schema (mapped onto tables the migrations create; never synchronized). */
export const SYSTEM_ENTITIES = [TenantEntity, UserEntity, SessionEntity, RefreshTokenEntity, ApiKeyEntity, LoginEventEntity, ChangeHistoryEntity, HierarchyNodeEntity, GatewayEntity, MeterEntity, PulseModuleEntity, ConsumerEntity, ServicePointEntity, ServicePointMeterEntity];
