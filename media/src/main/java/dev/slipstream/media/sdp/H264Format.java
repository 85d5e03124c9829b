package dev.slipstream.media.sdp;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The H.264 format parameters that decide whether two payload types carry compatible streams (RFC
 * 6184 section 8.1): the profile from {@code profile-level-id} and the {@code packetization-mode}.
 * The level is kept only to prefer a matching one: an SFU cannot change the level of what it
 * forwards, and browsers decode above the level they advertise.
 *
 * @param profileLevelId the six hex digits, lower-case
 * @param profile the profile they name
 * @param level the {@code level_idc} byte, e.g. 31 for level 3.1
 * @param packetizationMode 0 (single NAL unit) or 1 (non-interleaved, FU-A and STAP-A)
 */
record H264Format(String profileLevelId, Profile profile, int level, int packetizationMode) {

  /**
   * The profiles WebRTC endpoints offer, told apart by {@code profile_idc} and constraint flags.
   */
  enum Profile {
    CONSTRAINED_BASELINE,
    BASELINE,
    MAIN,
    CONSTRAINED_HIGH,
    HIGH,
    PREDICTIVE_HIGH_444;

    /** Returns the profiles whose decoders can decode a stream of this one (H.264 annex A.2). */
    Set<Profile> decodableBy() {
      return switch (this) {
        case CONSTRAINED_BASELINE -> EnumSet.of(CONSTRAINED_BASELINE, BASELINE, MAIN, HIGH);
        case MAIN -> EnumSet.of(MAIN, HIGH);
        case CONSTRAINED_HIGH -> EnumSet.of(CONSTRAINED_HIGH, HIGH);
        default -> EnumSet.of(this);
      };
    }
  }

  /** The profile-level-id RFC 6184 assumes when an offer leaves it out: Baseline level 1.0. */
  static final String DEFAULT_PROFILE_LEVEL_ID = "42000a";

  // profile_idc, mask and value over profile_iop, as libwebrtc's h264_profile_level_id table.
  private static final int[][] PATTERNS = {
    {0x42, 0x4F, 0x40},
    {0x4D, 0x8F, 0x80},
    {0x58, 0xCF, 0xC0},
    {0x42, 0x4F, 0x00},
    {0x58, 0xCF, 0x80},
    {0x4D, 0xAF, 0x00},
    {0x64, 0xFF, 0x00},
    {0x64, 0xFF, 0x0C},
    {0xF4, 0xFF, 0x00},
  };
  private static final Profile[] PATTERN_PROFILES = {
    Profile.CONSTRAINED_BASELINE,
    Profile.CONSTRAINED_BASELINE,
    Profile.CONSTRAINED_BASELINE,
    Profile.BASELINE,
    Profile.BASELINE,
    Profile.MAIN,
    Profile.HIGH,
    Profile.CONSTRAINED_HIGH,
    Profile.PREDICTIVE_HIGH_444,
  };

  /** Reads the parameters of one H.264 payload type; empty when they name no known profile. */
  static Optional<H264Format> of(Map<String, String> fmtp) {
    String id = fmtp.getOrDefault("profile-level-id", DEFAULT_PROFILE_LEVEL_ID);
    String mode = fmtp.getOrDefault("packetization-mode", "0");
    if (id.length() != 6
        || !HexFormat.isHexDigit(id.charAt(0))
        || !(mode.equals("0") || mode.equals("1") || mode.equals("2"))) {
      return Optional.empty();
    }
    int value;
    try {
      value = HexFormat.fromHexDigits(id);
    } catch (IllegalArgumentException notHex) {
      return Optional.empty();
    }
    int idc = value >> 16;
    int iop = (value >> 8) & 0xFF;
    for (int i = 0; i < PATTERNS.length; i++) {
      if (PATTERNS[i][0] == idc && (iop & PATTERNS[i][1]) == PATTERNS[i][2]) {
        return Optional.of(
            new H264Format(
                id.toLowerCase(Locale.ROOT),
                PATTERN_PROFILES[i],
                value & 0xFF,
                Integer.parseInt(mode)));
      }
    }
    return Optional.empty();
  }

  /** Tells whether a receiver offering {@code receiver} can take a stream in this format. */
  boolean canBeReceivedBy(H264Format receiver) {
    return receiver.packetizationMode == packetizationMode
        && profile.decodableBy().contains(receiver.profile);
  }
}
