import type { Logger } from 'pino';
import { DomainError } from '@app/contracts';
import type { OpsLogEntry, OpsLogQuery, OpsLogStore } from './ops-log';

/**
 * Used when MONGO_URL is not set: every entry goes to the JSON log (so nothing is lost from view),
 * and queries answer SERVICE_UNAVAILABLE instead of pretending there is nothing.
 */
export class LogLineOpsLogStore implements OpsLogStore {
  readonly enabled = false;

  constructor(private readonly logger: Logger) {}

  async record(entry: OpsLogEntry): Promise<void> {
    this.logger.info({ opsLog: { ...entry, at: entry.at.toISOString() } }, `ops-log ${entry.kind}: ${entry.message}`);
  }

  async find(_query: OpsLogQuery): Promise<OpsLogEntry[]> {
    throw new DomainError(
      'SERVICE_UNAVAILABLE',
      'Operational log store is disabled (MONGO_URL not set); entries are written to the service log instead',
    );
  }

  async close(): Promise<void> {}
}
