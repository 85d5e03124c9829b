package dev.slipstream.media.sdp;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One parsed {@code m=} section of an offer.
 *
 * @param line the line number of its {@code m=} line
 * @param kind {@code audio}, {@code video}, {@code application} or another media name
 * @param port the port; 0 means the offerer rejected the section
 * @param protocol such as {@code UDP/TLS/RTP/SAVPF}
 * @param formats the format list as written (payload types for RTP)
 * @param mid {@code a=mid}, if present
 * @param direction the direction written in this section, if any
 * @param transport ICE and DTLS attributes written in this section
 * @param rtpMaps payload type to codec, in format-list order
 * @param fmtp payload type to its {@code a=fmtp} parameters
 * @param rtcpFeedback payload type (or {@code *}) to its {@code a=rtcp-fb} values
 * @param extensions header extension URI to id
 * @param ssrcs SSRCs named by {@code a=ssrc}, in order of first appearance
 * @param ssrcGroups the {@code a=ssrc-group} lines
 * @param msid {@code a=msid}, if present
 * @param rtcpMux whether {@code a=rtcp-mux} is present
 * @param rtcpRsize whether {@code a=rtcp-rsize} is present
 * @param bundleOnly whether {@code a=bundle-only} is present: port 0 then means "only on the BUNDLE
 *     transport" (RFC 8843), not rejected
 */
record MediaSection(
    int line,
    String kind,
    int port,
    String protocol,
    List<String> formats,
    @Nullable String mid,
    @Nullable Direction direction,
    TransportAttributes transport,
    Map<Integer, RtpMap> rtpMaps,
    Map<Integer, Map<String, String>> fmtp,
    Map<String, List<String>> rtcpFeedback,
    Map<String, Integer> extensions,
    List<Long> ssrcs,
    List<SsrcGroup> ssrcGroups,
    @Nullable String msid,
    boolean rtcpMux,
    boolean rtcpRsize,
    boolean bundleOnly) {

  /** Tells whether the offerer wants this section: a port, or port 0 with bundle-only. */
  boolean isOffered() {
    return port != 0 || bundleOnly;
  }

  /** Returns how this section names itself in messages: its mid and line. */
  String describe() {
    return kind + " section " + (mid == null ? "" : "\"" + mid + "\" ") + "(line " + line + ")";
  }

  /** Returns the codec of a payload type that has an {@code a=rtpmap} in this section. */
  NegotiatedCodec codec(int payloadType) {
    RtpMap map = Objects.requireNonNull(rtpMaps.get(payloadType), "no a=rtpmap");
    return new NegotiatedCodec(
        payloadType,
        map.name(),
        map.clockRate(),
        map.channels(),
        fmtp.getOrDefault(payloadType, Map.of()));
  }

  /** Returns the {@code a=rtcp-fb} values that apply to a payload type, its own then {@code *}. */
  List<String> feedbackFor(int payloadType) {
    List<String> own = rtcpFeedback.getOrDefault(Integer.toString(payloadType), List.of());
    List<String> all = rtcpFeedback.getOrDefault("*", List.of());
    return all.isEmpty() ? own : Stream.concat(own.stream(), all.stream()).toList();
  }

  /** Returns the SSRCs that carry media: all named ones except RTX and FEC repair streams. */
  List<Long> mediaSsrcs() {
    Set<Long> repair = new HashSet<>();
    for (SsrcGroup group : ssrcGroups) {
      if (group.isRepair()) {
        repair.addAll(group.ssrcs().subList(1, group.ssrcs().size()));
      }
    }
    return ssrcs.stream().filter(s -> !repair.contains(s)).toList();
  }
}
