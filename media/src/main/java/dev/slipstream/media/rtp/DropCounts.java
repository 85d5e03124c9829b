package dev.slipstream.media.rtp;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts malformed packets by {@link DropReason}; safe to share between threads.
 *
 * <p>Parsers record here instead of throwing, so a flood of garbage costs an increment, not a stack
 * trace. Bind the counts to metrics with {@link #count(DropReason)}.
 */
public final class DropCounts {
  private final LongAdder[] counts = new LongAdder[DropReason.values().length];

  /** Creates counts that all start at zero. */
  public DropCounts() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  /** Records one packet dropped for {@code reason}. */
  public void record(DropReason reason) {
    counts[reason.ordinal()].increment();
  }

  /** Returns how many packets were dropped for {@code reason}. */
  public long count(DropReason reason) {
    return counts[reason.ordinal()].sum();
  }

  /** Returns how many packets were dropped for any reason. */
  public long total() {
    long total = 0;
    for (LongAdder count : counts) {
      total += count.sum();
    }
    return total;
  }
}
