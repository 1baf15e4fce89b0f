import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { setContextActor } from '@app/common';
import { DomainError, hasPermissions } from '@app/contracts';
import type { Actor, Permission } from '@app/contracts';
import { ANY_PERMISSIONS, IS_PUBLIC, REQUIRED_PERMISSIONS } from './access.decorators';
import { AccessTokenVerifier } from './access-token.verifier';
import { ApiKeyVerifier } from './api-key.verifier';
import { clientIp } from './client-info';
import { credentialOf } from './credentials';

/** The authenticated actor, for handlers that need it (`request.actor`). */
export type AuthenticatedRequest = Request & { actor?: Actor };

/**
 * The gateway's one guard, on every route: public routes pass; every other route needs a valid
 * access token or API key (401 UNAUTHENTICATED otherwise) holding the route's permissions
 * (403 FORBIDDEN otherwise). A route that declares no permissions is refused: forgetting the
 * decorator closes a route, it never opens one. The actor goes into the request context, and from
 * there into every RPC envelope.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
    private readonly apiKeys: ApiKeyVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credential = credentialOf(request);
    if (!credential) throw new DomainError('UNAUTHENTICATED', 'Authentication required: send an access token or an API key');
    const actor =
      credential.kind === 'access_token' ? await this.tokens.verify(credential.token, clientIp(request)) : await this.apiKeys.verify(credential.key, clientIp(request));
    request.actor = actor;
    setContextActor(actor);
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, targets);
    const anyOf = this.reflector.getAllAndOverride<Permission[] | undefined>(ANY_PERMISSIONS, targets);
    if (anyOf && anyOf.length > 0) {
      if (!anyOf.some((p) => actor.permissions.includes(p))) throw new DomainError('FORBIDDEN', `Needs one of the permissions ${anyOf.join(', ')}`);
      return true;
    }
    if (!required || required.length === 0) throw new DomainError('FORBIDDEN', `${request.method} ${request.path} declares no permission`);
    if (!hasPermissions(actor.permissions, required)) {
      throw new DomainError('FORBIDDEN', `Needs permission ${required.filter((p) => !actor.permissions.includes(p)).join(', ')}`);
    }
    return true;
  }
}
