import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { ServicePointMeterView, ServicePointPage, ServicePointView } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { IdDto } from '../access/id.dto';
import { readScope } from '../access/read-scope';
import { AttachMeterDto, CreateServicePointDto, DetachMeterDto, ListServicePointsDto, UpdateServicePointDto } from './dto/service-point.dto';
import { MeterLinksService } from './meter-links.service';
import { ServicePointsService } from './service-points.service';

/** `system.service-point.*` and `system.meter.service-points`: a consumer user reads only its own points and their meters. */
@Controller()
export class ServicePointsRpc {
  constructor(
    private readonly points: ServicePointsService,
    private readonly links: MeterLinksService,
  ) {}

  @MessagePattern(SystemPatterns.servicePointList)
  list(@Payload('data') request: ListServicePointsDto): Promise<ServicePointPage> {
    return this.points.list(readScope('consumers:read'), request);
  }

  @MessagePattern(SystemPatterns.servicePointGet)
  get(@Payload('data') request: IdDto): Promise<ServicePointView> {
    return this.points.get(readScope('consumers:read'), request.id);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.servicePointCreate)
  create(@Payload('data') request: CreateServicePointDto): Promise<ServicePointView> {
    return this.points.create(actorScope('consumers:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.servicePointUpdate)
  update(@Payload('data') request: UpdateServicePointDto): Promise<ServicePointView> {
    return this.points.update(actorScope('consumers:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.servicePointClose)
  close(@Payload('data') request: IdDto): Promise<ServicePointView> {
    return this.points.close(actorScope('consumers:write').tenantId, request.id);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.servicePointAttachMeter)
  attachMeter(@Payload('data') request: AttachMeterDto): Promise<ServicePointMeterView> {
    return this.links.attach(actorScope('consumers:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.servicePointDetachMeter)
  detachMeter(@Payload('data') request: DetachMeterDto): Promise<ServicePointMeterView> {
    return this.links.detach(actorScope('consumers:write').tenantId, request);
  }

  @MessagePattern(SystemPatterns.servicePointMeters)
  meters(@Payload('data') request: IdDto): Promise<ServicePointMeterView[]> {
    return this.links.metersOfPoint(readScope('consumers:read'), request.id);
  }

  @MessagePattern(SystemPatterns.meterServicePoints)
  servicePointsOfMeter(@Payload('data') request: IdDto): Promise<ServicePointMeterView[]> {
    return this.links.pointsOfMeter(readScope('devices:read'), request.id);
  }
}
