package dev.slipstream.media.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * A window on the caller's array that jitsi-srtp transforms in place. It never reallocates: the
 * session checks beforehand that the tail room is enough, so growing past the array is a bug and
 * fails loudly rather than silently moving the packet to an array the caller never sees.
 */
final class PacketBuffer implements ByteArrayBuffer {
  private final byte[] array;
  private int offset;
  private int length;

  PacketBuffer(byte[] array, int offset, int length) {
    this.array = array;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public byte[] getBuffer() {
    return array;
  }

  @Override
  public int getOffset() {
    return offset;
  }

  @Override
  public int getLength() {
    return length;
  }

  @Override
  public void setLength(int length) {
    if (length < 0 || offset + length > array.length) {
      throw new IllegalArgumentException("length " + length + " does not fit the array");
    }
    this.length = length;
  }

  @Override
  public void setOffset(int offset) {
    if (offset < 0 || offset + length > array.length) {
      throw new IllegalArgumentException("offset " + offset + " does not fit the array");
    }
    this.offset = offset;
  }

  @Override
  public boolean isInvalid() {
    return false;
  }

  @Override
  public void readRegionToBuff(int off, int len, byte[] out) {
    System.arraycopy(array, offset + off, out, 0, len);
  }

  @Override
  public void grow(int howMuch) {
    if (offset + length + howMuch > array.length) {
      throw new IllegalStateException("no tail room for " + howMuch + " more bytes");
    }
  }

  @Override
  public void append(byte[] data, int len) {
    grow(len);
    System.arraycopy(data, 0, array, offset + length, len);
    length += len;
  }

  @Override
  public void shrink(int len) {
    if (len > 0) {
      length = Math.max(0, length - len);
    }
  }
}
