import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IngestPatterns } from '@app/contracts';
import type { DeadLetterCounts, DeadLetterPage, UnassignedPage } from '@app/contracts';
import { DeadLettersReader } from './dead-letters.reader';
import { DeadLetterCountsDto, ListDeadLettersDto } from './dto/dead-letters.dto';
import { ListUnassignedDto } from './dto/unassigned.dto';
import { deadLetterTenantScope, requirePlatformDiagnostics } from './read-scope';
import { UnassignedReader } from './unassigned.reader';

/**
 * The read side of ingest's own stores: dead letters and unassigned uplinks, asked by the gateway on
 * behalf of an actor. Reads: every instance may answer, so no @Exclusive().
 */
@Controller()
export class StoresRpc {
  constructor(
    private readonly deadLetters: DeadLettersReader,
    private readonly unassigned: UnassignedReader,
  ) {}

  @MessagePattern(IngestPatterns.deadLettersList)
  async listDeadLetters(@Payload('data') request: ListDeadLettersDto): Promise<DeadLetterPage> {
    return this.deadLetters.list({ ...request, tenantId: deadLetterTenantScope(request.tenantId) });
  }

  @MessagePattern(IngestPatterns.deadLettersCounts)
  async countDeadLetters(@Payload('data') request: DeadLetterCountsDto): Promise<DeadLetterCounts> {
    return this.deadLetters.counts({ ...request, tenantId: deadLetterTenantScope(request.tenantId) });
  }

  @MessagePattern(IngestPatterns.unassignedList)
  async listUnassigned(@Payload('data') request: ListUnassignedDto): Promise<UnassignedPage> {
    requirePlatformDiagnostics();
    return this.unassigned.list(request);
  }
}
