import { randomUUID } from 'node:crypto';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { Actor } from './access';
import type { ContractShape, RequestOf, ResponseOf } from './contract';
import type { RpcEnvelope, RpcMeta } from './envelope';
import { DomainError, isErrorPayload } from './errors';

export interface RpcClientOptions {
  /** Default deadline of every call, in milliseconds. */
  timeoutMs: number;
  /** Name of the calling app, recorded in the envelope. */
  caller: string;
  /** Returns the correlation id of the current request/job. */
  correlationId: () => string;
  /** Returns the authenticated actor of the current request, if any; it travels in the envelope. */
  actor?: () => Actor | undefined;
}

export interface CallOptions {
  timeoutMs?: number;
}

/**
 * Typed request/response client for one service. A payload of the wrong type does not compile;
 * a dead peer fails with `RPC_TIMEOUT` at the deadline; a broken transport with
 * `SERVICE_UNAVAILABLE`; a handler's domain error arrives as the same `DomainError`.
 */
export class RpcClient<C extends ContractShape> {
  constructor(
    private readonly proxy: ClientProxy,
    readonly service: string,
    private readonly options: RpcClientOptions,
  ) {}

  async send<P extends keyof C & string>(
    pattern: P,
    data: RequestOf<C, P>,
    call: CallOptions = {},
  ): Promise<ResponseOf<C, P>> {
    const timeoutMs = call.timeoutMs ?? this.options.timeoutMs;
    const envelope: RpcEnvelope<RequestOf<C, P>> = { meta: this.meta(Date.now() + timeoutMs), data };
    try {
      return await firstValueFrom(
        this.proxy.send<ResponseOf<C, P>, RpcEnvelope<RequestOf<C, P>>>(pattern, envelope).pipe(timeout(timeoutMs)),
      );
    } catch (error) {
      throw this.mapError(pattern, timeoutMs, error);
    }
  }

  /** Fire-and-forget event to every instance listening on the pattern. */
  async emit<T>(pattern: string, data: T): Promise<void> {
    const envelope: RpcEnvelope<T> = { meta: this.meta(0), data };
    try {
      await firstValueFrom(this.proxy.emit(pattern, envelope), { defaultValue: undefined });
    } catch (error) {
      throw this.mapError(pattern, 0, error);
    }
  }

  private meta(deadline: number): RpcMeta {
    const actor = this.options.actor?.();
    return {
      correlationId: this.options.correlationId(),
      caller: this.options.caller,
      deadline,
      requestId: randomUUID(),
      ...(actor ? { actor } : {}),
    };
  }

  private mapError(pattern: string, timeoutMs: number, error: unknown): DomainError {
    if (error instanceof DomainError) return error;
    if (error instanceof TimeoutError) {
      return new DomainError('RPC_TIMEOUT', `${this.service} did not answer ${pattern} within ${timeoutMs} ms`, undefined, this.service);
    }
    if (isErrorPayload(error)) return DomainError.fromPayload({ ...error, service: error.service ?? this.service });
    const reason = error instanceof Error ? error.message : String(error);
    return new DomainError('SERVICE_UNAVAILABLE', `${pattern} to ${this.service} failed: ${reason}`, undefined, this.service);
  }
}
