package dev.slipstream.platform.bus;

/**
 * How much an {@link EventBus} keeps: the retention of every topic and the buffer of every channel
 * subscriber.
 *
 * @param maxEntriesPerTopic how many of its newest events each topic retains for replay, 1 to
 *     10,000,000; older ones are trimmed
 * @param channelBufferPerSubscriber how many channel messages may wait for one slow subscriber, 1
 *     to 1,000,000; beyond that its oldest waiting messages are dropped
 */
public record BusLimits(int maxEntriesPerTopic, int channelBufferPerSubscriber) {
  private static final int MAX_ENTRIES_PER_TOPIC = 10_000_000;
  private static final int MAX_CHANNEL_BUFFER = 1_000_000;

  /** Validates both limits, naming the setting, its value and the allowed range. */
  public BusLimits {
    if (maxEntriesPerTopic < 1 || maxEntriesPerTopic > MAX_ENTRIES_PER_TOPIC) {
      throw new IllegalArgumentException(
          "maxEntriesPerTopic must be between 1 and "
              + MAX_ENTRIES_PER_TOPIC
              + " (was "
              + maxEntriesPerTopic
              + ")");
    }
    if (channelBufferPerSubscriber < 1 || channelBufferPerSubscriber > MAX_CHANNEL_BUFFER) {
      throw new IllegalArgumentException(
          "channelBufferPerSubscriber must be between 1 and "
              + MAX_CHANNEL_BUFFER
              + " (was "
              + channelBufferPerSubscriber
              + ")");
    }
  }

  /** Returns the defaults: 10,000 events per topic and 1,024 messages per channel subscriber. */
  public static BusLimits defaults() {
    return new BusLimits(10_000, 1_024);
  }
}
