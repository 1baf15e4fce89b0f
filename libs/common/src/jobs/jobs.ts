import { Worker } from 'bullmq';
import type { Job, JobsOptions, Processor, Queue, WorkerOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { JobMeta } from '@app/contracts';
import { acceptCorrelationId, currentCorrelationId, runWithContext } from '../context/request-context';

/** What a job carries: the typed data plus the metadata that links it to the request that caused it. */
export interface JobEnvelope<T> {
  meta: JobMeta;
  data: T;
}

/** Adds a job stamped with the current correlation id. */
export function enqueueJob<T>(
  queue: Queue,
  name: string,
  data: T,
  enqueuedBy: string,
  options?: JobsOptions,
): Promise<Job<JobEnvelope<T>>> {
  const envelope: JobEnvelope<T> = { meta: { correlationId: currentCorrelationId(), enqueuedBy }, data };
  return queue.add(name, envelope, options) as Promise<Job<JobEnvelope<T>>>;
}

/**
 * A BullMQ worker whose handler runs inside the job's correlation context, so every log line of
 * the job carries the id of the HTTP request or RPC call that enqueued it. A failure `retryLater`
 * recognises (the job failed on purpose to run again) is logged at info with its message while the
 * job has attempts left; every other failure, and that one on the last attempt, at error.
 */
export function createJobWorker<T, R>(
  queueName: string,
  handler: (data: T, job: Job<JobEnvelope<T>>) => Promise<R>,
  logger: Logger,
  options: WorkerOptions,
  retryLater: (error: Error) => boolean = () => false,
): Worker<JobEnvelope<T>, R> {
  const processor: Processor<JobEnvelope<T>, R> = (job) =>
    runWithContext({ correlationId: acceptCorrelationId(job.data?.meta?.correlationId), origin: `job:${queueName}` }, async () => {
      logger.debug({ jobId: job.id, job: job.name }, 'job started');
      const result = await handler(job.data.data, job);
      logger.debug({ jobId: job.id, job: job.name }, 'job finished');
      return result;
    });
  const worker = new Worker<JobEnvelope<T>, R>(queueName, processor, options);
  worker.on('failed', (job, error) => {
    const fields = { jobId: job?.id, job: job?.name, correlationId: job?.data?.meta?.correlationId };
    const attemptsLeft = job !== undefined && job.attemptsMade < (job.opts.attempts ?? 1);
    if (attemptsLeft && retryLater(error)) logger.info({ ...fields, attempt: job.attemptsMade }, error.message);
    else logger.error({ ...fields, err: error }, 'job failed');
  });
  worker.on('error', (error) => logger.error({ err: error, queue: queueName }, 'worker error'));
  return worker;
}
