package dev.slipstream.media.transport;

import dev.slipstream.media.ice.BindingRefusal;
import java.util.Map;

/**
 * A snapshot of one mux's counters since it opened, for metrics.
 *
 * @param packetsIn datagrams (UDP) or frames (TCP) received, dropped or not
 * @param bytesIn their bytes
 * @param packetsOut packets handed to the kernel, STUN responses included
 * @param bytesOut their bytes
 * @param bindingsAccepted connectivity checks answered with success
 * @param dropped packets dropped, by reason; every reason is present
 * @param bindingsRefused STUN messages a session's responder refused or dropped, by reason; every
 *     reason is present
 */
public record MuxCounters(
    long packetsIn,
    long bytesIn,
    long packetsOut,
    long bytesOut,
    long bindingsAccepted,
    Map<DropReason, Long> dropped,
    Map<BindingRefusal, Long> bindingsRefused) {

  /** Copies the maps. */
  public MuxCounters {
    dropped = Map.copyOf(dropped);
    bindingsRefused = Map.copyOf(bindingsRefused);
  }

  /** Returns how many packets were dropped for {@code reason}. */
  public long dropped(DropReason reason) {
    return dropped.getOrDefault(reason, 0L);
  }

  /** Returns how many STUN messages were refused or dropped for {@code reason}. */
  public long bindingsRefused(BindingRefusal reason) {
    return bindingsRefused.getOrDefault(reason, 0L);
  }
}
