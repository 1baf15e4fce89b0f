import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { ImportReport, MeterPage, MeterView, ReplacedMeters } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { IdDto } from '../access/id.dto';
import { readScope } from '../access/read-scope';
import { ChirpstackProvisioningService } from '../chirpstack/chirpstack-provisioning.service';
import { ImportDto } from '../bulk/import.dto';
import { CreateMeterDto, InstallMeterDto, ListMetersDto, RemoveMeterDto, ReplaceMeterDto, UpdateMeterDto } from './dto/meter.dto';
import { MeterImportService } from './meter-import.service';
import { MeterLifecycleService } from './meter-lifecycle.service';
import { MetersService } from './meters.service';

/** `system.meter.*`: meters of the actor's tenant. */
@Controller()
export class MetersRpc {
  constructor(
    private readonly meters: MetersService,
    private readonly lifecycle: MeterLifecycleService,
    private readonly importer: MeterImportService,
    private readonly provisioning: ChirpstackProvisioningService,
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
  async create(@Payload('data') request: CreateMeterDto): Promise<MeterView> {
    const { tenantId } = actorScope('devices:write');
    // The meter's transaction has committed before ChirpStack is asked.
    return this.provisioning.afterCreate(tenantId, await this.meters.create(tenantId, request), request.provision);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.meterUpdate)
  async update(@Payload('data') request: UpdateMeterDto): Promise<MeterView> {
    const { tenantId } = actorScope('devices:write');
    const meter = await this.meters.update(tenantId, request);
    return request.appKey === undefined ? meter : this.provisioning.afterKeyChange(tenantId, meter);
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
  async archive(@Payload('data') request: IdDto): Promise<MeterView> {
    const { tenantId } = actorScope('devices:write');
    return this.provisioning.afterArchive(tenantId, await this.lifecycle.archive(tenantId, request.id));
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.meterReplace)
  replace(@Payload('data') request: ReplaceMeterDto): Promise<ReplacedMeters> {
    return this.lifecycle.replace(actorScope('devices:write').tenantId, request);
  }

  /** Creates the meter's device in ChirpStack again (after a failure), or deletes it for an archived meter. */
  @Exclusive()
  @MessagePattern(SystemPatterns.meterProvision)
  provision(@Payload('data') request: IdDto): Promise<MeterView> {
    return this.provisioning.retry(actorScope('devices:write').tenantId, request.id);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.meterImport)
  import(@Payload('data') request: ImportDto): Promise<ImportReport> {
    return this.importer.import(actorScope('devices:write').tenantId, request);
  }
}
