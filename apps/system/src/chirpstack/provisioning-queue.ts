import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Job, JobsOptions, Worker } from 'bullmq';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { APP_CONFIG, LOGGER, REDIS, bullmqConnection, createJobWorker, enqueueJob } from '@app/common';
import type { JobEnvelope } from '@app/common';
import { Queues, asTenantId } from '@app/contracts';
import type { ProvisioningState, TenantId } from '@app/contracts';
import type { SystemConfig } from '../config';
import { MetersRepository } from '../meters/meters.repository';
import { ChirpstackProvisioningService } from './chirpstack-provisioning.service';
import { ChirpstackSettingsRef } from './chirpstack-settings';
import { MeterClaims } from './meter-claims';

/** One job: meters of one tenant, provisioned one after another. */
export interface ProvisionBatch {
  tenantId: string;
  meterIds: string[];
}

/** What a job did, by outcome (`skipped`: no longer pending, archived or gone). */
export type BatchOutcome = Partial<Record<ProvisioningState | 'skipped', number>>;

/** A job failed on purpose: its meters are held by another worker, so BullMQ runs it again later. */
export class MetersHeldElsewhere extends Error {
  constructor(readonly meterIds: readonly string[]) {
    super(`meter ${meterIds.join(', ')} ${meterIds.length === 1 ? 'is' : 'are'} being provisioned by another worker; retrying later`);
    this.name = 'MetersHeldElsewhere';
  }
}

/** Meters a job. */
export const PROVISION_BATCH = 25;
/** Jobs at a time per system instance: at most this many ChirpStack requests in flight from one instance. */
const CONCURRENCY = 2;
/**
 * A job runs again, with its unfinished meters only, when it failed for a reason other than
 * ChirpStack's answer (PostgreSQL, Redis) or found meters claimed by another worker (which may have
 * died holding the claim until its lease ends): after 2 s, 4 s, 8 s ... about 8 minutes in all.
 */
