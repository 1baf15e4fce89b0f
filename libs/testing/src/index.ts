export * from './browser';
export * from './ports';
export * from './services';
export * from './stack';
