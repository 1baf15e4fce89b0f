/**
 * Analytics service contract. Pattern names are public wire API: `analytics.<entity>.<verb>`.
 * Add and deprecate; never rename in place.
 */
import type { HealthRpc } from './contract';

export const AnalyticsPatterns = {
  health: 'analytics.health.check',
} as const;

export type AnalyticsContract = {
  'analytics.health.check': HealthRpc;
};
