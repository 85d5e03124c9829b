package dev.slipstream.media.decode;

/**
 * Rebuilds VP8 frames from RTP packets (RFC 7741). Every packet opens with a payload descriptor of
 * 1 to 6 bytes (X adds a byte of I/L/T/K flags, I a 7- or 15-bit picture id, L a TL0PICIDX byte, T
 * or K one TID/KEYIDX byte); what follows is frame data. A frame starts at the packet with S=1 and
 * partition id 0, and ends at the marker bit or where the timestamp changes. Its first byte's low
 * bit is the inverse keyframe flag.
 */
public final class Vp8Depacketizer extends FrameDepacketizer {
  private boolean started;
  private int firstByte = -1;

  @Override
  void resetFrame() {
    started = false;
    firstByte = -1;
  }

  @Override
  boolean keyframe() {
    return started && firstByte >= 0 && (firstByte & 0x01) == 0;
  }

  @Override
  boolean whole() {
    return started;
  }

  @Override
  void read(byte[] buf, int off, int len) {
    int end = off + len;
    if (len < 1) {
      broken = true;
      return;
    }
    int first = buf[off] & 0xFF;
    int at = off + 1;
    if ((first & 0x80) != 0) {
      if (at >= end) {
        broken = true;
        return;
      }
      int flags = buf[at++] & 0xFF;
      if ((flags & 0x80) != 0) {
        at += at < end && (buf[at] & 0x80) != 0 ? 2 : 1;
      }
      at += (flags & 0x40) != 0 ? 1 : 0;
      at += (flags & 0x30) != 0 ? 1 : 0;
    }
    if (at > end) {
      broken = true;
      return;
    }
    boolean startOfFrame = (first & 0x10) != 0 && (first & 0x07) == 0;
    if (startOfFrame) {
      if (frame.size() > 0) {
        broken = true;
        frame.reset();
      }
      started = true;
      firstByte = -1;
    } else if (!started) {
      return;
    }
    if (firstByte < 0 && at < end) {
      firstByte = buf[at] & 0xFF;
    }
    frame.write(buf, at, end - at);
  }
}
