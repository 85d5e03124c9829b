import { describe, expect, it } from 'vitest';
import { fetchJson, type FetchResult } from './fetchJson';
import { health, streamPage } from './gateway';

/** A hand-written fake of `fetch` that answers every request with one canned response. */
function answering(status: number, body: string): typeof fetch {
  return async () => new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

const unreachable: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

function load<T>(request: Parameters<typeof fetchJson<T>>[0], fake: typeof fetch): Promise<FetchResult<T>> {
  return fetchJson(request, new AbortController().signal, fake);
}

const streams = { path: '/api/streams', what: 'streams', decoder: streamPage };

describe('fetching JSON from the gateway', () => {
  it('returns the decoded value of a well-formed answer', async () => {
    const result = await load(streams, answering(200, '{"items":[],"nextCursor":null}'));
    expect(result).toEqual({ ok: true, value: { items: [], nextCursor: null } });
  });

  it('reports an unreachable server without throwing', async () => {
    const result = await load(streams, unreachable);
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'unreachable', message: 'The server could not be reached.' },
    });
  });

  it('passes on the human sentence of an error answer', async () => {
    const result = await load(streams, answering(500, '{"code":"internal","message":"The database is restarting."}'));
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'status', status: 500, message: 'The server answered 500. The database is restarting.' },
    });
  });

  it('reports a malformed answer as a shape error naming the field', async () => {
    const result = await load(streams, answering(200, '{"items":{}}'));
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'shape', message: 'Unexpected data from the server: streams.items: expected an array, got an object.' },
    });
  });

  it('reports an answer that is not JSON', async () => {
    const result = await load(streams, answering(200, '<html>'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure.message).toBe("The server's streams answer is not JSON.");
  });

  it('reads the body of a 503 health answer as data, because a down server still explains itself', async () => {
    const body = '{"status":"DOWN","checks":{"database":{"up":false,"detail":"refused"}}}';
    const request = { path: '/healthz', what: 'health', decoder: health, acceptStatus: (s: number) => s === 503 };
    const result = await load(request, answering(503, body));
    expect(result.ok && result.value.status).toBe('DOWN');
  });

  it('gives up on a server that does not answer in time', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const result = await load({ ...streams, timeoutMs: 20 }, hanging);
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'unreachable', message: 'The server did not answer within 20 ms.' },
    });
  });
});
