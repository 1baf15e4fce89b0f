/** Error for any HTTP answer the caller did not declare as data. `status` 0 means the request never got an answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiGetOptions {
  signal?: AbortSignal;
  /** Non-2xx statuses whose JSON body is a valid answer (e.g. 503 from the health endpoint). */
  acceptStatuses?: readonly number[];
}

/** GET a JSON document from the gateway (`/api/v1/...`). Same origin: the gateway serves the console. */
export async function apiGet<T>(path: string, options: ApiGetOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'The gateway cannot be reached');
  }

  const accepted = response.ok || (options.acceptStatuses ?? []).includes(response.status);
  const body = await readJson(response);
  if (!accepted) {
    throw new ApiError(response.status, errorMessage(response, body), body);
  }
  if (body === undefined) {
    throw new ApiError(response.status, `Expected JSON from ${path}`);
  }
  return body as T;
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

function errorMessage(response: Response, body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const { message } = body as { message: unknown };
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
  }
  return `${response.status} ${response.statusText || 'Request failed'}`.trim();
}
