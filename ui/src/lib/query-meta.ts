import '@tanstack/react-query';

/** Per-query options read by the central QueryCache handlers in main.tsx. */
export interface AppQueryMeta extends Record<string, unknown> {
  /** false: the query's own UI shows its error (e.g. the status page), so the central toast stays quiet. */
  errorToast?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: AppQueryMeta;
    mutationMeta: AppQueryMeta;
  }
}
