import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IngestPatterns } from '@app/contracts';
import type { IngestStats } from '@app/contracts';
import { IngestStatsReader } from './stats-reader';

/** `ingest.stats.get`: every running instance's live rates (any instance answers for all, from Redis). */
@Controller()
export class IngestStatsRpc {
  constructor(private readonly reader: IngestStatsReader) {}

  @MessagePattern(IngestPatterns.stats)
  get(): Promise<IngestStats> {
    return this.reader.read();
  }
}
