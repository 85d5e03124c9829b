package dev.slipstream.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated RTP packet (RFC 3550) read and rewritten in place in a byte array.
 *
 * <p>The view does not copy: setters write through to {@link #buffer()}. One publisher packet goes
 * to many viewers, so give each viewer its own {@link #copyInto(byte[], int) copy} before
 * rewriting. Not thread-safe; a view belongs to the thread handling its packet.
 */
public final class RtpPacket {
  /** Size of the fixed RTP header. */
  public static final int FIXED_HEADER_SIZE = 12;

  private final byte[] buffer;
  private final int offset;
  private final int length;
  private final int headerLength;
  private final int paddingLength;
  private final int extensionForm;
  private final int extensionStart;
  private final int extensionEnd;

  RtpPacket(
      byte[] buffer,
      int offset,
      int length,
      int headerLength,
      int paddingLength,
      int extensionForm,
      int extensionStart,
      int extensionEnd) {
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    this.headerLength = headerLength;
    this.paddingLength = paddingLength;
    this.extensionForm = extensionForm;
    this.extensionStart = extensionStart;
    this.extensionEnd = extensionEnd;
  }

  /**
   * Validates the RTP packet in {@code buffer[offset, offset + length)}; returns its view, or empty
   * after recording in {@code drops} why it is malformed.
   *
   * @throws IndexOutOfBoundsException when the range lies outside {@code buffer} (a caller bug)
   */
  public static Optional<RtpPacket> parse(byte[] buffer, int offset, int length, DropCounts drops) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    RtpPacket packet = RtpHeaderReader.read(buffer, offset, length, drops);
    return Optional.ofNullable(packet);
  }

  /** Returns the array this view reads and writes. */
  public byte[] buffer() {
    return buffer;
  }

  /** Returns the index of the packet's first byte in {@link #buffer()}. */
  public int offset() {
    return offset;
  }

  /** Returns the packet's size in bytes, header and padding included. */
  public int length() {
    return length;
  }

  /** Returns the marker bit; for video it marks the last packet of a frame. */
  public boolean marker() {
    return (buffer[offset + 1] & 0x80) != 0;
  }

  /** Returns the payload type, 0 to 127. */
  public int payloadType() {
    return buffer[offset + 1] & 0x7F;
  }

  /** Returns the 16-bit sequence number. */
  public int sequenceNumber() {
    return BigEndian.u16(buffer, offset + 2);
  }

  /** Returns the 32-bit RTP timestamp as an unsigned value. */
  public long timestamp() {
    return BigEndian.u32(buffer, offset + 4);
  }

  /** Returns the synchronization source as an unsigned value. */
  public long ssrc() {
    return BigEndian.u32(buffer, offset + 8);
  }

  /** Returns how many contributing sources follow the fixed header. */
  public int csrcCount() {
    return buffer[offset] & 0x0F;
  }

  /** Returns the index in {@link #buffer()} of the first payload byte. */
  public int payloadOffset() {
    return offset + headerLength;
  }

  /** Returns the payload's size in bytes, padding excluded; 0 for a padding-only packet. */
  public int payloadLength() {
    return length - headerLength - paddingLength;
  }

  /** Returns the number of padding bytes at the end, their count byte included; 0 when none. */
  public int paddingLength() {
    return paddingLength;
  }

  /** Sets the marker bit. */
  public void setMarker(boolean marker) {
    buffer[offset + 1] = (byte) ((buffer[offset + 1] & 0x7F) | (marker ? 0x80 : 0));
  }

  /** Sets the payload type; {@code payloadType} must be 0 to 127. */
  public void setPayloadType(int payloadType) {
    if ((payloadType & ~0x7F) != 0) {
      throw new IllegalArgumentException("payload type must be 0 to 127, got " + payloadType);
    }
    buffer[offset + 1] = (byte) ((buffer[offset + 1] & 0x80) | payloadType);
  }

  /** Sets the sequence number to the low 16 bits of {@code sequenceNumber}. */
  public void setSequenceNumber(int sequenceNumber) {
    BigEndian.put16(buffer, offset + 2, sequenceNumber);
  }

  /** Sets the timestamp to the low 32 bits of {@code timestamp}. */
  public void setTimestamp(long timestamp) {
    BigEndian.put32(buffer, offset + 4, timestamp);
  }

  /** Sets the synchronization source to the low 32 bits of {@code ssrc}. */
  public void setSsrc(long ssrc) {
    BigEndian.put32(buffer, offset + 8, ssrc);
  }

  /** Returns where header extension element {@code id} lies, if the packet has one (RFC 8285). */
  public Optional<HeaderExtension> extension(int id) {
    long found = ExtensionElements.find(buffer, extensionStart, extensionEnd, extensionForm, id);
    return found < 0
        ? Optional.empty()
        : Optional.of(new HeaderExtension(id, (int) (found >>> 32), (int) found));
  }

  /** Returns element {@code id}'s value as UTF-8 text, as {@code sdes:mid} and rid carry. */
  public Optional<String> extensionText(int id) {
    return extension(id)
        .map(e -> new String(buffer, e.offset(), e.length(), StandardCharsets.UTF_8));
  }

  /**
   * Gives header extension element {@code from} the id {@code to}; returns false when there is no
   * such element or {@code to} does not fit (the one-byte form allows 1 to 14).
   */
  public boolean rewriteExtensionId(int from, int to) {
    return to > 0
        && ExtensionElements.rewriteId(
            buffer, extensionStart, extensionEnd, extensionForm, from, to);
  }

  /** Removes header extension element {@code id}, leaving padding; false when there was none. */
  public boolean removeExtension(int id) {
    return ExtensionElements.rewriteId(buffer, extensionStart, extensionEnd, extensionForm, id, 0);
  }

  /** Renumbers every header extension element as {@code map} says, removing unmapped ones. */
  public void remapExtensions(HeaderExtensionMap map) {
    ExtensionElements.remap(buffer, extensionStart, extensionEnd, extensionForm, map);
  }

  /**
   * Copies the packet to {@code destination[destinationOffset]} and returns a view of the copy.
   *
   * @throws IndexOutOfBoundsException when the copy does not fit
   */
  public RtpPacket copyInto(byte[] destination, int destinationOffset) {
    System.arraycopy(buffer, offset, destination, destinationOffset, length);
    int shift = destinationOffset - offset;
    return new RtpPacket(
        destination,
        destinationOffset,
        length,
        headerLength,
        paddingLength,
        extensionForm,
        extensionStart + shift,
        extensionEnd + shift);
  }

  /** Returns a view of a fresh copy of exactly this packet's bytes. */
  public RtpPacket copy() {
    return copyInto(new byte[length], 0);
  }

  @Override
  public String toString() {
    return "RtpPacket[ssrc=%d, pt=%d, seq=%d, ts=%d, marker=%b, payload=%d]"
        .formatted(ssrc(), payloadType(), sequenceNumber(), timestamp(), marker(), payloadLength());
  }
}
