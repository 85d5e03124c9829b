package dev.slipstream.media.sdp;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One accepted media section: what flows in it and how the remote peer labels it.
 *
 * @param mid the section's {@code a=mid}, also the value of the {@code sdes:mid} header extension
 * @param kind audio or video
 * @param codec the single codec chosen, under the remote peer's payload type
 * @param headerExtensionIds header extension URI to the id the remote peer uses; only those we
 *     support ({@code urn:ietf:params:rtp-hdrext:sdes:mid}), and only when offered
 * @param rtcpFeedback the RTCP feedback both sides use: some of {@code nack}, {@code nack pli},
 *     {@code ccm fir}
 * @param remoteSsrcs the media SSRCs the remote peer announced ({@code a=ssrc}), RTX and FEC repair
 *     SSRCs left out; may be empty, then the {@code sdes:mid} extension tells streams apart
 */
public record NegotiatedMedia(
    String mid,
    MediaKind kind,
    NegotiatedCodec codec,
    Map<String, Integer> headerExtensionIds,
    Set<String> rtcpFeedback,
    List<Long> remoteSsrcs) {

  /** The URI of the RTP header extension that carries the mid (RFC 9143). */
  public static final String SDES_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

  /** Copies the collections so the record stays immutable. */
  public NegotiatedMedia {
    headerExtensionIds = Map.copyOf(headerExtensionIds);
    rtcpFeedback = Set.copyOf(rtcpFeedback);
    remoteSsrcs = List.copyOf(remoteSsrcs);
  }
}
