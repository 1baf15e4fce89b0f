import { Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { Logger } from 'pino';
import { DomainError, isActor } from '@app/contracts';
import type { RpcEnvelope } from '@app/contracts';
import { acceptCorrelationId, runWithContext } from '../context/request-context';

function isEnvelope(value: unknown): value is RpcEnvelope<unknown> {
  return typeof value === 'object' && value !== null && 'meta' in value && 'data' in value;
}

/**
 * Restores the caller's correlation id and actor around every message handler, rejects requests that are
 * not envelopes, and skips work whose caller has already given up (deadline passed).
 */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  constructor(private readonly logger: Logger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const payload: unknown = context.switchToRpc().getData();
    const pattern = context.switchToRpc().getContext<{ getChannel?: () => string }>().getChannel?.() ?? 'unknown';
    if (!isEnvelope(payload)) {
      throw new DomainError('VALIDATION_FAILED', `${pattern}: request is not an RPC envelope {meta, data}`, [
        { field: 'meta', message: 'meta and data are required' },
      ]);
    }
    const correlationId = acceptCorrelationId(payload.meta?.correlationId);
    const caller = typeof payload.meta?.caller === 'string' ? payload.meta.caller : 'unknown';
    const actor = payload.meta?.actor;
    if (actor !== undefined && !isActor(actor)) {
      throw new DomainError('VALIDATION_FAILED', `${pattern}: meta.actor is malformed`, [{ field: 'meta.actor', message: 'not an actor' }]);
    }
    return new Observable((subscriber) =>
      runWithContext({ correlationId, origin: `rpc:${caller}`, ...(actor ? { actor } : {}) }, () => {
        const deadline = payload.meta.deadline;
        if (typeof deadline === 'number' && deadline > 0 && Date.now() > deadline) {
          this.logger.warn({ pattern, deadline }, 'Skipped a request whose caller deadline has passed');
          subscriber.error(new DomainError('RPC_TIMEOUT', `${pattern}: deadline passed before handling`));
          return;
        }
        this.logger.debug({ pattern }, 'rpc request');
        next.handle().subscribe(subscriber);
      }),
    );
  }
}
