import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/**
 * Serves the built console (Vite output) with an SPA fallback: any GET outside /api that is not a
 * file answers index.html, so deep links work.
 */
export function serveConsole(app: NestExpressApplication, uiDist: string, logger: Logger): boolean {
  const root = resolve(uiDist);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ uiDist: root }, 'console not built (no index.html): run `npm run build:ui`; serving the API only');
    return false;
  }
  app.useStaticAssets(root, { index: false, maxAge: '1h', immutable: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  logger.info({ uiDist: root }, 'serving the console');
  return true;
}
