package dev.slipstream.platform.bus;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message published on a channel.
 *
 * @param channel the channel it was published on
 * @param payload the bytes published; this array belongs to this message alone
 */
public record ChannelMessage(String channel, byte[] payload) {

  /** Copies the payload, so every subscriber gets its own. */
  public ChannelMessage {
    Objects.requireNonNull(channel, "channel");
    payload = payload.clone();
  }

  /** Compares channel and payload bytes. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ChannelMessage that
        && channel.equals(that.channel)
        && Arrays.equals(payload, that.payload);
  }

  /** Hashes channel and payload bytes. */
  @Override
  public int hashCode() {
    return Objects.hash(channel, Arrays.hashCode(payload));
  }

  /** Describes the message with its payload's size rather than its bytes. */
  @Override
  public String toString() {
    return "ChannelMessage[channel=" + channel + ", " + payload.length + " bytes]";
  }
}
