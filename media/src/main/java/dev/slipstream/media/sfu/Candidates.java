package dev.slipstream.media.sfu;

import dev.slipstream.media.sdp.Candidate;
import dev.slipstream.media.transport.HostAddresses;
import dev.slipstream.media.transport.HostCandidate;
import dev.slipstream.media.transport.HostCandidates;
import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;

/** The host candidates every answer carries, from the socket's port and the usable addresses. */
final class Candidates {
  private Candidates() {}

  static List<Candidate> forUdp(List<InetAddress> announced, int udpPort) {
    HostAddresses addresses =
        announced.isEmpty() ? HostAddresses.discover() : HostAddresses.of(announced);
    return HostCandidates.of(addresses, udpPort, OptionalInt.empty()).stream()
        .map(Candidates::toSdp)
        .toList();
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
