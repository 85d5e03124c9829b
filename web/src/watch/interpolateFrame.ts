/**
 * The analytics at a displayed media time that falls between two analytics frames: vision runs at
 * 15 fps while the video shows 25-30, so each box is moved linearly from where it was in the frame
 * before to where it is in the frame after. A track in only one of the two frames is drawn where
 * that frame has it; frames too far apart (a gap in the analytics) are not bridged.
 */
import type { OverlayFrame, OverlayTrack } from './analyticsBuffer';

/** Frames further apart than this are a gap, not a step: no interpolation across it. */
export const MAX_GAP_US = 400_000;

export function interpolateFrame(before: OverlayFrame, after: OverlayFrame | null, atUs: number): OverlayFrame {
  if (!after || after.mediaTimeUs <= before.mediaTimeUs || after.mediaTimeUs - before.mediaTimeUs > MAX_GAP_US) {
    return before;
  }
  const f = Math.min(1, Math.max(0, (atUs - before.mediaTimeUs) / (after.mediaTimeUs - before.mediaTimeUs)));
  const scaleX = before.width / after.width;
  const scaleY = before.height / after.height;
  const next = new Map(after.tracks.map((t) => [t.trackId, t] as const));
  const tracks: OverlayTrack[] = before.tracks.map((track) => {
    const later = next.get(track.trackId);
    if (!later) return track;
    const lerp = (a: number, b: number) => a + (b - a) * f;
    return {
      ...track,
      box: {
        x: lerp(track.box.x, later.box.x * scaleX),
        y: lerp(track.box.y, later.box.y * scaleY),
        width: lerp(track.box.width, later.box.width * scaleX),
        height: lerp(track.box.height, later.box.height * scaleY),
      },
      speedMps: lerp(track.speedMps, later.speedMps),
      confirmed: track.confirmed || later.confirmed,
    };
  });
  return { ...before, mediaTimeUs: atUs, tracks };
}
