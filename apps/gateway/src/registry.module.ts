import { Module } from '@nestjs/common';
import { HierarchyController } from './hierarchy/hierarchy.controller';
import { HistoryController } from './history/history.controller';

/** REST endpoints of the registry (hierarchy, devices) and its change history; each forwards to the system service. */
@Module({ controllers: [HistoryController, HierarchyController] })
export class RegistryModule {}
