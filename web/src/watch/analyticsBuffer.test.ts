import { describe, expect, it } from 'vitest';
import { AnalyticsBuffer, type OverlayFrame } from './analyticsBuffer';

const frame = (t: number, x = 10): OverlayFrame => ({
  mediaTimeUs: t,
  width: 640,
  height: 360,
  tracks: [{ trackId: 1, box: { x, y: 100, width: 20, height: 50 }, speedMps: 8, confirmed: true }],
  poses: [],
});

describe('analytics buffer', () => {
  it('finds the newest analytics at or before the displayed frame, within tolerance', () => {
    const buffer = new AnalyticsBuffer();
    buffer.add(frame(0));
    buffer.add(frame(133_333));
    buffer.add(frame(66_667));
    expect(buffer.at(100_000, 70_000)?.mediaTimeUs).toBe(66_667);
    expect(buffer.at(133_333, 70_000)?.mediaTimeUs).toBe(133_333);
    expect(buffer.at(500_000, 70_000)).toBeNull();
    expect(buffer.at(-1, 70_000)).toBeNull();
  });

  it('keeps five seconds and follows a track’s feet for a trail', () => {
    const buffer = new AnalyticsBuffer();
    for (let t = 0; t <= 10_000_000; t += 100_000) buffer.add(frame(t, t / 100_000));
    expect(buffer.size).toBe(51);
    const trail = buffer.trail(1, 10_000_000, 300_000);
    expect(trail).toEqual([
      [107, 150],
      [108, 150],
      [109, 150],
      [110, 150],
    ]);
  });
});
