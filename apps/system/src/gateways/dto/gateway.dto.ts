import { IsIn, IsLatitude, IsLongitude, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { DeviceFormats, GATEWAY_STATUSES } from '@app/contracts';
import type { CreateGatewayRequest, GatewayStatus, JsonValue, UpdateGatewayRequest } from '@app/contracts';

export class CreateGatewayDto implements CreateGatewayRequest {
  @Matches(DeviceFormats.eui) eui!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsOptional() @IsString() @Length(1, 100) model?: string;
  @IsOptional() @IsLatitude() latitude?: number;
  @IsOptional() @IsLongitude() longitude?: number;
  @IsOptional() @IsUUID() nodeId?: string;
  @IsOptional() @IsObject() configuration?: Record<string, JsonValue>;
  @IsOptional() @IsIn(GATEWAY_STATUSES) status?: GatewayStatus;
}

export class UpdateGatewayDto implements UpdateGatewayRequest {
  @IsUUID() id!: string;
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 100) model?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsLatitude() latitude?: number | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsLongitude() longitude?: number | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() nodeId?: string | null;
  @IsOptional() @IsObject() configuration?: Record<string, JsonValue>;
  @IsOptional() @IsIn(GATEWAY_STATUSES) status?: GatewayStatus;
}
