import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import type { ClientProxy } from '@nestjs/microservices';
import { RpcClient } from '@app/contracts';
import type { BackendService, Contracts } from '@app/contracts';
import { currentActor, currentCorrelationId } from '../context/request-context';
import { redisOptionsFromUrl } from '../redis/redis-options';

/** DI token of the typed client for a backend service. */
export function rpcClientToken(service: BackendService): string {
  return `RPC_CLIENT_${service.toUpperCase()}`;
}

export function createRedisClientProxy(redisUrl: string): ClientProxy {
  return ClientProxyFactory.create({
    transport: Transport.REDIS,
    options: { ...redisOptionsFromUrl(redisUrl), retryAttempts: Number.MAX_SAFE_INTEGER, retryDelay: 1000 },
  });
}

/** A typed client for `service`, carrying the current correlation id and actor on every call. */
export function createRpcClient<S extends BackendService>(
  service: S,
  proxy: ClientProxy,
  caller: string,
  timeoutMs: number,
): RpcClient<Contracts[S]> {
  return new RpcClient<Contracts[S]>(proxy, service, { caller, timeoutMs, correlationId: currentCorrelationId, actor: currentActor });
}
