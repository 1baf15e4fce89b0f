/**
 * Ingest service contract. Pattern names are public wire API: `ingest.<entity>.<verb>`.
 * Add and deprecate; never rename in place.
 */
import type { HealthRpc } from './contract';

export const IngestPatterns = {
  health: 'ingest.health.check',
} as const;

export type IngestContract = {
  'ingest.health.check': HealthRpc;
};
