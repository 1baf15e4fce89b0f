import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { acceptCorrelationId, runWithContext } from '@app/common';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Takes the caller's `X-Correlation-Id` (or makes one), echoes it on the response, runs the rest
 * of the request inside its context, and writes one access-log line per request.
 */
export function correlationMiddleware(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const correlationId = acceptCorrelationId(request.headers[CORRELATION_HEADER]);
    const started = performance.now();
    response.setHeader('X-Correlation-Id', correlationId);
    response.on('finish', () => {
      if (!request.originalUrl.startsWith('/api/')) return;
      logger.info(
        {
          correlationId,
          method: request.method,
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
        },
        'http request',
      );
    });
    runWithContext({ correlationId, origin: 'http' }, next);
  };
}
