import type { Request } from 'express';

/** The client address (behind a trusted proxy: the forwarded one), without the IPv4-mapped prefix. */
export function clientIp(request: Request): string | undefined {
  return request.ip ? request.ip.replace(/^::ffff:/, '') : undefined;
}

/** Address and user agent of the client, as login records them. */
export function clientOf(request: Request): { ip?: string; userAgent?: string } {
  const ip = clientIp(request);
  const userAgent = request.headers['user-agent'];
  return { ...(ip ? { ip } : {}), ...(userAgent ? { userAgent: userAgent.slice(0, 1024) } : {}) };
}
