import type { StoreHealth } from '@app/contracts';
import { timedProbe } from '@app/common';
import type { StoreProbe } from '@app/common';
import { MongoOpsLogStore } from './mongo-ops-log.store';
import type { OpsLogStore } from './ops-log';

/** Pings MongoDB, or reports `disabled` when the platform runs without it. */
export class MongoProbe implements StoreProbe {
  readonly store = 'mongodb' as const;
  readonly required = false;

  constructor(
    private readonly opsLog: OpsLogStore,
    private readonly timeoutMs = 1000,
  ) {}

  probe(): Promise<StoreHealth> {
    const store = this.opsLog;
    if (!(store instanceof MongoOpsLogStore)) {
      return Promise.resolve({ status: 'disabled', detail: 'MONGO_URL not set; operational logs go to the service log' });
    }
    return timedProbe(this.timeoutMs, () => store.ping());
  }
}
