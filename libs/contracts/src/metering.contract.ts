/**
 * Metering service contract. Pattern names are public wire API: `metering.<entity>.<verb>`.
 * Add and deprecate; never rename in place.
 */
import type { HealthRpc, Rpc } from './contract';

export const MeteringPatterns = {
  health: 'metering.health.check',
  jobRoundTrip: 'metering.diagnostics.job-roundtrip',
} as const;

export interface JobRoundTripRequest {
  timeoutMs?: number;
}

/** Outcome of a job sent through the maintenance queue and run by a metering worker. */
export interface JobRoundTripResult {
  queue: string;
  jobId: string;
  /** Correlation id stamped on the job when it was enqueued. */
  correlationId: string;
  /** Correlation id the worker saw in its context while running the job. */
  workerCorrelationId: string;
  workerInstance: string;
  latencyMs: number;
}

export type MeteringContract = {
  'metering.health.check': HealthRpc;
  'metering.diagnostics.job-roundtrip': Rpc<JobRoundTripRequest, JobRoundTripResult>;
};
