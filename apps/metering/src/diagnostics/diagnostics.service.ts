import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import type { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { APP_CONFIG, LOGGER, bullmqConnection, createJobWorker, currentContext, enqueueJob } from '@app/common';
import { DomainError, Queues } from '@app/contracts';
import type { JobRoundTripResult } from '@app/contracts';
import type { MeteringConfig } from '../config';

interface RoundTripJob {
  requestedAt: string;
}
interface RoundTripOutcome {
  workerCorrelationId: string;
  workerInstance: string;
}

/**
 * Proves the job path works end to end: a job goes through the maintenance queue in Redis, a worker
 * of this service picks it up inside the caller's correlation context, and the caller gets its result.
 */
@Injectable()
export class DiagnosticsService implements OnModuleInit, OnApplicationShutdown {
  private queue!: Queue;
  private events!: QueueEvents;
  private worker!: Worker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: MeteringConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const connection = bullmqConnection(this.config.REDIS_URL);
    this.queue = new Queue(Queues.platformMaintenance, { connection });
    this.events = new QueueEvents(Queues.platformMaintenance, { connection });
    this.worker = createJobWorker<RoundTripJob, RoundTripOutcome>(
      Queues.platformMaintenance,
      async () => {
        this.logger.info('diagnostic round-trip job ran');
        return {
          workerCorrelationId: currentContext()?.correlationId ?? '',
          workerInstance: this.config.INSTANCE_ID ?? String(process.pid),
        };
      },
      this.logger,
      { connection, concurrency: 4 },
    );
    await Promise.all([this.queue.waitUntilReady(), this.events.waitUntilReady(), this.worker.waitUntilReady()]);
  }

  async jobRoundTrip(timeoutMs: number): Promise<JobRoundTripResult> {
    const started = Date.now();
    const job = await enqueueJob(this.queue, 'diagnostic-roundtrip', { requestedAt: new Date().toISOString() }, 'metering', {
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 24 * 3600 },
    });
    let outcome: RoundTripOutcome;
    try {
      outcome = (await job.waitUntilFinished(this.events, timeoutMs)) as RoundTripOutcome;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DomainError('DEPENDENCY_FAILED', `Job ${job.id} did not finish: ${reason}`);
    }
    return {
      queue: Queues.platformMaintenance,
      jobId: String(job.id),
      correlationId: job.data.meta.correlationId,
      workerCorrelationId: outcome.workerCorrelationId,
      workerInstance: outcome.workerInstance,
      latencyMs: Date.now() - started,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.events?.close();
    await this.queue?.close();
  }
}
