import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsISO8601, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PERMISSIONS } from '@app/contracts';
import type { ApiKeyView, CreateApiKeyRequest, CreatedApiKey, Permission } from '@app/contracts';

export class CreateApiKeyBody implements CreateApiKeyRequest {
  @ApiProperty({ example: 'CIS nightly export' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true, example: ['readings:read'], description: 'A subset of your own permissions' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(PERMISSIONS.length)
  @IsIn(PERMISSIONS, { each: true })
  permissions!: Permission[];
  @ApiPropertyOptional({ format: 'date-time', description: 'Optional expiry (within 5 years)' }) @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
}

export class ApiKeyDoc implements ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'ohk_Ab3dEf9h_', description: 'Public part of the key, to recognise it' }) prefix!: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
  @ApiProperty({ format: 'uuid', description: 'User who created it' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiresAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
}

export class CreatedApiKeyDoc extends ApiKeyDoc implements CreatedApiKey {
  @ApiProperty({ description: 'The key itself, shown only in this answer: `ohk_<id>_<secret>`' }) key!: string;
}
