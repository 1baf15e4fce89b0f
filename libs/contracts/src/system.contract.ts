/**
 * System service contract. Pattern names are public wire API: `system.<entity>.<verb>`.
 * Add and deprecate; never rename in place.
 */
import type { HealthRpc } from './contract';

export const SystemPatterns = {
  health: 'system.health.check',
} as const;

export type SystemContract = {
  'system.health.check': HealthRpc;
};
