import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Transport } from '@nestjs/microservices';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import type { BackendService } from '@app/contracts';
import { redactConfig } from '../config/variables';
import type { CoreConfig } from '../config/app-config';
import { RpcErrorFilter } from '../errors/rpc-error.filter';
import { createValidationPipe } from '../errors/validation';
import { NestPinoLogger } from '../logging/nest-logger';
import { createLogger, defaultInstanceId } from '../logging/logger';
import { redisOptionsFromUrl } from '../redis/redis-options';
import { RpcContextInterceptor } from '../rpc/rpc-context.interceptor';
import { platformVersion } from './version';

export interface ProcessIdentity {
  app: string;
  version: string;
  instance: string;
  logger: Logger;
}

/** Logger and identity of this process, from its validated config. */
export function processIdentity(app: string, config: CoreConfig): ProcessIdentity {
  const version = platformVersion();
  const instance = config.INSTANCE_ID ?? defaultInstanceId();
  const logger = createLogger({ service: app, version, level: config.LOG_LEVEL, instance });
  return { app, version, instance, logger };
}

/**
 * Starts a backend service as a Redis-transport microservice with the platform's validation pipe,
 * RPC error filter and correlation context, and logs its (redacted) config.
 */
export async function runBackendService(
  service: BackendService,
  config: CoreConfig,
  buildModule: (identity: ProcessIdentity) => DynamicModule,
): Promise<void> {
  const identity = processIdentity(service, config);
  const { logger } = identity;
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'Unhandled promise rejection'));
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(buildModule(identity), {
    transport: Transport.REDIS,
    options: { ...redisOptionsFromUrl(config.REDIS_URL), retryAttempts: Number.MAX_SAFE_INTEGER, retryDelay: 1000 },
    logger: new NestPinoLogger(logger),
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new RpcErrorFilter(service, logger));
  app.useGlobalInterceptors(new RpcContextInterceptor(logger));
  app.enableShutdownHooks();
  await app.listen();
  logger.info({ config: redactConfig({ ...config }) }, `${service} service listening on the Redis transport`);
}
