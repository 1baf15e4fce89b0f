import { Module } from '@nestjs/common';
import { GatewaysController } from './gateways/gateways.controller';
import { HierarchyController } from './hierarchy/hierarchy.controller';
import { HistoryController } from './history/history.controller';
import { MetersController } from './meters/meters.controller';
import { PulseModulesController } from './pulse-modules/pulse-modules.controller';

/** REST endpoints of the registry (hierarchy, devices) and its change history; each forwards to the system service. */
@Module({ controllers: [HistoryController, HierarchyController, GatewaysController, MetersController, PulseModulesController] })
export class RegistryModule {}
