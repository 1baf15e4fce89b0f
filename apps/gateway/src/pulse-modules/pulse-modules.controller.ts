import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { rpcClientToken } from '@app/common';
import { DeviceFormats, SystemPatterns } from '@app/contracts';
import type { CreatePulseModuleRequest, PulseModuleView, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';

export class CreatePulseModuleBody implements CreatePulseModuleRequest {
  @ApiProperty({ example: 'PM-0001' }) @IsString() @Length(1, 64) serial!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Meter whose pulse output it counts' }) @IsOptional() @IsUUID() meterId?: string;
  @ApiProperty({ example: '0.01', description: 'Consumption per pulse (decimal text)' }) @Matches(DeviceFormats.decimal) pulseWeight!: string;
  @ApiProperty({ example: 'm3' }) @IsString() @Length(1, 20) unit!: string;
}

export class PulseModuleDoc implements PulseModuleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() serial!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) meterId!: string | null;
  @ApiProperty() pulseWeight!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** Pulse modules of the caller's tenant. */
@ApiTags('pulse-modules')
@Controller('pulse-modules')
export class PulseModulesController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequirePermissions('devices:read')
  @ApiOperation({ summary: 'Pulse modules of your tenant' })
  @ApiOkResponse({ type: [PulseModuleDoc] })
  list(): Promise<PulseModuleView[]> {
    return this.system.send(SystemPatterns.pulseModuleList, {});
  }

  @Post()
  @RequirePermissions('devices:write')
  @ApiOperation({ summary: 'Register a pulse module, optionally linked to a meter' })
  @ApiCreatedResponse({ type: PulseModuleDoc })
  create(@Body() body: CreatePulseModuleBody): Promise<PulseModuleView> {
    return this.system.send(SystemPatterns.pulseModuleCreate, body);
  }
}
