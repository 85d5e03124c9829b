/** Reads an `AnalyticsFrame` from the live socket's JSON into what the overlay draws. */
import type { OverlayFrame, OverlayPose, OverlayTrack } from './analyticsBuffer';

type Json = Record<string, unknown>;

const num = (value: unknown, otherwise = 0): number => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : otherwise;
};

/** The frame in a server message's `analyticsFrame`; null when it is not a usable one. */
export function overlayFrame(message: Json): OverlayFrame | null {
  const frame = message.analyticsFrame as Json | undefined;
  if (!frame || typeof frame !== 'object') return null;
  const width = num(frame.frameWidth);
  const height = num(frame.frameHeight);
  if (width <= 0 || height <= 0) return null;
  const tracks: OverlayTrack[] = [];
  for (const raw of (frame.tracks as Json[] | undefined) ?? []) {
    const box = (raw.bbox as Json | undefined) ?? {};
    tracks.push({
      trackId: num(raw.trackId),
      box: { x: num(box.x), y: num(box.y), width: num(box.width), height: num(box.height) },
      speedMps: num(raw.speedMps),
      confirmed: raw.state === 'TRACK_STATE_CONFIRMED',
    });
  }
  const poses: OverlayPose[] = [];
  for (const raw of (frame.poses as Json[] | undefined) ?? []) {
    const keypoints = ((raw.keypoints as Json[] | undefined) ?? []).map(
      (k) => [num(k.x), num(k.y), num(k.visibility)] as [number, number, number],
    );
    if (keypoints.length === 33) poses.push({ trackId: num(raw.trackId), keypoints });
  }
  return { mediaTimeUs: num(frame.mediaTimeUs), width, height, tracks, poses };
}