const JOB_OPTIONS: JobsOptions = {
  attempts: 9,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
/** The periodic sweep, a BullMQ job scheduler: one instance runs each period however many are up. */
export const SWEEP_EVERY_MS = 5 * 60_000;
const SWEEP_JOB = 'sweep-pending';
/** The sweeper leaves meters made `pending` this recently alone: a live instance may be asking ChirpStack about them. */
const SWEEP_STALE_MS = 60_000;
const SWEEP_PAGE = 1000;

/**
 * ChirpStack provisioning in the background (BullMQ queue `system.meter-provisioning` on the platform's
 * Redis): a bulk import marks its LoRaWAN meters `pending` in its transaction and enqueues them here
 * after the commit, so the import answers without waiting for ChirpStack. Each meter is provisioned by
 * ChirpstackProvisioningService exactly as a single creation is (outcome and history row). A meter is
 * claimed in Redis (MeterClaims: SET NX with a lease) before it is touched, and only a still `pending` meter is
 * provisioned, so with several system instances and duplicate jobs at most one worker acts on it.
 * At start and then every SWEEP_EVERY_MS (a BullMQ job scheduler, so one instance a period), meters
 * still `pending` for over a minute (an instance stopped, or a job used up its attempts) are enqueued again.
 * Without ChirpStack configured nothing is created: no queue, no worker, no sweep.
 */
@Injectable()
export class ProvisioningQueue implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private queue?: Queue;
  private worker?: Worker;
  /** Whether imports hand meters to this queue (ChirpStack is configured). */
  readonly active: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<SystemConfig, 'REDIS_URL'>,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly provisioning: ChirpstackProvisioningService,
    private readonly meters: MetersRepository,
    private readonly claims: MeterClaims,
    settings: ChirpstackSettingsRef,
  ) {
    this.active = settings.value !== null;
  }

  async onModuleInit(): Promise<void> {
    if (!this.active) return;
    const connection = bullmqConnection(this.config.REDIS_URL);
    // Tests share one Redis server: their client's key prefix keeps their queues apart too.
    const prefix = `${this.redis.options.keyPrefix ?? ''}bull`;
    this.queue = new Queue(Queues.meterProvisioning, { connection, prefix });
    this.worker = createJobWorker<ProvisionBatch, BatchOutcome | { swept: number }>(
      Queues.meterProvisioning,
      async (batch, job) => (job.name === SWEEP_JOB ? { swept: await this.sweep() } : this.run(batch, job)),
      this.logger,
      { connection, prefix, concurrency: CONCURRENCY },
      (error) => error instanceof MetersHeldElsewhere,
    );
    await Promise.all([this.queue.waitUntilReady(), this.worker.waitUntilReady()]);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.active) return;
    try {
      const swept = await this.sweep();
      if (swept > 0) this.logger.info({ meters: swept }, 'pending ChirpStack provisioning enqueued again');
    } catch (error) {
      this.logger.error({ err: error }, 'sweep of pending ChirpStack provisioning failed');
    }
    await this.scheduleSweep(SWEEP_EVERY_MS);
  }

  /** (Re)sets the period of the sweep for every instance sharing the queue. */
  async scheduleSweep(everyMs: number): Promise<void> {
    const template = { data: { meta: { correlationId: '', enqueuedBy: 'system' }, data: {} }, opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } } };
    await this.queue?.upsertJobScheduler(SWEEP_JOB, { every: everyMs }, { name: SWEEP_JOB, ...template });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }

  /** Enqueues meters of one tenant (already `pending`, committed), PROVISION_BATCH a job. */
  async enqueue(tenantId: TenantId, meterIds: readonly string[]): Promise<void> {
    const queue = this.queue;
    if (!queue || meterIds.length === 0) return;
    const jobs: Promise<unknown>[] = [];
    for (let start = 0; start < meterIds.length; start += PROVISION_BATCH) {
      const batch: ProvisionBatch = { tenantId, meterIds: meterIds.slice(start, start + PROVISION_BATCH) };
      jobs.push(enqueueJob(queue, 'provision-batch', batch, 'system', JOB_OPTIONS));
    }
    await Promise.all(jobs);
  }

  /** Enqueues every meter left `pending` longer than a minute ago; returns how many. */
  async sweep(staleMs = SWEEP_STALE_MS): Promise<number> {
    if (!this.active) return 0;
    let after: string | undefined;
    let total = 0;
    for (;;) {
      const page = await this.meters.pendingProvisioning(SWEEP_PAGE, new Date(Date.now() - staleMs), after);
      const byTenant = new Map<TenantId, string[]>();
      for (const { tenantId, id } of page) byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), id]);
      for (const [tenantId, ids] of byTenant) await this.enqueue(tenantId, ids);
      total += page.length;
      if (page.length < SWEEP_PAGE) return total;
      after = page[page.length - 1].id;
    }
  }

  /**
   * The meters one after another. Those another worker holds stay in the job, which fails so BullMQ
   * runs it again later with just them: by then the other worker finished them (skipped here) or its
   * lease ended (it died) and this one provisions them.
   */
  private async run(batch: ProvisionBatch, job: Job<JobEnvelope<ProvisionBatch>>): Promise<BatchOutcome> {
    const tenantId = asTenantId(batch.tenantId);
    const outcome: BatchOutcome = {};
    const busy: string[] = [];
    for (const id of batch.meterIds) {
      const state = await this.claims.run(id, () => this.provisioning.provisionPending(tenantId, id));
      if (state === 'busy') {
        busy.push(id);
        continue;
      }
      const key = state ?? 'skipped';
      outcome[key] = (outcome[key] ?? 0) + 1;
    }
    if (busy.length === 0) return outcome;
    await job.updateData({ ...job.data, data: { tenantId: batch.tenantId, meterIds: busy } });
    throw new MetersHeldElsewhere(busy);
  }
}
