import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { COMMAND_OUTCOME_STREAM } from '@app/contracts';
import type { CommandOutcome, CommandOutcomeEvent } from '@app/contracts';
import type { OutcomeResult } from './commands.service';

export interface OutcomeConsumerOptions {
  stream: string;
  group: string;
  /** This instance's consumer name in the group (stable across restarts: its pending entries are its own). */
  consumer: string;
  /** XREADGROUP BLOCK, milliseconds. */
  blockMs: number;
  /** Entries pending this long with another (dead) consumer are claimed (XAUTOCLAIM). */
  claimIdleMs: number;
  /** Pause after a failure (Redis or PostgreSQL away) before reading again. */
  retryMs: number;
  batch: number;
}

export const DEFAULT_OUTCOME_CONSUMER_OPTIONS: Omit<OutcomeConsumerOptions, 'consumer'> = {
  stream: COMMAND_OUTCOME_STREAM,
  group: 'metering',
  blockMs: 5000,
  claimIdleMs: 30_000,
  retryMs: 1000,
  batch: 100,
};

type StreamEntry = [id: string, fields: string[]];

const OUTCOMES: readonly CommandOutcome[] = ['sent', 'acknowledged', 'failed', 'expired'];

/** The outcome in a stream entry (field `event` = JSON), or the reason it is unusable. */
export function parseOutcomeEntry(fields: string[]): { ok: true; event: CommandOutcomeEvent } | { ok: false; reason: string } {
  const index = fields.findIndex((value, i) => i % 2 === 0 && value === 'event');
  if (index < 0) return { ok: false, reason: 'no field "event"' };
  let value: unknown;
  try {
    value = JSON.parse(fields[index + 1] ?? '');
  } catch {
    return { ok: false, reason: 'field "event" is not JSON' };
  }
  const e = value as Partial<CommandOutcomeEvent> | null;
  if (!e || typeof e !== 'object') return { ok: false, reason: 'event is not an object' };
  if (typeof e.commandId !== 'string' || !/^[0-9a-f-]{36}$/i.test(e.commandId)) return { ok: false, reason: 'commandId is not a UUID' };
  if (typeof e.devEui !== 'string') return { ok: false, reason: 'devEui is missing' };
  if (typeof e.outcome !== 'string' || !OUTCOMES.includes(e.outcome)) return { ok: false, reason: `unknown outcome ${String(e.outcome)}` };
  if (e.reason !== undefined && typeof e.reason !== 'string') return { ok: false, reason: 'reason is not a string' };
  return {
    ok: true,
    event: {
      commandId: e.commandId.toLowerCase(),
      devEui: e.devEui,
      applicationId: typeof e.applicationId === 'string' ? e.applicationId : '',
      outcome: e.outcome,
      ...(e.reason ? { reason: e.reason } : {}),
      at: typeof e.at === 'string' ? e.at : new Date().toISOString(),
    },
  };
}

/**
 * Follows ingest's command outcomes (COMMAND_OUTCOME_STREAM) in the consumer group `metering`: each outcome is
 * applied by one metering instance, and acknowledged (XACK) only after its database transaction committed, so a
 * crash in between leaves it pending. At start the instance re-reads its own pending entries; every
 * `claimIdleMs` it claims entries another consumer left pending that long (XAUTOCLAIM: a dead instance's).
 * An unusable entry is logged and acknowledged (it would never get better). Its own Redis connection: the
 * blocking read holds it.
 */
export class CommandOutcomeConsumer {
  private running = false;
  private loop: Promise<void> | undefined;
  private lastClaim = 0;

  constructor(
    private readonly redis: Redis,
    private readonly apply: (event: CommandOutcomeEvent) => Promise<OutcomeResult>,
    private readonly logger: Logger,
    private readonly options: OutcomeConsumerOptions,
  ) {}

  async start(): Promise<void> {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.redis.disconnect(); // ends a blocking read at once
    await this.loop;
  }

  private async ensureGroup(): Promise<void> {
    try {
      // From the stream's start: outcomes appended before metering ever ran are applied (unknown ids are ignored).
      await this.redis.xgroup('CREATE', this.options.stream, this.options.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('BUSYGROUP'))) throw error;
    }
  }

  private async run(): Promise<void> {
    let groupReady = false;
    let ownPending = true;
    while (this.running) {
      try {
        if (!groupReady) {
          await this.ensureGroup();
          groupReady = true;
        }
        if (ownPending) {
          // Entries delivered to this consumer before a restart or a failure, not yet acknowledged.
          const entries = await this.read('0', false);
          await this.handle(entries);
          if (entries.length < this.options.batch) ownPending = false;
          continue;
        }
        if (Date.now() - this.lastClaim >= this.options.claimIdleMs) {
          this.lastClaim = Date.now();
          await this.claimAbandoned();
        }
        await this.handle(await this.read('>', true));
      } catch (error) {
        if (!this.running) break;
        const message = error instanceof Error ? error.message : String(error);
        if (message.includes('NOGROUP')) groupReady = false;
        ownPending = true;
        this.logger.warn({ err: error }, 'command outcome stream: read or apply failed, retrying');
        await new Promise((resolve) => setTimeout(resolve, this.options.retryMs));
      }
    }
  }

  private async read(from: '0' | '>', block: boolean): Promise<StreamEntry[]> {
    const { stream, group, consumer, batch, blockMs } = this.options;
    const answer = (block
      ? await this.redis.xreadgroup('GROUP', group, consumer, 'COUNT', batch, 'BLOCK', blockMs, 'STREAMS', stream, from)
      : await this.redis.xreadgroup('GROUP', group, consumer, 'COUNT', batch, 'STREAMS', stream, from)) as Array<[string, StreamEntry[]]> | null;
    return answer?.[0]?.[1] ?? [];
  }

  private async claimAbandoned(): Promise<void> {
    const { stream, group, consumer, claimIdleMs, batch } = this.options;
    let cursor = '0-0';
    do {
      const [next, entries] = (await this.redis.xautoclaim(stream, group, consumer, claimIdleMs, cursor, 'COUNT', batch)) as [string, StreamEntry[], ...unknown[]];
      if (entries.length > 0) this.logger.info({ claimed: entries.length }, 'claimed command outcomes left pending by another consumer');
      // Redis 6.2 lists entries deleted meanwhile as nil (7.x moves them to a third element): nothing to apply.
      await this.handle(entries.filter((entry) => Array.isArray(entry) && Array.isArray(entry[1])));
      cursor = next;
    } while (cursor !== '0-0' && this.running);
  }

  private async handle(entries: StreamEntry[]): Promise<void> {
    for (const [id, fields] of entries) {
      if (!fields) {
        // XREADGROUP 0 returns deleted (trimmed) entries with null fields: nothing to apply.
        await this.redis.xack(this.options.stream, this.options.group, id);
        continue;
      }
      const parsed = parseOutcomeEntry(fields);
      if (parsed.ok) {
        await this.apply(parsed.event); // throws on a database failure: no XACK, read again after the pause
      } else {
        this.logger.warn({ entryId: id, reason: parsed.reason }, 'unusable command outcome entry: acknowledged and skipped');
      }
      await this.redis.xack(this.options.stream, this.options.group, id);
    }
  }
}
