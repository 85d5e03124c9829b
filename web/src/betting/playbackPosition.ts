/**
 * The media time of the frame on the viewer's screen, written by the overlay for every displayed
 * frame and read by the bet slip (a bet carries what its bettor had seen) and the countdowns.
 */
export interface PlaybackPosition {
  /** Media time in microseconds of the frame on screen, or null before the first mapped frame. */
  mediaTimeUs: number | null;
  /** Wall-clock ms when it was written. */
  at: number;
}

export function createPlaybackPosition(): PlaybackPosition {
  return { mediaTimeUs: null, at: 0 };
}

/** The displayed media time now, extrapolated from the last frame (the video plays at 1×). */
export function currentMediaTimeUs(position: PlaybackPosition, now: number): number | null {
  if (position.mediaTimeUs === null) return null;
  return position.mediaTimeUs + Math.max(0, Math.min(1000, now - position.at)) * 1000;
}
