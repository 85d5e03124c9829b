/**
 * A viewer's media clock: the server says which RTP timestamp *this* viewer receives for the
 * stream's media time zero (`GET …/whep/{session}/clock`), so the RTP timestamp of a displayed
 * frame (from `requestVideoFrameCallback`) names the media time its analytics are keyed by.
 */
export interface ViewerClock {
  clockRate: number;
  rtpTimestampAtZero: number;
}

const RTP_WRAP = 2 ** 32;

/** The media time in microseconds of a displayed frame's RTP timestamp. */
export function mediaTimeMicros(clock: ViewerClock, rtpTimestamp: number): number {
  const ticks = (((rtpTimestamp - clock.rtpTimestampAtZero) % RTP_WRAP) + RTP_WRAP) % RTP_WRAP;
  return Math.round((ticks * 1_000_000) / clock.clockRate);
}

/** Reads a viewer clock from the server's answer; null when it is not one. */
export function parseViewerClock(body: unknown): ViewerClock | null {
  if (typeof body !== 'object' || body === null) return null;
  const { clockRate, rtpTimestampAtZero } = body as Record<string, unknown>;
  if (typeof clockRate !== 'number' || clockRate <= 0) return null;
  if (typeof rtpTimestampAtZero !== 'number' || rtpTimestampAtZero < 0) return null;
  return { clockRate, rtpTimestampAtZero };
}
