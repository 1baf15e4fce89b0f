import { Catch } from '@nestjs/common';
import type { ExceptionFilter } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { throwError } from 'rxjs';
import type { Logger } from 'pino';
import { DomainError } from '@app/contracts';
import type { ErrorPayload } from '@app/contracts';

/**
 * The RPC transport's one error filter: every failure leaves the service as an `ErrorPayload`
 * with a code, which the caller's typed client turns back into a `DomainError`.
 */
@Catch()
export class RpcErrorFilter implements ExceptionFilter {
  constructor(
    private readonly service: string,
    private readonly logger: Logger,
  ) {}

  catch(exception: unknown): Observable<never> {
    let payload: ErrorPayload;
    if (exception instanceof DomainError) {
      payload = { ...exception.toPayload(), service: exception.service ?? this.service };
    } else {
      this.logger.error({ err: exception }, 'Unhandled error in message handler');
      payload = { code: 'INTERNAL', message: 'Internal error', service: this.service };
    }
    return throwError(() => payload);
  }
}
