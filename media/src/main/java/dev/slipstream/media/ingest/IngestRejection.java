package dev.slipstream.media.ingest;

/** Why an ingest listener or a file source turned a publisher or an input away. */
public enum IngestRejection {
  /** The stream key (RTMP) or stream id (SRT) belongs to no stream. */
  WRONG_KEY,
  /** The stream exists but cannot go live: it has ended, or another publisher is on it. */
  STREAM_UNAVAILABLE,
  /** The media cannot be forwarded: not H.264, B-frames, an unknown profile, no video. */
  UNSUPPORTED_MEDIA,
  /** FFmpeg could not read it: a broken handshake, a truncated or corrupt file. */
  BROKEN_INPUT
}
