package dev.slipstream.gateway.guard;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts what each client address holds open (TCP connections, live sockets) against a cap. An
 * address's count lives in the map only while it is above zero.
 */
final class AddressConnections {
  private final int cap;
  private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

  /** A counter that lets each address hold {@code cap} at once; 0 means no cap. */
  AddressConnections(int cap) {
    this.cap = cap;
  }

  /** Counts one more for {@code address} unless it is at the cap; returns whether it was. */
  boolean tryOpen(InetAddress address) {
    if (cap == 0) {
      return true;
    }
    boolean[] admitted = new boolean[1];
    open.compute(
        address,
        (a, count) -> {
          int now = count == null ? 0 : count;
          admitted[0] = now < cap;
          return admitted[0] ? now + 1 : count;
        });
    return admitted[0];
  }

  /** Returns whether {@code address} holds as many as the cap allows. */
  boolean full(InetAddress address) {
    return cap != 0 && open.getOrDefault(address, 0) >= cap;
  }

  /** Counts one fewer for {@code address}. */
  void closed(InetAddress address) {
    if (cap == 0) {
      return;
    }
    open.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
  }

  int cap() {
    return cap;
  }
}
