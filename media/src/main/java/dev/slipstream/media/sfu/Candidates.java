package dev.slipstream.media.sfu;

import dev.slipstream.media.sdp.Candidate;
import dev.slipstream.media.transport.HostAddresses;
import dev.slipstream.media.transport.HostCandidate;
import dev.slipstream.media.transport.HostCandidates;
import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;

/** The host candidates every answer carries, from the sockets' ports and the usable addresses. */
final class Candidates {
  private Candidates() {}

  static List<Candidate> of(List<InetAddress> announced, int udpPort, OptionalInt tcpPort) {
    HostAddresses addresses =
        announced.isEmpty() ? HostAddresses.discover() : HostAddresses.of(announced);
    return HostCandidates.of(addresses, udpPort, tcpPort).stream().map(Candidates::toSdp).toList();
  }

  private static Candidate toSdp(HostCandidate c) {
    return new Candidate(
        c.foundation(),
        1,
        c.transport() == HostCandidate.Transport.UDP
            ? Candidate.Protocol.UDP
            : Candidate.Protocol.TCP,
        c.priority(),
        c.address().getHostAddress(),
        c.port());
  }
}
