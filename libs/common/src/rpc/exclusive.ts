import { Inject, Injectable, SetMetadata } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type Redis from 'ioredis';
import { from, ignoreElements, mergeMap, timer } from 'rxjs';
import type { Observable } from 'rxjs';
import { DomainError } from '@app/contracts';
import type { RpcEnvelope } from '@app/contracts';
import { REDIS } from '../redis/redis.module';

const EXCLUSIVE = 'rpc:exclusive';

/**
 * Marks a message handler that writes. The Redis transport delivers every request to every instance
 * of a service; an exclusive handler runs on exactly one of them (the one that claims the envelope's
 * `requestId` first), the others stay silent, so a write never happens twice and a second instance
 * never answers "already exists" for the first one's work.
 */
export const Exclusive = (): MethodDecorator => SetMetadata(EXCLUSIVE, true);

/** Extra silence after the caller's deadline, so a loser's end-of-stream never reaches a waiting caller. */
const SILENCE_MARGIN_MS = 2000;
const CLAIM_TTL_MS = 10 * 60_000;

@Injectable()
export class ExclusiveRpcInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc' || !this.reflector.get<boolean>(EXCLUSIVE, context.getHandler())) return next.handle();
    const { meta } = context.switchToRpc().getData<RpcEnvelope<unknown>>();
    const requestId = meta?.requestId;
    if (typeof requestId !== 'string' || requestId.length === 0 || requestId.length > 100) return next.handle();
    return from(this.claim(requestId)).pipe(
      mergeMap((won) => {
        if (won) return next.handle();
        const deadline = typeof meta.deadline === 'number' && meta.deadline > 0 ? meta.deadline : Date.now();
        return timer(Math.max(0, deadline - Date.now()) + SILENCE_MARGIN_MS).pipe(ignoreElements());
      }),
    );
  }

  private async claim(requestId: string): Promise<boolean> {
    try {
      return (await this.redis.set(`rpc:claim:${requestId}`, '1', 'PX', CLAIM_TTL_MS, 'NX')) === 'OK';
    } catch (error) {
      throw new DomainError('SERVICE_UNAVAILABLE', `Redis refused the request claim: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
