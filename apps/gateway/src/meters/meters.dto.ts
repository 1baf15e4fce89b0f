import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { DeviceFormats, METER_STATUSES, UTILITIES } from '@app/contracts';
import type { CreateMeterRequest, ListMetersRequest, LoRaWanIdentity, MeterStatus, Utility, WMBusIdentity } from '@app/contracts';

const DECIMAL = 'Exact decimal as text, e.g. "1234.567"';

export class LoRaWanIdentityBody implements LoRaWanIdentity {
  @ApiProperty({ example: '70b3d5e75e00abcd', description: '16 hex digits (stored lower-case, unique in your tenant)' }) @Matches(DeviceFormats.eui) devEui!: string;
  @ApiPropertyOptional({ example: '0000000000000001' }) @IsOptional() @Matches(DeviceFormats.eui) joinEui?: string;
  @ApiPropertyOptional({ format: 'password', description: '32 hex digits; write-only, encrypted at rest' }) @IsOptional() @Matches(DeviceFormats.aesKey) appKey?: string;
}

export class WMBusIdentityBody implements WMBusIdentity {
  @ApiProperty({ example: 'KAM', description: 'Three-letter manufacturer code' }) @Matches(DeviceFormats.wmbusManufacturer) manufacturer!: string;
  @ApiProperty({ example: '12345678', description: 'Eight digits' }) @Matches(DeviceFormats.wmbusId) id!: string;
  @ApiPropertyOptional({ format: 'password', description: '32 hex digits; write-only, encrypted at rest' }) @IsOptional() @Matches(DeviceFormats.aesKey) aesKey?: string;
}

export class CreateMeterBody implements CreateMeterRequest {
  @ApiProperty({ example: 'WM-000123', description: 'Unique per vendor in your tenant' }) @IsString() @Length(1, 64) serial!: string;
  @ApiProperty({ example: 'Kamstrup' }) @IsString() @Length(1, 100) vendor!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) model?: string;
  @ApiProperty({ enum: UTILITIES }) @IsIn(UTILITIES) utility!: Utility;
  @ApiPropertyOptional({ description: 'Codec that decodes its frames' }) @IsOptional() @IsString() @Length(1, 100) codecId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Hierarchy node holding it (bulk and district meters too)' }) @IsOptional() @IsUUID() nodeId?: string;
  @ApiPropertyOptional({ type: LoRaWanIdentityBody }) @IsOptional() @ValidateNested() @Type(() => LoRaWanIdentityBody) lorawan?: LoRaWanIdentityBody;
  @ApiPropertyOptional({ type: WMBusIdentityBody }) @IsOptional() @ValidateNested() @Type(() => WMBusIdentityBody) wmbus?: WMBusIdentityBody;
  @ApiPropertyOptional({ example: '1', description: DECIMAL }) @IsOptional() @Matches(DeviceFormats.decimal) multiplier?: string;
  @ApiPropertyOptional({ example: 'm3' }) @IsOptional() @IsString() @Length(1, 20) registerUnit?: string;
  @ApiPropertyOptional({ default: true, description: 'false: do not create the LoRaWAN device in ChirpStack (when ChirpStack is configured it is created otherwise)' })
  @IsOptional()
  @IsBoolean()
  provision?: boolean;
}

export class UpdateMeterBody {
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 100) model?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 100) codecId?: string | null;
  @ApiPropertyOptional({ description: DECIMAL }) @IsOptional() @Matches(DeviceFormats.decimal) multiplier?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 20) registerUnit?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(DeviceFormats.eui) joinEui?: string | null;
  @ApiPropertyOptional({ format: 'password', description: 'New LoRaWAN AppKey (write-only)' }) @IsOptional() @Matches(DeviceFormats.aesKey) appKey?: string;
  @ApiPropertyOptional({ format: 'password', description: 'New wM-Bus AES key (write-only)' }) @IsOptional() @Matches(DeviceFormats.aesKey) aesKey?: string;
}

export class ListMetersQuery implements ListMetersRequest {
  @ApiPropertyOptional({ description: 'Prefix of the serial number or devEui' }) @IsOptional() @IsString() @MaxLength(64) search?: string;
  @ApiPropertyOptional({ enum: UTILITIES }) @IsOptional() @IsIn(UTILITIES) utility?: Utility;
  @ApiPropertyOptional({ enum: METER_STATUSES }) @IsOptional() @IsIn(METER_STATUSES) status?: MeterStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) vendor?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Meters of this node and every node below it' }) @IsOptional() @IsUUID() nodeId?: string;
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' }) @IsOptional() @IsString() @MaxLength(400) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class InstallMeterBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() nodeId!: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) installedAt!: string;
  @ApiProperty({ example: '0', description: DECIMAL }) @Matches(DeviceFormats.decimal) initialIndex!: string;
}

export class RemoveMeterBody {
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) removedAt!: string;
  @ApiProperty({ example: '1234.5', description: DECIMAL }) @Matches(DeviceFormats.decimal) finalIndex!: string;
}

export class ReplaceMeterBody {
  @ApiProperty({ format: 'uuid', description: 'A meter in stock (or removed) of the same utility' }) @IsUUID() newMeterId!: string;
  @ApiProperty({ format: 'date-time', description: 'One instant for both meters' }) @IsISO8601({ strict: true }) replacedAt!: string;
  @ApiProperty({ example: '1234.5', description: DECIMAL }) @Matches(DeviceFormats.decimal) oldFinalIndex!: string;
  @ApiProperty({ example: '0', description: DECIMAL }) @Matches(DeviceFormats.decimal) newInitialIndex!: string;
}
