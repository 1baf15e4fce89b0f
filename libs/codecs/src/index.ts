export * from './errors';
export * from './reader';
export * from './registry';
export * from './types';
