import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { GatewayView, ImportReport } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { IdDto } from '../access/id.dto';
import { ImportDto } from '../bulk/import.dto';
import { CreateGatewayDto, UpdateGatewayDto } from './dto/gateway.dto';
import { GatewayImportService } from './gateway-import.service';
import { GatewaysService } from './gateways.service';

/** `system.gateway.*`: gateways and data concentrators of the actor's tenant. */
@Controller()
export class GatewaysRpc {
  constructor(
    private readonly gateways: GatewaysService,
    private readonly importer: GatewayImportService,
  ) {}

  @MessagePattern(SystemPatterns.gatewayList)
  list(): Promise<GatewayView[]> {
    return this.gateways.list(actorScope('devices:read').tenantId);
  }

  @MessagePattern(SystemPatterns.gatewayGet)
  get(@Payload('data') request: IdDto): Promise<GatewayView> {
    return this.gateways.get(actorScope('devices:read').tenantId, request.id);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.gatewayCreate)
  create(@Payload('data') request: CreateGatewayDto): Promise<GatewayView> {
    return this.gateways.create(actorScope('devices:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.gatewayUpdate)
  update(@Payload('data') request: UpdateGatewayDto): Promise<GatewayView> {
    return this.gateways.update(actorScope('devices:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.gatewayDelete)
  delete(@Payload('data') request: IdDto): Promise<GatewayView> {
    return this.gateways.delete(actorScope('devices:write').tenantId, request.id);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.gatewayImport)
  import(@Payload('data') request: ImportDto): Promise<ImportReport> {
    return this.importer.import(actorScope('devices:write').tenantId, request);
  }
}
