import { Global, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown, Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG } from '../config/app-config';
import type { CoreConfig } from '../config/app-config';
import { ServiceHealthService } from '../health/service-health';
import { RedisProbe } from '../redis/redis-probe';
import { LOGGER } from './tokens';

export interface CoreModuleOptions {
  app: string;
  version: string;
  instance: string;
  config: CoreConfig;
  logger: Logger;
}

class RedisProbeLifecycle implements OnApplicationShutdown {
  constructor(private readonly probe: RedisProbe) {}
  async onApplicationShutdown(): Promise<void> {
    await this.probe.close();
  }
}

/**
 * What every app process has: its validated config, its logger, its health service with the Redis
 * probe (every app talks over the Redis transport). Storage modules add their probes to the health service.
 */
@Global()
@Module({})
export class CoreModule {
  static forApp(options: CoreModuleOptions): DynamicModule {
    const redisProbe = new RedisProbe(options.config.REDIS_URL);
    const health = new ServiceHealthService(options.app, options.version, options.instance);
    health.register(redisProbe);
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: options.config },
      { provide: LOGGER, useValue: options.logger },
      { provide: ServiceHealthService, useValue: health },
      { provide: RedisProbeLifecycle, useValue: new RedisProbeLifecycle(redisProbe) },
    ];
    return { module: CoreModule, providers, exports: [APP_CONFIG, LOGGER, ServiceHealthService] };
  }
}
