package dev.slipstream.media.rtp;

/**
 * An immutable copy of a sent or received RTP packet, kept for retransmission.
 *
 * <p>Many threads may read one; each takes its own {@link #copy()} to rewrite and encrypt, so the
 * cached bytes never change after {@link PacketCache#put}.
 */
public final class CachedPacket {
  private final RtpPacket packet;
  private final long storedAtMillis;

  CachedPacket(RtpPacket privateCopy, long storedAtMillis) {
    this.packet = privateCopy;
    this.storedAtMillis = storedAtMillis;
  }

  /** Returns the packet's sequence number. */
  public int sequenceNumber() {
    return packet.sequenceNumber();
  }

  /** Returns the packet's size in bytes. */
  public int length() {
    return packet.length();
  }

  /** Returns when it was cached, in the cache clock's milliseconds. */
  public long storedAtMillis() {
    return storedAtMillis;
  }

  /** Returns a view of a fresh, writable copy of the packet. */
  public RtpPacket copy() {
    return packet.copy();
  }

  /**
   * Copies the packet to {@code destination[destinationOffset]}, for instance into a buffer with
   * room for the SRTP tag, and returns a writable view of the copy.
   *
   * @throws IndexOutOfBoundsException when the copy does not fit
   */
  public RtpPacket copyInto(byte[] destination, int destinationOffset) {
    return packet.copyInto(destination, destinationOffset);
  }
}
