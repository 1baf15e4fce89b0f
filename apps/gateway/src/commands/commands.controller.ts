import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { MeteringPatterns } from '@app/contracts';
import type { CommandPage, CommandView, CreateCommandRequest, MeteringContract, RpcClient } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import { ErrorBodyDoc } from '../http/error.openapi';
import { IdParams } from '../http/id.params';
import { CommandDoc, CommandPageDoc } from './command.docs';
import { CreateCommandBody, ListCommandsQuery } from './commands.dto';

/** A create checks the meter with the system service and waits for the broker's PUBACK: more than a plain read. */
const CREATE_TIMEOUT_MS = 10_000;

/**
 * Downlink commands to LoRaWAN meters (metering service): queue one, follow its state. Another tenant's meter or
 * command answers 404.
 */
@ApiTags('commands')
@Controller()
export class CommandsController {
  constructor(@Inject(rpcClientToken('metering')) private readonly metering: RpcClient<MeteringContract>) {}

  @Post('meters/:id/commands')
  @HttpCode(202)
  // Sending reads the meter (its devEui and codec) with the caller's rights: both permissions.
  @RequirePermissions('commands:send', 'devices:read')
  @ApiOperation({
    summary: 'Send a downlink command to a LoRaWAN meter',
    description:
      'Encodes the command with the meter\'s codec and publishes ChirpStack\'s `command/down` (QoS 1) with the command id as queue item id. ' +
      'Answers 202 with the command `queued`; its state follows ChirpStack\'s txack / ack / log events (`sent`, `acknowledged`, `failed`) and our own deadline (`expired`). ' +
      '502 when the broker did not take the message (the command is stored `failed` with the reason).',
  })
  @ApiAcceptedResponse({ type: CommandDoc })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDoc, description: 'The meter\'s codec cannot encode the command (`type`), or the meter has no LoRaWAN devEui or no codec (`meterId`)' })
  @ApiConflictResponse({ type: ErrorBodyDoc, description: 'The meter is archived, or no ChirpStack application is known for its devEui' })
  create(@Param() params: IdParams, @Body() body: CreateCommandBody): Promise<CommandView> {
    return this.metering.send(MeteringPatterns.commandCreate, { ...body, meterId: params.id } as CreateCommandRequest, { timeoutMs: CREATE_TIMEOUT_MS });
  }

  @Get('meters/:id/commands')
  @RequirePermissions('devices:read')
  @ApiOperation({ summary: 'A meter\'s commands, newest first (keyset paging)' })
  @ApiOkResponse({ type: CommandPageDoc })
  list(@Param() params: IdParams, @Query() query: ListCommandsQuery): Promise<CommandPage> {
    return this.metering.send(MeteringPatterns.commandList, { ...query, meterId: params.id });
  }

  @Get('commands/:id')
  @RequirePermissions('devices:read')
  @ApiOperation({ summary: 'One command with its state history' })
  @ApiOkResponse({ type: CommandDoc })
  get(@Param() params: IdParams): Promise<CommandView> {
    return this.metering.send(MeteringPatterns.commandGet, { id: params.id });
  }
}
