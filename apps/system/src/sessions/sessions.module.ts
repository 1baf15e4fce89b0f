import { Module } from '@nestjs/common';
import { SessionRevocation } from './session-revocation';
import { SessionsRepository } from './sessions.repository';
import { TokenIssuer } from './token-issuer';

/** Sessions, their refresh tokens, access token signing and revocation markers. No handlers of its own. */
@Module({ providers: [SessionsRepository, SessionRevocation, TokenIssuer], exports: [SessionsRepository, SessionRevocation, TokenIssuer] })
export class SessionsModule {}
