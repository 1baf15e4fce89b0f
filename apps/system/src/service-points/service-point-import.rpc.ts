import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { ImportReport } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { ImportDto } from '../bulk/import.dto';
import { ServicePointImportService } from './service-point-import.service';

/** `system.service-point.import`: service points of the actor's tenant from the rows of a file. */
@Controller()
export class ServicePointImportRpc {
  constructor(private readonly importer: ServicePointImportService) {}

  @Exclusive()
  @MessagePattern(SystemPatterns.servicePointImport)
  import(@Payload('data') request: ImportDto): Promise<ImportReport> {
    return this.importer.import(actorScope('consumers:write').tenantId, request);
  }
}
