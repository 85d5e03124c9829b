package dev.slipstream.media.decode;

/**
 * Rebuilds H.264 access units (Annex-B, with start codes) from RTP packets in packetization-mode 1
 * (RFC 6184: single NAL units, STAP-A, FU-A). One access unit is every packet with the same
 * timestamp, completed by the marker bit or by the next timestamp. A lost packet spoils its access
 * unit and every later one until the next IDR, because a decoder fed a broken reference only makes
 * garbage; the count of what was thrown away is kept.
 *
 * <p>Single-threaded: one instance per stream, fed in arrival order.
 */
public final class H264Depacketizer extends FrameDepacketizer {
  private static final byte[] START_CODE = {0, 0, 0, 1};
  private static final int STAP_A = 24;
  private static final int FU_A = 28;
  private static final int IDR = 5;

  private boolean keyframe;
  private boolean inFragment;

  @Override
  void resetFrame() {
    keyframe = false;
    inFragment = false;
  }

  @Override
  boolean keyframe() {
    return keyframe;
  }

  @Override
  boolean whole() {
    return !inFragment;
  }

  @Override
  void read(byte[] buf, int off, int len) {
    if (len < 1) {
      broken = true;
      return;
    }
    int type = buf[off] & 0x1F;
    switch (type) {
      case STAP_A -> readAggregate(buf, off + 1, len - 1);
      case FU_A -> readFragment(buf, off, len);
      default -> nal(buf, off, len);
    }
  }

  private void readAggregate(byte[] buf, int off, int len) {
    int at = off;
    int end = off + len;
    while (at + 2 <= end) {
      int size = ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
      at += 2;
      if (size == 0 || at + size > end) {
        broken = true;
        return;
      }
      nal(buf, at, size);
      at += size;
    }
  }

  private void readFragment(byte[] buf, int off, int len) {
    if (len < 2) {
      broken = true;
      return;
    }
    int indicator = buf[off] & 0xFF;
    int header = buf[off + 1] & 0xFF;
    boolean start = (header & 0x80) != 0;
    boolean end = (header & 0x40) != 0;
    int type = header & 0x1F;
    if (start) {
      if (inFragment) {
        broken = true;
      }
      frame.writeBytes(START_CODE);
      frame.write((indicator & 0xE0) | type);
      keyframe |= type == IDR;
      inFragment = true;
    } else if (!inFragment) {
      broken = true;
      return;
    }
    frame.write(buf, off + 2, len - 2);
    if (end) {
      inFragment = false;
    }
  }

  private void nal(byte[] buf, int off, int len) {
    keyframe |= (buf[off] & 0x1F) == IDR;
    frame.writeBytes(START_CODE);
    frame.write(buf, off, len);
  }
}
