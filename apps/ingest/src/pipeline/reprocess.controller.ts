import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsISO8601, IsUUID } from 'class-validator';
import { Exclusive } from '@app/common';
import { IngestPatterns } from '@app/contracts';
import type { ReprocessRequest, ReprocessResult } from '@app/contracts';
import { Reprocessor } from './reprocess';

export class ReprocessDto implements ReprocessRequest {
  @IsUUID() tenantId!: string;
  @IsUUID() meterId!: string;
  @IsISO8601({ strict: true }) from!: string;
  @IsISO8601({ strict: true }) to!: string;
}

/** `ingest.uplinks.reprocess`: the gateway checked the meter belongs to the caller's tenant and passes it on. */
@Controller()
export class ReprocessController {
  constructor(private readonly reprocessor: Reprocessor) {}

  @Exclusive()
  @MessagePattern(IngestPatterns.reprocess)
  reprocess(@Payload('data') request: ReprocessDto): Promise<ReprocessResult> {
    return this.reprocessor.reprocess(request);
  }
}
