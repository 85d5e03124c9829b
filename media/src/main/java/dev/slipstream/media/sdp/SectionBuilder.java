package dev.slipstream.media.sdp;

import static java.util.Collections.unmodifiableMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Collects one media section's lines, checking each attribute's syntax as it comes. */
final class SectionBuilder {
  private static final String RTPMAP =
      "a=rtpmap needs \"a=rtpmap:<payload type> <codec>/<clock rate>[/<channels>]\"";
  private static final String FMTP = "a=fmtp needs \"a=fmtp:<payload type> <parameters>\"";
  private static final String RTCP_FB = "a=rtcp-fb needs \"a=rtcp-fb:<payload type|*> <type>\"";
  private static final String EXTMAP = "a=extmap needs \"a=extmap:<id 1-255>[/<direction>] <uri>\"";
  private static final String SSRC = "a=ssrc needs \"a=ssrc:<ssrc> <attribute>[:<value>]\"";
  private static final String SSRC_GROUP =
      "a=ssrc-group needs \"a=ssrc-group:<semantics> <ssrc> [<ssrc>...]\"";

  private final int line;
  private final String kind;
  private final int port;
  private final String protocol;
  private final List<String> formats;
  private final TransportBuilder transport = new TransportBuilder();
  private final Map<Integer, RtpMap> rtpMaps = new LinkedHashMap<>();
  private final Map<Integer, Map<String, String>> fmtp = new LinkedHashMap<>();
  private final Map<String, List<String>> rtcpFeedback = new LinkedHashMap<>();
  private final Map<String, Integer> extensions = new LinkedHashMap<>();
  private final Set<Long> ssrcs = new LinkedHashSet<>();
  private final List<SsrcGroup> ssrcGroups = new ArrayList<>();
  private @Nullable String mid;
  private @Nullable Direction direction;
  private @Nullable String msid;
  private boolean rtcpMux;
  private boolean rtcpRsize;
  private boolean bundleOnly;

  SectionBuilder(int line, String kind, int port, String protocol, List<String> formats) {
    this.line = line;
    this.kind = kind;
    this.port = port;
    this.protocol = protocol;
    this.formats = List.copyOf(formats);
  }

  /** Takes one {@code a=} line of this section; attributes it does not know are ignored. */
  void accept(SdpLine a) {
    if (transport.accept(a)) {
      return;
    }
    String name = a.attributeName();
    String value = a.attributeValue().trim();
    Direction named = Direction.fromAttribute(name);
    if (named != null) {
      direction = named;
      return;
    }
    switch (name) {
      case "mid" -> mid = mid(a.number(), value);
      case "rtpmap" -> rtpMap(a.number(), value);
      case "fmtp" -> fmtp(a.number(), value);
      case "rtcp-fb" -> rtcpFeedback(a.number(), value);
      case "extmap" -> extension(a.number(), value);
      case "ssrc" -> ssrcs.add(Tokens.ssrc(a.number(), value.split("[ \t]", 2)[0], SSRC));
      case "ssrc-group" -> ssrcGroup(a.number(), value);
      case "msid" -> msid = value;
      case "rtcp-mux" -> rtcpMux = true;
      case "rtcp-rsize" -> rtcpRsize = true;
      case "bundle-only" -> bundleOnly = true;
      default -> {}
    }
  }

  MediaSection build() {
    return new MediaSection(
        line,
        kind,
        port,
        protocol,
        formats,
        mid,
        direction,
        transport.build(),
        unmodifiableMap(new LinkedHashMap<>(rtpMaps)),
        unmodifiableMap(new LinkedHashMap<>(fmtp)),
        frozen(rtcpFeedback),
        unmodifiableMap(new LinkedHashMap<>(extensions)),
        List.copyOf(ssrcs),
        List.copyOf(ssrcGroups),
        msid,
        rtcpMux,
        rtcpRsize,
        bundleOnly);
  }

  private static Map<String, List<String>> frozen(Map<String, List<String>> lists) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    lists.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return unmodifiableMap(copy);
  }

  private static String mid(int line, String value) {
    if (value.isEmpty() || value.length() > 64 || value.chars().anyMatch(c -> c <= ' ')) {
      throw SdpErrors.atLine(line, "a=mid must be 1 to 64 characters without spaces");
    }
    return value;
  }

  private void rtpMap(int number, String value) {
    String[] w = Tokens.words(value);
    if (w.length != 2) {
      throw SdpErrors.atLine(number, RTPMAP);
    }
    int pt = Tokens.payloadType(number, w[0], RTPMAP);
    String[] codec = w[1].split("/", -1);
    if (codec.length < 2 || codec.length > 3 || codec[0].isEmpty()) {
      throw SdpErrors.atLine(number, RTPMAP);
    }
    int clock = Tokens.integer(number, codec[1], 1, 10_000_000, RTPMAP);
    int channels = codec.length == 3 ? Tokens.integer(number, codec[2], 1, 255, RTPMAP) : 1;
    rtpMaps.putIfAbsent(pt, new RtpMap(codec[0], clock, channels));
  }

  private void fmtp(int number, String value) {
    int space = value.indexOf(' ');
    String pt = space < 0 ? value : value.substring(0, space);
    Map<String, String> params = new LinkedHashMap<>();
    for (String param : (space < 0 ? "" : value.substring(space + 1)).split(";")) {
      int eq = param.indexOf('=');
      String key = (eq < 0 ? param : param.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      if (!key.isEmpty()) {
        params.put(key, eq < 0 ? "" : param.substring(eq + 1).trim());
      }
    }
    fmtp.putIfAbsent(Tokens.payloadType(number, pt, FMTP), Map.copyOf(params));
  }

  private void rtcpFeedback(int number, String value) {
    String[] w = Tokens.words(value);
    if (w.length < 2) {
      throw SdpErrors.atLine(number, RTCP_FB);
    }
    String pt =
        w[0].equals("*") ? "*" : Integer.toString(Tokens.payloadType(number, w[0], RTCP_FB));
    String feedback = String.join(" ", List.of(w).subList(1, w.length));
    rtcpFeedback.computeIfAbsent(pt, k -> new ArrayList<>()).add(feedback);
  }

  private void extension(int number, String value) {
    String[] w = Tokens.words(value);
    if (w.length < 2) {
      throw SdpErrors.atLine(number, EXTMAP);
    }
    int slash = w[0].indexOf('/');
    int id = Tokens.integer(number, slash < 0 ? w[0] : w[0].substring(0, slash), 1, 255, EXTMAP);
    extensions.putIfAbsent(w[1], id);
  }

  private void ssrcGroup(int number, String value) {
    String[] w = Tokens.words(value);
    if (w.length < 2) {
      throw SdpErrors.atLine(number, SSRC_GROUP);
    }
    List<Long> members = new ArrayList<>();
    for (int i = 1; i < w.length; i++) {
      members.add(Tokens.ssrc(number, w[i], SSRC_GROUP));
    }
    ssrcGroups.add(new SsrcGroup(w[0], members));
  }
}
