export * from './errors';
export * from './mbus';
export * from './reader';
export * from './registry';
export * from './types';
export * from './wmbus';
