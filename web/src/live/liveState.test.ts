import { describe, expect, it } from 'vitest';
import type { FetchFailure } from '../api/fetchJson';
import { freshness, initialLiveState, nextDelay, recordFailure, recordSuccess } from './liveState';

const unreachable: FetchFailure = { kind: 'unreachable', message: 'The server could not be reached.' };
const T0 = Date.parse('2026-11-24T10:00:00Z');
const STALE_AFTER = 10_000;

describe('live data freshness', () => {
  it('is loading before the first answer', () => {
    expect(freshness(initialLiveState(), T0, STALE_AFTER)).toEqual({ kind: 'loading' });
  });

  it('is a plain failure when the first request fails, with nothing to show', () => {
    const state = recordFailure(initialLiveState<string[]>(), unreachable);
    expect(freshness(state, T0, STALE_AFTER)).toEqual({ kind: 'failed', reason: unreachable.message });
    expect(state.data).toBeUndefined();
  });

  it('is fresh right after a successful update', () => {
    const state = recordSuccess(['a'], T0);
    expect(freshness(state, T0 + 1000, STALE_AFTER)).toEqual({ kind: 'fresh', updatedAt: T0 });
  });

  it('keeps the last data and its time when a refresh fails, marked stale with the reason', () => {
    const state = recordFailure(recordSuccess(['a'], T0), unreachable);
    expect(state.data).toEqual(['a']);
    expect(freshness(state, T0 + 1000, STALE_AFTER)).toEqual({
      kind: 'stale',
      updatedAt: T0,
      reason: unreachable.message,
    });
  });

  it('turns stale when no update has arrived for too long, even without a failure', () => {
    const state = recordSuccess(['a'], T0);
    expect(freshness(state, T0 + STALE_AFTER, STALE_AFTER).kind).toBe('fresh');
    expect(freshness(state, T0 + STALE_AFTER + 1, STALE_AFTER)).toEqual({
      kind: 'stale',
      updatedAt: T0,
      reason: 'No update has arrived recently.',
    });
  });

  it('recovers to fresh on the next success and forgets the failures', () => {
    const failing = recordFailure(recordFailure(recordSuccess(['a'], T0), unreachable), unreachable);
    expect(failing.failedAttempts).toBe(2);
    const recovered = recordSuccess(['a', 'b'], T0 + 30_000);
    expect(recovered.failedAttempts).toBe(0);
    expect(freshness(recovered, T0 + 30_000, STALE_AFTER)).toEqual({ kind: 'fresh', updatedAt: T0 + 30_000 });
  });
});

describe('retry delay', () => {
  it('is the poll interval while requests succeed', () => {
    expect(nextDelay(3000, 0)).toBe(3000);
  });

  it('doubles with each failure up to the cap, so a down server is not hammered', () => {
    expect([1, 2, 3, 4, 5, 50].map((failures) => nextDelay(3000, failures))).toEqual([
      3000, 6000, 12_000, 15_000, 15_000, 15_000,
    ]);
  });

  it('never drops below the poll interval when the interval exceeds the cap', () => {
    expect(nextDelay(20_000, 3)).toBe(20_000);
  });
});
