import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { requireActor, rpcClientToken } from '@app/common';
import { IngestPatterns, SystemPatterns } from '@app/contracts';
import type { IngestContract, ReprocessResult, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import { IdParams } from '../http/id.params';

/** Reading and decoding a long period again takes a while. */
const REPROCESS_TIMEOUT_MS = 120_000;

export class ReprocessBody {
  @ApiProperty({ format: 'date-time', description: 'Uplinks received at or after (their event time)' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'Uplinks before; at most 400 days after `from`' }) @IsISO8601({ strict: true }) to!: string;
}

export class ReprocessResultDoc implements ReprocessResult {
  @ApiProperty({ description: 'Archived uplinks read and decoded again' }) uplinks!: number;
  @ApiProperty() decoded!: number;
  @ApiProperty({ description: 'Uplinks the codec refused (each also a dead letter)' }) failed!: number;
  @ApiProperty({ description: 'Readings written, replacing the earlier decode of the same uplinks' }) readings!: number;
}

/** `reprocess`: decode a meter's archived uplinks again, e.g. after a codec fix or a corrected codec id or key. */
@ApiTags('ingest')
@Controller()
export class ReprocessController {
  constructor(
    @Inject(rpcClientToken('ingest')) private readonly ingest: RpcClient<IngestContract>,
    @Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>,
  ) {}

  @Post('meters/:id/reprocess')
  @HttpCode(200)
  // Reading the meter (to check it is the caller's) needs devices:read too.
  @RequirePermissions('devices:write', 'devices:read')
  @ApiOperation({
    summary: 'Decode a meter\'s archived uplinks of a period again with its current codec and registry entry',
    description:
      'Reads the raw uplinks of the meter\'s devices from the archive, decodes them as if they arrived now, and replaces the readings ' +
      'the earlier decode wrote for them. Another tenant\'s meter answers 404.',
  })
  @ApiOkResponse({ type: ReprocessResultDoc })
  async reprocess(@Param() params: IdParams, @Body() body: ReprocessBody): Promise<ReprocessResult> {
    // The meter must be the caller's (404 otherwise); the tenant comes from the caller, never from the request.
    await this.system.send(SystemPatterns.meterGet, { id: params.id });
    const { tenantId } = requireActor();
    return this.ingest.send(IngestPatterns.reprocess, { tenantId: tenantId as string, meterId: params.id, from: body.from, to: body.to }, { timeoutMs: REPROCESS_TIMEOUT_MS });
  }
}
