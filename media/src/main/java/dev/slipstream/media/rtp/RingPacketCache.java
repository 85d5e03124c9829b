package dev.slipstream.media.rtp;

import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A ring of immutable packet copies indexed by {@code sequenceNumber & mask}.
 *
 * <p>The writer publishes each new {@link CachedPacket} with a volatile store into its slot and
 * readers load it with a volatile read, so a reader sees either the old or the new packet, whole,
 * and never a torn one; no locks. A slot may hold a packet 65,536 numbers older with the same low
 * bits, which the age limit rules out. Only the writer touches {@code newest}.
 */
final class RingPacketCache implements PacketCache {
  private final AtomicReferenceArray<CachedPacket> slots;
  private final int mask;
  private final long maxAgeMillis;
  private final InstantSource clock;
  private final SequenceUnwrapper sequences = new SequenceUnwrapper();

  RingPacketCache(int capacity, long maxAgeMillis, InstantSource clock) {
    this.slots = new AtomicReferenceArray<>(capacity);
    this.mask = capacity - 1;
    this.maxAgeMillis = maxAgeMillis;
    this.clock = clock;
  }

  @Override
  public void put(RtpPacket packet) {
    long extended = sequences.unwrap(packet.sequenceNumber());
    if (extended <= sequences.highest() - slots.length()) {
      return; // its slot now belongs to a newer packet
    }
    slots.set(packet.sequenceNumber() & mask, new CachedPacket(packet.copy(), clock.millis()));
  }

  @Override
  public Optional<CachedPacket> get(int sequenceNumber) {
    CachedPacket cached = slots.get(sequenceNumber & mask);
    if (cached == null
        || cached.sequenceNumber() != (sequenceNumber & 0xFFFF)
        || clock.millis() - cached.storedAtMillis() > maxAgeMillis) {
      return Optional.empty();
    }
    return Optional.of(cached);
  }
}
