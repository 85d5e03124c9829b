/**
 * Calls a gateway route that changes something (or needs the session) and reads its answer.
 *
 * Every outcome is a value: `{ ok: true, value }` or `{ ok: false, code, message }` with the
 * problem's machine-readable `code` (problem+json) so pages can say exactly what went wrong.
 * Unsafe requests repeat the CSRF cookie; a 401 on a cookie session tries one refresh first.
 */
import { ShapeError, type Decoder } from './decode';

export type ApiResult<T> =
  | { ok: true; status: number; value: T }
  | { ok: false; status: number; code: string; message: string };

export interface ApiRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Decodes a successful answer; without one the answer's JSON is returned unchecked. */
  decoder?: Decoder<T>;
  idempotencyKey?: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 8000;

export async function callApi<T>(request: ApiRequest<T>, fetchImpl: typeof fetch = fetch): Promise<ApiResult<T>> {
  const first = await send(request, fetchImpl);
  if (first.ok || first.status !== 401 || request.path.startsWith('/api/auth/')) return first;
  if (!(await refreshSession(fetchImpl))) return first;
  return send(request, fetchImpl);
}

/** Renews the cookie session's access token with its refresh token; true when it worked. */
export async function refreshSession(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  if (csrfCookie() === null) return false;
  const result = await send({ method: 'POST', path: '/api/auth/refresh', body: {} }, fetchImpl);
  return result.ok;
}

async function send<T>(request: ApiRequest<T>, fetchImpl: typeof fetch): Promise<ApiResult<T>> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
  const csrf = csrfCookie();
  if (method !== 'GET' && csrf !== null) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetchImpl(request.path, {
      method,
      headers,
      cache: 'no-store',
      credentials: 'same-origin',
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, status: 0, code: 'unreachable', message: 'The server could not be reached.' };
  }
  const text = await response.text().catch(() => '');
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) return problem(response.status, body);
  if (!request.decoder) return { ok: true, status: response.status, value: body as T };
  try {
    return { ok: true, status: response.status, value: request.decoder(body, request.path) };
  } catch (error) {
    if (error instanceof ShapeError) {
      return { ok: false, status: response.status, code: 'malformed_answer', message: `Unexpected data from the server: ${error.message}.` };
    }
    throw error;
  }
}

function problem(status: number, body: unknown): ApiResult<never> {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof fields['code'] === 'string' ? fields['code'] : `http_${status}`;
  const detail = [fields['detail'], fields['message'], fields['title']].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  return { ok: false, status, code, message: detail ?? `The server answered ${status}.` };
}

/** The readable CSRF cookie of a cookie session, or null when there is no session. */
export function csrfCookie(cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'slipstream_csrf' && value.join('=') !== '') return decodeURIComponent(value.join('='));
  }
  return null;
}

/** A fresh idempotency key. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
