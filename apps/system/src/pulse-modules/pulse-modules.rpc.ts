import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { PulseModuleView } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { CreatePulseModuleDto } from './dto/pulse-module.dto';
import { PulseModulesService } from './pulse-modules.service';

/** `system.pulse-module.*`: pulse modules of the actor's tenant. */
@Controller()
export class PulseModulesRpc {
  constructor(private readonly modules: PulseModulesService) {}

  @MessagePattern(SystemPatterns.pulseModuleList)
  list(): Promise<PulseModuleView[]> {
    return this.modules.list(actorScope('devices:read').tenantId);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.pulseModuleCreate)
  create(@Payload('data') request: CreatePulseModuleDto): Promise<PulseModuleView> {
    return this.modules.create(actorScope('devices:write').tenantId, request);
  }
}
