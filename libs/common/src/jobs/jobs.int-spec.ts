import { Queue, QueueEvents } from 'bullmq';
import type { Worker } from 'bullmq';
import { testServices, uniqueName } from '@app/testing';
import { currentContext, runWithContext } from '../context/request-context';
import { createLogger } from '../logging/logger';
import { bullmqConnection } from '../redis/redis-options';
import { createJobWorker, enqueueJob } from './jobs';

describe('jobs on the real Redis (BullMQ)', () => {
  const queueName = uniqueName('itest-jobs');
  const connection = bullmqConnection(testServices.redisUrl);
  let queue: Queue;
  let events: QueueEvents;
  let worker: Worker;
  const seen: { correlationId?: string; origin?: string; data: unknown }[] = [];

  beforeAll(async () => {
    queue = new Queue(queueName, { connection });
    events = new QueueEvents(queueName, { connection });
    worker = createJobWorker<{ n: number }, number>(
      queueName,
      async (data) => {
        seen.push({ ...currentContext(), data });
        if (data.n < 0) throw new Error('negative');
        return data.n * 2;
      },
      createLogger({ service: 'test', version: '0', level: 'silent' }),
      { connection },
    );
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady(), worker.waitUntilReady()]);
  });

  afterAll(async () => {
    await worker?.close();
    await events?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
  });

  it('runs the job inside the correlation context of whoever enqueued it', async () => {
    const job = await runWithContext({ correlationId: 'corr-job-7', origin: 'http' }, () => enqueueJob(queue, 'double', { n: 21 }, 'test'));
    expect(job.data.meta).toEqual({ correlationId: 'corr-job-7', enqueuedBy: 'test' });
    const result = await job.waitUntilFinished(events, 10_000);
    expect(result).toBe(42);
    expect(seen.find((s) => (s.data as { n: number }).n === 21)).toMatchObject({
      correlationId: 'corr-job-7',
      origin: `job:${queueName}`,
    });
  });

  it('lets a failing job fail with its reason', async () => {
    const job = await enqueueJob(queue, 'double', { n: -1 }, 'test', { attempts: 1 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow('negative');
  });
});
