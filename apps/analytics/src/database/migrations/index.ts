import { CreateAnalyticsSchema1764000000000 } from './1764000000000-CreateAnalyticsSchema';

/** Every migration of the analytics schema, in order. New migrations are appended here. */
export const ANALYTICS_MIGRATIONS = [CreateAnalyticsSchema1764000000000];
