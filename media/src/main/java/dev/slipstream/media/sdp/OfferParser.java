package dev.slipstream.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses an SDP offer as Chromium, Firefox and FFmpeg's {@code whip} muxer write it (RFC 8866,
 * JSEP), keeping what negotiation needs and checking the syntax of every line it reads.
 */
final class OfferParser {
  /** The most media sections accepted; a WHIP or WHEP session needs two. */
  static final int MAX_MEDIA_SECTIONS = 64;

  private static final String M_USAGE = "m= line needs \"m=<media> <port> <proto> <formats>\"";
  private static final String C_USAGE = "c= line needs \"c=IN <IP4|IP6> <address>\"";
  private static final String O_USAGE =
      "o= line needs \"o=<user> <session id> <version> IN <IP4|IP6> <address>\"";

  private OfferParser() {}

  /**
   * Parses an offer.
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_sdp} naming the line and
   *     what is wrong with it
   */
  static SessionDescription parse(String sdp) {
    List<SdpLine> lines = SdpLine.split(sdp);
    SdpLine first = lines.getFirst();
    if (first.type() != 'v' || !first.value().equals("0")) {
      throw SdpErrors.atLine(
          first.number(),
          "an SDP starts with \"v=0\", not " + SdpErrors.quote(first.type() + "=" + first.value()));
    }
    TransportBuilder session = new TransportBuilder();
    List<List<String>> bundles = new ArrayList<>();
    List<MediaSection> media = new ArrayList<>();
    @Nullable Direction sessionDirection = null;
    @Nullable SectionBuilder section = null;
    boolean origin = false;
    for (SdpLine line : lines.subList(1, lines.size())) {
      switch (line.type()) {
        case 'm' -> {
          if (section != null) {
            media.add(section.build());
          }
          if (media.size() == MAX_MEDIA_SECTIONS) {
            throw SdpErrors.atLine(
                line.number(), "more than " + MAX_MEDIA_SECTIONS + " media sections");
          }
          section = mediaLine(line);
        }
        case 'o' -> origin = origin(line);
        case 'c' -> connection(line);
        case 'v' -> throw SdpErrors.atLine(line.number(), "a second v= line; send one SDP");
        case 'a' -> {
          if (section != null) {
            section.accept(line);
          } else if (line.attributeName().equals("group")) {
            bundle(line, bundles);
          } else if (Direction.fromAttribute(line.value()) != null) {
            sessionDirection = Direction.fromAttribute(line.value());
          } else {
            session.accept(line);
          }
        }
        default -> {}
      }
    }
    if (!origin) {
      throw SdpErrors.invalid("the SDP has no o= line (is it truncated?)");
    }
    if (section == null) {
      throw SdpErrors.invalid("the SDP has no m= line, so it offers no media");
    }
    media.add(section.build());
    checkMidsAreUnique(media);
    return new SessionDescription(
        session.build(), sessionDirection, List.copyOf(bundles), List.copyOf(media));
  }

  private static SectionBuilder mediaLine(SdpLine line) {
    String[] w = Tokens.words(line.value());
    if (w.length < 4) {
      throw SdpErrors.atLine(line.number(), M_USAGE);
    }
    String port = w[1].contains("/") ? w[1].substring(0, w[1].indexOf('/')) : w[1];
    List<String> formats = List.of(w).subList(3, w.length);
    if (w[2].contains("RTP/")) {
      for (String format : formats) {
        Tokens.payloadType(line.number(), format, M_USAGE + " with payload types 0 to 127");
      }
    }
    return new SectionBuilder(
        line.number(), w[0], Tokens.integer(line.number(), port, 0, 65535, M_USAGE), w[2], formats);
  }

  private static boolean origin(SdpLine line) {
    String[] w = Tokens.words(line.value());
    if (w.length != 6 || !w[3].equals("IN")) {
      throw SdpErrors.atLine(line.number(), O_USAGE);
    }
    return true;
  }

  private static void connection(SdpLine line) {
    String[] w = Tokens.words(line.value());
    if (w.length != 3 || !w[0].equals("IN") || !(w[1].equals("IP4") || w[1].equals("IP6"))) {
      throw SdpErrors.atLine(line.number(), C_USAGE);
    }
  }

  private static void bundle(SdpLine line, List<List<String>> bundles) {
    String[] w = Tokens.words(line.attributeValue());
    if (w.length == 0) {
      throw SdpErrors.atLine(line.number(), "a=group needs \"a=group:<semantics> <mid>...\"");
    }
    if (w[0].equals("BUNDLE")) {
      bundles.add(List.of(w).subList(1, w.length));
    }
  }

  private static void checkMidsAreUnique(List<MediaSection> media) {
    Set<String> seen = new HashSet<>();
    for (MediaSection m : media) {
      if (m.mid() != null && !seen.add(m.mid())) {
        throw SdpErrors.atLine(
            m.line(), m.kind() + " section has a=mid:" + m.mid() + ", which an earlier one has");
      }
    }
  }
}
