import { Queue, QueueEvents } from 'bullmq';
import type { Worker } from 'bullmq';
import { testServices, uniqueName, waitFor } from '@app/testing';
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

  it('logs a failure the worker expects (failed on purpose to run again) at info while attempts are left, every other at error', async () => {
    const lines: { level: string; msg: string; job?: string }[] = [];
    const logger = createLogger({ service: 'test', version: '0', level: 'debug', destination: { write: (line: string) => lines.push(JSON.parse(line) as { level: string; msg: string }) } });
    const name = uniqueName('itest-jobs-retry');
    const retryQueue = new Queue(name, { connection });
    const retryWorker = createJobWorker<{ n: number }, number>(
      name,
      (data) => Promise.reject(new Error(data.n === 0 ? 'meter m is busy; retrying later' : 'broken')),
      logger,
      { connection },
      (error) => error.message.endsWith('retrying later'),
    );
    const retryEvents = new QueueEvents(name, { connection });
    try {
      await Promise.all([retryQueue.waitUntilReady(), retryWorker.waitUntilReady(), retryEvents.waitUntilReady()]);
      const busy = await enqueueJob(retryQueue, 'busy', { n: 0 }, 'test', { attempts: 2 });
      const broken = await enqueueJob(retryQueue, 'broken', { n: 1 }, 'test', { attempts: 2 });
      await expect(busy.waitUntilFinished(retryEvents, 10_000)).rejects.toThrow('busy');
      await expect(broken.waitUntilFinished(retryEvents, 10_000)).rejects.toThrow('broken');
      const failures = (job: string) => lines.filter((l) => l.job === job && l.level !== 'debug').map((l) => [l.level, l.msg]);
      // The worker logs after BullMQ moved the job: wait for both attempts of both jobs.
      await waitFor('four failure lines', async () => (failures('busy').length + failures('broken').length >= 4 ? true : undefined), 5000, 20);
      expect(failures('busy')).toEqual([
        ['info', 'meter m is busy; retrying later'],
        ['error', 'job failed'],
      ]);
      expect(failures('broken')).toEqual([
        ['error', 'job failed'],
        ['error', 'job failed'],
      ]);
    } finally {
      await retryWorker.close();
      await retryEvents.close();
      await retryQueue.obliterate({ force: true });
      await retryQueue.close();
    }
  });
});
