import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { requireActor, rpcClientToken } from '@app/common';
import { IngestPatterns } from '@app/contracts';
import type { DeadLetterCounts, DeadLetterPage, IngestContract, RpcClient, UnassignedPage } from '@app/contracts';
import { RequireAnyPermission, RequirePermissions } from '../auth/access.decorators';
import { DeadLetterCountsDoc, DeadLetterPageDoc, UnassignedPageDoc } from './ingest-stores.docs';
import { DeadLetterCountsQuery, ListDeadLettersQuery, ListUnassignedQuery } from './ingest-stores.dto';

const SCOPE =
  'A platform administrator (platform:diagnostics) sees every tenant\'s and the messages nobody owns (tenantId null); ' +
  'a tenant user (devices:read) only those attributed to its own tenant (codec rejections of its devices).';

/** Whose dead letters the caller sees: everyone's for the platform, else its own tenant's (never from the query). */
function tenantOfCaller(): { tenantId?: string } {
  const actor = requireActor();
  return actor.permissions.includes('platform:diagnostics') ? {} : { tenantId: actor.tenantId };
}

/** Data quality of the ingest pipeline: messages it could not use, and uplinks of devices nobody registered. */
@ApiTags('ingest')
@Controller('ingest')
export class IngestStoresController {
  constructor(@Inject(rpcClientToken('ingest')) private readonly ingest: RpcClient<IngestContract>) {}

  @Get('dead-letters')
  @RequireAnyPermission('platform:diagnostics', 'devices:read')
  @ApiOperation({ summary: 'Messages the pipeline could not use, with reason and raw bytes; newest first, keyset paging', description: SCOPE })
  @ApiOkResponse({ type: DeadLetterPageDoc })
  deadLetters(@Query() query: ListDeadLettersQuery): Promise<DeadLetterPage> {
    return this.ingest.send(IngestPatterns.deadLettersList, { ...query, ...tenantOfCaller() });
  }

  @Get('dead-letters/counts')
  @RequireAnyPermission('platform:diagnostics', 'devices:read')
  @ApiOperation({ summary: 'Dead letters by code in a period', description: SCOPE })
  @ApiOkResponse({ type: DeadLetterCountsDoc })
  deadLetterCounts(@Query() query: DeadLetterCountsQuery): Promise<DeadLetterCounts> {
    return this.ingest.send(IngestPatterns.deadLettersCounts, { ...query, ...tenantOfCaller() });
  }

  @Get('unassigned')
  @RequirePermissions('platform:diagnostics')
  @ApiOperation({
    summary: 'Uplinks of devices no live meter of exactly one tenant holds, with a summary by device',
    description: 'Across tenants (it reveals devices nobody registered): platform administrators only. Decoded and removed from here once the device is registered.',
  })
  @ApiOkResponse({ type: UnassignedPageDoc })
  unassigned(@Query() query: ListUnassignedQuery): Promise<UnassignedPage> {
    return this.ingest.send(IngestPatterns.unassignedList, query);
  }
}
