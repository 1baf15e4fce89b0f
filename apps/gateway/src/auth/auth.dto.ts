import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ROLES, PERMISSIONS, SESSION_TRANSPORTS } from '@app/contracts';
import type { ActorKind, MeTenant, MeView, Permission, Role, SessionResponse, SessionTransport } from '@app/contracts';

export class LoginBody {
  @ApiProperty({ example: 'demo', description: 'Tenant slug' }) @IsString() @Length(1, 100) tenant!: string;
  @ApiProperty({ example: 'admin@demo.example' }) @IsString() @Length(1, 320) email!: string;
  @ApiProperty({ format: 'password' }) @IsString() @Length(1, 1024) password!: string;
  @ApiPropertyOptional({
    enum: SESSION_TRANSPORTS,
    default: 'token',
    description: '`cookie`: the refresh token is set as an httpOnly cookie (the console); `token`: it is in the body',
  })
  @IsOptional()
  @IsIn(SESSION_TRANSPORTS)
  session?: SessionTransport;
}

export class RefreshBody {
  @ApiPropertyOptional({ description: 'The refresh token; omit it to use the httpOnly cookie' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  refreshToken?: string;
}

class MeTenantDoc implements MeTenant {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}

export class MeDoc implements MeView {
  @ApiProperty({ enum: ['user', 'api_key'] }) kind!: ActorKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional() email?: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
  @ApiPropertyOptional({ format: 'uuid' }) consumerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) sessionId?: string;
  @ApiProperty({ type: MeTenantDoc }) tenant!: MeTenant;
}

export class SessionDoc implements SessionResponse {
  @ApiProperty({ description: 'JWT (HS256), valid 15 minutes' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ example: 900 }) expiresIn!: number;
  @ApiPropertyOptional({ description: 'Single use; absent when it was set as the httpOnly cookie' }) refreshToken?: string;
  @ApiProperty() refreshExpiresIn!: number;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ type: MeDoc }) me!: MeView;
}

export class LogoutDoc {
  @ApiProperty() revoked!: boolean;
}
