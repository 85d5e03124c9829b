/**
 * Fetches one JSON resource from the gateway and checks its shape.
 *
 * Every outcome is a value, not an exception: callers keep showing their last good data
 * when a request fails, so they need to know how it failed, not to unwind.
 */
import { ShapeError, type Decoder } from './decode';

export type FetchFailure =
  | { kind: 'unreachable'; message: string }
  | { kind: 'status'; status: number; message: string }
  | { kind: 'shape'; message: string };

export type FetchResult<T> = { ok: true; value: T } | { ok: false; failure: FetchFailure };

export interface JsonRequest<T> {
  /** Path on the gateway, such as `/api/streams`. */
  path: string;
  /** What the response is, used as the root of field paths in shape errors. */
  what: string;
  decoder: Decoder<T>;
  /** Statuses whose body is a normal answer; `/healthz` answers 503 with JSON when down. */
  acceptStatus?: (status: number) => boolean;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

/** Loads `request.path`, never throwing; a caller's abort ends it quietly as unreachable. */
export async function fetchJson<T>(
  request: JsonRequest<T>,
  signal: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<FetchResult<T>> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(request.path, {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.any([signal, timeout]),
    });
  } catch {
    const message = timeout.aborted
      ? `The server did not answer within ${timeoutMs >= 1000 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}.`
      : 'The server could not be reached.';
    return fail({ kind: 'unreachable', message });
  }

  const accepted = response.ok || (request.acceptStatus?.(response.status) ?? false);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (!accepted) return fail(statusFailure(response, undefined));
    return fail({ kind: 'shape', message: `The server's ${request.what} answer is not JSON.` });
  }
  if (!accepted) return fail(statusFailure(response, body));

  try {
    return { ok: true, value: request.decoder(body, request.what) };
  } catch (error) {
    if (error instanceof ShapeError) {
      return fail({ kind: 'shape', message: `Unexpected data from the server: ${error.message}.` });
    }
    throw error;
  }
}

function fail<T>(failure: FetchFailure): FetchResult<T> {
  return { ok: false, failure };
}

function statusFailure(response: Response, body: unknown): FetchFailure {
  const explanation = serverMessage(body);
  const base = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  return {
    kind: 'status',
    status: response.status,
    message: explanation ? `${base} ${explanation}` : base,
  };
}

/** The human sentence of a gateway error body (`{"code": …, "message": …}`), if any. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const message = (body as Record<string, unknown>)['message'];
  return typeof message === 'string' && message.trim() !== '' ? message.trim() : undefined;
}
