import { z } from 'zod';

/**
 * Building blocks of every app's environment schema. Defaults work on a development machine
 * (services on 127.0.0.1, the Debian packages' default ports). Secrets are listed in SECRET_VARIABLES
 * and never logged.
 */
const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL with scheme ${protocols.map((p) => p.replace(':', '://')).join(' or ')}` },
  );

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

export const SECRET_VARIABLES = [
  'DATABASE_URL',
  'REDIS_URL',
  'CLICKHOUSE_PASSWORD',
  'MQTT_PASSWORD',
  'MONGO_URL',
  'JWT_SECRET',
  'SECRETS_KEY',
  'CHIRPSTACK_API_TOKEN',
  'DEMO_PASSWORD',
] as const;

export const coreVariables = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Distinguishes instances of one service (defaults to host name + pid). */
  INSTANCE_ID: z.string().max(100).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  RPC_TIMEOUT_MS: positiveInt.max(120_000).default(5000),
  MONGO_URL: url(['mongodb:', 'mongodb+srv:']).optional(),
};

export const postgresVariables = {
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/headend'),
};

export const clickhouseVariables = {
  CLICKHOUSE_URL: url(['http:', 'https:']).default('http://127.0.0.1:8123'),
  CLICKHOUSE_DB: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'must be a plain identifier')
    .default('headend'),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
};

export const mqttVariables = {
  MQTT_URL: url(['mqtt:', 'mqtts:', 'tcp:', 'ssl:', 'ws:', 'wss:']).default('mqtt://127.0.0.1:1883'),
  MQTT_USERNAME: z.string().optional(),
  MQTT_PASSWORD: z.string().optional(),
};

export const gatewayVariables = {
  GATEWAY_PORT: port.default(3000),
  GATEWAY_HOST: z.string().default('0.0.0.0'),
  HEALTH_TIMEOUT_MS: positiveInt.max(30_000).default(1500),
  /** Directory of the built console (Vite output). Empty = do not serve the UI. */
  UI_DIST: z.string().default('ui/dist'),
  /** Largest import file (CSV or XLSX) the gateway accepts, in bytes; larger answers 413. 32 MiB holds well over 100,000 meters. */
  IMPORT_MAX_BYTES: positiveInt.default(33_554_432),
};

/** Used only outside production, so a development machine starts without a .env; production refuses it. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-never-use-in-production';

export const authVariables = {
  /** Signs and verifies access tokens (HS256); shared by the gateway and the system service. A secret. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_JWT_SECRET),
};

/** Used only outside production, like DEVELOPMENT_JWT_SECRET: device keys encrypted with it are not protected. */
export const DEVELOPMENT_SECRETS_KEY = '0'.repeat(62) + 'de';

export const secretsKeyVariables = {
  /** AES-256-GCM key (64 hex characters) that encrypts device keys at rest. A secret. */
  SECRETS_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (openssl rand -hex 32)')
    .default(DEVELOPMENT_SECRETS_KEY),
};

/**
 * Adds the production rule of `secretsKeyVariables`: SECRETS_KEY must be set (not the development
 * default) when NODE_ENV=production.
 */
export function withProductionSecretsKey<S extends z.ZodObject>(schema: S): S {
  return schema.refine(
    (value: Record<string, unknown>) => !(value.NODE_ENV === 'production' && value.SECRETS_KEY === DEVELOPMENT_SECRETS_KEY),
    { path: ['SECRETS_KEY'], message: 'required when NODE_ENV=production (openssl rand -hex 32)', when: () => true },
  );
}

/**
 * Adds the production rule of `authVariables` to an app's schema: JWT_SECRET must be set (not the
 * development default) when NODE_ENV=production. Reported together with every other bad variable.
 */
export function withProductionSecrets<S extends z.ZodObject>(schema: S): S {
  return schema.refine(
    (value: Record<string, unknown>) => !(value.NODE_ENV === 'production' && value.JWT_SECRET === DEVELOPMENT_JWT_SECRET),
    { path: ['JWT_SECRET'], message: 'required when NODE_ENV=production (openssl rand -hex 32)', when: () => true },
  );
}

export type SecretVariable = (typeof SECRET_VARIABLES)[number];

/** A copy of the config safe to log: secret values replaced, credentials stripped from URLs. */
export function redactConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if ((SECRET_VARIABLES as readonly string[]).includes(key) && value !== undefined && value !== '') {
      out[key] = typeof value === 'string' && /^[a-z+]+:\/\//.test(value) ? redactUrl(value) : '[secret]';
    } else {
      out[key] = value;
    }
  }
  return out;
}

function redactUrl(value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[secret]';
  }
}
