package dev.slipstream.media.rtp;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Decodes RFC 4585 and RFC 5104 feedback: NACK, PLI and FIR; identifies REMB and TWCC. */
final class RtcpFeedbackReader {
  static final int NACK = 1;
  static final int PLI = 1;
  static final int FIR = 4;
  static final int TRANSPORT_CC = 15;
  static final int APPLICATION_LAYER = 15;
  static final int HEADER_SIZE = 12;
  static final int FIR_ENTRY_SIZE = 8;

  private RtcpFeedbackReader() {}

  /** Returns the feedback at {@code at}, or null when its FCI does not fit before {@code end}. */
  static @Nullable RtcpPacket read(byte[] b, int at, int end, int format, int type) {
    if (at + HEADER_SIZE > end) {
      return null;
    }
    long sender = BigEndian.u32(b, at + 4);
    long media = BigEndian.u32(b, at + 8);
    int fci = at + HEADER_SIZE;
    int fciLength = end - fci;
    if (type == RtcpPacket.RTPFB && format == NACK) {
      if (fciLength < 4 || fciLength % 4 != 0) {
        return null;
      }
      List<Integer> missing = new ArrayList<>();
      for (int pos = fci; pos < end; pos += 4) {
        NackPairs.expand(BigEndian.u16(b, pos), BigEndian.u16(b, pos + 2), missing);
      }
      return new RtcpPacket.GenericNack(sender, media, missing);
    }
    if (type == RtcpPacket.PSFB && format == PLI) {
      return new RtcpPacket.PictureLossIndication(sender, media);
    }
    if (type == RtcpPacket.PSFB && format == FIR) {
      if (fciLength < FIR_ENTRY_SIZE || fciLength % FIR_ENTRY_SIZE != 0) {
        return null;
      }
      List<RtcpPacket.FirEntry> entries = new ArrayList<>(fciLength / FIR_ENTRY_SIZE);
      for (int pos = fci; pos < end; pos += FIR_ENTRY_SIZE) {
        entries.add(new RtcpPacket.FirEntry(BigEndian.u32(b, pos), b[pos + 4] & 0xFF));
      }
      return new RtcpPacket.FullIntraRequest(sender, entries);
    }
    return new RtcpPacket.OtherFeedback(
        type, format, kind(b, fci, fciLength, format, type), sender, media);
  }

  private static RtcpPacket.FeedbackKind kind(
      byte[] b, int fci, int fciLength, int format, int type) {
    if (type == RtcpPacket.RTPFB && format == TRANSPORT_CC) {
      return RtcpPacket.FeedbackKind.TRANSPORT_CC;
    }
    boolean remb =
        type == RtcpPacket.PSFB
            && format == APPLICATION_LAYER
            && fciLength >= 4
            && b[fci] == 'R'
            && b[fci + 1] == 'E'
            && b[fci + 2] == 'M'
            && b[fci + 3] == 'B';
    return remb ? RtcpPacket.FeedbackKind.REMB : RtcpPacket.FeedbackKind.OTHER;
  }
}
