/** The gateway resources the app polls, each a loader for {@link useLiveResource}. */
import { fetchJson, type FetchResult } from './fetchJson';
import {
  health,
  streamPage,
  streamSummary,
  systemInfo,
  type Health,
  type StreamPage,
  type StreamSummary,
  type SystemInfo,
} from './gateway';

export function loadStreams(signal: AbortSignal): Promise<FetchResult<StreamPage>> {
  return fetchJson({ path: '/api/streams', what: 'streams', decoder: streamPage }, signal);
}

export function loadHealth(signal: AbortSignal): Promise<FetchResult<Health>> {
  return fetchJson(
    { path: '/healthz', what: 'health', decoder: health, acceptStatus: (status) => status === 503 },
    signal,
  );
}

export function loadSystem(signal: AbortSignal): Promise<FetchResult<SystemInfo>> {
  return fetchJson({ path: '/api/system', what: 'system', decoder: systemInfo }, signal);
}

export function loadStream(id: string, signal: AbortSignal): Promise<FetchResult<StreamSummary>> {
  return fetchJson(
    { path: `/api/streams/${encodeURIComponent(id)}`, what: 'stream', decoder: streamSummary },
    signal,
  );
}
