import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { HistoryPage, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import { HistoryPageDoc, ListHistoryQuery } from './history.dto';

/** The change history of the tenant's registry: hierarchy nodes, gateways, meters, pulse modules. */
@ApiTags('history')
@Controller('history')
export class HistoryController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequirePermissions('history:read')
  @ApiOperation({ summary: 'Changes of your tenant\'s registry, newest first', description: 'Secrets never appear: a changed key reads "[changed]".' })
  @ApiOkResponse({ type: HistoryPageDoc })
  list(@Query() query: ListHistoryQuery): Promise<HistoryPage> {
    return this.system.send(SystemPatterns.historyList, query);
  }
}
