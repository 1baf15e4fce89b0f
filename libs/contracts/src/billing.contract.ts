/**
 * Billing service contract. Pattern names are public wire API: `billing.<entity>.<verb>`.
 * Add and deprecate; never rename in place.
 */
import type { HealthRpc } from './contract';

export const BillingPatterns = {
  health: 'billing.health.check',
} as const;

export type BillingContract = {
  'billing.health.check': HealthRpc;
};
