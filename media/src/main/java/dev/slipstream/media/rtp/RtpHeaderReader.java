package dev.slipstream.media.rtp;

import org.jspecify.annotations.Nullable;

/** Checks an RTP header's fields against the datagram's length before any view is made. */
final class RtpHeaderReader {
  private static final int ONE_BYTE_PROFILE = 0xBEDE;
  private static final int TWO_BYTE_PROFILE = 0x1000;

  private RtpHeaderReader() {}

  /** Returns the packet's view, or null after recording why it is malformed. */
  static @Nullable RtpPacket read(byte[] b, int offset, int length, DropCounts drops) {
    if (length < RtpPacket.FIXED_HEADER_SIZE) {
      return reject(drops, DropReason.RTP_TOO_SHORT);
    }
    int first = b[offset] & 0xFF;
    if (first >>> 6 != 2) {
      return reject(drops, DropReason.RTP_BAD_VERSION);
    }
    int header = RtpPacket.FIXED_HEADER_SIZE + 4 * (first & 0x0F);
    if (header > length) {
      return reject(drops, DropReason.RTP_CSRC_BEYOND_END);
    }
    int form = ExtensionElements.NONE;
    int extensionStart = 0;
    int extensionEnd = 0;
    if ((first & 0x10) != 0) {
      if (header + 4 > length) {
        return reject(drops, DropReason.RTP_EXTENSION_BEYOND_END);
      }
      int profile = BigEndian.u16(b, offset + header);
      int words = BigEndian.u16(b, offset + header + 2);
      extensionStart = offset + header + 4;
      header += 4 + 4 * words;
      if (header > length) {
        return reject(drops, DropReason.RTP_EXTENSION_BEYOND_END);
      }
      extensionEnd = offset + header;
      if (profile == ONE_BYTE_PROFILE) {
        form = ExtensionElements.ONE_BYTE;
      } else if ((profile & 0xFFF0) == TWO_BYTE_PROFILE) {
        form = ExtensionElements.TWO_BYTE;
      } else {
        extensionEnd = extensionStart; // another profile: opaque, no elements to read
      }
    }
    int padding = 0;
    if ((first & 0x20) != 0) {
      padding = header < length ? b[offset + length - 1] & 0xFF : 0;
      if (padding == 0 || padding > length - header) {
        return reject(drops, DropReason.RTP_BAD_PADDING);
      }
    }
    return new RtpPacket(b, offset, length, header, padding, form, extensionStart, extensionEnd);
  }

  private static @Nullable RtpPacket reject(DropCounts drops, DropReason reason) {
    drops.record(reason);
    return null;
  }
}
