import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER, REDIS } from '@app/common';
import { REGISTRY_DEVICE_CHANGED_STREAM } from '@app/contracts';
import type { DeviceChangedEvent, TenantId } from '@app/contracts';
import type { MeterEntity } from '../database/entities/meter.entity';

/** About as many events as the stream keeps (trimmed approximately): hours of heavy registry work. */
const STREAM_MAX_LENGTH = 100_000;

type ChangedMeter = Pick<MeterEntity, 'id' | 'devEui' | 'wmbusManufacturer' | 'wmbusId'>;

/** The event of one meter whose device resolution may have changed. */
export function deviceChangedEvent(tenantId: TenantId, meter: ChangedMeter, reason: DeviceChangedEvent['reason']): DeviceChangedEvent {
  return {
    tenantId,
    meterId: meter.id,
    ...(meter.devEui ? { devEui: meter.devEui } : {}),
    ...(meter.wmbusManufacturer && meter.wmbusId ? { wmbus: { manufacturer: meter.wmbusManufacturer, id: meter.wmbusId } } : {}),
    reason,
  };
}

/**
 * Appends `registry.device.changed` events to a Redis stream after the change committed; a stream
 * (not pub/sub) so an ingest that was down reads what it missed from its stored position. A failed
 * append is logged, never undoes the committed change: ingest's cache TTLs bound how long it stays stale.
 */
@Injectable()
export class RegistryEvents {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async meterChanged(tenantId: TenantId, meters: readonly ChangedMeter[], reason: DeviceChangedEvent['reason']): Promise<void> {
    const events = meters.filter((m) => m.devEui || m.wmbusId).map((m) => deviceChangedEvent(tenantId, m, reason));
    if (events.length === 0) return;
    try {
      const pipeline = this.redis.pipeline();
      for (const event of events) pipeline.xadd(REGISTRY_DEVICE_CHANGED_STREAM, 'MAXLEN', '~', STREAM_MAX_LENGTH, '*', 'event', JSON.stringify(event));
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    } catch (error) {
      this.logger.error({ err: error, events: events.length, reason }, 'registry.device.changed not published (ingest caches expire by TTL)');
    }
  }
}
