import { Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { CLICKHOUSE } from '@app/clickhouse';
import type { ClickHouseStore } from '@app/clickhouse';
import { LOGGER, ServiceHealthService, createRedisClient } from '@app/common';
import { DeviceResolver } from '../devices/device-resolver';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { MQTT } from '../mqtt/mqtt.module';
import type { MqttConnection } from '../mqtt/mqtt-connection';
import { AfterCommit } from './after-commit';
import { BatchProcessor } from './batch-processor';
import { IngestPipeline } from './ingest-pipeline';
import type { PipelineSettings } from './ingest-pipeline';
import { Redecoder } from './redecode';
import { ReprocessController } from './reprocess.controller';
import { Reprocessor } from './reprocess';
import { TelemetryWriter } from './telemetry-writer';

export interface PipelineModuleOptions extends PipelineSettings {
  redisUrl: string;
}

class PipelineLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly pipeline: IngestPipeline,
    private readonly redecoder: Redecoder,
    private readonly health: ServiceHealthService,
    private readonly afterCommit: AfterCommit,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.health.addCondition(() => this.pipeline.condition());
    await this.pipeline.start();
    this.redecoder.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.redecoder.stop();
    await this.pipeline.stop();
    await this.afterCommit.close();
  }
}

/** The MQTT -> write-ahead buffer -> ClickHouse pipeline, the re-decoding of unassigned uplinks, and `reprocess`. */
@Module({})
export class PipelineModule {
  static register(options: PipelineModuleOptions): DynamicModule {
    return {
      module: PipelineModule,
      providers: [
        {
          provide: BatchProcessor,
          inject: [DeviceResolver],
          useFactory: (resolver: DeviceResolver) => new BatchProcessor((identities) => resolver.resolveMany(identities), options.limits),
        },
        {
          provide: TelemetryWriter,
          inject: [CLICKHOUSE, IngestMetrics],
          useFactory: (store: ClickHouseStore, metrics: IngestMetrics) => new TelemetryWriter(store, { startInsert: (table) => metrics.startInsert(table) }),
        },
        { provide: AfterCommit, useFactory: () => new AfterCommit(createRedisClient(options.redisUrl)) },
        {
          provide: IngestPipeline,
          inject: [MQTT, BatchProcessor, TelemetryWriter, AfterCommit, IngestMetrics, LOGGER],
          useFactory: (mqtt: MqttConnection, processor: BatchProcessor, writer: TelemetryWriter, afterCommit: AfterCommit, metrics: IngestMetrics, logger: Logger) =>
            new IngestPipeline(options, mqtt, processor, writer, afterCommit, metrics, logger),
        },
        {
          provide: Redecoder,
          inject: [CLICKHOUSE, DeviceResolver, BatchProcessor, TelemetryWriter, AfterCommit, LOGGER],
          useFactory: (store: ClickHouseStore, resolver: DeviceResolver, processor: BatchProcessor, writer: TelemetryWriter, afterCommit: AfterCommit, logger: Logger) =>
            new Redecoder(store, resolver.signals, processor, writer, afterCommit, logger),
        },
        {
          provide: Reprocessor,
          inject: [CLICKHOUSE, BatchProcessor, TelemetryWriter],
          useFactory: (store: ClickHouseStore, processor: BatchProcessor, writer: TelemetryWriter) => new Reprocessor(store, processor, writer),
        },
        {
          provide: PipelineLifecycle,
          inject: [IngestPipeline, Redecoder, ServiceHealthService, AfterCommit],
          useFactory: (p: IngestPipeline, r: Redecoder, h: ServiceHealthService, a: AfterCommit) => new PipelineLifecycle(p, r, h, a),
        },
      ],
      controllers: [ReprocessController],
      exports: [IngestPipeline, BatchProcessor],
    };
  }
}
