import type { FieldError } from '@contracts/errors';

/** Error for any HTTP answer the caller did not declare as data. `status` 0 means the request never got an answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
    /** The platform's error code (`UNAUTHENTICATED`, `VALIDATION_FAILED`, ...), when the body carries one. */
    readonly code?: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiRequestOptions {
  signal?: AbortSignal;
  /** Non-2xx statuses whose JSON body is a valid answer (e.g. 503 from the health endpoint). */
  acceptStatuses?: readonly number[];
  body?: unknown;
  /** Bearer token to send (the session layer passes the current access token). */
  accessToken?: string;
}

/** GET a JSON document from the gateway (`/api/v1/...`). Same origin: the gateway serves the console. */
export function apiGet<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  return apiRequest<T>('GET', path, options);
}

/** One JSON request to the gateway, without any session handling (see `authedRequest` for that). */
export async function apiRequest<T>(method: string, path: string, options: ApiRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.accessToken) headers.Authorization = `Bearer ${options.accessToken}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'The gateway cannot be reached');
  }

  const accepted = response.ok || (options.acceptStatuses ?? []).includes(response.status);
  const body = await readJson(response);
  if (!accepted) {
    const error = errorOf(body);
    throw new ApiError(response.status, error?.message ?? statusText(response), body, error?.code, error?.fields);
  }
  if (body === undefined) {
    throw new ApiError(response.status, `Expected JSON from ${path}`);
  }
  return body as T;
}

/**
 * One request with a raw body (e.g. FormData) whose answer is read by the caller (e.g. a file as a Blob).
 * A non-2xx answer throws ApiError with the platform's code and fields, like `apiRequest`.
 */
export async function apiFetch(method: string, path: string, options: { body?: BodyInit; accessToken?: string; signal?: AbortSignal; accept?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (options.accessToken) headers.Authorization = `Bearer ${options.accessToken}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', signal: options.signal, body: options.body });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'The gateway cannot be reached');
  }
  if (response.ok) return response;
  const body = await readJson(response);
  const error = errorOf(body);
  throw new ApiError(response.status, error?.message ?? statusText(response), body, error?.code, error?.fields);
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** The platform's error body: `{ error: { code, message, fields? } }`. */
function errorOf(body: unknown): { code?: string; message?: string; fields?: FieldError[] } | undefined {
  if (!body || typeof body !== 'object' || !('error' in body)) return undefined;
  const { error } = body as { error: unknown };
  if (!error || typeof error !== 'object') return undefined;
  const { code, message, fields } = error as { code?: unknown; message?: unknown; fields?: unknown };
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
    fields: Array.isArray(fields) ? (fields as FieldError[]) : undefined,
  };
}

function statusText(response: Response): string {
  return `${response.status} ${response.statusText || 'Request failed'}`.trim();
}
