import { Global, Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { BACKEND_SERVICES } from '@app/contracts';
import { createRedisClientProxy, createRpcClient, rpcClientToken } from '@app/common';

const PROXY = Symbol('RPC_PROXY');

class ProxyLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PROXY) private readonly proxy: ClientProxy) {}
  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}

/** One Redis transport connection shared by a typed client per backend service. */
@Global()
@Module({})
export class RpcClientsModule {
  static register(redisUrl: string, timeoutMs: number): DynamicModule {
    const clientProviders = BACKEND_SERVICES.map((service) => ({
      provide: rpcClientToken(service),
      inject: [PROXY],
      useFactory: (proxy: ClientProxy) => createRpcClient(service, proxy, 'gateway', timeoutMs),
    }));
    return {
      module: RpcClientsModule,
      providers: [
        {
          provide: PROXY,
          useFactory: async () => {
            const proxy = createRedisClientProxy(redisUrl);
            await proxy.connect();
            return proxy;
          },
        },
        ProxyLifecycle,
        ...clientProviders,
      ],
      exports: clientProviders.map((p) => p.provide),
    };
  }
}
