package dev.slipstream.media.sdp;

import java.util.Map;
import java.util.Optional;

/**
 * Picks the one payload type a media section will carry: for a publisher the best codec we can
 * take, for a viewer the payload type under which it accepts what the publisher sends.
 */
final class CodecChooser {
  private static final int UNSUPPORTED = Integer.MAX_VALUE;
  private static final String PREFERRED_H264 = "42e01f";

  private CodecChooser() {}

  /** What a publisher section must offer, for messages. */
  static String accepted(MediaKind kind) {
    return kind == MediaKind.VIDEO ? "H264 (packetization-mode=1) or VP8" : "opus/48000/2";
  }

  /**
   * Returns the payload type to receive from a publisher: H.264 with packetization-mode 1, best
   * constrained baseline 42e01f, then other constrained baseline, then other H.264; then VP8; Opus
   * for audio. Ties go to the offerer's order.
   */
  static Optional<Integer> forPublisher(MediaSection section, MediaKind kind) {
    return best(
        section, kind == MediaKind.VIDEO ? CodecChooser::videoRank : CodecChooser::audioRank);
  }

  /**
   * Returns the viewer's payload type for the codec the publisher sends: the same codec by name,
   * and for H.264 the same packetization mode and a profile whose decoders decode the stream,
   * preferring the same profile, then a level at least the publisher's.
   */
  static Optional<Integer> forViewer(MediaSection section, NegotiatedCodec sent) {
    Optional<H264Format> sentH264 = sent.is("H264") ? H264Format.of(sent.fmtp()) : Optional.empty();
    return best(
        section,
        (RtpMap map, Map<String, String> fmtp) -> {
          if (!map.is(sent.name(), sent.clockRate()) || map.channels() != sent.channels()) {
            return UNSUPPORTED;
          }
          if (sentH264.isEmpty()) {
            return 0;
          }
          H264Format stream = sentH264.get();
          return H264Format.of(fmtp)
              .filter(stream::canBeReceivedBy)
              .map(
                  f ->
                      (f.profile() == stream.profile() ? 0 : 2)
                          + (f.level() >= stream.level() ? 0 : 1))
              .orElse(UNSUPPORTED);
        });
  }

  private static int videoRank(RtpMap map, Map<String, String> fmtp) {
    if (map.is("H264", 90_000)) {
      return H264Format.of(fmtp)
          .filter(f -> f.packetizationMode() == 1)
          .map(
              f ->
                  f.profileLevelId().equals(PREFERRED_H264)
                      ? 0
                      : f.profile() == H264Format.Profile.CONSTRAINED_BASELINE ? 1 : 2)
          .orElse(UNSUPPORTED);
    }
    return map.is("VP8", 90_000) ? 3 : UNSUPPORTED;
  }

  private static int audioRank(RtpMap map, Map<String, String> fmtp) {
    return map.is("opus", 48_000) && map.channels() == 2 ? 0 : UNSUPPORTED;
  }

  private interface Rank {
    int of(RtpMap map, Map<String, String> fmtp);
  }

  private static Optional<Integer> best(MediaSection section, Rank rank) {
    Integer best = null;
    int bestRank = UNSUPPORTED;
    for (String format : section.formats()) {
      int pt = Integer.parseInt(format);
      RtpMap map = section.rtpMaps().get(pt);
      if (map == null) {
        continue;
      }
      int r = rank.of(map, section.fmtp().getOrDefault(pt, Map.of()));
      if (r < bestRank) {
        best = pt;
        bestRank = r;
      }
    }
    return Optional.ofNullable(best);
  }
}
