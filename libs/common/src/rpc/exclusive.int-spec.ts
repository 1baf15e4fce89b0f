import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import type { INestMicroservice } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { MessagePattern, Transport } from '@nestjs/microservices';
import type { ClientProxy } from '@nestjs/microservices';
import { RpcClient } from '@app/contracts';
import type { Actor, Rpc } from '@app/contracts';
import { testServices } from '@app/testing';
import { currentActor, currentCorrelationId, runWithContext } from '../context/request-context';
import { RpcErrorFilter } from '../errors/rpc-error.filter';
import { createLogger } from '../logging/logger';
import { redisOptionsFromUrl } from '../redis/redis-options';
import { RedisModule } from '../redis/redis.module';
import { createRedisClientProxy } from './clients';
import { Exclusive, ExclusiveRpcInterceptor } from './exclusive';
import { RpcContextInterceptor } from './rpc-context.interceptor';

// Unique pattern names, so a developer's running platform on the same Redis never answers.
const ns = `itestx${process.pid}x${Date.now().toString(36)}`;
const P = { write: `${ns}.counter.write`, read: `${ns}.counter.read`, whoami: `${ns}.actor.whoami` } as const;
type Contract = {
  [P.write]: Rpc<Record<string, never>, string>;
  [P.read]: Rpc<Record<string, never>, string>;
  [P.whoami]: Rpc<Record<string, never>, Actor | null>;
};

const runs = { write: 0, read: 0 };

function buildModule(instance: string) {
  @Controller()
  class CounterRpc {
    @Exclusive()
    @MessagePattern(P.write)
    write(): string {
      runs.write++;
      return instance;
    }
    @MessagePattern(P.read)
    read(): string {
      runs.read++;
      return instance;
    }
    @MessagePattern(P.whoami)
    whoami(): Actor | null {
      return currentActor() ?? null;
    }
  }
  @Module({
    imports: [RedisModule.forRoot(testServices.redisUrl)],
    controllers: [CounterRpc],
    providers: [{ provide: APP_INTERCEPTOR, useClass: ExclusiveRpcInterceptor }],
  })
  class InstanceModule {}
  return InstanceModule;
}

describe('exclusive RPC handlers over the real Redis transport (two instances of one service)', () => {
  const servers: INestMicroservice[] = [];
  let proxy: ClientProxy;
  let client: RpcClient<Contract>;

  beforeAll(async () => {
    const logger = createLogger({ service: 'test', version: '0', level: 'silent' });
    for (const instance of ['a', 'b']) {
      const server = await NestFactory.createMicroservice(buildModule(instance), {
        transport: Transport.REDIS,
        options: redisOptionsFromUrl(testServices.redisUrl),
        logger: false,
      });
      server.useGlobalFilters(new RpcErrorFilter('test', logger));
      server.useGlobalInterceptors(new RpcContextInterceptor(logger));
      await server.listen();
      servers.push(server);
    }
    proxy = createRedisClientProxy(testServices.redisUrl);
    await proxy.connect();
    client = new RpcClient<Contract>(proxy, 'test', { caller: 'jest', timeoutMs: 1500, correlationId: currentCorrelationId, actor: currentActor });
  });

  afterAll(async () => {
    // The losing instance stays silent until the caller's deadline (1.5 s) plus a margin: let it end.
    await new Promise((r) => setTimeout(r, 3800));
    await proxy?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  it('runs a plain handler on every instance (the transport fans out)', async () => {
    runs.read = 0;
    for (let i = 0; i < 5; i++) await client.send(P.read, {});
    await new Promise((r) => setTimeout(r, 200));
    expect(runs.read).toBe(10);
  });

  it('runs an exclusive handler on exactly one instance per call, and every call gets its answer', async () => {
    runs.write = 0;
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.send(P.write, {})));
    await new Promise((r) => setTimeout(r, 200));
    expect(runs.write).toBe(20);
    for (const answer of answers) expect(['a', 'b']).toContain(answer);
  });

  it('carries the actor of the calling context to the handler', async () => {
    const actor: Actor = { kind: 'user', id: 'u-1', tenantId: 't-1', roles: ['operator'], permissions: ['devices:read'], ip: '10.0.0.1' };
    const seen = await runWithContext({ correlationId: 'c-actor', origin: 'test', actor }, () => client.send(P.whoami, {}));
    expect(seen).toEqual(actor);
    expect(await client.send(P.whoami, {})).toBeNull();
  });
});
