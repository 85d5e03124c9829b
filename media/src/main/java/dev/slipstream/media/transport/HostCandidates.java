package dev.slipstream.media.transport;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Builds the host candidates a session advertises for the shared muxes. */
public final class HostCandidates {
  private static final int HOST_TYPE_PREFERENCE = 126;
  // Lower than UDP's so that a browser which can use both prefers UDP.
  private static final int TCP_HOST_TYPE_PREFERENCE = 80;
  private static final int PASSIVE_DIRECTION_PREFERENCE = 4;
  private static final int COMPONENT = 1;

  private HostCandidates() {}

  /**
   * Returns a UDP candidate for every address, then a passive TCP candidate for every address when
   * {@code tcpPort} is present, best first; the first address gets the highest local preference.
   */
  public static List<HostCandidate> of(HostAddresses addresses, int udpPort, OptionalInt tcpPort) {
    requirePort("udpPort", udpPort);
    tcpPort.ifPresent(p -> requirePort("tcpPort", p));
    List<InetAddress> list = addresses.addresses();
    List<HostCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      long priority = priority(HOST_TYPE_PREFERENCE, 65_535 - i);
      candidates.add(
          new HostCandidate(
              String.valueOf(i + 1), HostCandidate.Transport.UDP, priority, list.get(i), udpPort));
    }
    if (tcpPort.isPresent()) {
      for (int i = 0; i < list.size(); i++) {
        // RFC 6544 §4.2: local preference = 2^13 * direction-pref + other-pref
        long priority =
            priority(TCP_HOST_TYPE_PREFERENCE, (PASSIVE_DIRECTION_PREFERENCE << 13) + 8191 - i);
        candidates.add(
            new HostCandidate(
                String.valueOf(list.size() + i + 1),
                HostCandidate.Transport.TCP,
                priority,
                list.get(i),
                tcpPort.getAsInt()));
      }
    }
    return List.copyOf(candidates);
  }

  private static long priority(int typePreference, int localPreference) {
    return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - COMPONENT);
  }

  private static void requirePort(String name, int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be 1 to 65535 (was " + port + ")");
    }
  }
}
