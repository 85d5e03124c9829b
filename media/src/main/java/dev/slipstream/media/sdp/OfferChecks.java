package dev.slipstream.media.sdp;

import dev.slipstream.media.srtp.DtlsRole;
import java.util.List;

/**
 * Checks that the sections we accept can share one ICE and DTLS transport with us as the ICE-lite
 * end, returns the remote transport attributes, and reads from them which DTLS end we play.
 */
final class OfferChecks {
  private OfferChecks() {}

  /** Tells whether a protocol is DTLS-SRTP with RTCP feedback, the only one WebRTC uses. */
  static boolean isDtlsSrtp(String protocol) {
    return protocol.endsWith("RTP/SAVPF");
  }

  /**
   * Checks every accepted section and returns the remote ICE and DTLS attributes: those of the
   * offerer-tagged section, the first named by the BUNDLE group (RFC 8843 section 7.2.1), which the
   * other sections share; without a group, those of the one accepted section.
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_sdp} when a section has no
   *     mid or no {@code a=rtcp-mux}, ICE credentials or a fingerprint are missing, the offer says
   *     {@code a=setup:holdconn}, or the sections are not bundled together
   */
  static TransportAttributes remoteTransport(SessionDescription offer, List<Accepted> accepted) {
    for (Accepted a : accepted) {
      MediaSection m = a.section();
      if (m.mid() == null) {
        throw SdpErrors.invalid(
            m.describe() + " has no a=mid; WHIP and WHEP offers name every media section");
      }
      if (!m.rtcpMux()) {
        throw SdpErrors.invalid(
            m.describe() + " has no a=rtcp-mux; this server sends RTCP on the RTP port only");
      }
    }
    List<String> group = bundleOf(offer, accepted);
    MediaSection tagged =
        offer.media().stream()
            .filter(m -> !group.isEmpty() && group.getFirst().equals(m.mid()))
            .findFirst()
            .orElse(accepted.getFirst().section());
    return transportOf(offer, tagged);
  }

  private static TransportAttributes transportOf(SessionDescription offer, MediaSection m) {
    TransportAttributes t = m.transport().over(offer.transport());
    String where = m.describe() + " and the session level";
    if (t.iceUfrag() == null || t.icePwd() == null) {
      throw SdpErrors.invalid(
          "no ICE credentials: "
              + where
              + " lack a="
              + (t.iceUfrag() == null ? "ice-ufrag" : "ice-pwd"));
    }
    if (t.fingerprint() == null) {
      throw SdpErrors.invalid(
          "no DTLS fingerprint: " + where + " lack a=fingerprint, so the peer cannot be checked");
    }
    if (t.setup() == Setup.HOLDCONN) {
      throw SdpErrors.invalid(
          m.describe()
              + " has a=setup:holdconn, which holds the DTLS connection back; offer"
              + " a=setup:actpass, a=setup:active or a=setup:passive");
    }
    return t;
  }

  /**
   * Returns the DTLS end we play for the offer's {@code a=setup} (RFC 5763 §5, RFC 8842): the
   * client when the offerer wants to be the server ({@code passive}, as FFmpeg's whip muxer
   * offers), else the server ({@code actpass}, {@code active}, or no line, which RFC 4145 reads as
   * {@code active}).
   */
  static DtlsRole ourDtlsRole(TransportAttributes remote) {
    return remote.setup() == Setup.PASSIVE ? DtlsRole.CLIENT : DtlsRole.SERVER;
  }

  /** Returns the BUNDLE group holding every accepted section, or none for a lone section. */
  private static List<String> bundleOf(SessionDescription offer, List<Accepted> accepted) {
    Accepted first = accepted.getFirst();
    List<String> group =
        offer.bundleGroups().stream()
            .filter(g -> g.contains(first.mid()))
            .findFirst()
            .orElse(List.of());
    for (Accepted a : accepted.subList(1, accepted.size())) {
      if (!group.contains(a.mid())) {
        throw SdpErrors.invalid(
            first.section().describe()
                + " and "
                + a.section().describe()
                + " are not in one a=group:BUNDLE; this server carries all media on one"
                + " transport");
      }
    }
    return group;
  }
}
