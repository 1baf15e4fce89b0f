import type { DataSource } from 'typeorm';
import type { StoreHealth } from '@app/contracts';
import { timedProbe } from '@app/common';
import type { StoreProbe } from '@app/common';

/** `SELECT 1` over the service's pool. */
export class PostgresProbe implements StoreProbe {
  readonly store = 'postgres' as const;
  readonly required = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly timeoutMs = 1000,
  ) {}

  probe(): Promise<StoreHealth> {
    return timedProbe(this.timeoutMs, async () => {
      if (!this.dataSource.isInitialized) throw new Error('not connected');
      await this.dataSource.query('SELECT 1');
    });
  }
}
