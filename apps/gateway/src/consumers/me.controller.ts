import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { ConsumerView, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import { ConsumerDoc } from './consumer.docs';

/** The personal cabinet's own records. */
@ApiTags('cabinet')
@Controller('me')
export class MeController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get('consumer')
  @RequirePermissions('self:read')
  @ApiOperation({ summary: 'Your own consumer record (consumer users)', description: '404 for a user not linked to a consumer.' })
  @ApiOkResponse({ type: ConsumerDoc })
  consumer(): Promise<ConsumerView> {
    return this.system.send(SystemPatterns.consumerMine, {});
  }
}
