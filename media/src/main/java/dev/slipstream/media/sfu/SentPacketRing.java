package dev.slipstream.media.sfu;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last packets sent to one viewer, already encrypted, by the viewer's sequence number. A NACK
 * is answered by sending the same bytes again: SRTP must never protect a sequence number twice, and
 * the identical ciphertext reveals nothing new.
 *
 * <p>One writer (the viewer's sender thread), readers on the socket thread; each slot is replaced
 * atomically, and a reader checks the slot still holds the sequence number it asked for.
 */
final class SentPacketRing {
  private static final int SIZE = 1024;

  private record Sent(int sequence, byte[] data, int length) {}

  private final AtomicReferenceArray<Sent> slots = new AtomicReferenceArray<>(SIZE);

  void put(int sequence, byte[] data, int length) {
    slots.set(sequence & (SIZE - 1), new Sent(sequence, data, length));
  }

  /** Returns the protected bytes and their length sent with this sequence number, if kept. */
  Optional<byte[]> get(int sequence) {
    Sent sent = slots.get(sequence & (SIZE - 1));
    if (sent == null || sent.sequence() != sequence) {
      return Optional.empty();
    }
    return Optional.of(java.util.Arrays.copyOf(sent.data(), sent.length()));
  }
}
