import { describe, expect, it } from 'vitest';
import { AdaptivePlayoutDelay } from './playoutDelay';

/** Analytics frames every 66 ms, each arriving while the video (with the current delay) is `leadMs` ahead of it without delay. */
function feed(delay: AdaptivePlayoutDelay, leadMs: number, frames: number, startMs: number): number {
  let now = startMs;
  for (let i = 0; i < frames; i++) {
    const frameUs = (now - 5000) * 1000;
    const shownUs = frameUs + (leadMs - delay.target) * 1000;
    delay.record(frameUs, shownUs, now);
    now += 66;
  }
  return now;
}

describe('the adaptive playout delay', () => {
  it('grows to cover analytics that arrive late, plus one analytics interval', () => {
    const delay = new AdaptivePlayoutDelay(100);
    feed(delay, 180, 60, 10_000);
    expect(delay.target).toBeGreaterThanOrEqual(180 + 66);
    expect(delay.target).toBeLessThanOrEqual(180 + 66 + 30 + 20 + 20);
  });

  it('comes down slowly, in steps, once the analytics arrive earlier', () => {
    const delay = new AdaptivePlayoutDelay(100);
    let now = feed(delay, 300, 60, 10_000);
    const high = delay.target;
    now = feed(delay, 50, 30, now);
    expect(delay.target).toBeGreaterThanOrEqual(high - 20);
    feed(delay, 50, 1500, now);
    expect(delay.target).toBeLessThan(high);
    expect(delay.target).toBeGreaterThanOrEqual(50 + 66);
  });

  it('never asks for more than a second', () => {
    const delay = new AdaptivePlayoutDelay(100);
    feed(delay, 5000, 60, 10_000);
    expect(delay.target).toBe(1000);
  });
});
