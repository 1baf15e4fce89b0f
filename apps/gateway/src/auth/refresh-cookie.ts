import type { CookieOptions, Request, Response } from 'express';

/** The console's refresh token: httpOnly (no script reads it), SameSite=Strict, sent only to /api/v1/auth. */
export const REFRESH_COOKIE = 'ohes_refresh';
const COOKIE_PATH = '/api/v1/auth';

function options(request: Request, maxAgeSeconds?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: COOKIE_PATH,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds * 1000 } : {}),
  };
}

/** The refresh token from the request's Cookie header, if present. */
export function readRefreshCookie(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === REFRESH_COOKIE) {
      const value = rest.join('=');
      try {
        return decodeURIComponent(value) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function setRefreshCookie(request: Request, response: Response, token: string, maxAgeSeconds: number): void {
  response.cookie(REFRESH_COOKIE, token, options(request, maxAgeSeconds));
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(REFRESH_COOKIE, options(request));
}
