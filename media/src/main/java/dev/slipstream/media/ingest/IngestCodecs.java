package dev.slipstream.media.ingest;

import dev.slipstream.media.sdp.NegotiatedCodec;
import dev.slipstream.media.sdp.StreamCodecs;
import java.util.Map;

/**
 * The codecs the in-process sources publish: H.264 under payload type 96 and Opus under 111, the
 * numbers Chromium offers, so viewers' answers rarely renumber.
 */
public final class IngestCodecs {
  /** The RTP payload type of H.264. */
  public static final int H264_PAYLOAD_TYPE = 96;

  /** The RTP payload type of Opus. */
  public static final int OPUS_PAYLOAD_TYPE = 111;

  /** The profile-level-id of constrained baseline, level 3.1. */
  public static final String CONSTRAINED_BASELINE_31 = "42e01f";

  /** Opus, 48 kHz stereo, as WebRTC carries it. */
  public static final NegotiatedCodec OPUS =
      new NegotiatedCodec(
          OPUS_PAYLOAD_TYPE, "opus", 48_000, 2, Map.of("minptime", "10", "useinbandfec", "1"));

  /** What the synthetic source sends: constrained baseline H.264 and Opus. */
  public static final StreamCodecs SYNTHETIC =
      new StreamCodecs(h264(CONSTRAINED_BASELINE_31), OPUS);

  private IngestCodecs() {}

  /**
   * Returns H.264 with packetization-mode 1 and the given profile-level-id (six hex digits, as the
   * stream's SPS says it).
   */
  public static NegotiatedCodec h264(String profileLevelId) {
    if (!profileLevelId.matches("[0-9a-f]{6}")) {
      throw new IllegalArgumentException(
          "profile-level-id must be six lower-case hex digits, got '" + profileLevelId + "'");
    }
    return new NegotiatedCodec(
        H264_PAYLOAD_TYPE,
        "H264",
        90_000,
        1,
        Map.of(
            "packetization-mode", "1",
            "profile-level-id", profileLevelId,
            "level-asymmetry-allowed", "1"));
  }
}
