import { hostname } from 'node:os';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { ClickHouseModule, clickHouseConfigFrom } from '@app/clickhouse';
import { CoreModule, createHealthRpcController } from '@app/common';
import type { ProcessIdentity } from '@app/common';
import { MongoModule } from '@app/mongo';
import type { IngestConfig } from './config';
import { parseLimitsFrom } from './config';
import { DeviceResolver } from './devices/device-resolver';
import { DevicesModule } from './devices/devices.module';
import { IngestMetrics } from './metrics/ingest-metrics';
import { MetricsModule } from './metrics/metrics.module';
import { MqttModule } from './mqtt/mqtt.module';
import { walDirectory } from './pipeline/ingest-pipeline';
import { PipelineModule } from './pipeline/pipeline.module';
import { StatsModule } from './stats/stats.module';
import { StoresModule } from './stores/stores.module';

const DEVICE_METRICS = Symbol('INGEST_DEVICE_METRICS');

@Module({})
export class IngestModule {
  static register(config: IngestConfig, identity: ProcessIdentity): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        CoreModule.forApp({ ...identity, config }),
        ClickHouseModule.forService(clickHouseConfigFrom(config)),
        MongoModule.forService(config.MONGO_URL),
        MqttModule.register({
          url: config.MQTT_URL,
          username: config.MQTT_USERNAME,
          password: config.MQTT_PASSWORD,
          // Stable across restarts (the broker keeps this session's queue): INSTANCE_ID, else the host name.
          // Two instances on one host need distinct INSTANCE_IDs.
          clientId: `headend-ingest-${config.INSTANCE_ID ?? hostname()}`.slice(0, 64),
          sessionExpirySeconds: config.INGEST_MQTT_SESSION_EXPIRY_SECONDS,
        }),
        DevicesModule.register({ redisUrl: config.REDIS_URL, rpcTimeoutMs: config.RPC_TIMEOUT_MS }),
        MetricsModule.register({ port: config.INGEST_METRICS_PORT, host: config.INGEST_METRICS_HOST }),
        PipelineModule.register({
          redisUrl: config.REDIS_URL,
          walDir: walDirectory(config.INGEST_WAL_DIR, config.INSTANCE_ID),
          walSync: config.INGEST_WAL_SYNC,
          walCapacityBytes: config.INGEST_WAL_CAPACITY_BYTES,
          batchMaxRecords: config.INGEST_BATCH_MAX_RECORDS,
          batchMaxBytes: config.INGEST_BATCH_MAX_BYTES,
          batchMaxWaitMs: config.INGEST_BATCH_MAX_WAIT_MS,
          shareGroup: config.INGEST_SHARE_GROUP,
          limits: parseLimitsFrom(config),
        }),
        StatsModule.register({ redisUrl: config.REDIS_URL, instanceId: identity.instance }),
        StoresModule,
      ],
      providers: [
        // The device cache counters follow the resolver's lookups; the pipeline counts the rest into IngestMetrics.
        { provide: DEVICE_METRICS, inject: [IngestMetrics, DeviceResolver], useFactory: (metrics: IngestMetrics, resolver: DeviceResolver) => metrics.followDeviceResolver(resolver) },
      ],
      controllers: [createHealthRpcController('ingest')],
    };
  }
}
