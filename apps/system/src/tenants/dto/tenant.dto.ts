import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { TENANT_STATUSES } from '@app/contracts';
import type { CreateTenantRequest, TenantStatus, UpdateTenantRequest } from '@app/contracts';

export const TENANT_SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export class TenantAdminDto {
  @IsEmail() @MaxLength(320) email!: string;
  @IsString() @Length(1, 200) displayName!: string;
  @IsString() @MaxLength(1024) password!: string;
}

export class CreateTenantDto implements CreateTenantRequest {
  @Matches(TENANT_SLUG, { message: 'slug must be 2-63 lower-case letters, digits or dashes' }) slug!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsOptional() @ValidateNested() @Type(() => TenantAdminDto) admin?: TenantAdminDto;
}

export class UpdateTenantDto implements UpdateTenantRequest {
  @IsUUID() id!: string;
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsIn(TENANT_STATUSES) status?: TenantStatus;
}
