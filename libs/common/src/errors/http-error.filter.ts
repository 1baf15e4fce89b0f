import { Catch, HttpException } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '@app/contracts';
import type { ErrorPayload } from '@app/contracts';
import { currentCorrelationId } from '../context/request-context';
import { errorCodeOfHttpStatus, httpStatusOf } from './http-status';

/** Body of every HTTP error response. */
export interface HttpErrorBody {
  error: ErrorPayload & { correlationId: string };
}

/**
 * The HTTP transport's one error filter: domain errors by code, framework HTTP exceptions by status,
 * anything else a logged 500 whose details stay in the log.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const payload = this.toPayload(exception, request);
    const status = httpStatusOf(payload.code);
    if (status >= 500) this.logger.error({ err: exception, path: request.url, code: payload.code }, payload.message);
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="open-headend"');
    const body: HttpErrorBody = { error: { ...payload, correlationId: currentCorrelationId() } };
    response.status(status).json(body);
  }

  private toPayload(exception: unknown, request: Request): ErrorPayload {
    if (exception instanceof DomainError) return exception.toPayload();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = errorCodeOfHttpStatus(status);
      const message =
        status === 404 ? `No route ${request.method} ${request.path}` : exception.message || 'Request rejected';
      return { code, message };
    }
    if (isBodyParserError(exception)) {
      const code = exception.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
      return { code, message: `Request body rejected: ${exception.message}` };
    }
    return { code: 'INTERNAL', message: 'Internal error' };
  }
}

function isBodyParserError(value: unknown): value is { message: string; type: string; status?: number } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && 'expose' in value;
}
