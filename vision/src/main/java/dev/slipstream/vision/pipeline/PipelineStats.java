package dev.slipstream.vision.pipeline;

import java.util.Map;

/**
 * What a pipeline has done so far.
 *
 * @param offered frames offered to it
 * @param processed frames that produced an analytics frame
 * @param skipped frames let go without one, by reason (every reason present, most at 0)
 */
public record PipelineStats(long offered, long processed, Map<SkipReason, Long> skipped) {

  /** Copies the map so the snapshot cannot change. */
  public PipelineStats {
    skipped = Map.copyOf(skipped);
  }

  /** Returns all skipped frames, whatever the reason. */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Returns the frames skipped for {@code reason}. */
  public long skipped(SkipReason reason) {
    return skipped.getOrDefault(reason, 0L);
  }
}
