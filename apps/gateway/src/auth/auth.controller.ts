import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { requireActor, rpcClientToken } from '@app/common';
import { DomainError, SystemPatterns } from '@app/contracts';
import type { LoginResult, LogoutResult, MeView, RpcClient, SessionResponse, SystemContract } from '@app/contracts';
import { ErrorBodyDoc } from '../http/error.openapi';
import { Public, RequirePermissions } from './access.decorators';
import { LoginBody, LogoutDoc, MeDoc, RefreshBody, SessionDoc } from './auth.dto';
import { clientOf } from './client-info';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with tenant, email and password',
    description: 'Returns a 15-minute access token and a single-use refresh token. Repeated failures lock the account for a while (429).',
  })
  @ApiOkResponse({ type: SessionDoc })
  @ApiUnauthorizedResponse({ type: ErrorBodyDoc, description: 'Wrong tenant, email or password (never which)' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDoc, description: 'Too many failed attempts for the account or from the address' })
  async login(@Body() body: LoginBody, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const result = await this.system.send(SystemPatterns.authLogin, {
      tenant: body.tenant,
      email: body.email,
      password: body.password,
      ...clientOf(request),
    });
    return this.answer(result, body.session === 'cookie', request, response);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair',
    description: 'The refresh token comes from the body or the httpOnly cookie and is spent; presenting a spent token again revokes the whole session.',
  })
  @ApiOkResponse({ type: SessionDoc })
  @ApiUnauthorizedResponse({ type: ErrorBodyDoc, description: 'Unknown, expired, spent or revoked refresh token' })
  async refresh(@Body() body: RefreshBody, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const fromCookie = !body.refreshToken;
    const refreshToken = body.refreshToken ?? readRefreshCookie(request);
    if (!refreshToken) throw new DomainError('UNAUTHENTICATED', 'No refresh token: sign in');
    try {
      const result = await this.system.send(SystemPatterns.authRefresh, { refreshToken, ...clientOf(request) });
      return this.answer(result, fromCookie, request, response);
    } catch (error) {
      if (fromCookie) clearRefreshCookie(request, response);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(200)
  @RequirePermissions('self:read')
  @ApiOperation({ summary: 'End the current session', description: 'Revokes the session of the access token: its refresh token and access tokens stop working at once.' })
  @ApiOkResponse({ type: LogoutDoc })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LogoutResult> {
    const result = await this.system.send(SystemPatterns.authLogout, {});
    clearRefreshCookie(request, response);
    return result;
  }

  @Get('me')
  @RequirePermissions('self:read')
  @ApiOperation({ summary: 'Who is signed in: user or API key, tenant, roles and permissions' })
  @ApiOkResponse({ type: MeDoc })
  me(): Promise<MeView> {
    requireActor();
    return this.system.send(SystemPatterns.authMe, {});
  }

  private answer(result: LoginResult, cookie: boolean, request: Request, response: Response): SessionResponse {
    response.setHeader('Cache-Control', 'no-store');
    if (!cookie) return result;
    const { refreshToken, ...rest } = result;
    setRefreshCookie(request, response, refreshToken, result.refreshExpiresIn);
    return rest;
  }
}
