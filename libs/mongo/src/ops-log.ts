/**
 * Operational logs: processing metadata that operators look at after the fact (job runs, import
 * reports, dead letters, service events). Stored in MongoDB when configured.
 */
export const OPS_LOG_KINDS = ['job_run', 'import_report', 'dead_letter', 'service_event'] as const;
export type OpsLogKind = (typeof OPS_LOG_KINDS)[number];

export interface OpsLogEntry {
  kind: OpsLogKind;
  tenantId?: string;
  service: string;
  correlationId?: string;
  message: string;
  data?: Record<string, unknown>;
  at: Date;
}

export interface OpsLogQuery {
  kind?: OpsLogKind;
  tenantId?: string;
  correlationId?: string;
  limit?: number;
}

/** Where operational logs go. `enabled` is false for the fallback sink (no MongoDB configured). */
export interface OpsLogStore {
  readonly enabled: boolean;
  record(entry: OpsLogEntry): Promise<void>;
  find(query: OpsLogQuery): Promise<OpsLogEntry[]>;
  close(): Promise<void>;
}
