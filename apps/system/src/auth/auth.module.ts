import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { LoginEventsModule } from '../login-events/login-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TenantsModule } from '../tenants/tenants.module';
import { UsersModule } from '../users/users.module';
import { AuthRpc } from './auth.rpc';
import { LoginThrottle } from './login-throttle';
import { LoginService } from './login.service';
import { SessionService } from './session.service';
import { SessionTokens } from './session-tokens';

@Module({
  imports: [TenantsModule, UsersModule, SessionsModule, LoginEventsModule, ApiKeysModule],
  controllers: [AuthRpc],
  providers: [LoginService, SessionService, SessionTokens, LoginThrottle],
})
export class AuthModule {}
