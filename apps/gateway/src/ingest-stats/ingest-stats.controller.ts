import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiGatewayTimeoutResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, rpcClientToken } from '@app/common';
import { IngestPatterns } from '@app/contracts';
import type { IngestContract, IngestStats, RpcClient } from '@app/contracts';
import { Public } from '../auth/access.decorators';
import type { GatewayConfig } from '../config';
import { ErrorBodyDoc } from '../http/error.openapi';
import { IngestStatsDoc } from './ingest-stats.openapi';

/**
 * `GET /api/v1/ingest/stats`: the live ingest rates the console's status page shows. Public like
 * `/health`, because the status page is: the same kind of operational figures (instance ids, rates, the
 * buffer's state), no tenant's data. Asked with the health check's short deadline: the page polls.
 */
@ApiTags('platform')
@Controller('ingest/stats')
export class IngestStatsController {
  constructor(
    @Inject(rpcClientToken('ingest')) private readonly ingest: RpcClient<IngestContract>,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Live ingest rates of every running ingest instance',
    description:
      'Messages received, events stored and messages dead-lettered per second (each instance over its last 5 s), ' +
      'with the sums and each instance\'s write-ahead buffer. Lists the instances heard from in the last 10 s.',
  })
  @ApiOkResponse({ type: IngestStatsDoc })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDoc, description: 'The transport to the ingest service is broken' })
  @ApiGatewayTimeoutResponse({ type: ErrorBodyDoc, description: 'No ingest instance answered (none running)' })
  get(): Promise<IngestStats> {
    return this.ingest.send(IngestPatterns.stats, {}, { timeoutMs: this.config.HEALTH_TIMEOUT_MS });
  }
}
