import { currentMediaTimeUs, type PlaybackPosition } from './playbackPosition';

/**
 * Seconds left in a market's window, counted on the video's own clock (the media time on screen),
 * so it reaches zero when the viewer sees the window end.
 */
export function MarketCountdown({
  windowEndMediaTimeUs,
  position,
  now,
}: {
  windowEndMediaTimeUs: number | null;
  position: PlaybackPosition;
  now: number;
}) {
  const shown = currentMediaTimeUs(position, now);
  if (windowEndMediaTimeUs === null || shown === null) return null;
  const seconds = Math.max(0, Math.ceil((windowEndMediaTimeUs - shown) / 1_000_000));
  if (seconds > 600) return null;
  return (
    <span className="countdown" aria-label={`${seconds} seconds left`} data-seconds-left={seconds}>
      {seconds} s
    </span>
  );
}
