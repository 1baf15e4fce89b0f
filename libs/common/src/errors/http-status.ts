import type { ErrorCode } from '@app/contracts';

/** The one mapping from domain error codes to HTTP statuses. Exhaustive: a new code must be placed. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNPROCESSABLE':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'DEPENDENCY_FAILED':
      return 502;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'RPC_TIMEOUT':
      return 504;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** Inverse direction, for HTTP exceptions raised by the framework itself (404 route, 413 body). */
export function errorCodeOfHttpStatus(status: number): ErrorCode {
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 400 || status === 415 || status === 422) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404 || status === 405) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status === 504) return 'RPC_TIMEOUT';
  return 'INTERNAL';
}
