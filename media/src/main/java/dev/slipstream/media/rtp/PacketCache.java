package dev.slipstream.media.rtp;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The recent packets of one source, by sequence number, to answer NACKs with.
 *
 * <p>One writer, many readers: exactly one thread calls {@link #put} (the source's receive path);
 * any number of threads may call {@link #get} at the same time (viewers' feedback paths).
 */
public interface PacketCache {
  /** A capacity that holds about a second of 8 Mbit/s video in 1,200-byte packets. */
  int DEFAULT_CAPACITY = 1_024;

  /** Stores a copy of {@code packet}; a packet older than the whole ring is ignored. */
  void put(RtpPacket packet);

  /** Returns the packet with {@code sequenceNumber} if it is held and younger than the max age. */
  Optional<CachedPacket> get(int sequenceNumber);

  /**
   * Returns a cache of {@code capacity} packets, each kept at most {@code maxAge}.
   *
   * @throws IllegalArgumentException when {@code capacity} is not a power of two from 16 to 32768,
   *     or {@code maxAge} is not positive
   */
  static PacketCache create(int capacity, Duration maxAge, InstantSource clock) {
    if (capacity < 16 || capacity > 32_768 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException(
          "capacity must be a power of two from 16 to 32768, got " + capacity);
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
    }
    return new RingPacketCache(capacity, maxAge.toMillis(), clock);
  }
}
