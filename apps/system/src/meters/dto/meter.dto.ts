import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { DeviceFormats, METER_STATUSES, UTILITIES } from '@app/contracts';
import type {
  CreateMeterRequest,
  InstallMeterRequest,
  ListMetersRequest,
  LoRaWanIdentity,
  MeterStatus,
  RemoveMeterRequest,
  ReplaceMeterRequest,
  UpdateMeterRequest,
  Utility,
  WMBusIdentity,
} from '@app/contracts';

export class LoRaWanIdentityDto implements LoRaWanIdentity {
  @Matches(DeviceFormats.eui) devEui!: string;
  @IsOptional() @Matches(DeviceFormats.eui) joinEui?: string;
  @IsOptional() @Matches(DeviceFormats.aesKey) appKey?: string;
}

export class WMBusIdentityDto implements WMBusIdentity {
  @Matches(DeviceFormats.wmbusManufacturer) manufacturer!: string;
  @Matches(DeviceFormats.wmbusId) id!: string;
  @IsOptional() @Matches(DeviceFormats.aesKey) aesKey?: string;
}

export class CreateMeterDto implements CreateMeterRequest {
  @IsString() @Length(1, 64) serial!: string;
  @IsString() @Length(1, 100) vendor!: string;
  @IsOptional() @IsString() @Length(1, 100) model?: string;
  @IsIn(UTILITIES) utility!: Utility;
  @IsOptional() @IsString() @Length(1, 100) codecId?: string;
  @IsOptional() @IsUUID() nodeId?: string;
  @IsOptional() @ValidateNested() @Type(() => LoRaWanIdentityDto) lorawan?: LoRaWanIdentityDto;
  @IsOptional() @ValidateNested() @Type(() => WMBusIdentityDto) wmbus?: WMBusIdentityDto;
  @IsOptional() @Matches(DeviceFormats.decimal) multiplier?: string;
  @IsOptional() @IsString() @Length(1, 20) registerUnit?: string;
  @IsOptional() @IsBoolean() provision?: boolean;
}

export class UpdateMeterDto implements UpdateMeterRequest {
  @IsUUID() id!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 100) model?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 100) codecId?: string | null;
  @IsOptional() @Matches(DeviceFormats.decimal) multiplier?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 20) registerUnit?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(DeviceFormats.eui) joinEui?: string | null;
  @IsOptional() @Matches(DeviceFormats.aesKey) appKey?: string;
  @IsOptional() @Matches(DeviceFormats.aesKey) aesKey?: string;
}

export class ListMetersDto implements ListMetersRequest {
  @IsOptional() @IsString() @MaxLength(64) search?: string;
  @IsOptional() @IsIn(UTILITIES) utility?: Utility;
  @IsOptional() @IsIn(METER_STATUSES) status?: MeterStatus;
  @IsOptional() @IsString() @MaxLength(100) vendor?: string;
  @IsOptional() @IsUUID() nodeId?: string;
  @IsOptional() @IsString() @MaxLength(400) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(500) limit?: number;
}

export class InstallMeterDto implements InstallMeterRequest {
  @IsUUID() id!: string;
  @IsUUID() nodeId!: string;
  @IsISO8601({ strict: true }) installedAt!: string;
  @Matches(DeviceFormats.decimal) initialIndex!: string;
}

export class RemoveMeterDto implements RemoveMeterRequest {
  @IsUUID() id!: string;
  @IsISO8601({ strict: true }) removedAt!: string;
  @Matches(DeviceFormats.decimal) finalIndex!: string;
}

export class ReplaceMeterDto implements ReplaceMeterRequest {
  @IsUUID() id!: string;
  @IsUUID() newMeterId!: string;
  @IsISO8601({ strict: true }) replacedAt!: string;
  @Matches(DeviceFormats.decimal) oldFinalIndex!: string;
  @Matches(DeviceFormats.decimal) newInitialIndex!: string;
}
