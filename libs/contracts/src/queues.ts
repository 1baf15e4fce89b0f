/** BullMQ queue names. Wire names: add and deprecate, never rename in place. */
export const Queues = {
  /** Housekeeping jobs of the platform (diagnostics, retention). */
  platformMaintenance: 'platform.maintenance',
  /** ChirpStack provisioning of imported (and left `pending`) LoRaWAN meters, by the system service. */
  meterProvisioning: 'system.meter-provisioning',
} as const;
export type QueueName = (typeof Queues)[keyof typeof Queues];
