import { Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { LOGGER } from '@app/common';
import { IngestMetrics } from './ingest-metrics';
import { MetricsServer } from './metrics-server';

export interface MetricsModuleOptions {
  /** INGEST_METRICS_PORT; 0 = no listener (the metrics are still counted). */
  port: number;
  /** INGEST_METRICS_HOST. */
  host: string;
  /** Node.js process metrics (default true). */
  defaultMetrics?: boolean;
}

const METRICS_OPTIONS = Symbol('INGEST_METRICS_OPTIONS');

/** Starts the /metrics listener with the app and stops it at shutdown. */
export class MetricsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly server: MetricsServer;
  private bound: AddressInfo | undefined;

  constructor(
    metrics: IngestMetrics,
    @Inject(METRICS_OPTIONS) private readonly options: MetricsModuleOptions,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.server = new MetricsServer(metrics);
  }

  /** Where the listener is bound; undefined when off (port 0) or stopped. */
  get address(): AddressInfo | undefined {
    return this.bound;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.port === 0) {
      this.logger.info('metrics listener off (INGEST_METRICS_PORT=0)');
      return;
    }
    this.bound = await this.server.listen(this.options.port, this.options.host);
    this.logger.info({ host: this.bound.address, port: this.bound.port }, 'metrics listening on GET /metrics');
  }

  async onApplicationShutdown(): Promise<void> {
    this.bound = undefined;
    await this.server.close();
  }
}

/**
 * The ingest service's Prometheus metrics: `IngestMetrics` (one registry per module instance) for the
 * pipeline to count into, and a node:http listener on INGEST_METRICS_HOST:INGEST_METRICS_PORT.
 */
@Module({})
export class MetricsModule {
  static register(options: MetricsModuleOptions): DynamicModule {
    return {
      global: true,
      module: MetricsModule,
      providers: [
        { provide: METRICS_OPTIONS, useValue: options },
        { provide: IngestMetrics, useFactory: () => new IngestMetrics({ defaultMetrics: options.defaultMetrics ?? true }) },
        { provide: MetricsLifecycle, inject: [IngestMetrics, METRICS_OPTIONS, LOGGER], useFactory: (m: IngestMetrics, o: MetricsModuleOptions, l: Logger) => new MetricsLifecycle(m, o, l) },
      ],
      exports: [IngestMetrics, MetricsLifecycle],
    };
  }
}
