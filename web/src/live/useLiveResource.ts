/**
 * Polls a gateway resource and keeps its {@link LiveState}.
 *
 * One request at a time: the next one is scheduled only after the previous one settles,
 * so a slow server is never flooded. Failures back off; coming back online or returning
 * to the tab refreshes at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FetchResult } from '../api/fetchJson';
import { initialLiveState, nextDelay, recordFailure, recordSuccess, type LiveState } from './liveState';

export type Loader<T> = (signal: AbortSignal) => Promise<FetchResult<T>>;

export interface LiveResource<T> {
  state: LiveState<T>;
  /** Refreshes now instead of waiting for the next scheduled poll. */
  refresh: () => void;
}

/**
 * Polls `load` every `intervalMs`. A `seed` (what the server rendered into the page) is shown
 * from the first render, dated when it arrived, and replaced by the first poll.
 */
export function useLiveResource<T>(
  load: Loader<T>,
  intervalMs: number,
  clock: () => number = Date.now,
  seed?: { readonly value: T; readonly at: number },
): LiveResource<T> {
  const [state, setState] = useState<LiveState<T>>(() =>
    seed ? recordSuccess(seed.value, seed.at) : initialLiveState<T>(),
  );
  const refreshRef = useRef<() => void>(() => {});

  useEffect(() => {
    const lifetime = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;
    let failedAttempts = 0;

    const poll = async () => {
      if (inFlight || lifetime.signal.aborted) return;
      clearTimeout(timer);
      inFlight = true;
      const result = await load(lifetime.signal);
      inFlight = false;
      if (lifetime.signal.aborted) return;
      if (result.ok) {
        failedAttempts = 0;
        setState(recordSuccess(result.value, clock()));
      } else {
        failedAttempts += 1;
        setState((previous) => recordFailure(previous, result.failure));
      }
      timer = setTimeout(() => void poll(), nextDelay(intervalMs, failedAttempts));
    };

    const refreshIfVisible = () => {
      if (document.visibilityState === 'visible') void poll();
    };
    refreshRef.current = () => void poll();
    window.addEventListener('online', refreshIfVisible);
    document.addEventListener('visibilitychange', refreshIfVisible);
    void poll();

    return () => {
      lifetime.abort();
      clearTimeout(timer);
      window.removeEventListener('online', refreshIfVisible);
      document.removeEventListener('visibilitychange', refreshIfVisible);
    };
  }, [load, intervalMs, clock]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { state, refresh };
}

/** The current time, re-read every `everyMs` so age-based labels stay true. */
export function useNow(everyMs = 1000, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, clock]);
  return now;
}
