import { z } from 'zod';
import { coreVariables, postgresVariables, clickhouseVariables, loadConfigOrExit } from '@app/common';

/** Environment of the analytics service, validated at boot. */
export const analyticsConfigSchema = z.object({
  ...coreVariables,
  ...postgresVariables,
  ...clickhouseVariables,
});
export type AnalyticsConfig = z.infer<typeof analyticsConfigSchema>;

/** The only place the analytics service reads the process environment. */
export function loadAnalyticsConfig(): AnalyticsConfig {
  return loadConfigOrExit('analytics', analyticsConfigSchema, process.env);
}
