import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsLatitude, IsLongitude, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { DeviceFormats, GATEWAY_STATUSES } from '@app/contracts';
import type { CreateGatewayRequest, GatewayStatus, GatewayView, JsonValue } from '@app/contracts';

export class CreateGatewayBody implements CreateGatewayRequest {
  @ApiProperty({ example: 'b827ebfffe000001', description: '16 hex digits, unique in your tenant' }) @Matches(DeviceFormats.eui) eui!: string;
  @ApiProperty({ example: 'Water tower roof' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) model?: string;
  @ApiPropertyOptional({ example: 59.437 }) @IsOptional() @IsLatitude() latitude?: number;
  @ApiPropertyOptional({ example: 24.7536 }) @IsOptional() @IsLongitude() longitude?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() nodeId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() configuration?: Record<string, JsonValue>;
  @ApiPropertyOptional({ enum: GATEWAY_STATUSES, default: 'active' }) @IsOptional() @IsIn(GATEWAY_STATUSES) status?: GatewayStatus;
}

export class UpdateGatewayBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 100) model?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsLatitude() latitude?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsLongitude() longitude?: number | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() nodeId?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() configuration?: Record<string, JsonValue>;
  @ApiPropertyOptional({ enum: GATEWAY_STATUSES }) @IsOptional() @IsIn(GATEWAY_STATUSES) status?: GatewayStatus;
}

export class GatewayDoc implements GatewayView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() eui!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) model!: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude!: number | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) nodeId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) configuration!: Record<string, JsonValue>;
  @ApiProperty({ enum: GATEWAY_STATUSES }) status!: GatewayStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
