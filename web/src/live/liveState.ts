/**
 * What the app knows about one polled resource, and how fresh that knowledge is.
 *
 * The rule: a failed refresh never throws away data. The last good value stays on screen,
 * marked stale with the time it was fetched, until a later refresh succeeds.
 */
import type { FetchFailure } from '../api/fetchJson';

export interface LiveState<T> {
  /** The last value that arrived with a valid shape, if any ever did. */
  readonly data: T | undefined;
  /** When `data` arrived, in epoch milliseconds. */
  readonly updatedAt: number | undefined;
  /** Why the latest attempt failed; cleared by the next success. */
  readonly failure: FetchFailure | undefined;
  /** Failed attempts since the last success, for back-off. */
  readonly failedAttempts: number;
}

export type Freshness =
  | { kind: 'loading' }
  | { kind: 'fresh'; updatedAt: number }
  | { kind: 'stale'; updatedAt: number; reason: string }
  | { kind: 'failed'; reason: string };

export function initialLiveState<T>(): LiveState<T> {
  return { data: undefined, updatedAt: undefined, failure: undefined, failedAttempts: 0 };
}

export function recordSuccess<T>(data: T, at: number): LiveState<T> {
  return { data, updatedAt: at, failure: undefined, failedAttempts: 0 };
}

export function recordFailure<T>(state: LiveState<T>, failure: FetchFailure): LiveState<T> {
  return { ...state, failure, failedAttempts: state.failedAttempts + 1 };
}

/**
 * Classifies `state` at time `now`. Data is stale when the latest attempt failed, or when no
 * refresh has succeeded for `staleAfterMs` (a request that hangs is caught here too).
 */
export function freshness<T>(state: LiveState<T>, now: number, staleAfterMs: number): Freshness {
  if (state.updatedAt === undefined) {
    return state.failure ? { kind: 'failed', reason: state.failure.message } : { kind: 'loading' };
  }
  if (state.failure) {
    return { kind: 'stale', updatedAt: state.updatedAt, reason: state.failure.message };
  }
  if (now - state.updatedAt > staleAfterMs) {
    return { kind: 'stale', updatedAt: state.updatedAt, reason: 'No update has arrived recently.' };
  }
  return { kind: 'fresh', updatedAt: state.updatedAt };
}

/** Milliseconds before the next attempt: the poll interval, doubled per failure up to `maxMs`. */
export function nextDelay(intervalMs: number, failedAttempts: number, maxMs = 15_000): number {
  if (failedAttempts <= 0) return intervalMs;
  const backedOff = intervalMs * 2 ** Math.min(failedAttempts - 1, 10);
  return Math.max(intervalMs, Math.min(backedOff, maxMs));
}
