package dev.slipstream.media.sdp;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A trickle-ICE SDP fragment ({@code application/trickle-ice-sdpfrag}, RFC 8840), as WHIP and WHEP
 * clients send it in {@code PATCH}: new ICE credentials (an ICE restart) and/or candidates.
 *
 * @param iceUfrag the peer's ICE username fragment, when the fragment carries one
 * @param icePwd the peer's ICE password, when the fragment carries one
 * @param candidates how many candidate lines it carried (each checked for shape)
 */
public record IceFragment(@Nullable String iceUfrag, @Nullable String icePwd, int candidates) {
  /** The media type of fragments. */
  public static final String MEDIA_TYPE = "application/trickle-ice-sdpfrag";

  /**
   * Parses a fragment: session- and media-level {@code a=} lines, {@code m=} lines; ICE credentials
   * must come as a pair.
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_sdp} naming the line
   */
  public static IceFragment parse(String body) {
    TransportBuilder transport = new TransportBuilder();
    int candidates = 0;
    for (SdpLine line : SdpLine.split(body)) {
      switch (line.type()) {
        case 'a' -> {
          if (line.attributeName().equals("candidate")) {
            candidates++;
          }
          if (!transport.accept(line) && !line.attributeName().equals("mid")) {
            throw SdpErrors.atLine(
                line.number(),
                "a trickle-ice-sdpfrag carries ICE attributes, a=mid and m= lines, not a="
                    + line.attributeName());
          }
        }
        case 'm' -> {}
        default ->
            throw SdpErrors.atLine(
                line.number(),
                "a trickle-ice-sdpfrag carries a= and m= lines, not " + line.type() + "=");
      }
    }
    TransportAttributes ice = transport.build();
    if ((ice.iceUfrag() == null) != (ice.icePwd() == null)) {
      throw SdpErrors.invalid("an ICE restart needs both a=ice-ufrag and a=ice-pwd");
    }
    return new IceFragment(ice.iceUfrag(), ice.icePwd(), candidates);
  }

  /** Whether the fragment restarts ICE: it carries credentials other than {@code currentUfrag}. */
  public boolean restartsIceFrom(String currentUfrag) {
    return iceUfrag != null && !iceUfrag.equals(currentUfrag);
  }

  /**
   * Writes the server's answer to an ICE restart: ICE-lite, the new credentials, and the host
   * candidates under the bundle's first media section.
   */
  public static String answer(
      IceCredentials local, NegotiatedMedia first, List<Candidate> candidates) {
    String lines =
        candidates.stream()
            .map(c -> "a=candidate:" + c.attributeValue() + "\r\n")
            .collect(Collectors.joining());
    return "a=ice-lite\r\n"
        + "a=ice-ufrag:"
        + local.ufrag()
        + "\r\n"
        + "a=ice-pwd:"
        + local.pwd()
        + "\r\n"
        + "m="
        + first.kind().name().toLowerCase(Locale.ROOT)
        + " 9 UDP/TLS/RTP/SAVPF "
        + first.codec().payloadType()
        + "\r\n"
        + "a=mid:"
        + first.mid()
        + "\r\n"
        + lines
        + "a=end-of-candidates\r\n";
  }
}
