import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenVerifier } from './access-token.verifier';
import { ApiKeyVerifier } from './api-key.verifier';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';

/** Authentication at the edge: the global guard, its verifiers, and the /auth endpoints. */
@Module({
  controllers: [AuthController],
  providers: [AccessTokenVerifier, ApiKeyVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
