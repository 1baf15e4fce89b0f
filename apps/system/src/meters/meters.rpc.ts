import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { MeterPage, MeterView, ReplacedMeters } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { IdDto } from '../access/id.dto';
import { readScope } from '../access/read-scope';
import { CreateMeterDto, InstallMeterDto, ListMetersDto, RemoveMeterDto, ReplaceMeterDto, UpdateMeterDto } from './dto/meter.dto';
import { MeterLifecycleService } from './meter-lifecycle.service';
import { MetersService } from './meters.service';

/** `system.meter.*`: meters of the actor's tenant. */
@Controller()
export class MetersRpc {
  constructor(
    private readonly meters: MetersService,
    private readonly lifecycle: MeterLifecycleService,
  ) {}

  @MessagePattern(SystemPatterns.meterList)
  list(@Payload('data') request: ListMetersDto): Promise<MeterPage> {
    return this.meters.list(readScope('devices:read'), request);
  }

  @MessagePattern(SystemPatterns.meterGet)
  get(@Payload('data') request: IdDto): Promise<MeterView> {
    return this.meters.get(readScope('devices:read'), request.id);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.meterCreate)
  create(@Payload('data') request: CreateMeterDto): Promise<MeterView> {
    return this.meters.create(actorScope('devices:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.meterUpdate)
  update(@Payload('data') request: UpdateMeterDto): Promise<MeterView> {
    return this.meters.update(actorScope('devices:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.meterInstall)
  install(@Payload('data') request: InstallMeterDto): Promise<MeterView> {
    return this.lifecycle.install(actorScope('devices:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.meterRemove)
  remove(@Payload('data') request: RemoveMeterDto): Promise<MeterView> {
    return this.lifecycle.remove(actorScope('devices:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.meterArchive)
  archive(@Payload('data') request: IdDto): Promise<MeterView> {
    return this.lifecycle.archive(actorScope('devices:write').tenantId, request.id);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.meterReplace)
  replace(@Payload('data') request: ReplaceMeterDto): Promise<ReplacedMeters> {
    return this.lifecycle.replace(actorScope('devices:write').tenantId, request);
  }
}
