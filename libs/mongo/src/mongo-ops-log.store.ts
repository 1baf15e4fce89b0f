import mongoose from 'mongoose';
import type { Connection, Model } from 'mongoose';
import { OPS_LOG_KINDS } from './ops-log';
import type { OpsLogEntry, OpsLogQuery, OpsLogStore } from './ops-log';

const schema = new mongoose.Schema<OpsLogEntry>(
  {
    kind: { type: String, enum: OPS_LOG_KINDS, required: true },
    tenantId: { type: String, index: true },
    service: { type: String, required: true },
    correlationId: { type: String, index: true },
    message: { type: String, required: true },
    data: { type: mongoose.Schema.Types.Mixed },
    at: { type: Date, required: true },
  },
  { collection: 'operational_logs', versionKey: false, minimize: false },
);
schema.index({ kind: 1, at: -1 });
/** Operational logs expire after 180 days. */
schema.index({ at: 1 }, { expireAfterSeconds: 180 * 24 * 3600 });

/** Operational log store on MongoDB through mongoose (its own connection, not the global one). */
export class MongoOpsLogStore implements OpsLogStore {
  readonly enabled = true;
  private readonly model: Model<OpsLogEntry>;

  private constructor(private readonly connection: Connection) {
    this.model = connection.model<OpsLogEntry>('OperationalLog', schema);
  }

  static async connect(url: string, timeoutMs = 5000): Promise<MongoOpsLogStore> {
    const connection = mongoose.createConnection(url, { serverSelectionTimeoutMS: timeoutMs });
    await connection.asPromise();
    const store = new MongoOpsLogStore(connection);
    await store.model.syncIndexes();
    return store;
  }

  async record(entry: OpsLogEntry): Promise<void> {
    await this.model.create(entry);
  }

  async find(query: OpsLogQuery): Promise<OpsLogEntry[]> {
    const filter: Record<string, string> = {};
    if (query.kind) filter.kind = query.kind;
    if (query.tenantId) filter.tenantId = query.tenantId;
    if (query.correlationId) filter.correlationId = query.correlationId;
    const rows = await this.model
      .find(filter, { _id: 0 })
      .sort({ at: -1 })
      .limit(Math.min(query.limit ?? 100, 1000))
      .lean<OpsLogEntry[]>();
    return rows;
  }

  async ping(): Promise<void> {
    const db = this.connection.db;
    if (!db) throw new Error('not connected');
    await db.admin().ping();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
