package dev.slipstream.media.rtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes the RTCP packets the SFU sends: reports, SDES, BYE, NACK, PLI and FIR. */
final class RtcpWriter {
  private RtcpWriter() {}

  /** Returns {@code packets} as one compound packet, in the order given. */
  static byte[] write(List<? extends RtcpPacket> packets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    for (RtcpPacket packet : packets) {
      out.writeBytes(encode(packet));
    }
    return out.toByteArray();
  }

  private static byte[] encode(RtcpPacket packet) {
    return switch (packet) {
      case RtcpPacket.SenderReport sr -> senderReport(sr);
      case RtcpPacket.ReceiverReport rr -> {
        byte[] b = header(RtcpPacket.RR, count(rr.reports().size()), 8 + 24 * rr.reports().size());
        BigEndian.put32(b, 4, rr.ssrc());
        blocks(b, 8, rr.reports());
        yield b;
      }
      case RtcpPacket.SourceDescription sdes -> RtcpTextWriter.sourceDescription(sdes);
      case RtcpPacket.Goodbye bye -> RtcpTextWriter.goodbye(bye);
      case RtcpPacket.GenericNack nack -> {
        int[] pairs = NackPairs.compress(nack.sequenceNumbers());
        byte[] b =
            feedback(
                RtcpPacket.RTPFB,
                RtcpFeedbackReader.NACK,
                4 * pairs.length,
                nack.senderSsrc(),
                nack.mediaSsrc());
        for (int i = 0; i < pairs.length; i++) {
          BigEndian.put32(b, 12 + 4 * i, pairs[i] & 0xFFFFFFFFL);
        }
        yield b;
      }
      case RtcpPacket.PictureLossIndication pli ->
          feedback(RtcpPacket.PSFB, RtcpFeedbackReader.PLI, 0, pli.senderSsrc(), pli.mediaSsrc());
      case RtcpPacket.FullIntraRequest fir -> {
        int n = fir.entries().size();
        byte[] b = feedback(RtcpPacket.PSFB, RtcpFeedbackReader.FIR, 8 * n, fir.senderSsrc(), 0);
        for (int i = 0; i < n; i++) {
          BigEndian.put32(b, 12 + 8 * i, fir.entries().get(i).ssrc());
          b[12 + 8 * i + 4] = (byte) fir.entries().get(i).sequenceNumber();
        }
        yield b;
      }
      case RtcpPacket.OtherFeedback other ->
          throw new IllegalArgumentException(
              "feedback identified only, cannot be written: " + other);
      case RtcpPacket.UnknownRtcp unknown ->
          throw new IllegalArgumentException("unknown RTCP cannot be written: " + unknown);
    };
  }

  private static byte[] senderReport(RtcpPacket.SenderReport sr) {
    byte[] b = header(RtcpPacket.SR, count(sr.reports().size()), 28 + 24 * sr.reports().size());
    BigEndian.put32(b, 4, sr.ssrc());
    BigEndian.put64(b, 8, sr.ntpTimestamp());
    BigEndian.put32(b, 16, sr.rtpTimestamp());
    BigEndian.put32(b, 20, sr.packetCount());
    BigEndian.put32(b, 24, sr.octetCount());
    blocks(b, 28, sr.reports());
    return b;
  }

  private static void blocks(byte[] b, int at, List<ReportBlock> blocks) {
    for (ReportBlock block : blocks) {
      BigEndian.put32(b, at, block.ssrc());
      b[at + 4] = (byte) block.fractionLost();
      BigEndian.put24(b, at + 5, Math.clamp(block.cumulativeLost(), -0x800000, 0x7FFFFF));
      BigEndian.put32(b, at + 8, block.extendedHighestSequence());
      BigEndian.put32(b, at + 12, block.jitter());
      BigEndian.put32(b, at + 16, block.lastSenderReport());
      BigEndian.put32(b, at + 20, block.delaySinceLastSenderReport());
      at += 24;
    }
  }

  private static byte[] feedback(int type, int format, int fciSize, long sender, long media) {
    byte[] b = header(type, format, 12 + fciSize);
    BigEndian.put32(b, 4, sender);
    BigEndian.put32(b, 8, media);
    return b;
  }

  /** Returns a zeroed packet of {@code size} bytes (a multiple of 4) with its header filled. */
  static byte[] header(int type, int count, int size) {
    byte[] b = new byte[size];
    b[0] = (byte) (0x80 | count);
    b[1] = (byte) type;
    BigEndian.put16(b, 2, size / 4 - 1);
    return b;
  }

  /** Returns {@code n} if it fits the 5-bit count field. */
  static int count(int n) {
    if (n > 31) {
      throw new IllegalArgumentException("an RTCP packet holds at most 31 items, got " + n);
    }
    return n;
  }

  static byte[] utf8(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 255) {
      throw new IllegalArgumentException("RTCP text is at most 255 bytes, got " + bytes.length);
    }
    return bytes;
  }
}
