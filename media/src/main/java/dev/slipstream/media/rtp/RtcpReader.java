package dev.slipstream.media.rtp;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits an RTCP compound packet at its length fields and decodes each part.
 *
 * <p>One lying length field makes every later boundary a guess, so any malformed part drops the
 * whole compound packet rather than acting on a half-read one.
 */
final class RtcpReader {
  private RtcpReader() {}

  /** Returns the decoded packets, or null after recording why the compound is malformed. */
  static @Nullable List<RtcpPacket> read(byte[] b, int offset, int length, DropCounts drops) {
    if (length < 4) {
      return reject(drops, DropReason.RTCP_TOO_SHORT);
    }
    List<RtcpPacket> packets = new ArrayList<>(4);
    int end = offset + length;
    for (int at = offset; at < end; ) {
      if (end - at < 4) {
        return reject(drops, DropReason.RTCP_TOO_SHORT);
      }
      int first = b[at] & 0xFF;
      if (first >>> 6 != 2) {
        return reject(drops, DropReason.RTCP_BAD_VERSION);
      }
      int size = (BigEndian.u16(b, at + 2) + 1) * 4;
      if (size > end - at) {
        return reject(drops, DropReason.RTCP_LENGTH_BEYOND_END);
      }
      int bodyEnd = at + size;
      if ((first & 0x20) != 0) {
        int padding = b[bodyEnd - 1] & 0xFF;
        if (padding == 0 || padding > size - 4) {
          return reject(drops, DropReason.RTCP_BAD_PADDING);
        }
        bodyEnd -= padding;
      }
      RtcpPacket packet = decode(b, at, bodyEnd, first & 0x1F, b[at + 1] & 0xFF);
      if (packet == null) {
        return reject(drops, DropReason.RTCP_BODY_TOO_SHORT);
      }
      packets.add(packet);
      at += size;
    }
    return packets;
  }

  private static @Nullable RtcpPacket decode(byte[] b, int at, int end, int count, int type) {
    return switch (type) {
      case RtcpPacket.SR, RtcpPacket.RR -> RtcpReportReader.read(b, at, end, count, type);
      case RtcpPacket.SDES -> RtcpSdesReader.read(b, at, end, count);
      case RtcpPacket.BYE -> RtcpSdesReader.readGoodbye(b, at, end, count);
      case RtcpPacket.RTPFB, RtcpPacket.PSFB -> RtcpFeedbackReader.read(b, at, end, count, type);
      default -> new RtcpPacket.UnknownRtcp(type, count);
    };
  }

  private static @Nullable List<RtcpPacket> reject(DropCounts drops, DropReason reason) {
    drops.record(reason);
    return null;
  }
}
