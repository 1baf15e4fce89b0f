import 'reflect-metadata';
import { Controller, Get } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { currentActor, runWithContext } from '@app/common';
import type { Actor } from '@app/contracts';
import { Public, RequireAnyPermission, RequirePermissions } from './access.decorators';
import type { AccessTokenVerifier } from './access-token.verifier';
import type { ApiKeyVerifier } from './api-key.verifier';
import { AuthGuard } from './auth.guard';

@Controller()
class Routes {
  @Get() @Public() open(): void {}
  @Get() @RequirePermissions('users:read') read(): void {}
  @Get() @RequirePermissions('users:read', 'users:manage') write(): void {}
  @Get() undeclared(): void {}
  @Get() @RequireAnyPermission('consumers:read', 'self:read') either(): void {}
  @Get() @RequireAnyPermission('billing:read', 'commands:send') neither(): void {}
}

const operator: Actor = { kind: 'user', id: 'u', tenantId: 't', roles: ['operator'], permissions: ['devices:read', 'users:read'], sessionId: 's' };

function contextFor(handler: keyof Routes, headers: Record<string, string> = {}): ExecutionContext {
  const request = { headers, method: 'GET', path: `/${handler}`, ip: '127.0.0.1' };
  return {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('AuthGuard', () => {
  const tokens = { verify: jest.fn(async () => operator) } as unknown as AccessTokenVerifier;
  const keys = { verify: jest.fn() } as unknown as ApiKeyVerifier;
  const guard = new AuthGuard(new Reflector(), tokens, keys);
  const run = (handler: keyof Routes, headers?: Record<string, string>) =>
    runWithContext({ correlationId: 'c', origin: 'http' }, async () => ({ allowed: await guard.canActivate(contextFor(handler, headers)), actor: currentActor() }));

  it('lets public routes through without credentials', async () => {
    expect((await run('open')).allowed).toBe(true);
  });

  it('answers UNAUTHENTICATED without credentials on any other route', async () => {
    await expect(run('read')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(run('undeclared')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('admits an actor holding every required permission and puts it into the request context', async () => {
    expect(await run('read', { authorization: 'Bearer a.b.c' })).toEqual({ allowed: true, actor: operator });
  });

  it('answers FORBIDDEN when a permission is missing, and for a route that declares none (fail closed)', async () => {
    await expect(run('write', { authorization: 'Bearer a.b.c' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Needs permission users:manage' });
    await expect(run('undeclared', { authorization: 'Bearer a.b.c' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('admits an any-of route for one of its permissions, and refuses an actor holding none', async () => {
    (tokens.verify as jest.Mock).mockResolvedValueOnce({ ...operator, permissions: ['self:read'] });
    expect((await run('either', { authorization: 'Bearer a.b.c' })).allowed).toBe(true);
    await expect(run('neither', { authorization: 'Bearer a.b.c' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Needs one of the permissions billing:read, commands:send' });
    await expect(run('either')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
