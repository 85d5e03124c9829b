package dev.slipstream.media.rtp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers which packets of one source are missing and when each was last asked for.
 *
 * <p>Losses are rare, so a sorted map keyed by extended sequence number is plenty; it never grows
 * past the policy's {@code maxMissing}. A jump of more than {@link #MAX_DROPOUT} packets is taken
 * as the sender restarting its numbering (RFC 3550 A.1), not as thousands of losses to ask for. Not
 * thread-safe.
 */
final class MissingPackets {
  static final int MAX_DROPOUT = 3_000;

  private final NackPolicy policy;
  private final TreeMap<Long, Attempts> missing = new TreeMap<>();
  private long highest = Long.MIN_VALUE;

  MissingPackets(NackPolicy policy) {
    this.policy = policy;
  }

  void onPacket(long extended, long nanos) {
    if (highest == Long.MIN_VALUE || extended - highest > MAX_DROPOUT) {
      missing.clear();
      highest = extended;
      return;
    }
    if (extended <= highest) {
      missing.remove(extended);
      return;
    }
    for (long seq = Math.max(highest + 1, extended - policy.maxMissing()); seq < extended; seq++) {
      missing.put(seq, new Attempts(nanos));
    }
    highest = extended;
    while (missing.size() > policy.maxMissing()) {
      missing.pollFirstEntry();
    }
  }

  /** Returns the sequence numbers to NACK now, oldest first, and counts the attempt. */
  List<Integer> due(long nanos) {
    List<Integer> due = new ArrayList<>();
    Iterator<Map.Entry<Long, Attempts>> entries = missing.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<Long, Attempts> entry = entries.next();
      Attempts attempts = entry.getValue();
      if (nanos - attempts.lostAt > policy.maxAge().toNanos()
          || attempts.sent >= policy.maxRetries()) {
        entries.remove();
      } else if (attempts.sent == 0
          || nanos - attempts.lastSentAt >= policy.retryInterval().toNanos()) {
        attempts.sent++;
        attempts.lastSentAt = nanos;
        due.add((int) (entry.getKey() & 0xFFFF));
      }
    }
    return due;
  }

  int size() {
    return missing.size();
  }

  private static final class Attempts {
    final long lostAt;
    long lastSentAt;
    int sent;

    Attempts(long lostAt) {
      this.lostAt = lostAt;
    }
  }
}
