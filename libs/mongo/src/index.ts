export * from './fallback-ops-log.store';
export * from './mongo-ops-log.store';
export * from './mongo-probe';
export * from './mongo.module';
export * from './ops-log';
