import { describe as suite, expect, it } from 'vitest';
import { describe, retryDelay } from './playerState';

suite('player state', () => {
  it('backs off from one second to at most ten', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('says what the viewer is waiting for and when it retries', () => {
    expect(describe({ kind: 'connecting', attempt: 1 })).toBe('Connecting…');
    expect(describe({ kind: 'connecting', attempt: 3 })).toBe('Reconnecting (attempt 3)…');
    expect(describe({ kind: 'starting' })).toBe('Connected, waiting for the first picture…');
    expect(describe({ kind: 'playing' })).toBe('Live');
    expect(describe({ kind: 'retrying', attempt: 2, reason: 'The connection dropped.', inMs: 1500 })).toBe(
      'The connection dropped. Trying again in 2 s.',
    );
    expect(describe({ kind: 'waiting', reason: 'This stream is not live right now.' })).toBe(
      'This stream is not live right now.',
    );
  });
});
