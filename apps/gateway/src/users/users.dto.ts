import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ROLES, USER_STATUSES } from '@app/contracts';
import type { CreateUserRequest, ListUsersRequest, Role, SessionsRevoked, UserPage, UserStatus, UserView } from '@app/contracts';

const PASSWORD_RULES = 'At least 12 characters, 3 of: lower-case, upper-case, digits, symbols; not common; not the email';

export class ListUsersQuery implements ListUsersRequest {
  @ApiPropertyOptional({ description: 'Matches email or display name' }) @IsOptional() @IsString() @MaxLength(200) search?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class CreateUserBody implements CreateUserRequest {
  @ApiProperty({ example: 'operator@utility.example' }) @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty({ example: 'Olga Operator' }) @IsString() @Length(1, 200) displayName!: string;
  @ApiProperty({ format: 'password', description: PASSWORD_RULES }) @IsString() @MaxLength(1024) password!: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['operator'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
  @ApiPropertyOptional({ format: 'uuid', description: 'Consumer of a consumer user (role consumer only)' }) @IsOptional() @IsUUID() consumerId?: string;
}

export class UpdateUserBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'Changing roles ends the user\'s sessions' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];
  @ApiPropertyOptional({ enum: USER_STATUSES, description: 'disabled: cannot sign in; sessions end' }) @IsOptional() @IsIn(USER_STATUSES) status?: UserStatus;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() consumerId?: string | null;
}

export class SetPasswordBody {
  @ApiPropertyOptional({ format: 'password', description: 'Required when changing your own password' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  currentPassword?: string;
  @ApiProperty({ format: 'password', description: PASSWORD_RULES }) @IsString() @MaxLength(1024) newPassword!: string;
}

export class UserDoc implements UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ enum: USER_STATUSES }) status!: UserStatus;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) consumerId!: string | null;
  @ApiProperty() failedLoginCount!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set while the account is locked' }) lockedUntil!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastLoginAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class UserPageDoc implements UserPage {
  @ApiProperty({ type: [UserDoc] }) items!: UserView[];
  @ApiProperty() total!: number;
}

export class SessionsRevokedDoc implements SessionsRevoked {
  @ApiProperty({ description: 'Sessions that were still open' }) revoked!: number;
}
