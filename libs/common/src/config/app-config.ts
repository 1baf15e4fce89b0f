/** DI token under which every app provides its parsed, validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** What every app's config has, whatever else its schema adds. */
export interface CoreConfig {
  NODE_ENV: 'development' | 'test' | 'production';
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  INSTANCE_ID?: string;
  REDIS_URL: string;
  RPC_TIMEOUT_MS: number;
  MONGO_URL?: string;
}
