import { IsIP, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { LoginRequest, RefreshRequest } from '@app/contracts';

export class LoginDto implements LoginRequest {
  @IsString() @Length(1, 100) tenant!: string;
  /** Not checked as an email here: a malformed one is just a wrong credential. */
  @IsString() @Length(1, 320) email!: string;
  @IsString() @Length(1, 1024) password!: string;
  @IsOptional() @IsIP() ip?: string;
  @IsOptional() @IsString() @MaxLength(1024) userAgent?: string;
}

export class RefreshDto implements RefreshRequest {
  @IsString() @Length(1, 200) refreshToken!: string;
  @IsOptional() @IsIP() ip?: string;
  @IsOptional() @IsString() @MaxLength(1024) userAgent?: string;
}
