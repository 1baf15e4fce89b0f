import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { TENANT_STATUSES } from '@app/contracts';
import type { CreateTenantRequest, TenantStatus, TenantView } from '@app/contracts';

export class TenantAdminBody {
  @ApiProperty({ example: 'admin@utility.example' }) @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty({ example: 'Utility Administrator' }) @IsString() @Length(1, 200) displayName!: string;
  @ApiProperty({ format: 'password', description: 'At least 12 characters, 3 character classes, not common, not the email' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class CreateTenantBody implements CreateTenantRequest {
  @ApiProperty({ example: 'north-water', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'slug must be 2-63 lower-case letters, digits or dashes' })
  slug!: string;
  @ApiProperty({ example: 'North Water Utility' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ type: TenantAdminBody, description: 'The first tenant administrator, created with the tenant' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantAdminBody)
  admin?: TenantAdminBody;
}

export class UpdateTenantBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ enum: TENANT_STATUSES, description: 'suspended: its users cannot sign in, its sessions and API keys stop' })
  @IsOptional()
  @IsIn(TENANT_STATUSES)
  status?: TenantStatus;
}

export class TenantDoc implements TenantView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TENANT_STATUSES }) status!: TenantStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
