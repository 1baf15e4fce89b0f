import type { StoreProbe } from '@app/common';
import type { StoreHealth } from '@app/contracts';
import { DEFAULT_PROBE_TIMEOUT_MS } from './client';
import type { ClickHouseStore } from './client';

/** The `StoreProbe` a service registers for its health report: ClickHouse is a required store. */
export class ClickHouseProbe implements StoreProbe {
  readonly store = 'clickhouse' as const;
  readonly required = true;

  constructor(
    private readonly clickhouse: ClickHouseStore,
    private readonly timeoutMs = DEFAULT_PROBE_TIMEOUT_MS,
  ) {}

  probe(): Promise<StoreHealth> {
    return this.clickhouse.probe(this.timeoutMs);
  }
}
