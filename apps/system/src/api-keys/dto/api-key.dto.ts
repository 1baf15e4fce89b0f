import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsISO8601, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PERMISSIONS } from '@app/contracts';
import type { CreateApiKeyRequest, Permission, VerifyApiKeyRequest } from '@app/contracts';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @IsString() @Length(1, 100) name!: string;
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(PERMISSIONS.length) @IsIn(PERMISSIONS, { each: true }) permissions!: Permission[];
  @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
}

export class VerifyApiKeyDto implements VerifyApiKeyRequest {
  @IsString() @MaxLength(200) key!: string;
}
