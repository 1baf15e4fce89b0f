import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive, requireActor } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { LoginResult, LogoutResult, MeView } from '@app/contracts';
import { LoginDto, RefreshDto } from './dto/auth.dto';
import { LoginService } from './login.service';
import { SessionService } from './session.service';

/** `system.auth.*`: login and refresh come without an actor (they make one); logout and me need one. */
@Controller()
export class AuthRpc {
  constructor(
    private readonly login: LoginService,
    private readonly session: SessionService,
  ) {}

  @Exclusive()
  @MessagePattern(SystemPatterns.authLogin)
  signIn(@Payload('data') request: LoginDto): Promise<LoginResult> {
    return this.login.login(request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.authRefresh)
  refresh(@Payload('data') request: RefreshDto): Promise<LoginResult> {
    return this.session.refresh(request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.authLogout)
  logout(): Promise<LogoutResult> {
    return this.session.logout(requireActor());
  }

  @MessagePattern(SystemPatterns.authMe)
  me(): Promise<MeView> {
    return this.session.me(requireActor());
  }
}
