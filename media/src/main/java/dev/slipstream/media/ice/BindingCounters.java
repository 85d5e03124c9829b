package dev.slipstream.media.ice;

import java.util.Map;

/**
 * How many STUN messages one responder accepted and refused, for metrics.
 *
 * @param accepted valid Binding requests answered with success
 * @param refused messages refused or dropped, by reason; every reason is present
 */
public record BindingCounters(long accepted, Map<BindingRefusal, Long> refused) {
  /** Copies the map. */
  public BindingCounters {
    refused = Map.copyOf(refused);
  }

  /** Returns how many messages were refused or dropped for {@code reason}. */
  public long refused(BindingRefusal reason) {
    return refused.getOrDefault(reason, 0L);
  }
}
