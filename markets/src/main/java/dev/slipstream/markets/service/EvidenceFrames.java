package dev.slipstream.markets.service;

import java.util.List;

/**
 * Where settlement finds thumbnails of a stream's picture around a media time (the composition root
 * keeps a short ring of them from a low-rate decode tap).
 */
@FunctionalInterface
public interface EvidenceFrames {
  /** One JPEG thumbnail and the media time of its frame. */
  record Frame(long mediaTimeUs, byte[] jpeg) {}

  /**
   * Returns up to {@code count} thumbnails of {@code streamId} nearest {@code mediaTimeUs}, spread
   * before and after it, in media-time order; empty when none are kept.
   */
  List<Frame> around(String streamId, long mediaTimeUs, int count);

  /** Keeps no pictures. */
  EvidenceFrames NONE = (streamId, mediaTimeUs, count) -> List.of();
}
