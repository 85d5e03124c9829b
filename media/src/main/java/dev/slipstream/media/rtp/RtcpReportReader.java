package dev.slipstream.media.rtp;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Decodes sender and receiver reports with their report blocks. */
final class RtcpReportReader {
  static final int SENDER_INFO_SIZE = 20;
  static final int BLOCK_SIZE = 24;

  private RtcpReportReader() {}

  /** Returns the SR or RR at {@code at}, or null when its blocks do not fit before {@code end}. */
  static @Nullable RtcpPacket read(byte[] b, int at, int end, int count, int type) {
    int blocksAt = at + 8 + (type == RtcpPacket.SR ? SENDER_INFO_SIZE : 0);
    if (blocksAt + count * BLOCK_SIZE > end) {
      return null;
    }
    long ssrc = BigEndian.u32(b, at + 4);
    List<ReportBlock> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      blocks.add(block(b, blocksAt + i * BLOCK_SIZE));
    }
    if (type == RtcpPacket.RR) {
      return new RtcpPacket.ReceiverReport(ssrc, blocks);
    }
    return new RtcpPacket.SenderReport(
        ssrc,
        BigEndian.u64(b, at + 8),
        BigEndian.u32(b, at + 16),
        BigEndian.u32(b, at + 20),
        BigEndian.u32(b, at + 24),
        blocks);
  }

  private static ReportBlock block(byte[] b, int at) {
    int lost = BigEndian.u24(b, at + 5);
    return new ReportBlock(
        BigEndian.u32(b, at),
        b[at + 4] & 0xFF,
        lost << 8 >> 8,
        BigEndian.u32(b, at + 8),
        BigEndian.u32(b, at + 12),
        BigEndian.u32(b, at + 16),
        BigEndian.u32(b, at + 20));
  }
}
