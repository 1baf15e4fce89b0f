import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ROLES, USER_STATUSES } from '@app/contracts';
import type { CreateUserRequest, ListUsersRequest, Role, SetPasswordRequest, UpdateUserRequest, UserStatus } from '@app/contracts';

export class ListUsersDto implements ListUsersRequest {
  @IsOptional() @IsString() @MaxLength(200) search?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class CreateUserDto implements CreateUserRequest {
  @IsEmail() @MaxLength(320) email!: string;
  @IsString() @Length(1, 200) displayName!: string;
  /** Checked against the password rules by the service (min length, classes, common list). */
  @IsString() @MaxLength(1024) password!: string;
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(ROLES.length) @IsIn(ROLES, { each: true }) roles!: Role[];
  @IsOptional() @IsUUID() consumerId?: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @IsUUID() id!: string;
  @IsOptional() @IsString() @Length(1, 200) displayName?: string;
  @IsOptional() @IsArray() @ArrayNotEmpty() @ArrayMaxSize(ROLES.length) @IsIn(ROLES, { each: true }) roles?: Role[];
  @IsOptional() @IsIn(USER_STATUSES) status?: UserStatus;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() consumerId?: string | null;
}

export class SetPasswordDto implements SetPasswordRequest {
  @IsUUID() id!: string;
  @IsOptional() @IsString() @MaxLength(1024) currentPassword?: string;
  @IsString() @MaxLength(1024) newPassword!: string;
}
