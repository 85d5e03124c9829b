package dev.slipstream.media.transport;

import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The local addresses a host candidate may advertise, in the order to advertise them.
 *
 * <p>{@link #discover()} reads the machine's interfaces; {@link #of} overrides them, for tests and
 * for a server behind 1:1 NAT that must advertise its public address (the mux still binds a local
 * one, and the NAT forwards the port).
 *
 * @param addresses at least one, without duplicates
 */
public record HostAddresses(List<InetAddress> addresses) {

  /** Checks there is at least one address and copies the list. */
  public HostAddresses {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("at least one host address is required");
    }
    addresses = List.copyOf(new LinkedHashSet<>(addresses));
  }

  /** Returns exactly {@code addresses}, in this order. */
  public static HostAddresses of(List<InetAddress> addresses) {
    return new HostAddresses(addresses);
  }

  /**
   * Returns the usable addresses of the interfaces that are up: IPv4 on non-loopback interfaces
   * first, then global IPv6, then IPv4 loopback (useful on one machine, never reached by another).
   * Link-local IPv6 (it needs a scope browsers cannot use), IPv6 loopback and interfaces that are
   * down are left out.
   *
   * @throws UncheckedIOException when the interfaces cannot be read
   */
  public static HostAddresses discover() {
    try {
      List<InterfaceView> views = new ArrayList<>();
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        views.add(
            new InterfaceView(
                nif.isUp(), nif.isLoopback(), Collections.list(nif.getInetAddresses())));
      }
      return new HostAddresses(usable(views));
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot list the network interfaces", e);
    }
  }

  /** What {@link #usable} needs to know about one interface. */
  record InterfaceView(boolean up, boolean loopback, List<InetAddress> addresses) {}

  /** Picks and orders the usable addresses of {@code interfaces}. */
  static List<InetAddress> usable(List<InterfaceView> interfaces) {
    List<InetAddress> picked = new ArrayList<>();
    for (InterfaceView nif : interfaces) {
      if (!nif.up()) {
        continue;
      }
      for (InetAddress a : nif.addresses()) {
        boolean ipv4Loopback = a instanceof Inet4Address && a.isLoopbackAddress();
        boolean routableIpv6 =
            a instanceof Inet6Address
                && !a.isLoopbackAddress()
                && !a.isLinkLocalAddress()
                && !nif.loopback();
        boolean externalIpv4 = a instanceof Inet4Address && !a.isLoopbackAddress();
        if ((ipv4Loopback || routableIpv6 || externalIpv4) && !a.isAnyLocalAddress()) {
          picked.add(a);
        }
      }
    }
    picked.sort(Comparator.comparingInt(HostAddresses::rank));
    return picked;
  }

  private static int rank(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return 2;
    }
    return a instanceof Inet4Address ? 0 : 1;
  }
}
