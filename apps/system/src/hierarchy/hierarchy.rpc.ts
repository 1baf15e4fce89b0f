import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { HierarchyNodeView } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { IdDto } from '../access/id.dto';
import { CreateHierarchyNodeDto, ListHierarchyDto, UpdateHierarchyNodeDto } from './dto/hierarchy.dto';
import { HierarchyService } from './hierarchy.service';

/** `system.hierarchy.*`: the hierarchy of the actor's tenant. */
@Controller()
export class HierarchyRpc {
  constructor(private readonly hierarchy: HierarchyService) {}

  @MessagePattern(SystemPatterns.hierarchyList)
  list(@Payload('data') request: ListHierarchyDto): Promise<HierarchyNodeView[]> {
    return this.hierarchy.list(actorScope('hierarchy:read').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.hierarchyCreate)
  create(@Payload('data') request: CreateHierarchyNodeDto): Promise<HierarchyNodeView> {
    return this.hierarchy.create(actorScope('hierarchy:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.hierarchyUpdate)
  update(@Payload('data') request: UpdateHierarchyNodeDto): Promise<HierarchyNodeView> {
    return this.hierarchy.update(actorScope('hierarchy:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.hierarchyDelete)
  delete(@Payload('data') request: IdDto): Promise<HierarchyNodeView> {
    return this.hierarchy.delete(actorScope('hierarchy:write').tenantId, request.id);
  }
}
