export * from './data-source';
export * from './migrate';
export * from './postgres-probe';
export * from './postgres.module';
