package dev.slipstream.media.ingest;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an ingest listener has done since it started.
 *
 * @param sessions publishers that went live
 * @param rejections publishers turned away, by reason (every reason present, 0 when none)
 */
public record IngestCounts(long sessions, Map<IngestRejection, Long> rejections) {
  /** Copies the map. */
  public IngestCounts {
    EnumMap<IngestRejection, Long> all = new EnumMap<>(IngestRejection.class);
    for (IngestRejection reason : IngestRejection.values()) {
      all.put(reason, rejections.getOrDefault(reason, 0L));
    }
    rejections = Map.copyOf(all);
  }

  /** Returns how many publishers were turned away for {@code reason}. */
  public long rejected(IngestRejection reason) {
    return rejections.get(reason);
  }
}
