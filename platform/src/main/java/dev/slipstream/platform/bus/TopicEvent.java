package dev.slipstream.platform.bus;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of a topic.
 *
 * @param topic the topic it was appended to
 * @param offset its position in the topic: 1 for the first event, one more for each next
 * @param payload the bytes appended; this array belongs to this event alone, the bus never touches
 *     it again
 */
public record TopicEvent(String topic, long offset, byte[] payload) implements TopicSignal {

  /** Validates the offset and copies the payload. */
  public TopicEvent {
    Objects.requireNonNull(topic, "topic");
    if (offset < 1) {
      throw new IllegalArgumentException("offset must be at least 1 (was " + offset + ")");
    }
    payload = payload.clone();
  }

  /** Compares topic, offset and payload bytes. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TopicEvent that
        && offset == that.offset
        && topic.equals(that.topic)
        && Arrays.equals(payload, that.payload);
  }

  /** Hashes topic, offset and payload bytes. */
  @Override
  public int hashCode() {
    return Objects.hash(topic, offset, Arrays.hashCode(payload));
  }

  /** Describes the event with its payload's size rather than its bytes. */
  @Override
  public String toString() {
    return "TopicEvent[topic=" + topic + ", offset=" + offset + ", " + payload.length + " bytes]";
  }
}
