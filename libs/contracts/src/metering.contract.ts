/**
 * Metering service contract. Pattern names are public wire API: `metering.<entity>.<verb>`.
 * Add and deprecate; never rename in place.
 */
import type { HealthRpc } from './contract';

export const MeteringPatterns = {
  health: 'metering.health.check',
} as const;

export type MeteringContract = {
  'metering.health.check': HealthRpc;
};
