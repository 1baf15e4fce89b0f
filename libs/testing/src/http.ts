import type { SessionResponse } from '@app/contracts';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiCallOptions {
  /** Access token or API key, sent as `Authorization: Bearer`. */
  token?: string;
  /** API key sent as `X-API-Key`. */
  apiKey?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One JSON call to the gateway; never throws on an HTTP status (tests assert on it). */
export async function apiCall<T = unknown>(baseUrl: string, method: string, path: string, options: ApiCallOptions = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** Signs in over HTTP and returns the session (throws unless 200). */
export async function signIn(baseUrl: string, tenant: string, email: string, password: string): Promise<SessionResponse> {
  const answer = await apiCall<SessionResponse>(baseUrl, 'POST', '/api/v1/auth/login', { body: { tenant, email, password } });
  if (answer.status !== 200) throw new Error(`login of ${email}@${tenant} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
