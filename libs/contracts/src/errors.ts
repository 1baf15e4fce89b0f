/**
 * Domain error codes: the one vocabulary for failures across HTTP, RPC and jobs.
 * Wire names: add codes, never rename. HTTP status mapping lives in the gateway's error filter.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'RPC_TIMEOUT',
  'SERVICE_UNAVAILABLE',
  'DEPENDENCY_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the offending field, e.g. `meter.serial`. */
  field: string;
  message: string;
  /** Line of an imported file the error belongs to (header = 1). */
  line?: number;
}

/** What crosses the wire when an RPC handler fails. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  /** The service that raised it. */
  service?: string;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    isErrorCode((value as { code?: unknown }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/**
 * The one error type of domain and worker code. Carries a code; transports map codes to responses
 * (HTTP status, RPC error payload). Domain code never throws HTTP exceptions.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields?: FieldError[],
    public readonly service?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields?.length ? { fields: this.fields } : {}),
      ...(this.service ? { service: this.service } : {}),
    };
  }

  static fromPayload(payload: ErrorPayload): DomainError {
    return new DomainError(payload.code, payload.message, payload.fields, payload.service);
  }
}
