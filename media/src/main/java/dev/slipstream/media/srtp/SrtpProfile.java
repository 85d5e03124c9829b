package dev.slipstream.media.srtp;

import java.util.Optional;

/**
 * An SRTP protection profile that DTLS-SRTP can negotiate (RFC 5764 §4.1.2, RFC 7714 §14.2), in the
 * order this server prefers them.
 */
public enum SrtpProfile {
  /** AES-128 in Galois/Counter Mode with a 16-byte tag (RFC 7714); preferred, as Chromium is. */
  AEAD_AES_128_GCM(0x0007, 16, 12, 16),
  /** AES-128 in counter mode with an 80-bit HMAC-SHA1 tag (RFC 3711); every WebRTC peer has it. */
  AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 10);

  private final int dtlsId;
  private final int masterKeyLength;
  private final int masterSaltLength;
  private final int tagLength;

  SrtpProfile(int dtlsId, int masterKeyLength, int masterSaltLength, int tagLength) {
    this.dtlsId = dtlsId;
    this.masterKeyLength = masterKeyLength;
    this.masterSaltLength = masterSaltLength;
    this.tagLength = tagLength;
  }

  /** Returns the profile's number in the DTLS {@code use_srtp} extension. */
  public int dtlsId() {
    return dtlsId;
  }

  /** Returns the length in bytes of each side's master key. */
  public int masterKeyLength() {
    return masterKeyLength;
  }

  /** Returns the length in bytes of each side's master salt. */
  public int masterSaltLength() {
    return masterSaltLength;
  }

  /** Returns how many bytes protecting an RTP packet adds: the authentication tag. */
  public int rtpOverhead() {
    return tagLength;
  }

  /** Returns how many bytes protecting an RTCP packet adds: the SRTCP index and the tag. */
  public int rtcpOverhead() {
    return 4 + tagLength;
  }

  /** Returns how many bytes of DTLS keying material this profile needs (RFC 5764 §4.2). */
  public int exporterLength() {
    return 2 * (masterKeyLength + masterSaltLength);
  }

  int tagLength() {
    return tagLength;
  }

  /** Returns the profile with this {@code use_srtp} number, or empty when we do not support it. */
  public static Optional<SrtpProfile> fromDtlsId(int dtlsId) {
    for (SrtpProfile p : values()) {
      if (p.dtlsId == dtlsId) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
