package dev.slipstream.media.rtp;

import java.time.Instant;

/**
 * Converts wall-clock instants to and from the 64-bit NTP timestamps of sender reports (RFC 3550
 * 4).
 */
public final class NtpTime {
  /** Seconds from the NTP epoch, 1900-01-01, to the Unix epoch. */
  static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

  private NtpTime() {}

  /** Returns {@code instant} as NTP: seconds since 1900 above, a binary fraction below. */
  public static long of(Instant instant) {
    long seconds = instant.getEpochSecond() + EPOCH_OFFSET_SECONDS;
    long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
    return seconds << 32 | fraction;
  }

  /** Returns the instant an NTP timestamp names (the inverse of {@link #of}). */
  public static Instant toInstant(long ntpTimestamp) {
    long seconds = (ntpTimestamp >>> 32) - EPOCH_OFFSET_SECONDS;
    long nanos = ((ntpTimestamp & 0xFFFF_FFFFL) * 1_000_000_000L) >>> 32;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** Returns the middle 32 bits, the compact form RR blocks echo as "last SR". */
  public static long middle32(long ntpTimestamp) {
    return (ntpTimestamp >>> 16) & 0xFFFFFFFFL;
  }
}
