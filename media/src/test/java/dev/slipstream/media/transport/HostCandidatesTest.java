package dev.slipstream.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HostCandidatesTest {

  @Test
  void usableAddressesSkipDownInterfacesLinkLocalAndIpv6LoopbackAndPutLoopbackLast()
      throws Exception {
    InetAddress loopback4 = InetAddress.getByName("127.0.0.1");
    InetAddress loopback6 = InetAddress.getByName("::1");
    InetAddress lan = InetAddress.getByName("192.168.1.20");
    InetAddress global6 = InetAddress.getByName("2001:db8::20");
    InetAddress linkLocal6 = InetAddress.getByName("fe80::1");
    InetAddress downLan = InetAddress.getByName("10.9.9.9");

    List<InetAddress> usable =
        HostAddresses.usable(
            List.of(
                new HostAddresses.InterfaceView(true, true, List.of(loopback4, loopback6)),
                new HostAddresses.InterfaceView(true, false, List.of(linkLocal6, global6, lan)),
                new HostAddresses.InterfaceView(false, false, List.of(downLan))));

    assertThat(usable).containsExactly(lan, global6, loopback4);
  }

  @Test
  void discoveryOnThisMachineFindsAtLeastIpv4Loopback() {
    assertThat(HostAddresses.discover().addresses()).contains(InetAddress.getLoopbackAddress());
  }

  @Test
  void candidatesAreUdpFirstThenPassiveTcpWithDescendingPriorities() throws Exception {
    HostAddresses addresses =
        HostAddresses.of(
            List.of(InetAddress.getByName("203.0.113.7"), InetAddress.getByName("127.0.0.1")));

    List<HostCandidate> candidates = HostCandidates.of(addresses, 40_000, OptionalInt.of(443));

    assertThat(candidates)
        .extracting(HostCandidate::sdpValue)
        .containsExactly(
            "1 1 udp 2130706431 203.0.113.7 40000 typ host",
            "2 1 udp 2130706175 127.0.0.1 40000 typ host",
            "3 1 tcp 1352663039 203.0.113.7 443 typ host tcptype passive",
            "4 1 tcp 1352662783 127.0.0.1 443 typ host tcptype passive");
  }

  @Test
  void aPortOutOfRangeIsRejectedByName() {
    HostAddresses addresses = HostAddresses.of(List.of(InetAddress.getLoopbackAddress()));

    assertThatThrownBy(() -> HostCandidates.of(addresses, 0, OptionalInt.empty()))
        .hasMessage("udpPort must be 1 to 65535 (was 0)");
  }
}
