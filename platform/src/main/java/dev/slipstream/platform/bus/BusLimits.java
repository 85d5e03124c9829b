package dev.slipstream.platform.bus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How much an {@link EventBus} keeps: the retention of every topic and the buffer of every channel
 * subscriber.
 *
 * @param maxEntriesPerTopic how many of its newest events each topic retains for replay, 1 to
 *     10,000,000; older ones are trimmed
 * @param channelBufferPerSubscriber how many channel messages may wait for one slow subscriber, 1
 *     to 1,000,000; beyond that its oldest waiting messages are dropped
 * @param retentionByPrefix other retentions for the topics whose names start with a prefix (the
 *     longest matching prefix wins); a family of many topics, one per user say, can keep fewer
 */
public record BusLimits(
    int maxEntriesPerTopic,
    int channelBufferPerSubscriber,
    List<PrefixRetention> retentionByPrefix) {
  private static final int MAX_ENTRIES_PER_TOPIC = 10_000_000;
  private static final int MAX_CHANNEL_BUFFER = 1_000_000;

  /**
   * The retention of the topics whose names start with {@code prefix}.
   *
   * @param prefix not empty
   * @param maxEntries 1 to 10,000,000
   */
  public record PrefixRetention(String prefix, int maxEntries) {
    /** Validates both, naming the setting, its value and the allowed range. */
    public PrefixRetention {
      if (prefix == null || prefix.isEmpty()) {
        throw new IllegalArgumentException("a topic retention needs a non-empty topic prefix");
      }
      requireEntries("maxEntries of topics " + prefix + "*", maxEntries);
    }
  }

  /** Validates the limits, naming the setting, its value and the allowed range. */
  public BusLimits {
    requireEntries("maxEntriesPerTopic", maxEntriesPerTopic);
    if (channelBufferPerSubscriber < 1 || channelBufferPerSubscriber > MAX_CHANNEL_BUFFER) {
      throw new IllegalArgumentException(
          "channelBufferPerSubscriber must be between 1 and "
              + MAX_CHANNEL_BUFFER
              + " (was "
              + channelBufferPerSubscriber
              + ")");
    }
    List<PrefixRetention> byLength = new ArrayList<>(retentionByPrefix);
    byLength.sort(Comparator.comparingInt((PrefixRetention r) -> r.prefix().length()).reversed());
    for (int i = 1; i < byLength.size(); i++) {
      if (byLength.get(i).prefix().equals(byLength.get(i - 1).prefix())) {
        throw new IllegalArgumentException(
            "topic prefix " + byLength.get(i).prefix() + " is given two retentions");
      }
    }
    retentionByPrefix = List.copyOf(byLength);
  }

  /** The same retention for every topic. */
  public BusLimits(int maxEntriesPerTopic, int channelBufferPerSubscriber) {
    this(maxEntriesPerTopic, channelBufferPerSubscriber, List.of());
  }

  /** Returns the defaults: 10,000 events per topic and 1,024 messages per channel subscriber. */
  public static BusLimits defaults() {
    return new BusLimits(10_000, 1_024);
  }

  /**
   * Returns these limits with the topics starting with {@code prefix} keeping {@code maxEntries}.
   */
  public BusLimits withRetention(String prefix, int maxEntries) {
    List<PrefixRetention> more = new ArrayList<>(retentionByPrefix);
    more.add(new PrefixRetention(prefix, maxEntries));
    return new BusLimits(maxEntriesPerTopic, channelBufferPerSubscriber, more);
  }

  /** How many of its newest events {@code topic} retains. */
  public int maxEntriesOf(String topic) {
    for (PrefixRetention retention : retentionByPrefix) {
      if (topic.startsWith(retention.prefix())) {
        return retention.maxEntries();
      }
    }
    return maxEntriesPerTopic;
  }

  private static void requireEntries(String name, int entries) {
    if (entries < 1 || entries > MAX_ENTRIES_PER_TOPIC) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + MAX_ENTRIES_PER_TOPIC + " (was " + entries + ")");
    }
  }
}
