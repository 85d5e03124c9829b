import { describe, expect, it } from 'vitest';
import type { OverlayFrame } from './analyticsBuffer';
import { interpolateFrame, MAX_GAP_US } from './interpolateFrame';

function frame(mediaTimeUs: number, x: number, trackId = 1): OverlayFrame {
  return {
    mediaTimeUs,
    width: 640,
    height: 360,
    tracks: [{ trackId, box: { x, y: 100, width: 40, height: 80 }, speedMps: x / 10, confirmed: true }],
    poses: [],
  };
}

describe('interpolating analytics between frames', () => {
  it('moves a box linearly between the frames on either side of the displayed time', () => {
    const drawn = interpolateFrame(frame(1_000_000, 100), frame(1_066_000, 166), 1_033_000);
    expect(drawn.tracks[0]?.box.x).toBeCloseTo(133, 5);
    expect(drawn.tracks[0]?.speedMps).toBeCloseTo(13.3, 5);
  });

  it('draws the earlier frame as it is when no later frame has arrived', () => {
    const before = frame(1_000_000, 100);
    expect(interpolateFrame(before, null, 1_050_000)).toBe(before);
  });

  it('does not bridge a gap in the analytics', () => {
    const before = frame(1_000_000, 100);
    expect(interpolateFrame(before, frame(1_000_000 + MAX_GAP_US + 1, 300), 1_100_000)).toBe(before);
  });

  it('keeps a track that the later frame lost where it was', () => {
    const drawn = interpolateFrame(frame(1_000_000, 100, 1), frame(1_066_000, 200, 2), 1_033_000);
    expect(drawn.tracks[0]?.box.x).toBe(100);
  });
});
