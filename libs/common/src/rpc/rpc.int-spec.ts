import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import type { ClientProxy } from '@nestjs/microservices';
import { IsInt, IsString, Min } from 'class-validator';
import { DomainError, RpcClient } from '@app/contracts';
import type { Rpc } from '@app/contracts';
import { testServices } from '@app/testing';
import { currentCorrelationId, runWithContext } from '../context/request-context';
import { RpcErrorFilter } from '../errors/rpc-error.filter';
import { createValidationPipe } from '../errors/validation';
import { createLogger } from '../logging/logger';
import { redisOptionsFromUrl } from '../redis/redis-options';
import { createRedisClientProxy } from './clients';
import { RpcContextInterceptor } from './rpc-context.interceptor';

// Unique pattern names, so a developer's running platform on the same Redis never answers.
const ns = `itest${process.pid}x${Date.now().toString(36)}`;
const P = {
  echo: `${ns}.echo.run`,
  fail: `${ns}.fail.run`,
  crash: `${ns}.crash.run`,
  slow: `${ns}.slow.run`,
  nobody: `${ns}.nobody.run`,
} as const;

class EchoDto {
  @IsString() text!: string;
  @IsInt() @Min(0) times!: number;
}
interface EchoResult {
  echoed: string;
  correlationId: string;
}
type TestContract = {
  [P.echo]: Rpc<{ text: string; times: number }, EchoResult>;
  [P.fail]: Rpc<Record<string, never>, never>;
  [P.crash]: Rpc<Record<string, never>, never>;
  [P.slow]: Rpc<{ ms: number }, string>;
  [P.nobody]: Rpc<Record<string, never>, string>;
};

@Controller()
class TestRpc {
  @MessagePattern(P.echo)
  echo(@Payload('data') body: EchoDto): EchoResult {
    return { echoed: body.text.repeat(body.times), correlationId: currentCorrelationId() };
  }
  @MessagePattern(P.fail)
  fail(): never {
    throw new DomainError('NOT_FOUND', 'Meter 42 not found');
  }
  @MessagePattern(P.crash)
  crash(): never {
    throw new TypeError('secret internal detail');
  }
  @MessagePattern(P.slow)
  async slow(@Payload('data') body: { ms: number }): Promise<string> {
    await new Promise((r) => setTimeout(r, body.ms));
    return 'late';
  }
}

@Module({ controllers: [TestRpc] })
class TestModule {}

describe('RPC over the real Redis transport', () => {
  let server: INestMicroservice;
  let proxy: ClientProxy;
  let client: RpcClient<TestContract>;

  beforeAll(async () => {
    const logger = createLogger({ service: 'test', version: '0', level: 'silent' });
    server = await NestFactory.createMicroservice(TestModule, {
      transport: Transport.REDIS,
      options: redisOptionsFromUrl(testServices.redisUrl),
      logger: false,
    });
    server.useGlobalPipes(createValidationPipe());
    server.useGlobalFilters(new RpcErrorFilter('test', logger));
    server.useGlobalInterceptors(new RpcContextInterceptor(logger));
    await server.listen();
    proxy = createRedisClientProxy(testServices.redisUrl);
    await proxy.connect();
    client = new RpcClient<TestContract>(proxy, 'test', { caller: 'jest', timeoutMs: 2000, correlationId: currentCorrelationId });
  });

  afterAll(async () => {
    await new Promise((r) => setTimeout(r, 700)); // let the slow handler finish before the server closes
    await proxy?.close();
    await server?.close();
  });

  it('answers a typed request and carries the caller correlation id into the handler', async () => {
    const result = await runWithContext({ correlationId: 'corr-rpc-1', origin: 'test' }, () =>
      client.send(P.echo, { text: 'ab', times: 3 }),
    );
    expect(result).toEqual({ echoed: 'ababab', correlationId: 'corr-rpc-1' });
  });

  it('rejects an invalid payload with VALIDATION_FAILED naming the fields', async () => {
    const bad = { text: 7, times: -1, extra: 'x' } as unknown as { text: string; times: number };
    const error = await client.send(P.echo, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    expect((error as DomainError).fields?.map((f) => f.field).sort()).toEqual(['extra', 'text', 'times']);
    expect((error as DomainError).service).toBe('test');
  });

  it('delivers a domain error with its code', async () => {
    const error = await client.send(P.fail, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Meter 42 not found', service: 'test' });
  });

  it('turns an unexpected exception into INTERNAL without leaking its message', async () => {
    const error = (await client.send(P.crash, {}).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('secret');
  });

  it('fails with RPC_TIMEOUT at the deadline when nobody answers', async () => {
    const started = Date.now();
    const error = (await client.send(P.nobody, {}, { timeoutMs: 400 }).catch((e: unknown) => e)) as DomainError;
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('RPC_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1500);
  });

  it('fails with RPC_TIMEOUT when the handler is slower than the deadline', async () => {
    const error = (await client.send(P.slow, { ms: 500 }, { timeoutMs: 200 }).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe('RPC_TIMEOUT');
  });

  it('rejects a message that is not an envelope', async () => {
    const { firstValueFrom } = await import('rxjs');
    const error = await firstValueFrom(proxy.send(P.echo, { text: 'x', times: 1 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('maps a broken transport to SERVICE_UNAVAILABLE', async () => {
    const dead = createRedisClientProxy('redis://127.0.0.1:1');
    const deadClient = new RpcClient<TestContract>(dead, 'test', { caller: 'jest', timeoutMs: 3000, correlationId: currentCorrelationId });
    const error = (await deadClient.send(P.echo, { text: 'a', times: 1 }).catch((e: unknown) => e)) as DomainError;
    await dead.close();
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
