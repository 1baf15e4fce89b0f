import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { MeteringPatterns } from '@app/contracts';
import type { JobRoundTripResult, MeteringContract, RpcClient } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import { JobRoundTripBody, JobRoundTripDoc } from './diagnostics.dto';

@ApiTags('platform')
@Controller('diagnostics')
export class DiagnosticsController {
  constructor(@Inject(rpcClientToken('metering')) private readonly metering: RpcClient<MeteringContract>) {}

  @Post('job-roundtrip')
  @HttpCode(200)
  @RequirePermissions('platform:diagnostics')
  @ApiOperation({
    summary: 'Send a job through the gateway, the metering service and its BullMQ worker',
    description: 'Synthetic check of the RPC and job paths; the worker reports the correlation id it ran under. Platform administrators only.',
  })
  @ApiOkResponse({ type: JobRoundTripDoc })
  jobRoundTrip(@Body() body: JobRoundTripBody): Promise<JobRoundTripResult> {
    const timeoutMs = body.timeoutMs ?? 5000;
    return this.metering.send(MeteringPatterns.jobRoundTrip, { timeoutMs }, { timeoutMs: timeoutMs + 2000 });
  }
}
