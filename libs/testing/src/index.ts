export * from './browser';
export * from './http';
export * from './ports';
export * from './services';
export * from './stack';
