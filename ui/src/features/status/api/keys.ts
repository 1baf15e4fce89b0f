/** The one query-key factory of the status feature. */
export const statusKeys = {
  all: ['status'] as const,
  health: () => [...statusKeys.all, 'health'] as const,
  ingestStats: () => [...statusKeys.all, 'ingest-stats'] as const,
};
