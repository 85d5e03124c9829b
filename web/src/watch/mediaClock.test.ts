import { describe, expect, it } from 'vitest';
import { mediaTimeMicros, parseViewerClock } from './mediaClock';

describe('viewer media clock', () => {
  const clock = { clockRate: 90_000, rtpTimestampAtZero: 4_294_000_000 };

  it('turns a displayed frame’s RTP timestamp into media time, across the 32-bit wrap', () => {
    expect(mediaTimeMicros(clock, 4_294_000_000)).toBe(0);
    expect(mediaTimeMicros(clock, 4_294_090_000)).toBe(1_000_000);
    // 967,296 ticks to the wrap, then 32,704 more: 1,000,000 ticks = 11.111 s.
    expect(mediaTimeMicros(clock, 32_704)).toBe(11_111_111);
  });

  it('refuses an answer that is not a clock', () => {
    expect(parseViewerClock({ clockRate: 90_000, rtpTimestampAtZero: 5 })).toEqual({ clockRate: 90_000, rtpTimestampAtZero: 5 });
    expect(parseViewerClock({ clockRate: 0, rtpTimestampAtZero: 5 })).toBeNull();
    expect(parseViewerClock({ code: 'clock_not_ready' })).toBeNull();
    expect(parseViewerClock(null)).toBeNull();
  });
});
