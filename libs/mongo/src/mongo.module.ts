import { Global, Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, ServiceHealthService } from '@app/common';
import { LogLineOpsLogStore } from './fallback-ops-log.store';
import { MongoOpsLogStore } from './mongo-ops-log.store';
import { MongoProbe } from './mongo-probe';
import type { OpsLogStore } from './ops-log';

/** DI token of the operational log store. */
export const OPS_LOG = Symbol('OPS_LOG');

class OpsLogLifecycle implements OnApplicationShutdown {
  constructor(@Inject(OPS_LOG) private readonly store: OpsLogStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** MongoDB operational logs when `mongoUrl` is set; otherwise the log-line fallback, announced at start. */
@Global()
@Module({})
export class MongoModule {
  static forService(mongoUrl: string | undefined): DynamicModule {
    return {
      module: MongoModule,
      providers: [
        {
          provide: OPS_LOG,
          inject: [ServiceHealthService, LOGGER],
          useFactory: async (health: ServiceHealthService, logger: Logger): Promise<OpsLogStore> => {
            let store: OpsLogStore;
            if (mongoUrl) {
              store = await MongoOpsLogStore.connect(mongoUrl);
            } else {
              logger.warn('MONGO_URL not set: MongoDB disabled, operational logs are written to this log instead');
              store = new LogLineOpsLogStore(logger);
            }
            health.register(new MongoProbe(store));
            return store;
          },
        },
        OpsLogLifecycle,
      ],
      exports: [OPS_LOG],
    };
  }
}
