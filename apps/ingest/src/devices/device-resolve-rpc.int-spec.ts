import { Module } from '@nestjs/common';
import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport } from '@nestjs/microservices';
import type { ClientProxy } from '@nestjs/microservices';
import { CoreModule, RedisModule, RpcContextInterceptor, RpcErrorFilter, createLogger, createRedisClientProxy, createRpcClient, createValidationPipe, redisOptionsFromUrl } from '@app/common';
import { DomainError, SystemPatterns } from '@app/contracts';
import type { TenantId } from '@app/contracts';
import { PostgresModule } from '@app/postgres';
import { testServices } from '@app/testing';
import { systemDataSourceSettings } from '../../../system/src/database/data-source';
import { MetersModule } from '../../../system/src/meters/meters.module';
import { MetersService } from '../../../system/src/meters/meters.service';
import { SystemHarness } from '../../../system/test/system-harness';
import { DeviceRedisCache } from './device-cache';
import { DeviceResolver } from './device-resolver';

jest.setTimeout(60_000);

/** `system.device.resolve` over the real Redis transport, as the ingest service calls it (no actor in the envelope). */
describe('system.device.resolve over the Redis transport', () => {
  let harness: SystemHarness;
  let server: INestMicroservice;
  let proxy: ClientProxy;
  let tenantId: TenantId;

  beforeAll(async () => {
    harness = await SystemHarness.start();
    tenantId = (await harness.tenantWithAdmin()).tenantId;
    const logger = createLogger({ service: 'system-test', version: '0', level: 'silent' });
    @Module({
      imports: [
        CoreModule.forApp({ app: 'system', version: '0', instance: 'rpc-test', config: harness.config, logger }),
        PostgresModule.forService(systemDataSourceSettings(harness.db.url)),
        RedisModule.forRoot(harness.config.REDIS_URL, harness.redis.options.keyPrefix),
        MetersModule,
      ],
    })
    class SystemRpcModule {}
    server = await NestFactory.createMicroservice(SystemRpcModule, { transport: Transport.REDIS, options: redisOptionsFromUrl(testServices.redisUrl), logger: false });
    server.useGlobalPipes(createValidationPipe());
    server.useGlobalFilters(new RpcErrorFilter('system', logger));
    server.useGlobalInterceptors(new RpcContextInterceptor(logger));
    await server.listen();
    proxy = createRedisClientProxy(testServices.redisUrl);
    await proxy.connect();
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
    await harness?.close();
  });

  it('resolves a batch in one call without an actor, and refuses a malformed devEui naming the field', async () => {
    const devEui = `a1${Date.now().toString(16).padStart(14, '0')}`.slice(0, 16);
    const meter = await harness.get(MetersService).create(tenantId, { serial: `RPC-${devEui}`, vendor: 'axioma', utility: 'water', codecId: 'axioma/qalcosonic-w1', lorawan: { devEui } });
    const system = createRpcClient('system', proxy, 'ingest', 5000);
    const resolver = new DeviceResolver((request) => system.send(SystemPatterns.deviceResolve, request), new DeviceRedisCache(harness.redis));
    const answers = await resolver.resolveMany([{ devEui }, { devEui: 'ffffffffffffff01' }]);
    expect(answers.get(`lora:${devEui}`)).toMatchObject({ state: 'known', meterId: meter.id, tenantId, codecId: 'axioma/qalcosonic-w1' });
    expect(answers.get('lora:ffffffffffffff01')).toEqual({ state: 'unknown' });

    const error = await system.send(SystemPatterns.deviceResolve, { devEuis: ['not-an-eui'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    expect((error as DomainError).fields?.map((f) => f.field)).toEqual(['devEuis']);
  });
});
