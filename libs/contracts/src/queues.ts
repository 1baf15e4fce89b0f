/** BullMQ queue names. Wire names: add and deprecate, never rename in place. */
export const Queues = {
  /** Housekeeping jobs of the platform (diagnostics, retention). */
  platformMaintenance: 'platform.maintenance',
} as const;
export type QueueName = (typeof Queues)[keyof typeof Queues];
