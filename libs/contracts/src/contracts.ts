import type { AnalyticsContract } from './analytics.contract';
import type { BillingContract } from './billing.contract';
import type { IngestContract } from './ingest.contract';
import type { MeteringContract } from './metering.contract';
import type { SystemContract } from './system.contract';

/** Service name -> its contract. The typed client is keyed by this map. */
export type Contracts = {
  system: SystemContract;
  metering: MeteringContract;
  billing: BillingContract;
  analytics: AnalyticsContract;
  ingest: IngestContract;
};
