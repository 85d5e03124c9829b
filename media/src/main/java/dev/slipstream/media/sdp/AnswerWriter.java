package dev.slipstream.media.sdp;

import dev.slipstream.media.srtp.DtlsRole;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes an answer as JSEP asks (RFC 9429 section 5.3): one {@code m=} line per offered section in
 * offer order, port 0 for those we reject, and for those we take our ICE-lite transport, one codec,
 * the feedback and extensions we keep, and BUNDLE over all of them.
 */
final class AnswerWriter {
  /** Feedback we act on, in the order they are written. */
  static final List<String> FEEDBACK = List.of("nack", "nack pli", "ccm fir");

  private final StringBuilder sdp = new StringBuilder(2048);
  private final LocalTransport local;
  private final Direction direction;
  private final String setup;
  private final @Nullable SendSsrcs ssrcs;

  private AnswerWriter(
      LocalTransport local, Direction direction, DtlsRole role, @Nullable SendSsrcs ssrcs) {
    this.local = local;
    this.direction = direction;
    this.setup =
        switch (role) {
          case SERVER -> "a=setup:passive";
          case CLIENT -> "a=setup:active";
        };
    this.ssrcs = ssrcs;
  }

  /**
   * Returns the answer.
   *
   * @param accepted the sections we take, by offered section; all others are rejected
   * @param direction ours in every accepted section: recvonly for a publisher, sendonly for a
   *     viewer
   * @param role our DTLS end: the server answers {@code a=setup:passive}, the client {@code
   *     a=setup:active}
   * @param ssrcs the SSRCs and names to declare when we send, else null
   */
  static String write(
      long sessionId,
      LocalTransport local,
      SessionDescription offer,
      Map<MediaSection, NegotiatedMedia> accepted,
      Direction direction,
      DtlsRole role,
      @Nullable SendSsrcs ssrcs) {
    AnswerWriter w = new AnswerWriter(local, direction, role, ssrcs);
    w.line("v=0");
    w.line("o=- " + sessionId + " 2 IN IP4 127.0.0.1");
    w.line("s=-");
    w.line("t=0 0");
    w.line("a=ice-lite");
    String bundle =
        offer.media().stream()
            .filter(accepted::containsKey)
            .map(m -> accepted.get(m).mid())
            .collect(Collectors.joining(" "));
    w.line("a=group:BUNDLE " + bundle);
    for (MediaSection m : offer.media()) {
      NegotiatedMedia media = accepted.get(m);
      if (media == null) {
        w.rejected(m);
      } else {
        w.accepted(m, media);
      }
    }
    return w.sdp.toString();
  }

  private void rejected(MediaSection m) {
    line("m=" + m.kind() + " 0 " + m.protocol() + " " + String.join(" ", m.formats()));
    line("c=IN IP4 0.0.0.0");
    if (m.mid() != null) {
      line("a=mid:" + m.mid());
    }
    line("a=inactive");
  }

  private void accepted(MediaSection m, NegotiatedMedia media) {
    NegotiatedCodec codec = media.codec();
    int pt = codec.payloadType();
    line("m=" + m.kind() + " 9 " + m.protocol() + " " + pt);
    line("c=IN IP4 0.0.0.0");
    line("a=mid:" + media.mid());
    line("a=ice-ufrag:" + local.iceUfrag());
    line("a=ice-pwd:" + local.icePwd());
    line("a=fingerprint:" + local.fingerprintAlgorithm() + " " + local.fingerprintHex());
    line(setup);
    media.headerExtensionIds().forEach((uri, id) -> line("a=extmap:" + id + " " + uri));
    line("a=" + direction.attribute());
    if (ssrcs != null) {
      line("a=msid:" + ssrcs.streamId() + " " + ssrcs.trackId(media.kind()));
    }
    line("a=rtcp-mux");
    if (m.rtcpRsize()) {
      line("a=rtcp-rsize");
    }
    line(
        "a=rtpmap:"
            + pt
            + " "
            + codec.name()
            + "/"
            + codec.clockRate()
            + (codec.channels() > 1 ? "/" + codec.channels() : ""));
    FEEDBACK.stream()
        .filter(media.rtcpFeedback()::contains)
        .forEach(fb -> line("a=rtcp-fb:" + pt + " " + fb));
    if (!codec.fmtp().isEmpty()) {
      line(
          "a=fmtp:"
              + pt
              + " "
              + new TreeMap<>(codec.fmtp())
                  .entrySet().stream()
                      .map(
                          e ->
                              e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue())
                      .collect(Collectors.joining(";")));
    }
    if (ssrcs != null) {
      long ssrc = ssrcs.ssrc(media.kind());
      line("a=ssrc:" + ssrc + " cname:" + ssrcs.cname());
      line("a=ssrc:" + ssrc + " msid:" + ssrcs.streamId() + " " + ssrcs.trackId(media.kind()));
    }
    for (Candidate c : local.candidates()) {
      line("a=candidate:" + c.attributeValue());
    }
    line("a=end-of-candidates");
  }

  private void line(String text) {
    sdp.append(text).append("\r\n");
  }
}
