import { hostname } from 'node:os';
import pino from 'pino';
import type { Logger, LoggerOptions } from 'pino';
import { currentContext } from '../context/request-context';

export type { Logger } from 'pino';

/** Paths whose values never reach a log line. */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'currentPassword',
  '*.currentPassword',
  'newPassword',
  '*.newPassword',
  'passwordHash',
  '*.passwordHash',
  'apiKey',
  '*.apiKey',
  'appKey',
  '*.appKey',
  'nwkKey',
  '*.nwkKey',
  'aesKey',
  '*.aesKey',
  'secret',
  '*.secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
];

export interface LoggerSettings {
  service: string;
  version: string;
  level: string;
  instance?: string;
  /** Defaults to stdout; tests pass a stream to capture lines. */
  destination?: pino.DestinationStream;
}

/**
 * JSON logs with service, version, instance and the correlation id of the current unit of work
 * (HTTP request, RPC call, job), taken from the async context on every line.
 */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: {
      service: settings.service,
      version: settings.version,
      instance: settings.instance ?? defaultInstanceId(),
    },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    mixin() {
      const context = currentContext();
      if (!context) return {};
      const { correlationId, origin, actor } = context;
      return actor ? { correlationId, origin, actor: `${actor.kind}:${actor.id}`, tenantId: actor.tenantId } : { correlationId, origin };
    },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

export function defaultInstanceId(): string {
  return `${hostname()}-${process.pid}`;
}
